/* Convention for this file: a macro invoked with the wrong number of arguments is reported at the
   macro name of the invocation. The macros are chosen so that the usual recoveries (missing
   arguments empty, extra ones dropped or kept) still expand to valid expressions. */
#define PAIR(a, b) a b
#define ONE(x) x
int main(void) {
    int x = PAIR(1);
//          ^ E0016
    int y = (ONE(1, 2));
//           ^ E0016
    return x + y;
}
