/* printf's floating conversions with flags, widths and precisions. */
#include <stdio.h>

int main(void) {
    double v[] = {0.0, 1.0, -1.5, 3.14159265, 1234567.891, 0.000012345, 1e100, -2.5e-7};
    for (int i = 0; i < 8; i++) {
        double x = v[i];
        printf("[%f] [%.2f] [%10.3f] [%-10.1f] [%+.3f]\n", x, x, x, x, x);
        printf("[%e] [%.2e] [%10.3e] [%-12.1E] [%+.0e]\n", x, x, x, x, x);
        printf("[%g] [%.3g] [%10g] [%-10G] [%#g]\n", x, x, x, x, x);
    }
    printf("[% f] [% .2f] [%08.3f] [%+08.2f] [%#.0f] [%.0f]\n", 2.5, -2.5, 3.14159, 3.14159, 7.0, 7.0);
    printf("[%*.*f] [%-*.*f]\n", 10, 4, 2.0 / 3.0, 8, 1, 2.0 / 3.0);
    float f = 1.0f / 3.0f;
    printf("float promoted to double: %f %.9f %g\n", f, f, f);
    printf("%.15g %.17g\n", 0.1, 0.1);
    printf("%g %g %g %g\n", 1e15, 1e16, 123456.0, 1234567.0);
    printf("%.1f %.1f %.1f %.1f\n", 0.05, 0.15, 0.25, 0.35);
    return 0;
}
