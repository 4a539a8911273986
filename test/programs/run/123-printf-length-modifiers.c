/* printf length modifiers: hh h l ll z t j with signed and unsigned conversions. */
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

int main(void) {
    signed char sc = -5;
    unsigned char uc = 250;
    short s = -30000;
    unsigned short us = 60000;
    long l = -1234567890123L;
    unsigned long ul = 18446744073709551615ul;
    long long ll = -9223372036854775807LL - 1;
    unsigned long long ull = 12345678901234567890ull;
    size_t z = 123456789012ul;
    ptrdiff_t t = -98765;
    intmax_t j = 9223372036854775807LL;

    printf("hhd %hhd hhu %hhu hhx %hhx\n", sc, uc, uc);
    printf("hd %hd hu %hu hx %hx ho %ho\n", s, us, us, us);
    printf("ld %ld lu %lu lx %lx lo %lo\n", l, ul, ul, ul);
    printf("lld %lld llu %llu llx %llX\n", ll, ull, ull);
    printf("zu %zu zd %zd zx %zx\n", z, (ptrdiff_t)z, z);
    printf("td %td ti %ti\n", t, t);
    printf("jd %jd ju %ju\n", j, (uintmax_t)j);
    printf("li %li lli %lli\n", 77L, -77LL);

    /* hh and h convert the (promoted) argument back to the narrow type */
    printf("hhd of 300 %hhd, hhu of 300 %hhu, hd of 70000 %hd, hu of -1 %hu\n", 300, 300, 70000, -1);

    /* widths and flags combined with length modifiers */
    printf("[%10ld] [%-10ld] [%+ld] [%020lld] [%#llx] [%#lo]\n", 42L, 42L, 42L, -42LL, 255ULL, 8UL);
    printf("[%5hhd] [%-5hd] [%08hx]\n", (signed char)-1, (short)-2, (unsigned short)0xbeef);
    return 0;
}
