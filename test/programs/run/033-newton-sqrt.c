/* Newton's method for square roots and cube roots, compared with sqrt(). */
#include <stdio.h>
#include <math.h>

static double newton_sqrt(double x, int *iters) {
    if (x == 0.0) { *iters = 0; return 0.0; }
    double g = x > 1 ? x / 2 : 1.0;
    int n = 0;
    for (;;) {
        double next = 0.5 * (g + x / g);
        n++;
        if (fabs(next - g) < 1e-15 * next || n > 100) { g = next; break; }
        g = next;
    }
    *iters = n;
    return g;
}

static double newton_cbrt(double x) {
    double g = x;
    for (int i = 0; i < 60; i++) g = g - (g * g * g - x) / (3 * g * g);
    return g;
}

int main(void) {
    double xs[] = {0.0, 1.0, 2.0, 9.0, 0.25, 1e6, 12345.678};
    for (int i = 0; i < 7; i++) {
        int it;
        double r = newton_sqrt(xs[i], &it);
        printf("sqrt(%g) = %.12f (ref %.12f) err<1e-12: %d iterations<40: %d\n",
               xs[i], r, sqrt(xs[i]), fabs(r - sqrt(xs[i])) < 1e-12 * (1 + xs[i]), it < 40);
    }
    double ys[] = {8.0, 27.0, 2.0, 1000.0};
    for (int i = 0; i < 4; i++) printf("cbrt(%g) = %.9f\n", ys[i], newton_cbrt(ys[i]));

    /* integer square root by binary search */
    unsigned long targets[] = {0, 1, 15, 16, 17, 1000000, 4294967295ul};
    for (int i = 0; i < 7; i++) {
        unsigned long n = targets[i], lo = 0, hi = n < 2 ? n : n / 2 + 1;
        while (lo < hi) {
            unsigned long mid = lo + (hi - lo + 1) / 2;
            if (mid <= n / mid) lo = mid; else hi = mid - 1;
        }
        printf("isqrt(%lu) = %lu\n", n, lo);
    }
    return 0;
}
