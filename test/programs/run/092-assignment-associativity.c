/* Assignment is right-associative and yields the stored (converted) value. */
#include <stdio.h>

int main(void) {
    int a, b, c;
    a = b = c = 7;
    printf("a %d b %d c %d\n", a, b, c);

    /* the value of an assignment is the value stored, after conversion */
    char ch;
    int i = (ch = 300);
    printf("(ch = 300) -> %d\n", i);
    double d;
    int j = (int)(d = 2.75);
    printf("(d = 2.75) -> %d, d %.2f\n", j, d);
    unsigned char u;
    int k = (u = 255) + 1;
    printf("(u = 255) + 1 -> %d\n", k);

    /* compound assignments chained from the right */
    a = 1; b = 2; c = 3;
    a += b *= c -= 1;
    printf("a %d b %d c %d\n", a, b, c);
    a = 10; b = 3;
    a -= b += 2;
    printf("a %d b %d\n", a, b);
    a = 100; b = 7; c = 2;
    a /= b %= c + 3;
    printf("a %d b %d\n", a, b);

    /* assignment in a condition */
    int n = 0, v;
    int values[] = {4, 8, 15, 0, 16};
    while ((v = values[n]) != 0) n++;
    printf("stopped at %d\n", n);

    /* mixed types in a chain: each assignment converts to its left operand */
    double x;
    int y;
    short z;
    x = y = z = (short)70000;
    printf("x %.1f y %d z %d\n", x, y, z);
    z = y = x = 3.99;
    printf("x %.2f y %d z %d\n", x, y, z);

    /* left-to-right for other binary operators of equal precedence */
    printf("100 / 10 / 5 = %d\n", 100 / 10 / 5);
    printf("2 - 3 - 4 = %d\n", 2 - 3 - 4);
    printf("1 << 2 << 3 = %d\n", 1 << 2 << 3);
    printf("(1 < 2) < 3 = %d, 3 > 2 > 1 = %d\n", 1 < 2 < 3, 3 > 2 > 1);
    return 0;
}
