/* Returning structs from functions and using the result directly: members, chains, arrays. */
#include <stdio.h>

struct complex { double re, im; };
struct grid { int cells[3][3]; };

static struct complex cmul(struct complex a, struct complex b) {
    return (struct complex){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}
static struct complex cadd(struct complex a, struct complex b) {
    return (struct complex){a.re + b.re, a.im + b.im};
}
static struct complex c_pow(struct complex z, int n) {
    struct complex r = {1, 0};
    while (n-- > 0) r = cmul(r, z);
    return r;
}
static struct grid identity(void) {
    struct grid g = {{{0}}};
    for (int i = 0; i < 3; i++) g.cells[i][i] = 1;
    return g;
}
static struct grid scaled(struct grid g, int k) {
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) g.cells[i][j] *= k;
    return g;
}

int main(void) {
    struct complex i = {0, 1};
    struct complex r = c_pow(i, 2);
    printf("i^2 = %.1f%+.1fi\n", r.re, r.im);
    printf("(1+i)^8 = %.1f%+.1fi\n", c_pow(cadd((struct complex){1, 0}, i), 8).re,
           c_pow(cadd((struct complex){1, 0}, i), 8).im);

    /* Mandelbrot-style iteration through struct values */
    struct complex c = {-0.75, 0.1}, z = {0, 0};
    int n = 0;
    while (n < 50 && z.re * z.re + z.im * z.im <= 4.0) {
        z = cadd(cmul(z, z), c);
        n++;
    }
    printf("iterations %d, z = %.6f%+.6fi\n", n, z.re, z.im);

    printf("identity().cells[1][1] = %d, [0][2] = %d\n", identity().cells[1][1], identity().cells[0][2]);
    struct grid g = scaled(scaled(identity(), 3), -2);
    for (int a = 0; a < 3; a++) printf("%d %d %d\n", g.cells[a][0], g.cells[a][1], g.cells[a][2]);
    return 0;
}
