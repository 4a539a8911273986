/* Address-of and dereference; pointers as out-parameters; null checks. */
#include <stdio.h>

static void divmod(int a, int b, int *q, int *r) {
    *q = a / b;
    *r = a % b;
}

static void swap(int *a, int *b) {
    int t = *a;
    *a = *b;
    *b = t;
}

static int *larger(int *a, int *b) { return *a >= *b ? a : b; }

int main(void) {
    int x = 10;
    int *p = &x;
    printf("x %d *p %d\n", x, *p);
    *p = 20;
    printf("x %d\n", x);
    (*p)++;
    *p *= 2;
    printf("x %d\n", x);

    int q, r;
    divmod(47, 5, &q, &r);
    printf("47 / 5 = %d rem %d\n", q, r);

    int a = 1, b = 2;
    swap(&a, &b);
    printf("a %d b %d\n", a, b);

    *larger(&a, &b) = 100;
    printf("a %d b %d\n", a, b);

    /* &*p is p, *&x is x */
    printf("&*p == p: %d, *&x == x: %d\n", &*p == p, *&x == x);

    /* null pointers */
    int *np = NULL;
    int *np2 = 0;
    printf("np == NULL %d, np == np2 %d, !np %d\n", np == NULL, np == np2, !np);
    printf("p is %s\n", p ? "non-null" : "null");

    /* pointers to different types */
    double d = 2.5;
    double *dp = &d;
    char c = 'A';
    char *cp = &c;
    *dp += 1;
    *cp += 2;
    printf("d %.1f c %c\n", d, c);

    /* pointer reassignment */
    int arr[3] = {7, 8, 9};
    int *ip = &arr[0];
    printf("%d ", *ip);
    ip = &arr[2];
    printf("%d ", *ip);
    ip = &x;
    printf("%d\n", *ip);
    return 0;
}
