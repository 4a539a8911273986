/* puts, putchar, fputs and fputc to stdout: newline behaviour and return values. */
#include <stdio.h>

int main(void) {
    puts("puts adds a newline");
    puts("");
    fputs("fputs does not", stdout);
    fputs(" add one\n", stdout);
    int r = putchar('A');
    putchar('\n');
    printf("putchar returned %d\n", r);
    r = putchar(256 + 'B'); /* converted to unsigned char */
    putchar('\n');
    printf("putchar(256 + 'B') returned %d\n", r);
    fputc('C', stdout);
    fputc('\n', stdout);

    /* drawing with putchar */
    for (int row = 0; row < 5; row++) {
        for (int col = 0; col < 5 - row - 1; col++) putchar(' ');
        for (int col = 0; col < 2 * row + 1; col++) putchar(col % 2 ? '-' : '*');
        putchar('\n');
    }

    /* puts of strings with embedded escapes */
    puts("tab:\there");
    puts("quote:\"q\"");
    int ok = puts("end") >= 0;
    printf("puts success %d\n", ok);

    /* a number printed digit by digit with putchar */
    long v = 9081726354L;
    char digits[24];
    int n = 0;
    while (v) {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    }
    while (n) putchar(digits[--n]);
    putchar('\n');
    return 0;
}
