/* strtod and atof: decimal, exponent, hex float, inf/nan words, and end pointers. */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>

int main(void) {
    const char *inputs[] = {"3.14", "  -2.5e3xyz", "1e-3", ".5", "5.", "0x1.8p1", "1e400", "abc", "+0.0", "12,5"};
    for (int i = 0; i < 10; i++) {
        char *end;
        double v = strtod(inputs[i], &end);
        printf("strtod(\"%s\") = %g, consumed %td\n", inputs[i], v, end - inputs[i]);
    }
    char *end;
    double inf = strtod("infinity", &end);
    printf("infinity -> isinf %d consumed %td\n", isinf(inf) != 0, end - "infinity");
    double nan_ = strtod("nan", NULL);
    printf("nan -> isnan %d\n", isnan(nan_) != 0);
    printf("atof(\"6.02e23\") = %.3e\n", atof("6.02e23"));
    printf("atof(\"-0.000001\") = %g\n", atof("-0.000001"));

    /* parse a list of measurements and average them */
    const char *data = "12.5 13.25 11.75 14.0 12.0";
    const char *p = data;
    double sum = 0;
    int n = 0;
    for (;;) {
        double v = strtod(p, &end);
        if (end == p) break;
        sum += v;
        n++;
        p = end;
    }
    printf("%d values, mean %.4f\n", n, sum / n);
    float f = strtof("0.1", NULL);
    printf("strtof(0.1) = %.9f\n", f);
    return 0;
}
