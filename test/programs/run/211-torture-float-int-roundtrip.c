/* Round trips between integers and floating types: exact powers of two, rounding to nearest even. */
#include <stdio.h>

int main(void) {
    int exact = 1;
    for (int e = 0; e < 63; e++) {
        long long v = 1LL << e;
        double d = (double)v;
        exact &= (long long)d == v;
    }
    printf("powers of two survive double: %d\n", exact);

    /* integers above 2^24 in float round to nearest, ties to even */
    long vals[] = {16777216, 16777217, 16777218, 16777219, 16777220, 16777221, 33554435};
    for (int i = 0; i < 7; i++) printf("%ld -> float %.1f\n", vals[i], (double)(float)vals[i]);

    /* and above 2^53 in double */
    long long big[] = {9007199254740992LL, 9007199254740993LL, 9007199254740994LL, 9007199254740995LL};
    for (int i = 0; i < 4; i++) printf("%lld -> double %.1f\n", big[i], (double)big[i]);

    /* float to int truncates; half-way values are not rounded */
    float fs[] = {0.5f, 1.5f, 2.5f, -0.5f, -1.5f, 2.999999f, 1e9f};
    for (int i = 0; i < 7; i++) printf("(int)%.7g = %d\n", fs[i], (int)fs[i]);

    /* double -> float -> double loses precision */
    double third = 1.0 / 3.0;
    float ft = (float)third;
    printf("%.17g -> %.17g\n", third, (double)ft);
    printf("equal after round trip: %d\n", (double)ft == third);

    /* small integers are exact in float */
    int all = 1;
    for (int k = -1000; k <= 1000; k++) all &= (int)(float)k == k;
    printf("small ints exact in float: %d\n", all);

    /* unsigned to float near 2^32 */
    unsigned u = 4294967295u;
    printf("(float)UINT_MAX = %.1f, (double) = %.1f\n", (double)(float)u, (double)u);
    return 0;
}
