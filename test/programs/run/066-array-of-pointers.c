/* Arrays of pointers: to ints, to arrays of different lengths (jagged), sorting by pointer. */
#include <stdio.h>

int main(void) {
    int x = 1, y = 2, z = 3;
    int *ptrs[3] = {&x, &y, &z};
    for (int i = 0; i < 3; i++) *ptrs[i] *= 10;
    printf("%d %d %d\n", x, y, z);

    /* a jagged array built from rows of different lengths */
    int r0[] = {1};
    int r1[] = {2, 3};
    int r2[] = {4, 5, 6};
    int r3[] = {7, 8, 9, 10};
    int *rows[] = {r0, r1, r2, r3};
    int lens[] = {1, 2, 3, 4};
    for (int i = 0; i < 4; i++) {
        int s = 0;
        for (int j = 0; j < lens[i]; j++) s += rows[i][j];
        printf("row %d sum %d last %d\n", i, s, rows[i][lens[i] - 1]);
    }

    /* sort pointers, not values: the data stays put */
    int data[] = {42, 7, 19, 3, 25};
    int *order[5];
    for (int i = 0; i < 5; i++) order[i] = &data[i];
    for (int i = 0; i < 5; i++)
        for (int j = i + 1; j < 5; j++)
            if (*order[j] < *order[i]) {
                int *t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
    for (int i = 0; i < 5; i++) printf("%d(at %td) ", *order[i], order[i] - data);
    printf("\ndata unchanged: %d %d %d %d %d\n", data[0], data[1], data[2], data[3], data[4]);

    /* array of pointers to strings, swapped */
    const char *names[] = {"carol", "alice", "bob"};
    const char *tmp = names[0];
    names[0] = names[1];
    names[1] = names[2];
    names[2] = tmp;
    for (int i = 0; i < 3; i++) printf("%s ", names[i]);
    printf("\nsizeof names %zu\n", sizeof names);

    /* null-terminated array of pointers */
    int a = 5, b = 6;
    int *list[] = {&a, &b, &a, NULL};
    int total = 0;
    for (int **p = list; *p; p++) total += **p;
    printf("total %d\n", total);
    return 0;
}
