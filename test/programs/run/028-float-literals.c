/* Floating literals: decimal forms, exponents, suffixes and hexadecimal floats. */
#include <stdio.h>

int main(void) {
    double a = 1.0, b = .5, c = 5., d = 1e3, e = 1E-3, f = 2.5e+2, g = 0.0;
    printf("%g %g %g %g %g %g %g\n", a, b, c, d, e, f, g);
    printf("sizeof 1.0 %zu, sizeof 1.0f %zu, sizeof 1.0F %zu\n", sizeof 1.0, sizeof 1.0f, sizeof 1.0F);
    float fl = 3.25f;
    printf("%f\n", fl);

    /* hexadecimal floats: mantissa in hex, exponent a power of two in decimal */
    printf("0x1p0 = %g\n", 0x1p0);
    printf("0x1p-3 = %g\n", 0x1p-3);
    printf("0x1.8p1 = %g\n", 0x1.8p1);
    printf("0xA.Bp4 = %g\n", 0xA.Bp4);
    printf("0x.1p8 = %g\n", 0x.1p8);
    printf("0x1P+10 = %g\n", 0x1P+10);
    printf("0x1.fffffffffffffp1023 = %g\n", 0x1.fffffffffffffp1023);
    printf("0x1p-1074 = %g\n", 0x1p-1074);
    printf("0x1.921fb54442d18p1 = %.15f\n", 0x1.921fb54442d18p1);
    printf("0x1.0p-1f = %f (float: %zu bytes)\n", 0x1.0p-1f, sizeof 0x1.0p-1f);

    /* exact and inexact decimals */
    printf("%.20f\n", 0.1);
    printf("%.20f\n", 0.5);
    printf("%.20f\n", 0.1f);
    printf("%.3f\n", 1e-3 * 1e3);

    /* large and small exponents */
    printf("%e %e\n", 1.7976931348623157e308, 2.2250738585072014e-308);
    printf("%e\n", 4.9406564584124654e-324);
    printf("%g %g\n", 123e-2, 0.000001e6);

    /* literal arithmetic is folded but still exact to IEEE double */
    double third = 1.0 / 3;
    printf("%.17g\n", third * 3);
    printf("%.17g\n", 100.0 * 1.1);
    return 0;
}
