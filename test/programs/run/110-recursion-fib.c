/* Recursion: naive Fibonacci, with a call counter, versus iteration and memoization. */
#include <stdio.h>

static long calls;

static long fib(int n) {
    calls++;
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static long fib_iter(int n) {
    long a = 0, b = 1;
    for (int i = 0; i < n; i++) {
        long t = a + b;
        a = b;
        b = t;
    }
    return a;
}

static long memo[91];
static long fib_memo(int n) {
    if (n < 2) return n;
    if (memo[n] == 0) memo[n] = fib_memo(n - 1) + fib_memo(n - 2);
    return memo[n];
}

/* fast doubling: F(2k) = F(k) * (2F(k+1) - F(k)), F(2k+1) = F(k)^2 + F(k+1)^2 */
static void fib_pair(int n, long *f, long *g) {
    if (n == 0) {
        *f = 0;
        *g = 1;
        return;
    }
    long a, b;
    fib_pair(n / 2, &a, &b);
    long c = a * (2 * b - a), d = a * a + b * b;
    if (n % 2) {
        *f = d;
        *g = c + d;
    } else {
        *f = c;
        *g = d;
    }
}

int main(void) {
    for (int n = 0; n <= 25; n += 5) {
        calls = 0;
        long r = fib(n);
        printf("fib(%d) = %ld with %ld calls\n", n, r, calls);
    }
    printf("fib_iter(90) = %ld\n", fib_iter(90));
    printf("fib_memo(90) = %ld\n", fib_memo(90));
    long f, g;
    fib_pair(90, &f, &g);
    printf("fib_pair(90) = %ld\n", f);
    int agree = 1;
    for (int n = 0; n <= 90; n++) {
        fib_pair(n, &f, &g);
        agree &= f == fib_iter(n) && f == fib_memo(n);
    }
    printf("all methods agree: %d\n", agree);
    return 0;
}
