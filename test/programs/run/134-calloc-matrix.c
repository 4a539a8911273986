/* calloc zero-fills: a heap matrix in one block, multiplied and transposed, then freed. */
#include <stdio.h>
#include <stdlib.h>

struct matrix { int rows, cols; double *a; };

static struct matrix mat_new(int r, int c) {
    struct matrix m = {r, c, calloc((size_t)r * (size_t)c, sizeof(double))};
    return m;
}

static double *at(struct matrix m, int i, int j) { return &m.a[i * m.cols + j]; }

static struct matrix mat_mul(struct matrix x, struct matrix y) {
    struct matrix z = mat_new(x.rows, y.cols);
    for (int i = 0; i < x.rows; i++)
        for (int j = 0; j < y.cols; j++)
            for (int k = 0; k < x.cols; k++) *at(z, i, j) += *at(x, i, k) * *at(y, k, j);
    return z;
}

static struct matrix transpose(struct matrix x) {
    struct matrix t = mat_new(x.cols, x.rows);
    for (int i = 0; i < x.rows; i++)
        for (int j = 0; j < x.cols; j++) *at(t, j, i) = *at(x, i, j);
    return t;
}

static void print(const char *name, struct matrix m) {
    printf("%s (%dx%d)\n", name, m.rows, m.cols);
    for (int i = 0; i < m.rows; i++) {
        for (int j = 0; j < m.cols; j++) printf("%8.2f", *at(m, i, j));
        printf("\n");
    }
}

int main(void) {
    struct matrix a = mat_new(2, 3);
    double zero_sum = 0;
    for (int i = 0; i < 6; i++) zero_sum += a.a[i];
    printf("calloc'd sum %.1f\n", zero_sum);
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++) *at(a, i, j) = i + j * 0.5;
    struct matrix at_ = transpose(a);
    struct matrix p = mat_mul(a, at_);
    struct matrix q = mat_mul(at_, a);
    print("a", a);
    print("a^T", at_);
    print("a a^T", p);
    print("a^T a", q);
    free(a.a);
    free(at_.a);
    free(p.a);
    free(q.a);

    /* calloc of structs: every member zero, pointers null */
    struct rec { int id; double w; char *name; } *recs = calloc(3, sizeof *recs);
    printf("recs %d %.1f %s\n", recs[2].id, recs[1].w, recs[0].name ? "set" : "null");
    free(recs);
    return 0;
}
