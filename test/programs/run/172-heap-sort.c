/* Heap sort and a binary min-heap priority queue of (priority, id) pairs. */
#include <stdio.h>

static void sift_down(int *v, int n, int i) {
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < n && v[l] > v[m]) m = l;
        if (r < n && v[r] > v[m]) m = r;
        if (m == i) return;
        int t = v[i]; v[i] = v[m]; v[m] = t;
        i = m;
    }
}

static void heap_sort(int *v, int n) {
    for (int i = n / 2 - 1; i >= 0; i--) sift_down(v, n, i);
    for (int end = n - 1; end > 0; end--) {
        int t = v[0]; v[0] = v[end]; v[end] = t;
        sift_down(v, end, 0);
    }
}

struct item { int prio, id; };
static struct item heap[64];
static int hn;

static int before(struct item a, struct item b) { return a.prio < b.prio || (a.prio == b.prio && a.id < b.id); }

static void push(int prio, int id) {
    int i = hn++;
    heap[i] = (struct item){prio, id};
    while (i > 0 && before(heap[i], heap[(i - 1) / 2])) {
        struct item t = heap[i]; heap[i] = heap[(i - 1) / 2]; heap[(i - 1) / 2] = t;
        i = (i - 1) / 2;
    }
}

static struct item pop(void) {
    struct item top = heap[0];
    heap[0] = heap[--hn];
    int i = 0;
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < hn && before(heap[l], heap[m])) m = l;
        if (r < hn && before(heap[r], heap[m])) m = r;
        if (m == i) break;
        struct item t = heap[i]; heap[i] = heap[m]; heap[m] = t;
        i = m;
    }
    return top;
}

int main(void) {
    int v[] = {38, 27, 43, 3, 9, 82, 10, 3, 55, -4, 0, 19};
    int n = (int)(sizeof v / sizeof v[0]);
    heap_sort(v, n);
    for (int i = 0; i < n; i++) printf("%d ", v[i]);
    printf("\n");
    int prios[] = {5, 1, 4, 1, 5, 9, 2, 6, 5, 3};
    for (int i = 0; i < 10; i++) push(prios[i], i);
    while (hn > 0) {
        struct item it = pop();
        printf("(%d,#%d) ", it.prio, it.id);
    }
    printf("\n");
    return 0;
}
