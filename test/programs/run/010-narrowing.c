/* Narrowing conversions keep the low-order bits (modulo for unsigned, gcc's rule for signed). */
#include <stdio.h>

int main(void) {
    long long vals[] = {0, 1, -1, 127, 128, 255, 256, -129, 32767, 32768, 65535, 65536,
                        2147483647LL, 2147483648LL, 4294967295LL, 4294967296LL, -4294967297LL,
                        0x123456789abcdefLL};
    int n = (int)(sizeof vals / sizeof vals[0]);
    printf("%20s %5s %4s %6s %6s %11s %10s\n", "value", "schar", "uchr", "short", "ushort", "int", "unsigned");
    for (int i = 0; i < n; i++) {
        long long v = vals[i];
        printf("%20lld %5d %4u %6d %6u %11d %10u\n", v, (signed char)v, (unsigned char)v,
               (short)v, (unsigned short)v, (int)v, (unsigned)v);
    }

    /* implicit narrowing through assignment */
    int i = 1000;
    char c = (char)i;
    unsigned char uc = (unsigned char)i;
    short s = (short)(i * 100);
    printf("c %d uc %u s %d\n", c, uc, s);

    /* narrowing via function parameters and return values */
    unsigned long ul = 0xfffffffffffffff0ul;
    unsigned int ui = (unsigned int)ul;
    printf("ui = %u\n", ui);
    return 0;
}
