/* Functions that return function pointers, with and without typedefs. */
#include <stdio.h>

static int inc(int x) { return x + 1; }
static int dec(int x) { return x - 1; }
static int dbl(int x) { return x * 2; }

/* without a typedef: select is a function taking char and returning int (*)(int) */
static int (*select_op(char c))(int) {
    switch (c) {
    case '+': return inc;
    case '-': return dec;
    case '*': return dbl;
    default: return NULL;
    }
}

typedef int (*op_fn)(int);
static op_fn compose_table[3] = {inc, dbl, dec};
static op_fn nth(int i) { return compose_table[i % 3]; }

/* a function returning a pointer to a function that returns a function pointer */
static op_fn (*chooser(void))(char) { return select_op; }

int main(void) {
    const char *prog = "++*-*?";
    int x = 1;
    for (const char *p = prog; *p; p++) {
        int (*f)(int) = select_op(*p);
        if (f) {
            x = f(x);
            printf("'%c' -> %d\n", *p, x);
        } else {
            printf("'%c' has no operation\n", *p);
        }
    }
    int y = 5;
    for (int i = 0; i < 6; i++) y = nth(i)(y);
    printf("y %d\n", y);
    printf("chooser()('*')(21) = %d\n", chooser()('*')(21));
    printf("select_op('+')(select_op('*')(10)) = %d\n", select_op('+')(select_op('*')(10)));
    return 0;
}
