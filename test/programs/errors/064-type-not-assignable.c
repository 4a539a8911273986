/* Assignments to things that are not lvalues: reported at the start of the target. */
static int value(void) { return 1; }

int main(void) {
    int a = 1, b = 2;
    5 = a;
//  ^ E3003
    (a + b) = 3;
//  ^ E3003
    value() = 4;
//  ^ E3003
    a++ = 2;
//  ^ E3003
    return a + b;
}
