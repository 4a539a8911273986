/* Chains and nests of ?: , with side effects only in the chosen arm. */
#include <stdio.h>

static int calls;
static int tick(int v) {
    calls++;
    return v;
}

static const char *size_name(long n) {
    return n < 10 ? "tiny" : n < 100 ? "small" : n < 1000 ? "medium" : n < 1000000 ? "large" : "huge";
}

static int sign(double x) { return x > 0 ? 1 : x < 0 ? -1 : 0; }

static int max3(int a, int b, int c) { return a > b ? (a > c ? a : c) : (b > c ? b : c); }

int main(void) {
    long ns[] = {3, 42, 512, 99999, 5000000};
    for (int i = 0; i < 5; i++) printf("%ld %s\n", ns[i], size_name(ns[i]));
    printf("signs %d %d %d\n", sign(-2.5), sign(0.0), sign(1e-9));
    printf("max3 %d %d %d %d\n", max3(1, 2, 3), max3(3, 2, 1), max3(2, 3, 1), max3(5, 5, 5));

    /* only one arm runs */
    calls = 0;
    int r = tick(1) ? tick(10) : tick(20);
    printf("r %d calls %d\n", r, calls);
    calls = 0;
    r = tick(0) ? tick(10) : tick(0) ? tick(30) : tick(40);
    printf("r %d calls %d\n", r, calls);

    /* ?: in conditions and arguments */
    for (int i = 0; i < 6; i++) printf("%d%s", i, i % 3 == 0 ? "fizz " : i % 2 ? "odd " : "even ");
    printf("\n");

    /* nested in the middle operand, which does not need parentheses */
    int a = 1, b = 0;
    int v = a ? b ? 1 : 2 : 3;
    printf("a ? b ? 1 : 2 : 3 = %d\n", v);

    /* ?: producing pointers and struct values */
    int x = 5, y = 9;
    int *big = x > y ? &x : &y;
    *big = 0;
    printf("x %d y %d\n", x, y);
    struct p { int v; } p1 = {1}, p2 = {2};
    struct p chosen = x ? p1 : p2;
    printf("chosen %d\n", chosen.v);

    /* assignment inside the arms needs parentheses on the right */
    int t = 0;
    a ? (t = 5) : (t = 6);
    printf("t %d\n", t);
    return 0;
}
