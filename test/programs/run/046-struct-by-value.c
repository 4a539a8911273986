/* Structs passed and returned by value: small, medium, large, and with nested arrays. */
#include <stdio.h>

struct small { char c; };
struct pair { int a, b; };
struct mixed { char c; double d; short s; };
struct big { long v[10]; };

static struct small next_small(struct small s) { s.c++; return s; }
static struct pair swap(struct pair p) { struct pair r = {p.b, p.a}; return r; }
static struct mixed scale(struct mixed m, double k) {
    m.d *= k;
    m.s = (short)(m.s * 2);
    m.c = (char)(m.c + 1);
    return m;
}
static struct big fill(long start) {
    struct big b;
    for (int i = 0; i < 10; i++) b.v[i] = start + i * i;
    return b;
}
static long sum_big(struct big b) {
    long s = 0;
    for (int i = 0; i < 10; i++) s += b.v[i];
    b.v[0] = -1000; /* changes the callee's copy only */
    return s;
}
static struct pair add_pairs(struct pair x, struct pair y, struct pair z) {
    return (struct pair){x.a + y.a + z.a, x.b + y.b + z.b};
}

int main(void) {
    struct small s = {'a'};
    s = next_small(next_small(s));
    printf("small %c\n", s.c);

    struct pair p = {1, 2};
    struct pair q = swap(p);
    printf("pair %d %d -> %d %d\n", p.a, p.b, q.a, q.b);
    printf("member of returned struct: %d\n", swap(q).b);

    struct mixed m = {'x', 1.5, 300};
    struct mixed n = scale(m, 4);
    printf("mixed %c %.2f %d -> %c %.2f %d\n", m.c, m.d, m.s, n.c, n.d, n.s);

    struct big b = fill(3);
    printf("sum %ld, b.v[0] still %ld, b.v[9] %ld\n", sum_big(b), b.v[0], b.v[9]);
    printf("fill(100).v[5] = %ld\n", fill(100).v[5]);

    struct pair r = add_pairs(p, q, (struct pair){10, 20});
    printf("add %d %d\n", r.a, r.b);

    /* by-value in a loop: accumulate through return values */
    struct pair acc = {0, 1};
    for (int i = 0; i < 10; i++) acc = (struct pair){acc.b, acc.a + acc.b};
    printf("fib pair %d %d\n", acc.a, acc.b);
    return 0;
}
