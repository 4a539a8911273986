/* Three-dimensional arrays: indexing, sizes, flattening, and a pointer to a 2D slice. */
#include <stdio.h>

int main(void) {
    int cube[2][3][4];
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++)
            for (int k = 0; k < 4; k++) cube[i][j][k] = i * 100 + j * 10 + k;
    printf("sizeof cube %zu, cube[0] %zu, cube[0][0] %zu\n", sizeof cube, sizeof cube[0], sizeof cube[0][0]);
    printf("cube[1][2][3] %d, cube[0][1][2] %d\n", cube[1][2][3], cube[0][1][2]);

    int *flat = &cube[0][0][0];
    printf("flat[23] %d flat[12] %d flat[5] %d\n", flat[23], flat[12], flat[5]);

    int (*slice)[4] = cube[1];
    printf("slice[2][1] %d\n", slice[2][1]);
    int (*planes)[3][4] = cube;
    printf("planes[1][0][0] %d\n", planes[1][0][0]);

    /* an initialized 3D array with partial braces */
    static const char letters[2][2][3] = {{"ab", "cd"}, {"ef"}};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) printf("[%s]", letters[i][j]);
    printf("\n");

    /* sum along each axis */
    long sum_i[2] = {0}, sum_j[3] = {0}, sum_k[4] = {0};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++)
            for (int k = 0; k < 4; k++) {
                sum_i[i] += cube[i][j][k];
                sum_j[j] += cube[i][j][k];
                sum_k[k] += cube[i][j][k];
            }
    printf("sum_i %ld %ld\n", sum_i[0], sum_i[1]);
    printf("sum_j %ld %ld %ld\n", sum_j[0], sum_j[1], sum_j[2]);
    printf("sum_k %ld %ld %ld %ld\n", sum_k[0], sum_k[1], sum_k[2], sum_k[3]);

    /* 3D cellular count: neighbours inside bounds */
    unsigned char grid[3][3][3] = {{{0}}};
    grid[1][1][1] = 1;
    grid[0][0][0] = 1;
    grid[2][2][1] = 1;
    int n = 0;
    for (int di = -1; di <= 1; di++)
        for (int dj = -1; dj <= 1; dj++)
            for (int dk = -1; dk <= 1; dk++)
                if (di || dj || dk) n += grid[1 + di][1 + dj][1 + dk];
    printf("neighbours of centre %d\n", n);
    return 0;
}
