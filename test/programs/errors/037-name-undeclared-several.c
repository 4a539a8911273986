/* Three independent undeclared names in three functions: every one is reported. */
static int f(int x) {
    return x + missing_global;
//             ^ E2001
}

static int g(int x) {
    int y = x * factor;
//              ^ E2001
    return y;
}

int main(void) {
    int z = f(1) + g(2);
    return z + (int)sizeof nowhere;
//                         ^ E2001
}
