/* Operator precedence: each line checks an expression against its fully parenthesized form. */
#include <stdio.h>

#define CHECK(expr, paren) printf("%-28s = %6d  %s\n", #expr, (int)(expr), (expr) == (paren) ? "ok" : "MISMATCH")

int main(void) {
    int a = 6, b = 3, c = 2, d = 5;
    int arr[] = {1, 2, 3};
    int *p = arr;
    CHECK(a + b * c, a + (b * c));
    CHECK(a - b - c, (a - b) - c);
    CHECK(a / b * c, (a / b) * c);
    CHECK(a % d * b, (a % d) * b);
    CHECK(a << 1 + c, a << (1 + c));
    CHECK(a + b << c, (a + b) << c);
    CHECK(a < b == c > d, (a < b) == (c > d));
    CHECK(a & b == b, a & (b == b));
    CHECK(a | b & c, a | (b & c));
    CHECK(a ^ b | c, (a ^ b) | c);
    CHECK(a & b ^ c, (a & b) ^ c);
    CHECK(a || b && 0, a || (b && 0));
    CHECK(!a + b, (!a) + b);
    CHECK(-a * b, (-a) * b);
    CHECK(~a & 0xff, (~a) & 0xff);
    CHECK(*p + 1, (*p) + 1);
    CHECK(-~a, -(~a));
    CHECK(!!d, !(!d));
    CHECK(sizeof a * 2, (sizeof a) * 2);
    CHECK(a > b ? a : b + 100, a > b ? a : (b + 100));
    CHECK(a == 6 && b == 3 || c, ((a == 6) && (b == 3)) || c);
    CHECK(a & 4 ? 1 : 0, (a & 4) ? 1 : 0);
    CHECK(a - -b, a - (-b));
    CHECK(c * -d % 3, (c * (-d)) % 3);
    CHECK(arr[1] * arr[2] - arr[0], (arr[1] * arr[2]) - arr[0]);
    CHECK(1 + 2 * 3 - 4 / 2 % 3, 1 + (2 * 3) - ((4 / 2) % 3));
    CHECK(10 >> 1 >> 1, (10 >> 1) >> 1);

    /* maximal munch: a+++b is (a++) + b, a---b is (a--) - b; checked outside CHECK,
       which would evaluate the side effects twice */
    int r1 = a+++b;
    printf("a+++b = %d, a now %d\n", r1, a);
    int r2 = a---b;
    printf("a---b = %d, a now %d\n", r2, a);
    int r3 = *p++ * 10;
    printf("*p++ * 10 = %d, *p now %d\n", r3, *p);
    return 0;
}
