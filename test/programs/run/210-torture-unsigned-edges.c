/* Unsigned edge cases: loops that stop by wrapping, comparisons after wrap, mixing with size_t. */
#include <stdio.h>
#include <limits.h>
#include <stddef.h>

int main(void) {
    /* this loop runs while i < 20, and stops when i wraps from 0 to UINT_MAX */
    int iterations = 0;
    for (unsigned i = 10; i < 20; i--) iterations++;
    printf("wrap-terminated loop ran %d times\n", iterations);

    printf("0u - 1 > 0: %d\n", 0u - 1 > 0);
    printf("UINT_MAX + 1u == 0: %d\n", UINT_MAX + 1u == 0);
    printf("ULLONG_MAX + 1 == 0: %d\n", ULLONG_MAX + 1 == 0);
    unsigned short us = USHRT_MAX;
    printf("USHRT_MAX + 1 (promoted) = %d\n", us + 1);

    /* division and modulo of big unsigned values */
    unsigned long long big = ULLONG_MAX;
    printf("ULLONG_MAX / 3 = %llu, %% 7 = %llu\n", big / 3, big % 7);
    unsigned u = 0x80000000u;
    printf("0x80000000u / 2 = %u, >> 31 = %u, * 2 = %u\n", u / 2, u >> 31, u * 2);

    /* size_t arithmetic */
    size_t a = 3, b = 5;
    printf("a - b = %zu, (ptrdiff_t)(a - b) = %td\n", a - b, (ptrdiff_t)(a - b));
    printf("b - a < a - b: %d\n", b - a < a - b);

    /* the average of two unsigned values without overflow */
    unsigned x = 4000000000u, y = 3000000000u;
    printf("naive (x + y) / 2 = %u, safe = %u\n", (x + y) / 2, x / 2 + y / 2 + (x & y & 1));

    /* absolute difference of unsigned values */
    unsigned p = 7, q = 12;
    printf("|p - q| = %u\n", p > q ? p - q : q - p);

    /* counting down to zero inclusively with unsigned */
    unsigned total = 0;
    for (unsigned k = 5;; k--) {
        total += k;
        if (k == 0) break;
    }
    printf("total %u\n", total);

    /* unsigned long long multiplication overflow detection */
    unsigned long long m1 = 4294967296ull, m2 = 4294967297ull;
    unsigned long long prod = m1 * m2;
    printf("product %llu, overflowed %d\n", prod, m1 != 0 && prod / m1 != m2);
    return 0;
}
