/* float and double arithmetic, printed with %f, %e, %g and precisions. */
#include <stdio.h>

int main(void) {
    double a = 1.5, b = -0.25, c = 1e-3;
    printf("%f %f %f\n", a, b, c);
    printf("%e %e %e\n", a, b, c);
    printf("%g %g %g\n", a, b, c);
    printf("a+b %f a-b %f a*b %f a/b %f\n", a + b, a - b, a * b, a / b);
    printf("%.3f %.0f %.10f\n", 3.14159265358979, 2.5, 1.0 / 3.0);
    printf("%.2e %.0e %E\n", 123456.789, 5e10, 0.000123);
    printf("%g %g %g %g %g\n", 100000.0, 1000000.0, 1e-4, 1e-5, 123456789.0);
    printf("%G %g %.3g %.10g\n", 1e-10, 0.5, 3.14159, 2.0 / 3.0);

    float f = 0.1f;
    double d = 0.1;
    printf("float 0.1 = %.10f, double 0.1 = %.20f\n", f, d);
    printf("0.1 + 0.2 = %.17g, == 0.3: %d\n", 0.1 + 0.2, 0.1 + 0.2 == 0.3);
    float fsum = 0.0f;
    double dsum = 0.0;
    for (int i = 0; i < 10; i++) {
        fsum += 0.1f;
        dsum += 0.1;
    }
    printf("ten times 0.1: float %.8f double %.17f\n", fsum, dsum);

    /* float operations stay in float */
    float x = 16777216.0f;
    float y = x + 1.0f;
    printf("16777216f + 1 = %.1f\n", y);
    double z = 16777216.0 + 1.0;
    printf("as double %.1f\n", z);

    /* compound assignment on floating values */
    double acc = 10;
    acc += 2.5;
    acc -= 0.5;
    acc *= 3;
    acc /= 4;
    printf("acc %f\n", acc);
    float fa = 1;
    fa /= 3;
    fa *= 3;
    printf("fa %.9f\n", fa);

    /* negative zero and rounding of printed values */
    double nz = -0.0;
    printf("%f %g %.1f %.1f %.0f %.0f\n", nz, nz, 0.05, 0.25, 0.5, 1.5);
    return 0;
}
