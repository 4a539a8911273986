/* Function-like macros: parenthesization, multiple evaluation pitfalls, do/while(0), nesting. */
#include <stdio.h>

#define SQUARE(x) ((x) * (x))
#define BAD_SQUARE(x) x * x
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define CLAMP(v, lo, hi) MIN(MAX(v, lo), hi)
#define ABS(x) ((x) < 0 ? -(x) : (x))
#define SWAP(T, a, b) do { T tmp_ = (a); (a) = (b); (b) = tmp_; } while (0)
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define IS_POW2(n) ((n) && !((n) & ((n) - 1)))
#define CUBE(x) (SQUARE(x) * (x))
#define NO_ARGS() 42
#define FIRST(a, b) a
#define CALL(f, x) f(x)
#define PRINT_INT(expr) printf("%s = %d\n", #expr, (expr))

static int counter;
static int next(void) { return ++counter; }

int main(void) {
    printf("SQUARE(3 + 1) %d, BAD_SQUARE(3 + 1) %d\n", SQUARE(3 + 1), BAD_SQUARE(3 + 1));
    printf("MAX(3, 7) %d, MIN(3, 7) %d, MAX(-1.5, -2.5) %.1f\n", MAX(3, 7), MIN(3, 7), MAX(-1.5, -2.5));
    for (int v = -5; v <= 15; v += 5) printf("CLAMP(%d, 0, 10) = %d\n", v, CLAMP(v, 0, 10));
    printf("ABS(-4) %d, ABS(2 - 9) %d\n", ABS(-4), ABS(2 - 9));

    /* arguments with side effects are evaluated as many times as they appear */
    counter = 0;
    int m = MAX(next(), 0);
    printf("MAX(next(), 0) = %d, next called %d times\n", m, counter);

    int a = 1, b = 2;
    if (a < b) SWAP(int, a, b);
    else printf("not reached\n");
    printf("after SWAP a %d b %d\n", a, b);
    double d1 = 1.5, d2 = 2.5;
    SWAP(double, d1, d2);
    printf("d1 %.1f d2 %.1f\n", d1, d2);

    int arr[17];
    printf("ARRAY_LEN %zu\n", ARRAY_LEN(arr));
    for (int n = 0; n <= 8; n++) printf("%d%s", IS_POW2(n), n < 8 ? " " : "\n");
    printf("CUBE(2 + 1) %d, NO_ARGS() %d, FIRST(7, 8) %d\n", CUBE(2 + 1), NO_ARGS(), FIRST(7, 8));
    printf("CALL(SQUARE, 5) %d\n", CALL(SQUARE, 5));
    PRINT_INT(SQUARE(4) + 1);
    PRINT_INT(MAX(2, 3) * 10);

    /* a function-like macro name without parentheses is not expanded */
    int MAX = 99;
    printf("variable named MAX = %d\n", MAX);
    (void)arr;
    return 0;
}
