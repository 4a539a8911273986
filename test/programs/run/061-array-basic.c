/* One-dimensional arrays: indexing, sizeof, loops, reversal, running sums, copies. */
#include <stdio.h>

#define N 10

int main(void) {
    int a[N];
    for (int i = 0; i < N; i++) a[i] = i * i - 3 * i;
    for (int i = 0; i < N; i++) printf("%d ", a[i]);
    printf("\nsizeof a %zu, count %zu\n", sizeof a, sizeof a / sizeof a[0]);

    /* reverse in place */
    for (int i = 0, j = N - 1; i < j; i++, j--) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
    for (int i = 0; i < N; i++) printf("%d ", a[i]);
    printf("\n");

    /* prefix sums into a second array */
    long pre[N + 1];
    pre[0] = 0;
    for (int i = 0; i < N; i++) pre[i + 1] = pre[i] + a[i];
    printf("sum a[2..6] = %ld\n", pre[7] - pre[2]);

    /* i[a] is the same as a[i] */
    printf("3[a] = %d, a[3] = %d\n", 3[a], a[3]);

    /* min, max and their positions */
    int lo = 0, hi = 0;
    for (int i = 1; i < N; i++) {
        if (a[i] < a[lo]) lo = i;
        if (a[i] > a[hi]) hi = i;
    }
    printf("min a[%d]=%d max a[%d]=%d\n", lo, a[lo], hi, a[hi]);

    /* arrays of other element types */
    double d[4] = {0.5, 1.5, 2.5, 3.5};
    char c[5] = {'h', 'e', 'l', 'l', 'o'};
    unsigned short us[3] = {65535, 1, 2};
    double dsum = 0;
    for (int i = 0; i < 4; i++) dsum += d[i];
    printf("dsum %.1f, c[4] %c, us[0]+us[1] %d\n", dsum, c[4], us[0] + us[1]);

    /* rotate left by 3 using a temporary array */
    int tmp[N];
    for (int i = 0; i < N; i++) tmp[i] = a[(i + 3) % N];
    for (int i = 0; i < N; i++) a[i] = tmp[i];
    for (int i = 0; i < N; i++) printf("%d ", a[i]);
    printf("\n");
    return 0;
}
