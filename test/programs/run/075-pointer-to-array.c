/* Pointers to arrays (int (*)[N]) versus arrays of pointers (int *[N]). */
#include <stdio.h>

static int sum_row(const int (*row)[4]) {
    int s = 0;
    for (int j = 0; j < 4; j++) s += (*row)[j];
    return s;
}

int main(void) {
    int m[3][4] = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
    int (*pa)[4] = m;         /* pointer to an array of 4 ints */
    int *ap[3] = {m[0], m[1], m[2]}; /* array of 3 pointers */
    printf("sizeof pa %zu, sizeof *pa %zu, sizeof ap %zu\n", sizeof pa, sizeof *pa, sizeof ap);

    for (int i = 0; i < 3; i++) printf("row %d sum %d\n", i, sum_row((const int (*)[4])(pa + i)));
    pa++;
    printf("after pa++: (*pa)[0] = %d, pa[1][3] = %d\n", (*pa)[0], pa[1][3]);
    printf("ap[2][1] %d, *(ap[1] + 2) %d\n", ap[2][1], *(ap[1] + 2));

    /* pointer to a whole 1D array */
    int v[5] = {3, 1, 4, 1, 5};
    int (*pv)[5] = &v;
    printf("(*pv)[2] %d, sizeof *pv %zu\n", (*pv)[2], sizeof *pv);
    printf("bytes between pv and pv + 1: %td\n", (char *)(pv + 1) - (char *)pv);

    /* array name, &array and &array[0] all point at the same place, with different types */
    printf("same address: %d %d\n", (void *)v == (void *)&v, (void *)&v == (void *)&v[0]);
    printf("v + 1 step %td, &v + 1 step %td\n", (char *)(v + 1) - (char *)v, (char *)(&v + 1) - (char *)&v);

    /* pointer to a row of chars */
    char names[3][6] = {"ann", "bob", "cy"};
    char (*np)[6] = names;
    for (int i = 0; i < 3; i++) printf("%s ", *np++);
    printf("\n");
    return 0;
}
