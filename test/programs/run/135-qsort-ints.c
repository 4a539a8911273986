/* qsort with comparators: ascending, descending, by absolute value, and unsigned. */
#include <stdio.h>
#include <stdlib.h>

static int asc(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y); /* never subtract: it could overflow */
}
static int desc(const void *a, const void *b) { return asc(b, a); }
static int by_abs(const void *a, const void *b) {
    int x = abs(*(const int *)a), y = abs(*(const int *)b);
    if (x != y) return x < y ? -1 : 1;
    return asc(a, b); /* ties broken by value so the order is fully determined */
}
static int cmp_u64(const void *a, const void *b) {
    unsigned long long x = *(const unsigned long long *)a, y = *(const unsigned long long *)b;
    return x < y ? -1 : x > y;
}
static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void print(const char *label, const int *v, int n) {
    printf("%-8s", label);
    for (int i = 0; i < n; i++) printf(" %d", v[i]);
    printf("\n");
}

int main(void) {
    int v[] = {5, -3, 2147483647, 0, -2147483647 - 1, 8, -8, 3, 5, -1};
    int n = (int)(sizeof v / sizeof v[0]);
    qsort(v, (size_t)n, sizeof v[0], asc);
    print("asc", v, n);
    qsort(v, (size_t)n, sizeof v[0], desc);
    print("desc", v, n);
    int w[] = {4, -2, 7, -7, 0, 2, -4, 1};
    qsort(w, 8, sizeof w[0], by_abs);
    print("by_abs", w, 8);

    unsigned long long u[] = {18446744073709551615ull, 0, 1ull << 63, 42, 7};
    qsort(u, 5, sizeof u[0], cmp_u64);
    for (int i = 0; i < 5; i++) printf("%llu ", u[i]);
    printf("\n");

    double d[] = {3.5, -0.25, 1e10, -1e-10, 0.0, 2.0};
    qsort(d, 6, sizeof d[0], cmp_double);
    for (int i = 0; i < 6; i++) printf("%g ", d[i]);
    printf("\n");

    /* sorting a larger pseudo-random array and checking it */
    int big[200];
    unsigned s = 1;
    for (int i = 0; i < 200; i++) {
        s = s * 1664525u + 1013904223u;
        big[i] = (int)(s >> 8) % 1000 - 500;
    }
    qsort(big, 200, sizeof big[0], asc);
    int sorted = 1;
    for (int i = 1; i < 200; i++) sorted &= big[i - 1] <= big[i];
    printf("sorted %d min %d median %d max %d\n", sorted, big[0], big[100], big[199]);

    /* bsearch on the sorted array */
    int key = big[123];
    int *hit = bsearch(&key, big, 200, sizeof big[0], asc);
    printf("bsearch %d found %d\n", key, hit != NULL && *hit == key);
    return 0;
}
