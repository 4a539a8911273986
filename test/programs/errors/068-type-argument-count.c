/* Calls with too few and too many arguments: reported at the callee. */
static int add(int a, int b) { return a + b; }
static int zero(void) { return 0; }

int main(void) {
    int r = add(1);
//          ^ E3006
    r += add(1, 2, 3);
//       ^ E3006
    r += zero(7);
//       ^ E3006
    return r;
}
