/* sizeof on types, objects and expressions; its operand is not evaluated. */
#include <stdio.h>

struct pair { char c; int i; };

static size_t param_size(int a[10]) { return sizeof a; }

int main(void) {
    int arr[10];
    double darr[3][4];
    char str[] = "sizeof";
    struct pair pr;
    struct pair pairs[5];
    printf("arr %zu, arr[0] %zu, elements %zu\n", sizeof arr, sizeof arr[0], sizeof arr / sizeof arr[0]);
    printf("darr %zu, darr[1] %zu, darr[1][2] %zu\n", sizeof darr, sizeof darr[1], sizeof darr[1][2]);
    printf("str %zu\n", sizeof str);
    printf("pair %zu, pairs %zu\n", sizeof pr, sizeof pairs);
    printf("param (decayed) %zu\n", param_size(arr));
    printf("&arr %zu, *darr %zu, &arr[0] %zu\n", sizeof &arr, sizeof *darr, sizeof &arr[0]);

    /* not evaluated */
    int i = 1;
    size_t s = sizeof(i++);
    printf("s %zu i %d\n", s, i);
    size_t t = sizeof(arr[i = 5]);
    printf("t %zu i %d\n", t, i);

    /* sizeof is unsigned size_t */
    printf("sizeof result is unsigned: %d\n", (sizeof(int) - 5) > 0);
    printf("sizeof(sizeof(int)) %zu\n", sizeof(sizeof(int)));

    /* sizeof of types built with declarators */
    printf("int *[3] %zu, int (*)[3] %zu\n", sizeof(int *[3]), sizeof(int (*)[3]));
    printf("char [2][3][4] %zu\n", sizeof(char[2][3][4]));
    printf("struct pair * %zu\n", sizeof(struct pair *));

    /* sizeof in constant expressions */
    char buffer[sizeof(long) * 2 + 1];
    printf("buffer %zu\n", sizeof buffer);
    enum { N = sizeof(struct pair) };
    printf("enum N %d\n", N);
    (void)pr;
    (void)pairs;
    (void)buffer;
    return 0;
}
