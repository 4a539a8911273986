/* The integer promotions: narrow operands become int before arithmetic. */
#include <stdio.h>

int main(void) {
    unsigned char uc = 200;
    printf("(unsigned char)200 + 100 = %d\n", uc + 100);
    printf("(unsigned char)(200 + 100) = %d\n", (unsigned char)(uc + 100));
    printf("uc * uc = %d\n", uc * uc);
    printf("~uc = %d\n", ~uc);
    printf("(unsigned char)~uc = %d\n", (unsigned char)~uc);
    printf("-uc = %d\n", -uc);

    unsigned short us = 65535;
    printf("us + 1 = %d\n", us + 1);
    printf("sizeof(us + us) = %zu\n", sizeof(us + us));
    printf("sizeof(uc) = %zu, sizeof(~uc) = %zu\n", sizeof(uc), sizeof(~uc));

    signed char sc = -100;
    printf("sc - 100 = %d\n", sc - 100);
    printf("(signed char)(sc - 100) = %d\n", (signed char)(sc - 100));

    /* a char compared after promotion: 0xff is 255, but the char holds -1 */
    char c = (char)0xff;
    printf("c == 0xff: %d, c == -1: %d\n", c == 0xff, c == -1);
    unsigned char u2 = 0xff;
    printf("u2 == 0xff: %d, u2 == -1: %d\n", u2 == 0xff, u2 == -1);

    /* bit operations on promoted values */
    unsigned char m = 0x0f;
    printf("m << 4 = %d, m << 8 = %d\n", m << 4, m << 8);
    printf("(unsigned char)(m << 4) = %d\n", (unsigned char)(m << 4));

    /* _Bool promotes too */
    _Bool t = 1;
    printf("t + t = %d, -t = %d\n", t + t, -t);

    /* promotion of bit patterns in a mixed expression */
    unsigned char x = 250, y = 10;
    int r1 = x + y;
    unsigned char r2 = x + y;
    printf("x + y: int %d, unsigned char %d, greater than 255: %d\n", r1, r2, x + y > 255);
    return 0;
}
