/* Functions taking function pointers: map, fold, filter, numerical integration. */
#include <stdio.h>

static void map(int *v, int n, int (*f)(int)) {
    for (int i = 0; i < n; i++) v[i] = f(v[i]);
}

static long fold(const int *v, int n, long init, long (*f)(long, int)) {
    long acc = init;
    for (int i = 0; i < n; i++) acc = f(acc, v[i]);
    return acc;
}

static int filter(const int *in, int n, int *out, int (*keep)(int)) {
    int m = 0;
    for (int i = 0; i < n; i++)
        if (keep(in[i])) out[m++] = in[i];
    return m;
}

static double integrate(double (*f)(double), double a, double b, int steps) {
    double h = (b - a) / steps, s = (f(a) + f(b)) / 2;
    for (int i = 1; i < steps; i++) s += f(a + i * h);
    return s * h;
}

static int triple(int x) { return 3 * x; }
static int minus_one(int x) { return x - 1; }
static long add(long acc, int x) { return acc + x; }
static long mul(long acc, int x) { return acc * x; }
static long max_of(long acc, int x) { return x > acc ? x : acc; }
static int is_even(int x) { return x % 2 == 0; }
static int is_big(int x) { return x > 10; }
static double square(double x) { return x * x; }
static double cube(double x) { return x * x * x; }

int main(void) {
    int v[6] = {1, 2, 3, 4, 5, 6};
    map(v, 6, triple);
    map(v, 6, minus_one);
    for (int i = 0; i < 6; i++) printf("%d ", v[i]);
    printf("\n");
    printf("sum %ld, product %ld, max %ld\n", fold(v, 6, 0, add), fold(v, 6, 1, mul), fold(v, 6, -1, max_of));

    int out[6];
    int n = filter(v, 6, out, is_even);
    printf("even:");
    for (int i = 0; i < n; i++) printf(" %d", out[i]);
    n = filter(v, 6, out, is_big);
    printf("\nbig:");
    for (int i = 0; i < n; i++) printf(" %d", out[i]);
    printf("\n");

    printf("integral x^2 on [0,3] = %.6f\n", integrate(square, 0, 3, 1000));
    printf("integral x^3 on [0,2] = %.6f\n", integrate(cube, 0, 2, 1000));
    return 0;
}
