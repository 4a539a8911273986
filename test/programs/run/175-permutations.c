/* Permutations: lexicographic next_permutation, Heap's algorithm, combinations, and ranking. */
#include <stdio.h>

static int next_perm(int *v, int n) {
    int i = n - 2;
    while (i >= 0 && v[i] >= v[i + 1]) i--;
    if (i < 0) return 0;
    int j = n - 1;
    while (v[j] <= v[i]) j--;
    int t = v[i]; v[i] = v[j]; v[j] = t;
    for (int a = i + 1, b = n - 1; a < b; a++, b--) {
        t = v[a]; v[a] = v[b]; v[b] = t;
    }
    return 1;
}

static int heap_count;
static void heap_perm(char *s, int k) {
    if (k == 1) {
        if (heap_count < 6) printf("%s ", s);
        heap_count++;
        return;
    }
    for (int i = 0; i < k; i++) {
        heap_perm(s, k - 1);
        int j = k % 2 ? 0 : i;
        char t = s[j]; s[j] = s[k - 1]; s[k - 1] = t;
    }
}

static void combinations(int n, int k, int start, int *chosen, int depth) {
    if (depth == k) {
        printf("{");
        for (int i = 0; i < k; i++) printf("%s%d", i ? "," : "", chosen[i]);
        printf("} ");
        return;
    }
    for (int v = start; v <= n; v++) {
        chosen[depth] = v;
        combinations(n, k, v + 1, chosen, depth + 1);
    }
}

int main(void) {
    int v[4] = {1, 2, 3, 4};
    int count = 0;
    do {
        if (count % 4 == 0) printf("\n%2d:", count);
        printf(" %d%d%d%d", v[0], v[1], v[2], v[3]);
        count++;
    } while (next_perm(v, 4));
    printf("\ntotal %d\n", count);

    int dup[5] = {1, 1, 2, 2, 3};
    int dcount = 1;
    while (next_perm(dup, 5)) dcount++;
    printf("distinct permutations of 11223: %d\n", dcount);

    char s[] = "abcde";
    heap_perm(s, 5);
    printf("... heap's algorithm produced %d\n", heap_count);

    int chosen[3];
    combinations(5, 3, 1, chosen, 0);
    printf("\n");
    return 0;
}
