/* Conversions between floating and integer types: truncation toward zero, precision loss. */
#include <stdio.h>

int main(void) {
    double ds[] = {2.9, -2.9, 0.5, -0.5, 1e9, -1e9, 123456.789, 2147483647.9};
    for (int i = 0; i < 8; i++) {
        double d = ds[i];
        printf("%.3f -> int %d, long %ld\n", d, (int)d, (long)d);
    }
    printf("(unsigned)3.99 = %u, (unsigned char)255.9 = %u\n", (unsigned)3.99, (unsigned char)255.9);
    printf("(unsigned long long)1e19 = %llu\n", (unsigned long long)1e19);
    printf("(long long)-9.2e18 = %lld\n", (long long)-9.2e18);

    /* int to float loses precision above 2^24 */
    int big = 16777217;
    float f = (float)big;
    printf("16777217 -> float %.1f -> int %d\n", f, (int)f);
    long long huge = 9007199254740993LL;
    double d = (double)huge;
    printf("2^53 + 1 -> double %.1f\n", d);
    printf("(float)0.1 as double %.17g\n", (double)(float)0.1);

    /* integer operands in floating expressions */
    int n = 7;
    double ratio = n / 2;
    double ratio2 = n / 2.0;
    double ratio3 = (double)n / 2;
    printf("%f %f %f\n", ratio, ratio2, ratio3);

    /* implicit conversion on assignment and by prototype */
    int truncated = 9.99;
    float narrowed = 3.141592653589793;
    double widened = 3.141592653589793f;
    printf("%d %.10f %.10f\n", truncated, narrowed, widened);

    /* unsigned to floating */
    unsigned u = 4294967295u;
    unsigned long long ull = 18446744073709551615ull;
    printf("%.1f %.1f\n", (double)u, (double)ull);
    printf("%.1f\n", (float)ull);

    /* char and bool to floating */
    char c = 'A';
    _Bool b = 1;
    printf("%.2f %.2f\n", c * 1.5, b + 0.25);

    /* rounding helpers done by hand */
    double vals[] = {1.4, 1.5, 2.5, -1.5, -2.6};
    for (int i = 0; i < 5; i++) {
        double v = vals[i];
        long r = (long)(v < 0 ? v - 0.5 : v + 0.5);
        printf("round(%.1f) = %ld\n", v, r);
    }
    return 0;
}
