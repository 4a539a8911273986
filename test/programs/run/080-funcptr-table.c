/* Tables of function pointers: a calculator dispatch table and a command table with names. */
#include <stdio.h>
#include <string.h>

static long add(long a, long b) { return a + b; }
static long sub(long a, long b) { return a - b; }
static long mul(long a, long b) { return a * b; }
static long divi(long a, long b) { return b ? a / b : 0; }
static long maxl(long a, long b) { return a > b ? a : b; }

static long (*const ops[])(long, long) = {add, sub, mul, divi, maxl};
static const char *const op_names[] = {"add", "sub", "mul", "div", "max"};

struct command {
    const char *name;
    int (*run)(int);
};

static int cmd_double(int x) { return 2 * x; }
static int cmd_inc(int x) { return x + 1; }
static int cmd_square(int x) { return x * x; }
static int cmd_zero(int x) { return x - x; }

static const struct command commands[] = {
    {"double", cmd_double}, {"inc", cmd_inc}, {"square", cmd_square}, {"zero", cmd_zero}, {NULL, NULL},
};

static int run(const char *name, int x) {
    for (const struct command *c = commands; c->name; c++)
        if (strcmp(c->name, name) == 0) return c->run(x);
    printf("unknown command %s\n", name);
    return x;
}

int main(void) {
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        printf("%s(12, 5) = %ld\n", op_names[i], ops[i](12, 5));

    const char *script[] = {"inc", "double", "square", "bogus", "inc", "double"};
    int x = 2;
    for (int i = 0; i < 6; i++) {
        x = run(script[i], x);
        printf("after %s: %d\n", script[i], x);
    }
    printf("zero: %d\n", run("zero", x));

    /* a 2D table: [op][swap] */
    long (*grid[2][2])(long, long) = {{add, sub}, {mul, divi}};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) printf("grid[%d][%d](20, 4) = %ld\n", i, j, grid[i][j](20, 4));
    return 0;
}
