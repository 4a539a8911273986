/* Conway's Game of Life on a small torus: a glider and a blinker, with population counts. */
#include <stdio.h>
#include <string.h>

#define W 12
#define H 8

static unsigned char grid[H][W], next_grid[H][W];

static int neighbours(int r, int c) {
    int n = 0;
    for (int dr = -1; dr <= 1; dr++)
        for (int dc = -1; dc <= 1; dc++)
            if (dr || dc) n += grid[(r + dr + H) % H][(c + dc + W) % W];
    return n;
}

static void step(void) {
    for (int r = 0; r < H; r++)
        for (int c = 0; c < W; c++) {
            int n = neighbours(r, c);
            next_grid[r][c] = (unsigned char)(n == 3 || (n == 2 && grid[r][c]));
        }
    memcpy(grid, next_grid, sizeof grid);
}

static int population(void) {
    int p = 0;
    for (int r = 0; r < H; r++)
        for (int c = 0; c < W; c++) p += grid[r][c];
    return p;
}

static void show(int gen) {
    printf("generation %d, population %d\n", gen, population());
    for (int r = 0; r < H; r++) {
        for (int c = 0; c < W; c++) putchar(grid[r][c] ? '#' : '.');
        putchar('\n');
    }
}

int main(void) {
    /* glider */
    grid[0][1] = grid[1][2] = grid[2][0] = grid[2][1] = grid[2][2] = 1;
    /* blinker */
    grid[5][8] = grid[5][9] = grid[5][10] = 1;
    show(0);
    for (int g = 1; g <= 8; g++) {
        step();
        if (g % 4 == 0) show(g);
    }
    for (int g = 9; g <= 48; g++) step();
    printf("after 48 generations the population is %d\n", population());
    return 0;
}
