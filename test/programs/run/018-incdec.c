/* Pre and post increment and decrement on chars, shorts, longs, doubles and pointers. */
#include <stdio.h>

int main(void) {
    int i = 5;
    int a = i++;
    int b = ++i;
    int c = i--;
    int d = --i;
    printf("a=%d b=%d c=%d d=%d i=%d\n", a, b, c, d, i);

    unsigned char uc = 254;
    uc++;
    printf("254++ = %u\n", uc);
    uc++;
    printf("255++ = %u\n", uc);
    uc--;
    printf("0-- = %u\n", uc);

    signed char sc = 126;
    sc++;
    printf("126++ = %d\n", sc);
    char ch = 'a';
    char old = ch++;
    printf("old %c new %c", old, ch);
    char pre = ++ch;
    printf(", pre %c\n", pre);

    unsigned short us = 0;
    us--;
    printf("(unsigned short)0-- = %u\n", us);

    long l = -1;
    l++;
    ++l;
    printf("long %ld\n", l);

    double x = 1.5;
    x++;
    ++x;
    x--;
    printf("double %.2f\n", x);
    float f = -0.25f;
    float before = f++;
    printf("float post %.2f then %.2f\n", before, f);

    int arr[] = {10, 20, 30, 40, 50};
    int *p = arr;
    printf("*p++ = %d, ", *p++);
    printf("*++p = %d, ", *++p);
    printf("(*p)++ = %d, ", (*p)++);
    printf("*p = %d, ", *p);
    int last = *p--;
    printf("*p-- = %d, *p = %d\n", last, *p);
    printf("arr: %d %d %d %d %d\n", arr[0], arr[1], arr[2], arr[3], arr[4]);

    const char *s = "hello";
    const char *q = s + 5;
    while (q > s) putchar(*--q);
    putchar('\n');

    char buf[] = "abc";
    char *bp = buf;
    while (*bp) (*bp++)++;
    printf("%s\n", buf);
    return 0;
}
