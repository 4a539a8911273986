/* Matrix multiplication in integers and doubles, identity checks, powers, and a determinant. */
#include <stdio.h>

#define N 4

static void mul(long a[N][N], long b[N][N], long out[N][N]) {
    long r[N][N] = {{0}};
    for (int i = 0; i < N; i++)
        for (int k = 0; k < N; k++)
            for (int j = 0; j < N; j++) r[i][j] += a[i][k] * b[k][j];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) out[i][j] = r[i][j];
}

static void print(const char *name, long m[N][N]) {
    printf("%s:\n", name);
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) printf("%8ld", m[i][j]);
        printf("\n");
    }
}

static double det3(double m[3][3]) {
    return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
           m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
}

int main(void) {
    long a[N][N], id[N][N], p[N][N];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = (i + 1) * (j + 2) % 7 - 3;
            id[i][j] = i == j;
        }
    print("a", a);
    mul(a, id, p);
    int same = 1;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) same &= p[i][j] == a[i][j];
    printf("a * I == a: %d\n", same);
    mul(a, a, p);
    print("a^2", p);
    long q[N][N];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) q[i][j] = id[i][j];
    for (int k = 0; k < 5; k++) mul(q, a, q);
    print("a^5", q);

    /* Fibonacci through the 2x2 matrix power embedded in a 4x4 */
    long f[N][N] = {{1, 1, 0, 0}, {1, 0, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}}, r[N][N];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) r[i][j] = id[i][j];
    for (int k = 0; k < 50; k++) mul(r, f, r);
    printf("fib(50) via matrix %ld\n", r[0][1]);

    double m[3][3] = {{2, -3, 1}, {2, 0, -1}, {1, 4, 5}};
    printf("det %.1f\n", det3(m));
    return 0;
}
