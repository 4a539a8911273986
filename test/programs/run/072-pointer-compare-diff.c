/* Pointer comparison (==, <, >) within an array and pointer differences (ptrdiff_t). */
#include <stdio.h>
#include <stddef.h>

static ptrdiff_t find(const int *begin, const int *end, int v) {
    for (const int *p = begin; p < end; p++)
        if (*p == v) return p - begin;
    return -1;
}

int main(void) {
    int a[10];
    for (int i = 0; i < 10; i++) a[i] = i * 3;
    int *p = &a[2], *q = &a[7];
    printf("q - p = %td, p - q = %td\n", q - p, p - q);
    printf("p < q %d, p > q %d, p <= p %d, p == &a[2] %d, p != q %d\n", p < q, p > q, p <= p, p == &a[2], p != q);
    printf("sizeof(q - p) = %zu\n", sizeof(q - p));

    printf("find 21 -> %td, find 22 -> %td\n", find(a, a + 10, 21), find(a, a + 10, 22));

    /* difference of struct pointers counts elements, not bytes */
    struct big { char data[100]; } arr[5];
    struct big *b1 = &arr[1], *b4 = &arr[4];
    printf("b4 - b1 = %td, bytes %td\n", b4 - b1, (char *)b4 - (char *)b1);

    /* pointers one past the end compare greater than every element */
    int *end = a + 10;
    int count = 0;
    for (int *it = a; it < end; it += 3) count++;
    printf("count %d\n", count);

    /* midpoint of two pointers */
    int *lo = a, *hi = a + 9;
    int *mid = lo + (hi - lo) / 2;
    printf("mid index %td value %d\n", mid - a, *mid);

    /* comparing against null and between different objects by equality only */
    int x = 1, y = 1;
    int *px = &x, *py = &y;
    printf("px == py %d, *px == *py %d, px != NULL %d\n", px == py, *px == *py, px != NULL);

    /* char pointer differences inside a string */
    const char *s = "key=value";
    const char *eq = s;
    while (*eq && *eq != '=') eq++;
    printf("key length %td, value '%s'\n", eq - s, eq + 1);
    (void)arr;
    return 0;
}
