/* Pascal's triangle: rows with one array, binomial coefficients, Sierpinski pattern mod 2, row sums. */
#include <stdio.h>

static unsigned long long binom(int n, int k) {
    if (k > n - k) k = n - k;
    unsigned long long r = 1;
    for (int i = 1; i <= k; i++) r = r * (unsigned long long)(n - k + i) / (unsigned long long)i;
    return r;
}

int main(void) {
    unsigned long row[16] = {1};
    for (int n = 0; n < 12; n++) {
        printf("%*s", (11 - n) * 2, "");
        for (int k = 0; k <= n; k++) printf("%4lu", row[k]);
        printf("\n");
        for (int k = n + 1; k > 0; k--) row[k] += row[k - 1];
    }
    printf("C(30,15) = %llu, C(60,30) = %llu, C(66,33) = %llu\n", binom(30, 15), binom(60, 30), binom(66, 33));

    /* rows mod 2 draw a Sierpinski triangle */
    unsigned char bits[32] = {1};
    for (int n = 0; n < 16; n++) {
        printf("%*s", 16 - n, "");
        for (int k = 0; k <= n; k++) printf("%c ", bits[k] ? '*' : ' ');
        printf("\n");
        for (int k = n + 1; k > 0; k--) bits[k] ^= bits[k - 1];
    }

    /* identities: sum of a row is 2^n, alternating sum is 0 */
    for (int n = 1; n <= 20; n += 6) {
        unsigned long long sum = 0;
        long long alt = 0;
        for (int k = 0; k <= n; k++) {
            sum += binom(n, k);
            alt += (k % 2 ? -1 : 1) * (long long)binom(n, k);
        }
        printf("n=%2d sum %llu alternating %lld\n", n, sum, alt);
    }
    return 0;
}
