/* switch on a double and on a pointer: reported at the controlling expression. */
int main(void) {
    double d = 1.0;
    const char *s = "x";
    int r = 0;
    switch (d) {
//          ^ E3022
    case 1: r = 1; break;
    }
    switch (s) {
//          ^ E3022
    default: r = 2;
    }
    return r;
}
