/* Tables indexed by enum constants with designated initializers, and enum counts as sizes. */
#include <stdio.h>

enum op { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD, OP_COUNT };

static const char *const op_names[OP_COUNT] = {
    [OP_MUL] = "mul", [OP_ADD] = "add", [OP_DIV] = "div", [OP_SUB] = "sub", [OP_MOD] = "mod",
};
static const char op_symbols[] = {[OP_ADD] = '+', [OP_SUB] = '-', [OP_MUL] = '*', [OP_DIV] = '/', [OP_MOD] = '%'};
static const int precedence[OP_COUNT] = {[OP_MUL ... OP_MOD] = 2, [OP_ADD ... OP_SUB] = 1};

static long apply(enum op o, long a, long b) {
    switch (o) {
    case OP_ADD: return a + b;
    case OP_SUB: return a - b;
    case OP_MUL: return a * b;
    case OP_DIV: return b ? a / b : 0;
    case OP_MOD: return b ? a % b : 0;
    case OP_COUNT: break;
    }
    return 0;
}

int main(void) {
    printf("sizeof op_symbols %zu\n", sizeof op_symbols);
    for (enum op o = OP_ADD; o < OP_COUNT; o++)
        printf("%s %c prec %d: 17 %c 5 = %ld\n", op_names[o], op_symbols[o], precedence[o], op_symbols[o],
               apply(o, 17, 5));

    int usage[OP_COUNT] = {0};
    enum op program[] = {OP_MUL, OP_ADD, OP_MUL, OP_MOD, OP_SUB, OP_MUL};
    long acc = 3;
    for (unsigned i = 0; i < sizeof program / sizeof *program; i++) {
        acc = apply(program[i], acc, (long)i + 2);
        usage[program[i]]++;
    }
    printf("acc %ld\n", acc);
    for (int o = 0; o < OP_COUNT; o++) printf("%s used %d\n", op_names[o], usage[o]);
    return 0;
}
