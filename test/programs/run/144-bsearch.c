/* bsearch from <stdlib.h> and a hand-written lower_bound on sorted tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry { const char *word; int value; };

static const struct entry table[] = {
    {"apple", 3}, {"banana", 7}, {"cherry", 1}, {"grape", 12}, {"lemon", 5}, {"mango", 9}, {"peach", 4},
};

static int cmp_entry(const void *key, const void *elem) {
    return strcmp((const char *)key, ((const struct entry *)elem)->word);
}

static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static size_t lower_bound(const int *v, size_t n, int key) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] < key) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

int main(void) {
    const char *queries[] = {"cherry", "apple", "peach", "kiwi", "zucchini", "aardvark"};
    size_t n = sizeof table / sizeof table[0];
    for (int i = 0; i < 6; i++) {
        const struct entry *e = bsearch(queries[i], table, n, sizeof table[0], cmp_entry);
        if (e) printf("%s -> %d (index %td)\n", queries[i], e->value, e - table);
        else printf("%s not found\n", queries[i]);
    }
    int v[] = {2, 3, 3, 3, 8, 13, 21, 21, 34};
    size_t nv = sizeof v / sizeof v[0];
    int keys[] = {1, 2, 3, 4, 21, 34, 35};
    for (int i = 0; i < 7; i++) {
        int *hit = bsearch(&keys[i], v, nv, sizeof v[0], cmp_int);
        printf("key %2d: lower_bound %zu, bsearch %s\n", keys[i], lower_bound(v, nv, keys[i]), hit ? "hit" : "miss");
    }
    printf("count of 3: %zu\n", lower_bound(v, nv, 4) - lower_bound(v, nv, 3));
    return 0;
}
