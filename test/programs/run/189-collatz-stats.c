/* Collatz sequences: longest chain below a bound, peak values, and a small memo cache. */
#include <stdio.h>

#define CACHE 10000

static unsigned short cache[CACHE];

static int chain_length(unsigned long n) {
    if (n < CACHE && cache[n]) return cache[n];
    int len = n == 1 ? 1 : 1 + chain_length(n % 2 ? 3 * n + 1 : n / 2);
    if (n < CACHE) cache[n] = (unsigned short)len;
    return len;
}

int main(void) {
    int best_n = 1, best_len = 1;
    for (unsigned long n = 1; n < 100000; n++) {
        int len = chain_length(n);
        if (len > best_len) best_len = len, best_n = (int)n;
    }
    printf("longest chain below 100000 starts at %d with %d terms\n", best_n, best_len);

    unsigned long peak = 0, n = 27;
    int steps = 0;
    while (n != 1) {
        if (n > peak) peak = n;
        n = n % 2 ? 3 * n + 1 : n / 2;
        steps++;
    }
    printf("27 reaches 1 after %d steps, peak %lu\n", steps, peak);

    int hist[8] = {0};
    for (unsigned long k = 1; k <= 1000; k++) {
        int len = chain_length(k);
        int b = len / 25;
        hist[b > 7 ? 7 : b]++;
    }
    for (int b = 0; b < 8; b++) printf("length %3d-%3d: %d\n", b * 25, b * 25 + 24, hist[b]);
    return 0;
}
