/* _Bool and <stdbool.h>: every non-zero value converts to 1. */
#include <stdio.h>
#include <stdbool.h>

static bool is_even(int n) { return n % 2 == 0; }

int main(void) {
    _Bool b;
    b = 5;
    printf("5 -> %d\n", b);
    b = -1;
    printf("-1 -> %d\n", b);
    b = 0;
    printf("0 -> %d\n", b);
    b = 0.5;
    printf("0.5 -> %d\n", b);
    b = 0.0;
    printf("0.0 -> %d\n", b);
    b = 256;
    printf("256 -> %d (a char would give %d)\n", b, (unsigned char)256);
    int x = 7;
    b = &x;
    printf("pointer -> %d\n", b);
    int *np = NULL;
    b = np;
    printf("null pointer -> %d\n", b);

    bool t = true, f = false;
    printf("true %d false %d sizeof(bool) %zu\n", t, f, sizeof(bool));
    printf("t + t = %d, t && f = %d, t || f = %d, !t = %d\n", t + t, t && f, t || f, !t);

    bool flags[8];
    for (int i = 0; i < 8; i++) flags[i] = is_even(i * 3);
    for (int i = 0; i < 8; i++) printf("%d", flags[i]);
    printf("\n");

    /* increment saturates at 1, decrement toggles */
    bool c = false;
    c++;
    printf("false++ -> %d\n", c);
    c++;
    printf("true++ -> %d\n", c);
    c--;
    printf("true-- -> %d\n", c);
    c--;
    printf("false-- -> %d\n", c);

    int count = 0;
    for (int i = -3; i <= 3; i++) count += (bool)i;
    printf("count of non-zero %d\n", count);
    printf("(bool)0.1 + (bool)-0.1 = %d\n", (bool)0.1 + (bool)-0.1);
    return 0;
}
