/* N-queens by backtracking: solution counts for N = 1..9 and the first board for N = 8. */
#include <stdio.h>

static int cols[16];
static long solutions;
static int first[16], have_first;

static int safe(int row, int col) {
    for (int r = 0; r < row; r++) {
        int c = cols[r];
        if (c == col || c - col == r - row || c - col == row - r) return 0;
    }
    return 1;
}

static void place(int row, int n) {
    if (row == n) {
        if (!have_first) {
            for (int i = 0; i < n; i++) first[i] = cols[i];
            have_first = 1;
        }
        solutions++;
        return;
    }
    for (int c = 0; c < n; c++)
        if (safe(row, c)) {
            cols[row] = c;
            place(row + 1, n);
        }
}

/* the same count with bitmasks */
static long count_bits(int n, unsigned cols_used, unsigned d1, unsigned d2) {
    unsigned all = (1u << n) - 1;
    if (cols_used == all) return 1;
    long total = 0;
    unsigned avail = all & ~(cols_used | d1 | d2);
    while (avail) {
        unsigned bit = avail & -avail;
        avail -= bit;
        total += count_bits(n, cols_used | bit, (d1 | bit) << 1, (d2 | bit) >> 1);
    }
    return total;
}

int main(void) {
    for (int n = 1; n <= 9; n++) {
        solutions = 0;
        have_first = 0;
        place(0, n);
        printf("N=%d: %ld solutions (bitmask %ld)\n", n, solutions, count_bits(n, 0, 0, 0));
        if (n == 8) {
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) putchar(first[r] == c ? 'Q' : '.');
                putchar('\n');
            }
        }
    }
    return 0;
}
