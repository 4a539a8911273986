/* Quicksort (Lomuto and Hoare partitions) on pseudo-random data, verified against each other. */
#include <stdio.h>
#include <string.h>

static void qs_lomuto(int *v, int lo, int hi) {
    if (lo >= hi) return;
    int pivot = v[hi], i = lo;
    for (int j = lo; j < hi; j++)
        if (v[j] < pivot) {
            int t = v[i]; v[i] = v[j]; v[j] = t;
            i++;
        }
    int t = v[i]; v[i] = v[hi]; v[hi] = t;
    qs_lomuto(v, lo, i - 1);
    qs_lomuto(v, i + 1, hi);
}

static void qs_hoare(int *v, int lo, int hi) {
    while (lo < hi) {
        int pivot = v[lo + (hi - lo) / 2], i = lo - 1, j = hi + 1;
        for (;;) {
            do i++; while (v[i] < pivot);
            do j--; while (v[j] > pivot);
            if (i >= j) break;
            int t = v[i]; v[i] = v[j]; v[j] = t;
        }
        /* recurse into the smaller half, loop on the larger */
        if (j - lo < hi - j) {
            qs_hoare(v, lo, j);
            lo = j + 1;
        } else {
            qs_hoare(v, j + 1, hi);
            hi = j;
        }
    }
}

int main(void) {
    enum { N = 500 };
    static int a[N], b[N];
    unsigned s = 2024;
    for (int i = 0; i < N; i++) {
        s = s * 1103515245u + 12345u;
        a[i] = (int)((s >> 16) % 1000);
    }
    memcpy(b, a, sizeof a);
    qs_lomuto(a, 0, N - 1);
    qs_hoare(b, 0, N - 1);
    int ok = 1;
    for (int i = 1; i < N; i++) ok &= a[i - 1] <= a[i];
    printf("sorted %d, same %d\n", ok, memcmp(a, b, sizeof a) == 0);
    printf("first:");
    for (int i = 0; i < 10; i++) printf(" %d", a[i]);
    printf("\nlast:");
    for (int i = N - 10; i < N; i++) printf(" %d", a[i]);
    long sum = 0;
    for (int i = 0; i < N; i++) sum += a[i];
    printf("\nsum %ld median %d\n", sum, a[N / 2]);

    /* all-equal and two-valued inputs */
    int eq[20], two[20];
    for (int i = 0; i < 20; i++) eq[i] = 5, two[i] = i % 2;
    qs_hoare(eq, 0, 19);
    qs_lomuto(two, 0, 19);
    for (int i = 0; i < 20; i++) printf("%d", two[i]);
    printf(" eq[0] %d eq[19] %d\n", eq[0], eq[19]);
    return 0;
}
