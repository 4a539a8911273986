/* Two-dimensional arrays: row-major layout, initializers, transposition, row pointers. */
#include <stdio.h>

#define R 3
#define C 4

static int trace3(int m[3][3]) { return m[0][0] + m[1][1] + m[2][2]; }

static void print_matrix(int rows, int cols, const int *m) {
    for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) printf("%4d", m[i * cols + j]);
        printf("\n");
    }
}

int main(void) {
    int m[R][C] = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
    print_matrix(R, C, &m[0][0]);
    printf("sizeof m %zu, m[0] %zu, rows %zu\n", sizeof m, sizeof m[0], sizeof m / sizeof m[0]);

    int t[C][R];
    for (int i = 0; i < R; i++)
        for (int j = 0; j < C; j++) t[j][i] = m[i][j];
    print_matrix(C, R, t[0]);

    /* row-major: the element after m[0][3] is m[1][0] */
    int *flat = &m[0][0];
    printf("flat[4] %d, flat[11] %d\n", flat[4], flat[11]);

    /* flat-brace initializer fills rows in order */
    int g[3][3] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    printf("trace %d\n", trace3(g));

    /* row and column sums */
    for (int i = 0; i < R; i++) {
        int s = 0;
        for (int j = 0; j < C; j++) s += m[i][j];
        printf("row %d sum %d\n", i, s);
    }
    for (int j = 0; j < C; j++) {
        int s = 0;
        for (int i = 0; i < R; i++) s += m[i][j];
        printf("col %d sum %d\n", j, s);
    }

    /* a pointer to a row */
    int (*row)[C] = m + 1;
    printf("(*row)[2] %d, row[1][0] %d\n", (*row)[2], row[1][0]);

    /* char grid */
    char board[3][4] = {"x.o", ".x.", "o.x"};
    for (int i = 0; i < 3; i++) printf("%s\n", board[i]);
    int diag = board[0][0] == board[1][1] && board[1][1] == board[2][2];
    printf("diagonal win %d\n", diag);
    return 0;
}
