/* Integer conversion corner cases in the spirit of gcc's torture tests. */
#include <stdio.h>

static int f_uchar(unsigned char c) { return c; }
static long f_int_to_long(int v) { return v; }
static unsigned long f_uint_to_ulong(unsigned v) { return v; }

int main(void) {
    printf("(unsigned short)-1 > 0: %d\n", (unsigned short)-1 > 0);
    printf("(unsigned)(signed char)-1 = %u\n", (unsigned)(signed char)-1);
    printf("(unsigned char)-1 == 255: %d\n", (unsigned char)-1 == 255);
    printf("f_uchar(-1) = %d, f_uchar(511) = %d\n", f_uchar((unsigned char)-1), f_uchar((unsigned char)511));
    printf("f_int_to_long(-5) = %ld, f_uint_to_ulong(-5) = %lu\n", f_int_to_long(-5), f_uint_to_ulong((unsigned)-5));

    /* the result type of % and / with unsigned operands */
    int neg = -7;
    unsigned three = 3;
    printf("-7 %% 3u = %u, -7 / 3u = %u\n", neg % three, neg / three);
    long lneg = -7;
    printf("-7L %% 3u = %ld, -7L / 3u = %ld\n", lneg % three, lneg / three);

    /* shifting by a count of another type */
    unsigned char cnt = 4;
    long long one = 1;
    printf("1LL << (uchar)4 = %lld, 256 >> (uchar)4 = %d\n", one << cnt, 256 >> cnt);

    /* comparisons between narrow unsigned and negative constants */
    unsigned short us = 0;
    unsigned int ui = 0;
    printf("us > -1: %d, ui > -1: %d\n", us > -1, ui > (unsigned)-1);

    /* conversions chained through conditional expressions */
    int flag = 1;
    long r = flag ? -1 : 1u;        /* common type unsigned int: 4294967295 */
    long s = flag ? -1 : 1L;        /* common type long: -1 */
    printf("flag ? -1 : 1u = %ld, flag ? -1 : 1L = %ld\n", r, s);

    /* char arithmetic near the limits */
    signed char sc = 100;
    int sum = sc + sc;              /* 200 in int, no overflow */
    signed char back = (signed char)(sc + sc);
    printf("sc + sc = %d, narrowed = %d\n", sum, back);

    /* long long <-> unsigned int */
    long long big = 0x1FFFFFFFFLL;
    unsigned int low = (unsigned int)big;
    printf("(unsigned)0x1FFFFFFFF = %u, back to long long %lld\n", low, (long long)low);

    /* negative values converted to unsigned long long and compared */
    long long m1 = -1;
    printf("(unsigned long long)-1 == ~0ull: %d\n", (unsigned long long)m1 == ~0ull);
    printf("-1LL < 0ull: %d (both become unsigned)\n", m1 < 0ull);
    printf("sizeof(-1LL + 0u) = %zu\n", sizeof(-1LL + 0u));

    /* int to _Bool to int */
    int values[] = {0, 1, 2, -1, 256};
    for (int i = 0; i < 5; i++) printf("(_Bool)%d = %d ", values[i], (_Bool)values[i]);
    printf("\n");
    return 0;
}
