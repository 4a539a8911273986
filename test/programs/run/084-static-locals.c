/* static locals keep their value across calls; each function has its own. */
#include <stdio.h>

static int counter(void) {
    static int n; /* zero-initialized once */
    return ++n;
}

static int other_counter(void) {
    static int n = 100;
    return n++;
}

static unsigned next_random(void) {
    static unsigned state = 2463534242u;
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
}

static const char *next_name(void) {
    static const char *names[] = {"ann", "ben", "cat"};
    static int i = 0;
    const char *r = names[i];
    i = (i + 1) % 3;
    return r;
}

static long fib_memo(int n) {
    static long memo[64];
    if (n < 2) return n;
    if (memo[n]) return memo[n];
    return memo[n] = fib_memo(n - 1) + fib_memo(n - 2);
}

static int *accumulator(int add) {
    static int total = 0;
    total += add;
    return &total; /* the address of a static stays valid */
}

int main(void) {
    for (int i = 0; i < 3; i++) printf("counter %d other %d\n", counter(), other_counter());
    for (int i = 0; i < 4; i++) printf("random %u\n", next_random());
    for (int i = 0; i < 5; i++) printf("%s ", next_name());
    printf("\n");
    printf("fib(50) %ld, fib(60) %ld\n", fib_memo(50), fib_memo(60));
    accumulator(5);
    accumulator(7);
    int *t = accumulator(0);
    *t += 100;
    printf("total %d\n", *accumulator(1));

    /* a static in a block inside a loop is initialized only once */
    for (int i = 0; i < 4; i++) {
        static int seen = 10;
        int fresh = 10;
        seen++;
        fresh++;
        printf("seen %d fresh %d\n", seen, fresh);
    }
    return 0;
}
