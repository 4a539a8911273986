/* The Ackermann function for small arguments, with recursion depth tracking. */
#include <stdio.h>

static long calls;
static int depth, max_depth;

static int ack(int m, int n) {
    calls++;
    if (++depth > max_depth) max_depth = depth;
    int r;
    if (m == 0) r = n + 1;
    else if (n == 0) r = ack(m - 1, 1);
    else r = ack(m - 1, ack(m, n - 1));
    depth--;
    return r;
}

/* the same function computed iteratively with an explicit stack */
static int ack_iter(int m, int n) {
    static int stack[100000];
    int sp = 0;
    stack[sp++] = m;
    while (sp > 0) {
        m = stack[--sp];
        if (m == 0) n = n + 1;
        else if (n == 0) {
            stack[sp++] = m - 1;
            n = 1;
        } else {
            stack[sp++] = m - 1;
            stack[sp++] = m;
            n = n - 1;
        }
    }
    return n;
}

int main(void) {
    for (int m = 0; m <= 3; m++) {
        for (int n = 0; n <= 4; n++) {
            calls = 0;
            max_depth = 0;
            int r = ack(m, n);
            printf("ack(%d,%d) = %4d calls %6ld depth %4d iter %4d\n", m, n, r, calls, max_depth, ack_iter(m, n));
        }
    }
    return 0;
}
