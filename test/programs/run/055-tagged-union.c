/* A tagged union (variant type) used to evaluate a small expression tree. */
#include <stdio.h>

enum kind { NUM, ADD, MUL, NEG };

struct expr {
    enum kind kind;
    union {
        double num;
        struct { const struct expr *l, *r; } bin;
        const struct expr *operand;
    } u;
};

static double eval(const struct expr *e) {
    switch (e->kind) {
    case NUM: return e->u.num;
    case ADD: return eval(e->u.bin.l) + eval(e->u.bin.r);
    case MUL: return eval(e->u.bin.l) * eval(e->u.bin.r);
    case NEG: return -eval(e->u.operand);
    }
    return 0;
}

static void print(const struct expr *e) {
    switch (e->kind) {
    case NUM: printf("%g", e->u.num); break;
    case ADD: case MUL:
        printf("(");
        print(e->u.bin.l);
        printf(" %c ", e->kind == ADD ? '+' : '*');
        print(e->u.bin.r);
        printf(")");
        break;
    case NEG: printf("-"); print(e->u.operand); break;
    }
}

int main(void) {
    struct expr two = {NUM, {.num = 2}};
    struct expr three = {NUM, {.num = 3}};
    struct expr half = {.kind = NUM, .u.num = 0.5};
    struct expr sum = {ADD, {.bin = {&two, &three}}};
    struct expr prod = {MUL, {.bin = {&sum, &half}}};
    struct expr neg = {NEG, {.operand = &prod}};
    struct expr top = {ADD, {.bin = {&neg, &sum}}};
    const struct expr *all[] = {&two, &sum, &prod, &neg, &top};
    for (int i = 0; i < 5; i++) {
        print(all[i]);
        printf(" = %g\n", eval(all[i]));
    }
    printf("sizeof(struct expr) %zu\n", sizeof(struct expr));
    return 0;
}
