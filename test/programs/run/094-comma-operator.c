/* The comma operator evaluates left to right and yields its right operand. */
#include <stdio.h>

static int trace_val(const char *s, int v) {
    printf("%s ", s);
    return v;
}

int main(void) {
    int a = (1, 2, 3);
    printf("a %d\n", a);

    int x = 0;
    int y = (x += 5, x * 2);
    printf("x %d y %d\n", x, y);

    /* evaluation order is guaranteed */
    int r = (trace_val("first", 1), trace_val("second", 2), trace_val("third", 3));
    printf("-> %d\n", r);

    /* in for loops, two counters */
    for (int i = 0, j = 10; i < j; i += 2, j -= 3) printf("(%d,%d) ", i, j);
    printf("\n");

    /* in a while condition */
    int n = 0, c;
    const char *s = "commas, everywhere";
    while (c = s[n], c != ',' && c != '\0') n++;
    printf("first comma at %d\n", n);

    /* comma expressions as function arguments need parentheses */
    int t = (a++, a);
    printf("%d %d\n", t, a);

    /* the comma result is not an lvalue in C but can be a pointer */
    int arr[3] = {7, 8, 9};
    int *p = (arr[0]++, arr + 2);
    printf("*p %d arr[0] %d\n", *p, arr[0]);

    /* type of a comma expression is that of its right operand */
    printf("sizeof(1, 2.0) %zu, sizeof((char)1, (char)2) %zu\n", sizeof(1, 2.0), sizeof((char)1, (char)2));

    /* in a macro-like statement sequence */
    int t1, t2;
    t1 = 3, t2 = t1 * 3, t1 += t2;
    printf("t1 %d t2 %d\n", t1, t2);
    return 0;
}
