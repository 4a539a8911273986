/* Loops whose conditions and steps carry the side effects: defined orderings only. */
#include <stdio.h>

static int calls;
static int below(int i, int n) {
    calls++;
    return i < n;
}

int main(void) {
    int i = 0, n = 0;
    while (i++ < 5) n += i;
    printf("while i++ < 5: n %d, i %d\n", n, i);

    i = 5;
    n = 0;
    while (--i) n += i;
    printf("while --i: n %d, i %d\n", n, i);

    i = 3;
    n = 0;
    for (; i--;) n += i;
    printf("for (; i--;): n %d, i %d\n", n, i);

    int k = 10;
    do n++; while (--k > 7);
    printf("do-while --k > 7: n %d, k %d\n", n, k);

    calls = 0;
    int j;
    for (j = 0; below(j, 4); j++) {}
    printf("condition evaluated %d times for 4 iterations\n", calls);

    /* a step expression that calls a function and updates two variables */
    int a = 0, b = 100, steps = 0;
    for (; a < b; a += 7, b -= 3) steps++;
    printf("a %d b %d steps %d\n", a, b, steps);

    /* consuming a string with *p++ in the condition */
    const char *s = "count me";
    const char *p = s;
    int len = 0;
    while (*p++) len++;
    printf("len %d, p - s %td\n", len, p - s);

    /* nested loops sharing a variable updated in the inner condition */
    int total = 0, x = 0;
    for (int r = 0; r < 3; r++)
        while (x++ % 4 != 3) total += x;
    printf("total %d x %d\n", total, x);

    /* a loop that modifies its bound */
    int limit = 10, count = 0;
    for (int q = 0; q < limit; q++) {
        if (q % 3 == 0) limit--;
        count++;
    }
    printf("count %d limit %d\n", count, limit);
    return 0;
}
