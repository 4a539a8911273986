/* Relational and equality operators yield int 0 or 1 for every operand type. */
#include <stdio.h>

int main(void) {
    int a = 3, b = 7;
    printf("%d %d %d %d %d %d\n", a < b, a > b, a <= b, a >= b, a == b, a != b);
    printf("sizeof(a < b) %zu\n", sizeof(a < b));
    double x = 0.1 + 0.2, y = 0.3;
    printf("x < y %d, x > y %d, x == y %d\n", x < y, x > y, x == y);
    printf("1.0 == 1 %d, 0.5f == 0.5 %d, 0.1f == 0.1 %d\n", 1.0 == 1, 0.5f == 0.5, 0.1f == 0.1);
    char c1 = 'a', c2 = 'b';
    printf("c1 < c2 %d\n", c1 < c2);
    long long big = 1LL << 40;
    printf("big > 1 %d, big == (1LL << 40) %d\n", big > 1, big == (1LL << 40));

    /* the results can be used as numbers */
    int count = (a < b) + (b < a) + (a == 3) + (b != 7);
    printf("count %d\n", count);
    int cmp = (a > b) - (a < b);
    printf("three-way cmp %d\n", cmp);

    /* count elements less than a pivot without branches */
    int data[] = {5, 1, 9, 3, 7, 2, 8};
    int less = 0;
    for (int i = 0; i < 7; i++) less += data[i] < 5;
    printf("less than 5: %d\n", less);

    /* chained comparisons do not mean what they look like */
    int v = 10;
    printf("1 < v < 5 = %d (parsed as (1 < v) < 5)\n", 1 < v < 5);
    printf("1 < v && v < 5 = %d\n", 1 < v && v < 5);

    /* comparisons of pointers into the same array */
    int *p = &data[1], *q = &data[4];
    printf("p < q %d, p == q - 3 %d\n", p < q, p == q - 3);

    /* equality with negative zero and characters */
    printf("-0.0 == 0.0 %d, 'A' == 65 %d\n", -0.0 == 0.0, 'A' == 65);
    return 0;
}
