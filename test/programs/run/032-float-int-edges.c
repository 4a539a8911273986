/* Floating values converted to unsigned types and back, within the defined range. */
#include <stdio.h>
#include <stdint.h>

static unsigned to_u(double d) { return (unsigned)d; }
static double from_ull(unsigned long long v) { return (double)v; }

int main(void) {
    double ds[] = {0.0, 0.999, 1.0, 255.5, 65535.9, 4294967295.0, 3e9};
    for (int i = 0; i < 7; i++) printf("%.3f -> %u\n", ds[i], to_u(ds[i]));
    printf("(uint8_t)200.7 = %u, (uint16_t)60000.2 = %u\n", (uint8_t)200.7, (uint16_t)60000.2);

    unsigned long long vs[] = {0, 1, 1ull << 53, (1ull << 53) + 1, 1ull << 63, 18446744073709550000ull};
    for (int i = 0; i < 6; i++) printf("%llu -> %.1f\n", vs[i], from_ull(vs[i]));

    /* float to int at the float's precision */
    float f = 123456789.0f;
    printf("123456789.0f = %.1f -> %d\n", f, (int)f);
    float g = 0.1f * 3;
    printf("0.1f * 3 = %.9f, (int)(g * 10) = %d\n", g, (int)(g * 10));

    /* int64 through double */
    int64_t big = -(INT64_C(1) << 62);
    double bd = (double)big;
    printf("-(2^62) -> %.1f -> %lld\n", bd, (long long)bd);

    /* conversions in comparisons */
    unsigned u = 4000000000u;
    printf("u > 3.9e9: %d, u < 4.1e9: %d\n", u > 3.9e9, u < 4.1e9);
    int neg = -1;
    printf("neg < 0.5f: %d\n", neg < 0.5f);
    long long ll = 9007199254740993LL;
    printf("ll == (double)ll: %d\n", (double)ll == 9007199254740992.0);
    return 0;
}
