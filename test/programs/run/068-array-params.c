/* Arrays as function parameters: decay to pointers, pointer-to-array params, modifications. */
#include <stdio.h>

static void fill(int *a, int n, int v) {
    for (int i = 0; i < n; i++) a[i] = v + i;
}

static int sum(const int a[], int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += a[i];
    return s;
}

static void scale_rows(int rows, int (*m)[3], int k) {
    for (int i = 0; i < rows; i++)
        for (int j = 0; j < 3; j++) m[i][j] *= k;
}

static double avg(int n, const double v[static 1]) {
    double s = 0;
    for (int i = 0; i < n; i++) s += v[i];
    return s / n;
}

static void set_first(char s[]) { s[0] = 'X'; }

int main(void) {
    int a[6];
    fill(a, 6, 10);
    printf("sum %d\n", sum(a, 6));
    fill(a + 2, 3, 100); /* pass a sub-array */
    for (int i = 0; i < 6; i++) printf("%d ", a[i]);
    printf("\nsum of a[1..3] %d\n", sum(&a[1], 3));

    int m[2][3] = {{1, 2, 3}, {4, 5, 6}};
    scale_rows(2, m, 3);
    printf("%d %d %d / %d %d %d\n", m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2]);
    scale_rows(1, &m[1], -1);
    printf("row 1 now %d %d %d\n", m[1][0], m[1][1], m[1][2]);

    double d[] = {1.0, 2.0, 4.5};
    printf("avg %.3f\n", avg(3, d));

    char word[] = "array";
    set_first(word);
    printf("%s\n", word);

    /* the parameter is a pointer: it can be advanced inside the callee */
    int total = 0;
    int *p = a;
    for (int n = 6; n > 0; n--) total += *p++;
    printf("total %d\n", total);
    return 0;
}
