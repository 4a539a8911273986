/* && and || evaluate their right operand only when needed; results are 0 or 1. */
#include <stdio.h>

static int evaluated[8];
static int mark(int i, int v) {
    evaluated[i]++;
    return v;
}

static void reset(void) {
    for (int i = 0; i < 8; i++) evaluated[i] = 0;
}

static void show(const char *label, int r) {
    printf("%-22s = %d  evaluated:", label, r);
    for (int i = 0; i < 4; i++) printf(" %d", evaluated[i]);
    printf("\n");
    reset();
}

int main(void) {
    show("0 && x", mark(0, 0) && mark(1, 1));
    show("1 && x", mark(0, 1) && mark(1, 1));
    show("1 || x", mark(0, 1) || mark(1, 0));
    show("0 || x", mark(0, 0) || mark(1, 0));
    show("0 && x || y", mark(0, 0) && mark(1, 1) || mark(2, 1));
    show("1 || x && y", mark(0, 1) || mark(1, 1) && mark(2, 1));
    show("(1 || x) && y", (mark(0, 1) || mark(1, 1)) && mark(2, 0));
    show("a && b && c && d", mark(0, 5) && mark(1, -1) && mark(2, 0) && mark(3, 1));
    show("a || b || c || d", mark(0, 0) || mark(1, 0) || mark(2, 7) || mark(3, 1));

    /* the result is always 0 or 1, whatever the operand values */
    printf("5 && 7 = %d, 0 || -3 = %d, !5 = %d, !0 = %d\n", 5 && 7, 0 || -3, !5, !0);
    printf("2.5 && 0.1 = %d, 0.0 || 0.0 = %d\n", 2.5 && 0.1, 0.0 || 0.0);

    /* guarding a null pointer and an array bound */
    int *np = NULL;
    int arr[4] = {1, 2, 3, 4};
    int idx = 4;
    printf("np && *np: %d\n", np && *np);
    printf("idx < 4 && arr[idx]: %d\n", idx < 4 && arr[idx]);

    /* pointers and doubles as conditions */
    const char *s = "x";
    printf("s && *s = %d, s && s[1] = %d\n", s && *s, s && s[1]);

    /* side effects in the right operand happen only when evaluated */
    int counter = 0;
    for (int i = 0; i < 10; i++)
        if (i % 2 == 0 || ++counter > 100) {}
    printf("counter %d\n", counter);
    return 0;
}
