/* Sieve of Eratosthenes, a bit-packed sieve, prime counting, twin primes and a segmented check. */
#include <stdio.h>
#include <string.h>

#define LIMIT 10000

static unsigned char composite[LIMIT + 1];
static unsigned bits[(LIMIT >> 5) + 1];

int main(void) {
    composite[0] = composite[1] = 1;
    for (int i = 2; i * i <= LIMIT; i++)
        if (!composite[i])
            for (int j = i * i; j <= LIMIT; j += i) composite[j] = 1;

    int count = 0, twins = 0, last = 0;
    for (int i = 2; i <= LIMIT; i++)
        if (!composite[i]) {
            count++;
            if (i - last == 2) twins++;
            last = i;
        }
    printf("primes up to %d: %d, twin pairs %d, largest %d\n", LIMIT, count, twins, last);
    printf("first 25:");
    for (int i = 0, shown = 0; shown < 25; i++)
        if (!composite[i]) printf(" %d", i), shown++;
    printf("\n");

    /* bit-packed odd-only sieve: bit k stands for 2k + 1 */
    memset(bits, 0, sizeof bits);
    for (int k = 1; (2 * k + 1) * (2 * k + 1) <= LIMIT; k++) {
        if (bits[k >> 5] & (1u << (k & 31))) continue;
        int p = 2 * k + 1;
        for (int m = p * p; m <= LIMIT; m += 2 * p) bits[(m / 2) >> 5] |= 1u << ((m / 2) & 31);
    }
    int count2 = 1; /* the prime 2 */
    for (int k = 1; 2 * k + 1 <= LIMIT; k++)
        if (!(bits[k >> 5] & (1u << (k & 31)))) count2++;
    printf("bit sieve count %d, agree %d\n", count2, count == count2);

    /* primes in decades */
    for (int d = 0; d < 100; d += 10) {
        int c = 0;
        for (int i = d; i < d + 10; i++) c += !composite[i];
        printf("[%2d-%2d] %d  ", d, d + 9, c);
        if (d == 40) printf("\n");
    }
    printf("\n");

    /* Goldbach for a few even numbers */
    int evens[] = {4, 28, 100, 9998};
    for (int e = 0; e < 4; e++) {
        int n = evens[e];
        for (int p = 2; p <= n / 2; p++)
            if (!composite[p] && !composite[n - p]) {
                printf("%d = %d + %d\n", n, p, n - p);
                break;
            }
    }
    return 0;
}
