/* Large automatic arrays (about 30 KB of stack in all) and structs, recursion with array-bearing frames, and deep call chains. */
#include <stdio.h>
#include <string.h>

struct frame { int depth; char pad[500]; long values[16]; };

static long recurse(int depth, long seed) {
    struct frame f;
    memset(&f, 0, sizeof f);
    f.depth = depth;
    for (int i = 0; i < 16; i++) f.values[i] = seed * (i + 1) + depth;
    f.pad[depth] = (char)depth;
    long below = depth > 0 ? recurse(depth - 1, seed + f.values[15] % 7) : 0;
    long sum = below;
    for (int i = 0; i < 16; i++) sum += f.values[i] % 101;
    return sum + f.pad[depth];
}

static int count_down(int n) { return n == 0 ? 0 : 1 + count_down(n - 1); }

int main(void) {
    char big[8192];
    for (size_t i = 0; i < sizeof big; i++) big[i] = (char)(i * 7 % 128);
    long s = 0;
    for (size_t i = 0; i < sizeof big; i += 3) s += big[i];
    printf("big array sum %ld\n", s);

    double matrix[32][32];
    for (int i = 0; i < 32; i++)
        for (int j = 0; j < 32; j++) matrix[i][j] = (i == j) ? 2.0 : (i - j == 1 || j - i == 1) ? -1.0 : 0.0;
    double trace = 0, total = 0;
    for (int i = 0; i < 32; i++) {
        trace += matrix[i][i];
        for (int j = 0; j < 32; j++) total += matrix[i][j];
    }
    printf("trace %.1f total %.1f sizeof matrix %zu\n", trace, total, sizeof matrix);

    printf("recurse(20, 3) = %ld\n", recurse(20, 3));
    printf("count_down(5000) = %d\n", count_down(5000));

    struct frame copy1, copy2;
    memset(&copy1, 'x', sizeof copy1);
    copy1.depth = 99;
    copy2 = copy1;
    printf("struct copy depth %d pad[499] %c sizeof %zu\n", copy2.depth, copy2.pad[499], sizeof copy2);
    return 0;
}
