/* Block scope: shadowing, lifetime of block variables, same names in sibling blocks. */
#include <stdio.h>

int x = 1; /* file scope */

static int read_global(void) { return x; }

int main(void) {
    printf("global x %d\n", x);
    int x = 2; /* shadows the global */
    printf("local x %d, global via function %d\n", x, read_global());
    {
        int x = 3;
        printf("inner x %d\n", x);
        {
            x++;
            int x = 4;
            printf("innermost x %d\n", x);
        }
        printf("inner x after %d\n", x);
    }
    printf("local x after %d\n", x);

    /* sibling blocks can reuse names with different types */
    {
        double v = 1.5;
        printf("v %.1f\n", v);
    }
    {
        const char *v = "text";
        printf("v %s\n", v);
    }

    /* a variable declared in a loop body is fresh each iteration */
    for (int i = 0; i < 3; i++) {
        int fresh = 0;
        fresh += i;
        printf("fresh %d ", fresh);
    }
    printf("\n");

    /* the initializer can refer to the outer variable of the same name? no: the new one is in scope */
    int y = 10;
    {
        int z = y * 2; /* uses the outer y */
        int y = z + 1;
        printf("z %d y %d\n", z, y);
    }

    /* struct tags and enum constants are scoped too */
    struct tag { int a; } outer = {1};
    {
        struct tag { double b; } inner = {2.5};
        enum { RED = 10 };
        printf("outer.a %d inner.b %.1f RED %d sizeof inner %zu\n", outer.a, inner.b, RED, sizeof inner);
    }
    enum { RED = 20 };
    printf("RED now %d\n", RED);
    return 0;
}
