/* Convention for this file: an argument list left open at the end of the file is reported at the
   macro name of the invocation. */
#define TWICE(x) ((x) * 2)
int main(void) {
    return 0;
}
  TWICE(21
//^ E0017
