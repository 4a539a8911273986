/* qsort and bsearch: glibc's merge sort, so equal keys keep their order and even an
 * inconsistent comparator gives glibc's result; bsearch probes like glibc. */
#include <stdio.h>
#include <stdlib.h>

struct item { int key; int id; };

static int by_key(const void *a, const void *b) {
    return ((const struct item *)a)->key - ((const struct item *)b)->key;
}
static int ints(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
static int calls;
static int weird(const void *a, const void *b) {
    calls++;
    return (((const struct item *)a)->key % 3) - (((const struct item *)b)->key % 5);
}
static int desc_str(const void *a, const void *b) {
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    while (*x && *x == *y) { x++; y++; }
    return (unsigned char)*y - (unsigned char)*x;
}

int main(void) {
    struct item items[200];
    int a[1000];
    int i;
    unsigned long h = 0;
    const char *names[] = { "pear", "apple", "fig", "banana", "kiwi", "apple", "cherry" };
    srand(7);
    for (i = 0; i < 200; i++) {
        items[i].key = rand() % 10;
        items[i].id = i;
    }
    qsort(items, 200, sizeof items[0], by_key);
    for (i = 0; i < 200; i++)
        printf("%d:%d%c", items[i].key, items[i].id, i % 10 == 9 ? '\n' : ' ');
    for (i = 0; i < 1000; i++)
        a[i] = rand() % 5000 - 2500;
    qsort(a, 1000, sizeof a[0], ints);
    for (i = 0; i < 1000; i++)
        h = h * 31 + (unsigned long)a[i];
    printf("ints digest %lu, first %d last %d\n", h, a[0], a[999]);
    for (i = -2500; i < 2500; i += 250) {
        int *p = bsearch(&i, a, 1000, sizeof a[0], ints);
        printf("%d@%ld ", i, p ? (long)(p - a) : -1L);
    }
    printf("\n");
    for (i = 0; i < 50; i++) {
        items[i].key = rand() % 100;
        items[i].id = i;
    }
    qsort(items, 50, sizeof items[0], weird);
    printf("weird %d calls:", calls);
    for (i = 0; i < 50; i++)
        printf(" %d", items[i].id);
    printf("\n");
    qsort(names, 7, sizeof names[0], desc_str);
    for (i = 0; i < 7; i++)
        printf("%s ", names[i]);
    printf("\n");
    qsort(a, 0, sizeof a[0], ints);
    qsort(a, 1, sizeof a[0], ints);
    return 0;
}
