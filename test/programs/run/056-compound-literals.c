/* Compound literals: struct and array values without a name, as arguments and lvalues. */
#include <stdio.h>

struct point { int x, y; };

static int dot(struct point a, struct point b) { return a.x * b.x + a.y * b.y; }
static int sum(const int *v, int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += v[i];
    return s;
}
static struct point *mid(struct point *out, const struct point *a, const struct point *b) {
    out->x = (a->x + b->x) / 2;
    out->y = (a->y + b->y) / 2;
    return out;
}

int main(void) {
    printf("dot %d\n", dot((struct point){1, 2}, (struct point){3, 4}));
    printf("sum %d\n", sum((int[]){1, 2, 3, 4, 5}, 5));
    printf("sum designated %d\n", sum((int[10]){[9] = 100, [0] = 1}, 10));

    /* a compound literal is an lvalue with automatic storage in this block */
    struct point *p = &(struct point){5, 6};
    p->x += 10;
    printf("p %d %d\n", p->x, p->y);

    int *arr = (int[]){10, 20, 30};
    arr[1] = 99;
    printf("arr %d %d %d\n", arr[0], arr[1], arr[2]);

    struct point m;
    mid(&m, &(struct point){0, 0}, &(struct point){10, -4});
    printf("mid %d %d\n", m.x, m.y);

    /* assignment from a compound literal */
    struct point q;
    q = (struct point){.y = 7};
    printf("q %d %d\n", q.x, q.y);

    /* inside a loop: a fresh value each iteration */
    int total = 0;
    for (int i = 0; i < 4; i++) {
        struct point t = (struct point){i, i * i};
        total += dot(t, (struct point){1, 1});
    }
    printf("total %d\n", total);

    /* scalar compound literal, and strings in a compound literal array */
    int v = (int){42};
    const char **names = (const char *[]){"zero", "one", "two"};
    printf("v %d, %s %s\n", v, names[1], names[2]);
    printf("sizeof (char[7]){0} = %zu\n", sizeof (char[7]){0});
    return 0;
}
