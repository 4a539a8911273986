/* The usual arithmetic conversions between signed and unsigned operands. */
#include <stdio.h>

int main(void) {
    printf("-1 < 1u: %d\n", -1 < 1u);
    printf("-1 < 1: %d\n", -1 < 1);
    printf("-1L < 1u: %d\n", -1L < 1u);
    printf("-1 < 1UL: %d\n", -1 < 1UL);
    printf("-1LL < 1ULL: %d\n", -1LL < 1ULL);
    printf("-1L < 1UL: %d\n", -1L < 1UL);

    int i = -1;
    unsigned u = 1;
    long l = -1;
    unsigned long ul = 1;
    printf("i + u = %u\n", i + u);
    printf("i * u = %u\n", i * u);
    printf("l + u = %ld\n", l + u);       /* long holds every unsigned: signed result */
    printf("l + ul = %lu\n", l + ul);
    printf("(i < u) = %d, (l < u) = %d\n", i < u, l < u);

    unsigned char uc = 1;
    printf("i < uc: %d\n", i < uc);       /* both promote to int */
    unsigned short us = 1;
    printf("i < us: %d\n", i < us);

    printf("sizeof(1 + 1u) %zu, sizeof(1 + 1L) %zu, sizeof(1u + 1L) %zu\n",
           sizeof(1 + 1u), sizeof(1 + 1L), sizeof(1u + 1L));
    printf("sizeof('a' + 1.0f) %zu, sizeof(1L + 1.0f) %zu, sizeof(1.0f + 1.0) %zu\n",
           sizeof('a' + 1.0f), sizeof(1L + 1.0f), sizeof(1.0f + 1.0));

    /* division in unsigned */
    printf("-6 / 2u = %u\n", -6 / 2u);
    printf("-6 / 2 = %d\n", -6 / 2);
    printf("-6L / 2u = %ld\n", -6L / 2u);

    /* mixed int/double */
    printf("7 / 2 = %d, 7 / 2.0 = %.2f, 7 / 2 * 2.0 = %.2f\n", 7 / 2, 7 / 2.0, 7 / 2 * 2.0);

    unsigned int big = 3000000000u;
    long long sum = big + 0LL + big;
    unsigned int wrapped = big + big;
    printf("big + big as long long %lld, as unsigned %u\n", sum, wrapped);
    return 0;
}
