/* 64-bit arithmetic in long and long long. */
#include <stdio.h>

static long long factorial(int n) {
    long long r = 1;
    for (int i = 2; i <= n; i++) r *= i;
    return r;
}

static unsigned long long power(unsigned long long b, unsigned e) {
    unsigned long long r = 1;
    while (e) {
        if (e & 1) r *= b;
        b *= b;
        e >>= 1;
    }
    return r;
}

int main(void) {
    for (int n = 15; n <= 20; n++) printf("%d! = %lld\n", n, factorial(n));
    printf("3^40 = %llu\n", power(3, 40));
    printf("2^63 = %llu\n", power(2, 63));
    printf("7^25 mod 2^64 = %llu\n", power(7, 25));

    long a = 123456789012L;
    long b = -987654321L;
    printf("a + b = %ld\n", a + b);
    printf("a - b = %ld\n", a - b);
    printf("a * 10 = %ld\n", a * 10);
    printf("a / b = %ld, a %% b = %ld\n", a / b, a % b);
    printf("b / 1000 = %ld, b %% 1000 = %ld\n", b / 1000, b % 1000);

    long long x = 0x7fffffffffffffffLL;
    printf("max %lld, max / 3 = %lld\n", x, x / 3);
    long long y = -x - 1;
    printf("min %lld, min / 7 = %lld, min %% 7 = %lld\n", y, y / 7, y % 7);

    /* mixing int and long long */
    int i = 2000000000;
    long long w = (long long)i * 4;
    printf("2000000000 * 4 = %lld\n", w);
    long long sum = 0;
    for (int k = 0; k < 100; k++) sum += i;
    printf("sum = %lld\n", sum);
    return 0;
}
