/* Three quadratic sorts on the same data, counting comparisons and swaps. */
#include <stdio.h>
#include <string.h>

#define N 16

static long comparisons, swaps;

static int less(int a, int b) {
    comparisons++;
    return a < b;
}

static void swap(int *a, int *b) {
    int t = *a;
    *a = *b;
    *b = t;
    swaps++;
}

static void bubble(int *v, int n) {
    for (int i = 0; i < n - 1; i++) {
        int swapped = 0;
        for (int j = 0; j < n - 1 - i; j++)
            if (less(v[j + 1], v[j])) {
                swap(&v[j], &v[j + 1]);
                swapped = 1;
            }
        if (!swapped) break;
    }
}

static void insertion(int *v, int n) {
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && less(v[j], v[j - 1]); j--) swap(&v[j], &v[j - 1]);
}

static void selection(int *v, int n) {
    for (int i = 0; i < n - 1; i++) {
        int m = i;
        for (int j = i + 1; j < n; j++)
            if (less(v[j], v[m])) m = j;
        if (m != i) swap(&v[i], &v[m]);
    }
}

static void run(const char *name, void (*sort)(int *, int), const int *input) {
    int v[N];
    memcpy(v, input, sizeof v);
    comparisons = swaps = 0;
    sort(v, N);
    printf("%-9s", name);
    for (int i = 0; i < N; i++) printf(" %d", v[i]);
    printf("  (cmp %ld, swaps %ld)\n", comparisons, swaps);
}

int main(void) {
    int random[N] = {33, 7, 21, 4, 56, 12, 90, 1, 45, 23, 8, 67, 3, 19, 30, 11};
    int sorted[N], reversed[N];
    for (int i = 0; i < N; i++) sorted[i] = i, reversed[i] = N - i;
    const int *inputs[] = {random, sorted, reversed};
    const char *labels[] = {"random", "sorted", "reversed"};
    for (int k = 0; k < 3; k++) {
        printf("%s input:\n", labels[k]);
        run("bubble", bubble, inputs[k]);
        run("insertion", insertion, inputs[k]);
        run("selection", selection, inputs[k]);
    }
    return 0;
}
