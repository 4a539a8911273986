/* Unsigned arithmetic is modular: every wrap below is defined behaviour. */
#include <stdio.h>
#include <limits.h>

int main(void) {
    unsigned int u = UINT_MAX;
    u += 1;
    printf("UINT_MAX + 1 = %u\n", u);
    u = 0;
    u -= 1;
    printf("0u - 1 = %u\n", u);
    printf("0u - 1 == UINT_MAX: %d\n", u == UINT_MAX);

    unsigned long ul = ULONG_MAX;
    printf("ULONG_MAX = %lu, + 1 = %lu\n", ul, ul + 1);
    unsigned long long ull = 0;
    ull--;
    printf("0ull - 1 = %llu\n", ull);

    unsigned int m = 0x10000u;
    printf("0x10000 * 0x10000 = %u\n", m * m);
    printf("0x10001 * 0x10001 = %u\n", (m + 1) * (m + 1));
    unsigned long long big = 0x100000000ull;
    printf("2^32 * 2^32 = %llu\n", big * big);
    printf("(2^32 + 3) * (2^32 + 5) = %llu\n", (big + 3) * (big + 5));

    unsigned char c = 250;
    for (int i = 0; i < 10; i++) c++;
    printf("250 + 10 in unsigned char = %u\n", c);

    /* negation of unsigned values */
    unsigned int n = 5;
    printf("-5u = %u\n", -n);
    printf("-5u + 10 = %u\n", -n + 10);

    /* a simple LCG relying on wrap-around */
    unsigned int state = 12345;
    for (int i = 0; i < 5; i++) {
        state = state * 1103515245u + 12345u;
        printf("lcg %u\n", state);
    }
    unsigned long long s64 = 1;
    for (int i = 0; i < 4; i++) {
        s64 = s64 * 6364136223846793005ull + 1442695040888963407ull;
        printf("lcg64 %llu\n", s64);
    }
    return 0;
}
