/* GNU typeof, the ?: operator with an omitted middle operand, and __typeof__ in declarations. */
#include <stdio.h>

#define SWAP(a, b) do { typeof(a) t_ = (a); (a) = (b); (b) = t_; } while (0)

static int calls;
static int value(int v) {
    calls++;
    return v;
}

int main(void) {
    int i = 3;
    typeof(i) j = 4;
    typeof(i * 2.0) d = 1.5;
    typeof(int *) p = &i;
    __typeof__(char) c = 'q';
    printf("sizeof j %zu, d %zu, p %zu, c %zu\n", sizeof j, sizeof d, sizeof p, sizeof c);
    SWAP(i, j);
    printf("i %d j %d\n", i, j);
    double x = 1.25, y = 2.5;
    SWAP(x, y);
    printf("x %.2f y %.2f\n", x, y);
    printf("*p %d\n", *p);

    /* a ?: b yields a if it is non-zero, evaluating a only once */
    calls = 0;
    int r = value(7) ?: value(9);
    printf("7 ?: 9 = %d, calls %d\n", r, calls);
    calls = 0;
    r = value(0) ?: value(9);
    printf("0 ?: 9 = %d, calls %d\n", r, calls);
    const char *name = NULL;
    printf("name %s\n", name ?: "(default)");
    name = "given";
    printf("name %s\n", name ?: "(default)");

    /* typeof of an array and of an expression using a struct */
    int arr[5] = {1, 2, 3, 4, 5};
    typeof(arr) copy;
    for (int k = 0; k < 5; k++) copy[k] = arr[k] * 10;
    printf("sizeof copy %zu, copy[4] %d\n", sizeof copy, copy[4]);
    struct pt { short x, y; } pt = {1, 2};
    typeof(pt.x + pt.y) sum = pt.x + pt.y;
    printf("sizeof sum %zu (promoted to int), sum %d\n", sizeof sum, sum);
    (void)c;
    (void)d;
    return 0;
}
