/* Function pointers: declaration, assignment, calling with and without *, comparison. */
#include <stdio.h>

static int square(int x) { return x * x; }
static int negate(int x) { return -x; }
static double half(double x) { return x / 2; }
static void greet(const char *who) { printf("hello, %s\n", who); }

int main(void) {
    int (*f)(int) = square;
    printf("f(7) = %d\n", f(7));
    f = &negate;
    printf("f(7) = %d, (*f)(7) = %d\n", f(7), (*f)(7));
    printf("(**f)(3) = %d\n", (**f)(3));

    double (*h)(double) = half;
    printf("h(5) = %.1f\n", h(5));

    void (*g)(const char *) = greet;
    g("function pointer");

    /* comparison and null */
    int (*none)(int) = NULL;
    printf("f == negate %d, f == square %d, none == NULL %d\n", f == negate, f == square, none == NULL);
    if (!none) printf("none is null\n");

    /* choosing a function at run time */
    for (int i = 0; i < 4; i++) {
        int (*pick)(int) = i % 2 ? square : negate;
        printf("pick(%d) = %d\n", i + 1, pick(i + 1));
    }

    /* calling through a cast-free typedef and directly from a conditional */
    typedef int (*unary)(int);
    unary u = square;
    printf("u(u(2)) = %d\n", u(u(2)));
    printf("(1 ? square : negate)(9) = %d\n", (1 ? square : negate)(9));
    printf("sizeof f %zu\n", sizeof f);
    return 0;
}
