/* The type of a ?: expression is the common type of its arms. */
#include <stdio.h>

static const char *kind(int x) { return x < 0 ? "neg" : x == 0 ? "zero" : "pos"; }

int main(void) {
    int one = 1, zero = 0;
    /* int and unsigned: the result is unsigned */
    printf("%u\n", one ? -1 : 0u);
    printf("(one ? -1 : 0u) < 1: %d\n", (one ? -1 : 0u) < 1);
    printf("sizeof(one ? 1 : 2.0) = %zu, value %f\n", sizeof(one ? 1 : 2.0), one ? 1 : 2.0);
    printf("sizeof(one ? 'a' : 'b') = %zu\n", sizeof(one ? 'a' : 'b'));
    char c1 = 'x';
    short s1 = 7;
    printf("sizeof(zero ? c1 : s1) = %zu\n", sizeof(zero ? c1 : s1));
    printf("sizeof(one ? 1L : 1) = %zu\n", sizeof(one ? 1L : 1));
    printf("int/double arm: %.1f %.1f\n", zero ? 3 : 4.5, one ? 3 : 4.5);

    for (int i = -2; i <= 2; i++) printf("%d is %s\n", i, kind(i));

    /* pointer arms: a null pointer constant, void * and matching pointers */
    int v = 42;
    int *p = one ? &v : 0;
    int *q = zero ? &v : NULL;
    printf("p %s, q %s\n", p ? "set" : "null", q ? "set" : "null");
    const char *msg = one ? "yes" : "no";
    printf("%s\n", msg);

    /* as an lvalue through pointers */
    int a = 1, b = 2;
    *(one ? &a : &b) = 10;
    *(zero ? &a : &b) = 20;
    printf("a=%d b=%d\n", a, b);

    /* only the chosen arm is evaluated */
    int count = 0;
    int r = one ? (count += 1) : (count += 100);
    printf("r=%d count=%d\n", r, count);

    /* right associativity */
    int x = 5;
    int grade = x > 8 ? 'A' : x > 6 ? 'B' : x > 4 ? 'C' : 'D';
    printf("grade %c\n", grade);
    unsigned char uc = 200;
    signed char sc = -1;
    printf("mixed char arms: %d %d\n", one ? uc : sc, zero ? uc : sc);
    return 0;
}
