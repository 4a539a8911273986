/* The <math.h> functions: sqrt floor ceil fabs pow exp log sin cos fmod and friends. */
#include <stdio.h>
#include <math.h>

int main(void) {
    double xs[] = {0.0, 0.5, 1.0, 2.0, 2.5, 10.0};
    for (int i = 0; i < 6; i++) {
        double x = xs[i];
        printf("x=%4.1f sqrt %.6f exp %.6f sin %.6f cos %.6f\n", x, sqrt(x), exp(x), sin(x), cos(x));
    }
    double ys[] = {-2.5, -1.5, -0.5, 0.5, 1.5, 2.4, 2.6};
    for (int i = 0; i < 7; i++) {
        double y = ys[i];
        printf("y=%4.1f floor %4.1f ceil %4.1f fabs %3.1f round %4.1f trunc %4.1f\n",
               y, floor(y), ceil(y), fabs(y), round(y), trunc(y));
    }
    printf("pow(2, 10) = %.1f, pow(2, 0.5) = %.12f, pow(-2, 3) = %.1f, pow(10, -2) = %g\n",
           pow(2, 10), pow(2, 0.5), pow(-2, 3), pow(10, -2));
    printf("log(1) = %g, log(e) = %.12f, log10(1000) = %g, log2(1024) = %g\n",
           log(1.0), log(exp(1.0)), log10(1000.0), log2(1024.0));
    printf("fmod(7.5, 2) = %g, fmod(-7.5, 2) = %g, fmod(7.5, -2) = %g\n",
           fmod(7.5, 2), fmod(-7.5, 2), fmod(7.5, -2));
    printf("atan2(1, 1) = %.12f, atan(1) * 4 = %.12f\n", atan2(1, 1), atan(1) * 4);
    printf("tan(0.5) = %.9f, asin(0.5) = %.9f, acos(0.5) = %.9f\n", tan(0.5), asin(0.5), acos(0.5));
    printf("hypot(3, 4) = %g, cbrt(27) = %g\n", hypot(3, 4), cbrt(27));
    printf("sinh(1) = %.9f, cosh(1) = %.9f, tanh(1) = %.9f\n", sinh(1), cosh(1), tanh(1));
    printf("fmin %g fmax %g, copysign %g\n", fmin(2, 3), fmax(2, 3), copysign(3, -1));
    double ip;
    double frac = modf(3.75, &ip);
    printf("modf(3.75) = %g + %g\n", ip, frac);
    int e;
    double m = frexp(48.0, &e);
    printf("frexp(48) = %g * 2^%d, ldexp back %g\n", m, e, ldexp(m, e));

    /* identities, printed with limited precision so libm differences do not matter */
    double sum = 0;
    for (int k = 0; k < 16; k++) {
        double t = k * 0.4;
        sum += sin(t) * sin(t) + cos(t) * cos(t);
    }
    printf("sum of sin^2 + cos^2 over 16 points = %.10f\n", sum);
    printf("sqrt(2)^2 = %.15f\n", sqrt(2) * sqrt(2));

    /* float versions */
    float f = 2.0f;
    printf("sqrtf(2) = %.6f, fabsf(-1.25) = %.2f, floorf(-0.5) = %.1f\n", sqrtf(f), fabsf(-1.25f), floorf(-0.5f));
    return 0;
}
