/* Accumulating sums in float and double; Kahan compensated summation. */
#include <stdio.h>

static double naive_sum(const double *v, int n) {
    double s = 0.0;
    for (int i = 0; i < n; i++) s += v[i];
    return s;
}

static double kahan_sum(const double *v, int n) {
    double s = 0.0, c = 0.0;
    for (int i = 0; i < n; i++) {
        double y = v[i] - c;
        double t = s + y;
        c = (t - s) - y;
        s = t;
    }
    return s;
}

int main(void) {
    static double v[1000];
    for (int i = 0; i < 1000; i++) v[i] = (i % 2 ? 1e-3 : 1e3) + i * 1e-7;
    printf("naive %.10f\nkahan %.10f\n", naive_sum(v, 1000), kahan_sum(v, 1000));

    float fs = 0.0f;
    double ds = 0.0;
    for (int i = 1; i <= 10000; i++) {
        fs += 1.0f / (float)i;
        ds += 1.0 / i;
    }
    printf("harmonic(10000): float %.6f double %.12f\n", fs, ds);

    /* summing in different orders gives different roundings */
    float up = 0.0f, down = 0.0f;
    for (int i = 1; i <= 1000; i++) up += 1.0f / ((float)i * (float)i);
    for (int i = 1000; i >= 1; i--) down += 1.0f / ((float)i * (float)i);
    printf("basel up %.7f down %.7f\n", up, down);

    /* float products and mixed promotions */
    float a = 1.1f, b = 2.2f;
    double mixed = a * b;
    double promoted = (double)a * b;
    printf("float product %.10f, double product %.10f\n", mixed, promoted);

    /* mean of a fixed series */
    double mean = 0.0;
    for (int i = 0; i < 100; i++) mean += (i * 0.37 - 10.0) / 100.0;
    printf("mean %.9f\n", mean);
    return 0;
}
