/* Convention for this file: division by zero in a constant expression is reported at the left
   operand of the division. */
enum { RATIO = 10 / 0 };
//             ^ E3032
enum { HALF = 100 % (5 - 5) };
//            ^ E3032
int main(void) {
    switch (RATIO + HALF) {
    case 1 / 0: return 1;
//       ^ E3032
    default: break;
    }
    return 0;
}
