/* Convention for this file: the second definition of a function is reported at its name. */
static int helper(int x) {
    return x + 1;
}

static int helper(int x) {
//         ^ E4004
    return x + 2;
}

int main(void) {
    return helper(1);
}
