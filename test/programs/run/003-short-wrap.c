/* unsigned short wraps modulo 2^16; narrowing into short keeps the low 16 bits (gcc). */
#include <stdio.h>

int main(void) {
    unsigned short us = 65535;
    us++;
    printf("65535 + 1 -> %u\n", us);
    us = 0;
    us--;
    printf("0 - 1 -> %u\n", us);
    us = 40000;
    us += 40000;
    printf("40000 + 40000 -> %u\n", us);
    us = 300;
    us *= 300;
    printf("300 * 300 -> %u\n", us);

    short s = (short)40000;
    printf("(short)40000 -> %d\n", s);
    s = (short)65536;
    printf("(short)65536 -> %d\n", s);
    s = (short)-32769;
    printf("(short)-32769 -> %d\n", s);
    s = 32767;
    s = (short)(s + 1);
    printf("32767 + 1 narrowed -> %d\n", s);

    /* arithmetic on shorts happens in int, so no overflow before narrowing */
    short a = 30000, b = 30000;
    int wide = a + b;
    short narrow = (short)(a + b);
    printf("wide %d narrow %d\n", wide, narrow);

    unsigned short table[5] = {1, 255, 256, 65535, 32768};
    for (int i = 0; i < 5; i++) {
        short t = (short)table[i];
        printf("%5u as short %6d, doubled %6d, doubled unsigned short %5u\n",
               table[i], t, t * 2, (unsigned short)(table[i] * 2));
    }
    return 0;
}
