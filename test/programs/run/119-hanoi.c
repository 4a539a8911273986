/* Towers of Hanoi: recursive solution that records and validates every move. */
#include <stdio.h>

static int pegs[3][16];
static int height[3];
static long moves;
static int illegal;

static void move_disk(int from, int to) {
    int disk = pegs[from][--height[from]];
    if (height[to] > 0 && pegs[to][height[to] - 1] < disk) illegal++;
    pegs[to][height[to]++] = disk;
    moves++;
}

static void hanoi(int n, int from, int to, int via, int verbose) {
    if (n == 0) return;
    hanoi(n - 1, from, via, to, verbose);
    if (verbose) printf("move disk %d: %c -> %c\n", n, 'A' + from, 'A' + to);
    move_disk(from, to);
    hanoi(n - 1, via, to, from, verbose);
}

static void setup(int n) {
    height[0] = height[1] = height[2] = 0;
    for (int d = n; d >= 1; d--) pegs[0][height[0]++] = d;
    moves = 0;
    illegal = 0;
}

int main(void) {
    setup(3);
    hanoi(3, 0, 2, 1, 1);
    printf("3 disks: %ld moves, illegal %d, on C %d\n", moves, illegal, height[2]);
    for (int n = 1; n <= 15; n += 2) {
        setup(n);
        hanoi(n, 0, 2, 1, 0);
        printf("%2d disks: %5ld moves (2^n - 1 = %ld), illegal %d, top of C %d\n", n, moves, (1L << n) - 1,
               illegal, pegs[2][height[2] - 1]);
    }
    return 0;
}
