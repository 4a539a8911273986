/* Plain char is signed on this target; conversions to and from the char types. */
#include <stdio.h>

static int as_int_signed(signed char c) { return c; }
static int as_int_unsigned(unsigned char c) { return c; }

int main(void) {
    char c = (char)200;
    signed char sc = (signed char)200;
    unsigned char uc = 200;
    printf("%d %d %d\n", c, sc, uc);
    printf("%d %d\n", as_int_signed(-1), as_int_unsigned((unsigned char)-1));

    for (int v = 120; v <= 136; v += 4) {
        signed char s = (signed char)v;
        unsigned char u = (unsigned char)v;
        printf("v=%d s=%d u=%u same=%d\n", v, s, u, s == u);
    }

    /* comparisons after promotion */
    unsigned char big = 255;
    signed char neg = -1;
    printf("big > neg: %d\n", big > neg);
    printf("neg == (char)255: %d\n", neg == (signed char)255);
    printf("(unsigned char)neg == big: %d\n", (unsigned char)neg == big);

    /* characters as small integers */
    char letters[6];
    for (int i = 0; i < 5; i++) letters[i] = (char)('a' + i * 2);
    letters[5] = '\0';
    printf("%s\n", letters);
    int sum = 0;
    for (const char *p = letters; *p; p++) sum += *p - 'a';
    printf("sum of offsets %d\n", sum);

    /* high-bit characters keep their byte value through unsigned char */
    char hi = (char)0xE9;
    printf("hi as int %d, as unsigned char %d, masked %d\n", hi, (unsigned char)hi, hi & 0xff);
    return 0;
}
