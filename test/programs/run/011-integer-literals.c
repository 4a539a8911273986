/* Integer literals: decimal, hex, octal, binary, suffixes, and the types they get. */
#include <stdio.h>

int main(void) {
    printf("%d %d %d %d\n", 255, 0xff, 0377, 0b11111111);
    printf("%d %d %d\n", 0XAbC, 0x0, 00);
    printf("%u %lu %llu\n", 42u, 42ul, 42ull);
    printf("%ld %lld %lu %llu\n", 42L, 42LL, 42UL, 42ULL);
    printf("%lu %llu\n", 42lU, 42uLL);
    printf("%d\n", 0b1010 + 0B0101);

    /* the type of an unsuffixed literal is the first that can hold it */
    printf("sizeof 2147483647 = %zu\n", sizeof 2147483647);
    printf("sizeof 2147483648 = %zu\n", sizeof 2147483648);
    printf("sizeof 0x7fffffff = %zu\n", sizeof 0x7fffffff);
    printf("sizeof 0x80000000 = %zu (unsigned int)\n", sizeof 0x80000000);
    printf("0x80000000 > 0 as int compare: %d\n", 0x80000000 > 0);
    printf("-0x80000000 = %u\n", -0x80000000);
    printf("-2147483648 = %ld\n", -2147483648);
    printf("sizeof 4294967295 = %zu, sizeof 0xffffffff = %zu\n", sizeof 4294967295, sizeof 0xffffffff);
    printf("sizeof 0x100000000 = %zu\n", sizeof 0x100000000);
    printf("sizeof 1u = %zu, sizeof 1ul = %zu\n", sizeof 1u, sizeof 1ul);

    /* literal values near the edges */
    printf("%llu\n", 18446744073709551615ull);
    printf("%llx\n", 0xFEDCBA9876543210ULL);
    printf("%lld\n", 0x7fffffffffffffffLL);
    printf("%llo\n", 01777777777777777777777ULL);
    printf("%o %x %X\n", 8, 3054, 3054);

    /* octal vs decimal: a leading zero changes everything */
    int a = 010, b = 10, c = 0x10;
    printf("010=%d 10=%d 0x10=%d\n", a, b, c);

    /* binary masks */
    unsigned mask = 0b1111000011110000u;
    printf("mask %u %#x %#o\n", mask, mask, mask);
    return 0;
}
