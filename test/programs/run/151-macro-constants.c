/* Object-like macros: constants, expressions needing parentheses, redefinition after #undef. */
#include <stdio.h>

#define WIDTH 80
#define HEIGHT 25
#define AREA (WIDTH * HEIGHT)
#define BAD_AREA WIDTH * HEIGHT
#define PI 3.14159265358979
#define GREETING "hello, macros"
#define EMPTY
#define NEGATIVE -5
#define HEX_MASK 0xFF00u
#define CHAR_A 'A'
#define LONG_BIG 1234567890123L
#define SEMI ;
#define BLOCK { printf("inside a macro block\n"); }

int main(void) {
    printf("WIDTH %d HEIGHT %d AREA %d\n", WIDTH, HEIGHT, AREA);
    /* without parentheses, precedence leaks: 1000 / 80 * 25 */
    printf("1000000 / AREA = %d, 1000000 / BAD_AREA = %d\n", 1000000 / AREA, 1000000 / BAD_AREA);
    printf("PI %.5f, 2 * PI %.5f\n", PI, 2 * PI);
    printf("%s (%zu bytes)\n", GREETING, sizeof GREETING);
    EMPTY printf("EMPTY expands to nothing\n");
    printf("-NEGATIVE = %d, 10-NEGATIVE = %d\n", -NEGATIVE, 10-NEGATIVE);
    printf("HEX_MASK %#x, CHAR_A %c, LONG_BIG %ld\n", HEX_MASK, CHAR_A, LONG_BIG);
    int x = 3 SEMI
    printf("x %d\n", x);
    BLOCK

    /* macros are not expanded inside string literals or character constants */
    printf("WIDTH inside a string stays WIDTH\n");

#undef WIDTH
#define WIDTH 132
    printf("WIDTH redefined %d, AREA now %d\n", WIDTH, AREA);

    /* a macro used as an array size and in a constant expression */
    int row[HEIGHT];
    enum { CELLS = AREA / 10 };
    printf("sizeof row %zu, CELLS %d\n", sizeof row, CELLS);
    (void)row;
    return 0;
}
