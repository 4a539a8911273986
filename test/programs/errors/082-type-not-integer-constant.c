/* Places that need an integer constant expression: case labels, enumerator values, bit-field widths.
   Each is reported at the start of the expression that is not an integer constant. */
int main(void) {
    int x = 2, limit = 3;
    switch (x) {
    case limit: return 1;
//       ^ E3019
    case 1.5: return 2;
//       ^ E3019
    default: break;
    }
    enum { A = x };
//             ^ E3019
    struct { unsigned bits : limit; } s = {0};
//                           ^ E3019
    return A + (int)s.bits;
}
