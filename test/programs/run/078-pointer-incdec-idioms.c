/* *p++, *++p, ++*p, (*p)++ and p++[0]: precedence of postfix, prefix and dereference. */
#include <stdio.h>

int main(void) {
    int a[] = {10, 20, 30, 40};
    int *p = a;
    int v;
    v = *p++;
    printf("*p++ -> %d, now *p %d\n", v, *p);
    v = *++p;
    printf("*++p -> %d\n", v);
    v = ++*p;
    printf("++*p -> %d, a[2] %d\n", v, a[2]);
    v = (*p)++;
    printf("(*p)++ -> %d, a[2] %d\n", v, a[2]);
    v = p++[0];
    printf("p++[0] -> %d, now *p %d\n", v, *p);
    v = *p--;
    printf("*p-- -> %d, now *p %d\n", v, *p);
    v = --*p;
    printf("--*p -> %d\n", v);
    printf("a: %d %d %d %d\n", a[0], a[1], a[2], a[3]);

    /* copy loop with post-increment on both sides */
    char src[] = "copy me";
    char dst[16];
    char *d = dst;
    const char *s = src;
    while ((*d++ = *s++)) {}
    printf("%s, copied %td bytes\n", dst, d - dst);

    /* char pointer incrementing through a char array, modifying as it goes */
    char word[] = "HAL";
    for (char *c = word; *c; c++) ++*c;
    printf("%s\n", word);

    /* decrement pointer to iterate backwards with pre-decrement */
    long nums[] = {1, 2, 3, 4, 5};
    long *e = nums + 5;
    long acc = 0;
    while (e != nums) acc = acc * 10 + *--e;
    printf("acc %ld\n", acc);

    /* pointer to pointer increments */
    const char *list[] = {"x", "yy", "zzz"};
    const char **lp = list;
    printf("%s ", *lp++);
    printf("%c ", **lp);
    printf("%s\n", *++lp);

    /* double and struct pointer increments */
    double ds[3] = {0.5, 1.5, 2.5};
    double *dp = ds;
    *dp++ += 1;
    *dp++ *= 2;
    printf("%.1f %.1f %.1f\n", ds[0], ds[1], ds[2]);
    return 0;
}
