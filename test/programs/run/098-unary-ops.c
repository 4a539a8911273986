/* Unary operators -, +, !, ~ on each arithmetic type, and their result types. */
#include <stdio.h>

int main(void) {
    int i = 5;
    printf("-i %d +i %d !i %d ~i %d\n", -i, +i, !i, ~i);
    unsigned u = 5;
    printf("-u %u ~u %u !u %d\n", -u, ~u, !u);
    long l = -9;
    printf("-l %ld ~l %ld\n", -l, ~l);
    unsigned long long ull = 1;
    printf("-ull %llu\n", -ull);
    char c = 'A';
    printf("-c %d ~c %d +c %d sizeof(+c) %zu sizeof(-c) %zu\n", -c, ~c, +c, sizeof(+c), sizeof(-c));
    unsigned char uc = 0x0f;
    printf("~uc %d, (unsigned char)~uc %u\n", ~uc, (unsigned char)~uc);
    short s = -32768;
    printf("-s %d (promoted to int first)\n", -s);
    double d = 2.5;
    printf("-d %.1f +d %.1f !d %d\n", -d, +d, !d);
    double z = 0.0;
    printf("!z %d, -z %.1f\n", !z, -z);
    int *p = &i;
    printf("!p %d !!p %d\n", !p, !!p);

    /* repeated unary operators */
    printf("- -i %d, ~~i %d, !!!i %d, -~i %d, ~-i %d\n", - -i, ~~i, !!!i, -~i, ~-i);

    /* unary minus on the most negative value of a narrower type after promotion */
    signed char sc = -128;
    printf("-sc %d\n", -sc);

    /* logical not of various values */
    double vals[] = {0.0, -0.0, 1e-300, -1.0};
    for (int k = 0; k < 4; k++) printf("!%g = %d  ", vals[k], !vals[k]);
    printf("\n");

    /* bitwise complement as a mask builder */
    unsigned mask = ~0u;
    printf("mask %x, ~(mask << 4) %x, ~0ul %lx\n", mask, ~(mask << 4), ~0ul);
    return 0;
}
