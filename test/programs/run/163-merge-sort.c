/* Top-down merge sort with a scratch buffer (stable), and bottom-up merge sort. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item { int key; char tag; };

static void merge(struct item *v, struct item *tmp, int lo, int mid, int hi) {
    int i = lo, j = mid, k = lo;
    while (i < mid && j < hi) tmp[k++] = v[j].key < v[i].key ? v[j++] : v[i++];
    while (i < mid) tmp[k++] = v[i++];
    while (j < hi) tmp[k++] = v[j++];
    memcpy(v + lo, tmp + lo, (size_t)(hi - lo) * sizeof *v);
}

static void sort_td(struct item *v, struct item *tmp, int lo, int hi) {
    if (hi - lo < 2) return;
    int mid = lo + (hi - lo) / 2;
    sort_td(v, tmp, lo, mid);
    sort_td(v, tmp, mid, hi);
    merge(v, tmp, lo, mid, hi);
}

static void sort_bu(struct item *v, struct item *tmp, int n) {
    for (int width = 1; width < n; width *= 2)
        for (int lo = 0; lo < n - width; lo += 2 * width) {
            int hi = lo + 2 * width < n ? lo + 2 * width : n;
            merge(v, tmp, lo, lo + width, hi);
        }
}

int main(void) {
    enum { N = 26 };
    struct item a[N], b[N], tmp[N];
    for (int i = 0; i < N; i++) {
        a[i].key = (i * 7) % 5;
        a[i].tag = (char)('a' + i);
    }
    memcpy(b, a, sizeof a);
    sort_td(a, tmp, 0, N);
    sort_bu(b, tmp, N);
    for (int i = 0; i < N; i++) printf("%d%c ", a[i].key, a[i].tag);
    printf("\n");
    int stable = 1;
    for (int i = 1; i < N; i++)
        if (a[i - 1].key == a[i].key && a[i - 1].tag > a[i].tag) stable = 0;
    printf("stable %d, both agree %d\n", stable, memcmp(a, b, sizeof a) == 0);

    /* sort a heap array of 1000 longs */
    int n = 1000;
    struct item *big = malloc((size_t)n * sizeof *big), *scratch = malloc((size_t)n * sizeof *big);
    unsigned s = 99;
    for (int i = 0; i < n; i++) {
        s ^= s << 13; s ^= s >> 17; s ^= s << 5;
        big[i].key = (int)(s % 10000);
        big[i].tag = 'x';
    }
    sort_bu(big, scratch, n);
    int ok = 1;
    for (int i = 1; i < n; i++) ok &= big[i - 1].key <= big[i].key;
    printf("big sorted %d min %d max %d\n", ok, big[0].key, big[n - 1].key);
    free(big);
    free(scratch);
    return 0;
}
