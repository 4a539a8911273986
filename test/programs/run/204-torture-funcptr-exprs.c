/* Calling through function pointers reached by complicated expressions. */
#include <stdio.h>

typedef int (*fn)(int);
static int add1(int x) { return x + 1; }
static int dbl(int x) { return x * 2; }
static int sq(int x) { return x * x; }

struct op { const char *name; fn f; };
struct bank { struct op ops[3]; fn (*pick)(int); };

static fn pick(int i) { return i == 0 ? add1 : i == 1 ? dbl : sq; }
static struct bank make_bank(void) {
    struct bank b = {{{"add1", add1}, {"dbl", dbl}, {"sq", sq}}, pick};
    return b;
}
static int apply_n(fn f, int n, int x) {
    while (n-- > 0) x = f(x);
    return x;
}

int main(void) {
    struct bank b = make_bank();
    struct bank *pb = &b;
    printf("%d %d %d\n", b.ops[0].f(5), (*b.ops[1].f)(5), pb->ops[2].f(5));
    printf("%d\n", pb->pick(2)(pb->pick(1)(3)));
    printf("%d\n", make_bank().ops[1].f(21));
    fn table[2][2] = {{add1, dbl}, {sq, add1}};
    fn (*row)[2] = table;
    printf("%d %d\n", row[1][0](9), (*(row + 1))[1](9));
    fn *cursor = &table[0][0];
    int acc = 1;
    for (int i = 0; i < 4; i++) acc = (*cursor++)(acc);
    printf("acc %d\n", acc);
    printf("apply_n(dbl, 10, 1) %d, apply_n(sq, 3, 2) %d\n", apply_n(dbl, 10, 1), apply_n(sq, 3, 2));
    printf("name of op returning 36 from 6: ");
    for (int i = 0; i < 3; i++)
        if (b.ops[i].f(6) == 36) printf("%s\n", b.ops[i].name);
    fn chosen = (acc & 1 ? add1 : dbl);
    printf("chosen(100) %d\n", chosen(100));
    return 0;
}
