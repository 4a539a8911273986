/* An ASCII Mandelbrot set: double arithmetic in a tight loop, iteration counts mapped to characters. */
#include <stdio.h>

int main(void) {
    const char *shades = " .:-=+*#%@";
    const int W = 60, H = 24, MAXIT = 200;
    long total = 0;
    int inside = 0;
    for (int row = 0; row < H; row++) {
        double ci = 1.2 - 2.4 * row / (H - 1);
        for (int col = 0; col < W; col++) {
            double cr = -2.1 + 2.7 * col / (W - 1);
            double zr = 0, zi = 0;
            int it = 0;
            while (it < MAXIT && zr * zr + zi * zi <= 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2 * zr * zi + ci;
                zr = t;
                it++;
            }
            total += it;
            if (it == MAXIT) inside++;
            putchar(it == MAXIT ? '@' : shades[it % 9]);
        }
        putchar('\n');
    }
    printf("inside %d of %d, total iterations %ld\n", inside, W * H, total);
    return 0;
}
