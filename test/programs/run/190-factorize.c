/* Trial-division factorization, divisor counts and sums, totients, perfect and amicable numbers. */
#include <stdio.h>

static void factorize(unsigned long long n) {
    printf("%llu =", n);
    int first = 1;
    for (unsigned long long p = 2; p * p <= n; p += p == 2 ? 1 : 2) {
        int e = 0;
        while (n % p == 0) n /= p, e++;
        if (e) {
            printf("%s %llu", first ? "" : " *", p);
            if (e > 1) printf("^%d", e);
            first = 0;
        }
    }
    if (n > 1) printf("%s %llu", first ? "" : " *", n);
    printf("\n");
}

static long divisor_sum(long n) {
    long s = 0;
    for (long d = 1; d * d <= n; d++)
        if (n % d == 0) s += d + (d * d != n ? n / d : 0);
    return s;
}

static long totient(long n) {
    long r = n;
    for (long p = 2; p * p <= n; p++)
        if (n % p == 0) {
            while (n % p == 0) n /= p;
            r -= r / p;
        }
    if (n > 1) r -= r / n;
    return r;
}

int main(void) {
    unsigned long long ns[] = {1, 2, 12, 97, 360, 1001, 65536, 999999, 600851475143ull, 18446744073709551615ull};
    for (int i = 0; i < 10; i++) factorize(ns[i]);
    printf("perfect numbers below 10000:");
    for (long n = 2; n < 10000; n++)
        if (divisor_sum(n) - n == n) printf(" %ld", n);
    printf("\namicable pairs below 3000:");
    for (long a = 2; a < 3000; a++) {
        long b = divisor_sum(a) - a;
        if (b > a && divisor_sum(b) - b == a) printf(" (%ld,%ld)", a, b);
    }
    printf("\ntotients:");
    for (long n = 1; n <= 12; n++) printf(" %ld", totient(n));
    printf("\nphi(1000000) = %ld\n", totient(1000000));
    return 0;
}
