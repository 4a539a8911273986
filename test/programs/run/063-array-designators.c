/* Array designated initializers: out of order, overriding, GNU ranges, sizing from the largest index. */
#include <stdio.h>

int main(void) {
    int a[8] = {[5] = 50, [1] = 10, [3] = 30};
    for (int i = 0; i < 8; i++) printf("%d ", a[i]);
    printf("\n");

    /* positional elements continue after the last designator */
    int b[8] = {[2] = 1, 2, 3, [6] = 9, 10};
    for (int i = 0; i < 8; i++) printf("%d ", b[i]);
    printf("\n");

    /* the array length comes from the largest designated index */
    int c[] = {[9] = 1, [3] = 2};
    printf("sizeof c / sizeof *c = %zu\n", sizeof c / sizeof *c);

    /* a later designator overrides an earlier one */
    int d[4] = {1, 2, 3, 4, [1] = 20, [0] = 10};
    for (int i = 0; i < 4; i++) printf("%d ", d[i]);
    printf("\n");

    /* GNU range designators */
    int e[10] = {[0 ... 4] = 7, [5 ... 9] = -1, [3] = 0};
    for (int i = 0; i < 10; i++) printf("%d ", e[i]);
    printf("\n");

    /* designators in 2D arrays */
    int g[3][3] = {[1] = {[1] = 5}, [2][0] = 7, [0] = {1, 2}};
    for (int i = 0; i < 3; i++) printf("%d %d %d\n", g[i][0], g[i][1], g[i][2]);

    /* char arrays indexed by characters */
    static const char upper[128] = {['a'] = 'A', ['b'] = 'B', ['c'] = 'C', ['z'] = 'Z'};
    const char *word = "cabz?";
    for (const char *p = word; *p; p++) putchar(upper[(int)*p] ? upper[(int)*p] : '_');
    putchar('\n');

    /* a lookup table of powers with designators */
    static const unsigned long pow10[] = {[0] = 1, [1] = 10, [2] = 100, [3] = 1000, [6] = 1000000};
    printf("pow10[6] %lu pow10[4] %lu count %zu\n", pow10[6], pow10[4], sizeof pow10 / sizeof pow10[0]);
    return 0;
}
