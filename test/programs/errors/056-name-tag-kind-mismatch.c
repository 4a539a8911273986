/* Convention for this file: a tag used with the wrong keyword (struct/union/enum) is reported at the
   tag name where it is misused. */
struct shape { int sides; };

int main(void) {
    union shape *p = 0;
//        ^ E2016
    enum shape e;
//       ^ E2016
    return p != 0 || e;
}
