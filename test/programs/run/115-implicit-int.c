/* gnu11 still accepts implicit int: functions and statics with no type specifier. */
#include <stdio.h>

static counter = 5;         /* static int counter */
const limit = 3;            /* const int limit */

square(int x) {             /* returns int */
    return x * x;
}

static next(void) {
    return ++counter;
}

unsigned wrap(unsigned v) { return v * 2u; }

int main(void) {
    printf("square(9) %d\n", square(9));
    int first = next();
    int second = next();
    printf("next %d %d\n", first, second);
    printf("limit %d, sizeof limit %zu, sizeof square(1) %zu\n", limit, sizeof limit, sizeof square(1));
    printf("wrap %u\n", wrap(3000000000u));
    short s = 5;
    unsigned short us = 7;
    signed sg = -4;      /* 'signed' alone means int */
    unsigned u = 9;      /* 'unsigned' alone means unsigned int */
    long lg = 8;         /* 'long' alone means long int */
    printf("%d %d %d %u %ld sizes %zu %zu %zu\n", s, us, sg, u, lg, sizeof sg, sizeof u, sizeof lg);
    return 0;
}
