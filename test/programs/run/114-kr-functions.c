/* Old-style (K&R) function definitions and unprototyped declarations. */
#include <stdio.h>

int add();          /* declared without a prototype */
double scale();

int add(a, b)
    int a;
    int b;
{
    return a + b;
}

double scale(x, factor)
    double x, factor;
{
    return x * factor;
}

/* parameter declarations may come in any order, and a char parameter is promoted by the caller */
long combine(hi, lo, sep)
    char sep;
    long hi;
    int lo;
{
    return hi * 1000 + lo + sep;
}

/* a parameter with no declaration defaults to int in old-style definitions */
int twice(n)
{
    return 2 * n;
}

static int count_chars(s, c)
    const char *s;
    int c;
{
    int n = 0;
    while (*s)
        if (*s++ == c) n++;
    return n;
}

int main(void) {
    printf("add(2, 3) %d\n", add(2, 3));
    printf("scale(1.5, 4.0) %.2f\n", scale(1.5, 4.0));
    printf("combine(7L, 42, 1) %ld\n", combine(7L, 42, 1));
    printf("twice(21) %d\n", twice(21));
    printf("count_chars %d\n", count_chars("mississippi", 's'));
    return 0;
}
