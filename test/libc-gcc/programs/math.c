/* The math functions written in C (rounding, fmin/fmax, frexp/ldexp/modf) and the host's:
 * values printed exactly (%a, %.17g), and NaN signs as glibc gives them. Inputs go through
 * volatile so gcc calls the library instead of folding constants. Not here: fmin/fmax of +0
 * and -0 (gcc may swap the operands of these commutative builtins) and NaNs made by wasm
 * arithmetic such as sqrt(-1) or 0.0/0.0 (x86 makes them negative, wasm need not). */
#include <stdio.h>
#include <math.h>

/* Not (yet) declared by enstage's <math.h>; host imports all the same. */
double log1p(double x);
double expm1(double x);

static volatile double vals[] = { 0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.49999999999999994, 3.7, -3.7, 1e300,
                                  4503599627370497.0, 1e-310, 123.456 };

int main(void) {
    unsigned i;
    for (i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        double x = vals[i], ip, fr;
        int e;
        fr = frexp(x, &e);
        printf("%a: round %a roundf %a lround %ld frexp %a,%d ldexp %a %a modf ", x, round(x), (double)roundf((float)x),
               lround(x), fr, e, ldexp(x, 3), ldexp(x, -1074));
        fr = modf(x, &ip);
        printf("%a,%a fmin %g fmax %g\n", fr, ip, fmin(x, 1.0), fmax(x, 1.0));
    }
    {
        volatile double z = 0.0, nz = -0.0, one = 1.0, m1 = -1.0, two = 2.0, inf = INFINITY, nan_ = NAN;
        printf("%g %g %g %g %g\n", fmin(z, one), fmax(nz, m1), fmax(nan_, one), fmin(one, nan_), fmin(nan_, nan_));
        printf("%f %f %f %f %f\n", log(m1), log10(m1), asin(two), pow(m1, 0.5), fmod(one, z));
        printf("%f %f %f %f\n", sin(inf), acos(two), log(-nan_), -log(m1));
        printf("%.17g %.17g %.17g %.17g\n", pow(two, 10), pow(10.0 * one, 22), pow(10.0 * one, -5), pow(3.0 * one, -3));
        printf("%.17g %.17g %.17g\n", pow(one, nan_), pow(nan_, z), pow(m1, inf));
        printf("%.6f %.6f %.6f %.6f %.6f %.6f\n", exp(one), log(two), sin(one), cos(one), atan2(one, two), hypot(3 * one, 4 * one));
        printf("%.6f %.6f %.6f %.6f %.6f\n", sinh(one), cosh(one), tanh(one), log1p(one), expm1(one));
        printf("%g %g %g %g\n", floor(-2.5 * one), ceil(-2.5 * one), trunc(-2.5 * one), fabs(-2.5 * one));
        printf("%g %g %ld %ld\n", round(-2.5 * one), roundf(-2.5f), lround(2.5 * one), lround(-2.5 * one));
        printf("%g %g\n", nearbyint(2.5 * one), rint(3.5 * one));
    }
    return 0;
}
