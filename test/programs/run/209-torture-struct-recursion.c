/* Recursive functions that pass and return structs: divide-and-conquer min/max/sum and Fibonacci pairs. */
#include <stdio.h>

struct stats { long min, max, sum; int n; };
struct fibpair { unsigned long long a, b; };

static struct stats combine(struct stats l, struct stats r) {
    struct stats s;
    s.min = l.min < r.min ? l.min : r.min;
    s.max = l.max > r.max ? l.max : r.max;
    s.sum = l.sum + r.sum;
    s.n = l.n + r.n;
    return s;
}

static struct stats range_stats(const long *v, int lo, int hi) {
    if (hi - lo == 1) return (struct stats){v[lo], v[lo], v[lo], 1};
    int mid = lo + (hi - lo) / 2;
    return combine(range_stats(v, lo, mid), range_stats(v, mid, hi));
}

static struct fibpair fib(int n) {
    if (n == 0) return (struct fibpair){0, 1};
    struct fibpair p = fib(n - 1);
    return (struct fibpair){p.b, p.a + p.b};
}

struct path { char text[64]; int len; };
static struct path describe(int n) {
    struct path p;
    if (n <= 1) {
        p.len = 0;
        p.text[0] = '\0';
        return p;
    }
    p = describe(n % 2 ? 3 * n + 1 : n / 2);
    if (p.len < 60) {
        p.text[p.len++] = n % 2 ? 'U' : 'd';
        p.text[p.len] = '\0';
    }
    return p;
}

int main(void) {
    long v[13];
    for (int i = 0; i < 13; i++) v[i] = (i * 37) % 23 - 11;
    struct stats s = range_stats(v, 0, 13);
    printf("min %ld max %ld sum %ld n %d\n", s.min, s.max, s.sum, s.n);
    for (int n = 10; n <= 90; n += 20) printf("fib(%d) = %llu\n", n, fib(n).a);
    struct path p = describe(27);
    printf("27: %d steps recorded, tail %s\n", p.len, p.text + (p.len > 20 ? p.len - 20 : 0));
    p = describe(6);
    printf("6: %s\n", p.text);
    return 0;
}
