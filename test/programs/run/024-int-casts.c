/* Explicit casts between integer types: sign extension, zero extension, truncation. */
#include <stdio.h>

int main(void) {
    signed char sc = -2;
    unsigned char uc = 254;
    short s = -300;
    unsigned short us = 65236;
    int i = -70000;
    long l = -5000000000L;

    printf("sign-extend: (int)sc %d, (long)sc %ld, (unsigned)sc %u\n", (int)sc, (long)sc, (unsigned)sc);
    printf("zero-extend: (int)uc %d, (long)uc %ld, (unsigned long)uc %lu\n", (int)uc, (long)uc, (unsigned long)uc);
    printf("(unsigned long)sc %lu\n", (unsigned long)sc);
    printf("(unsigned short)sc %u, (short)uc %d\n", (unsigned short)sc, (short)uc);
    printf("(int)s %d, (unsigned)s %u, (unsigned char)s %u\n", (int)s, (unsigned)s, (unsigned char)s);
    printf("(short)us %d, (int)us %d\n", (short)us, (int)us);
    printf("(short)i %d, (unsigned short)i %u, (char)i %d\n", (short)i, (unsigned short)i, (char)i);
    printf("(int)l %d, (unsigned)l %u, (short)l %d\n", (int)l, (unsigned)l, (short)l);
    printf("(long long)(unsigned)i %lld\n", (long long)(unsigned)i);
    printf("(long long)(int)(unsigned)i %lld\n", (long long)(int)(unsigned)i);

    /* chains of casts */
    printf("(int)(unsigned char)(signed char)-1 = %d\n", (int)(unsigned char)(signed char)-1);
    printf("(int)(signed char)(unsigned char)255 = %d\n", (int)(signed char)(unsigned char)255);
    printf("(unsigned)(unsigned short)-1 = %u\n", (unsigned)(unsigned short)-1);
    printf("(long)(unsigned)-1 = %ld\n", (long)(unsigned)-1);
    printf("(long)(int)4294967295u = %ld\n", (long)(int)4294967295u);

    /* casting to void discards a value */
    (void)sc;
    (void)(i + 1);

    /* cast in the middle of arithmetic changes the operation type */
    int big = 100000;
    printf("(long)big * big = %ld\n", (long)big * big);
    printf("(unsigned)big * big = %u\n", (unsigned)big * big);
    printf("(short)big / 2 = %d\n", (short)big / 2);
    printf("(unsigned char)(big >> 4) = %u\n", (unsigned char)(big >> 4));
    return 0;
}
