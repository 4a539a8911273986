/* Partially initialized arrays and structs are zero-filled, in every storage class. */
#include <stdio.h>

static int global_partial[6] = {1, 2};
static double global_zero[3];
int global_chars[4] = {'a'};

struct pair { int a; double b; char c[3]; };

int main(void) {
    int local[6] = {9, 8};
    for (int i = 0; i < 6; i++) printf("%d ", local[i]);
    printf("\n");
    for (int i = 0; i < 6; i++) printf("%d ", global_partial[i]);
    printf("\n");
    printf("%.1f %.1f %.1f\n", global_zero[0], global_zero[1], global_zero[2]);
    printf("%d %d %d %d\n", global_chars[0], global_chars[1], global_chars[2], global_chars[3]);

    int zeros[100] = {0};
    int sum = 0;
    for (int i = 0; i < 100; i++) sum += zeros[i];
    printf("sum of zeros %d\n", sum);

    /* nested: missing rows and missing elements both become zero */
    int m[4][3] = {{1}, {2, 3}};
    for (int i = 0; i < 4; i++) printf("%d %d %d\n", m[i][0], m[i][1], m[i][2]);

    /* arrays of structs */
    struct pair ps[3] = {{1, 1.5, "x"}};
    for (int i = 0; i < 3; i++) printf("{%d %.1f '%s'} ", ps[i].a, ps[i].b, ps[i].c);
    printf("\n");

    /* a partially initialized local in a loop is re-zeroed on every iteration */
    for (int round = 0; round < 3; round++) {
        int v[4] = {round};
        v[3] += round * 10;
        printf("round %d: %d %d %d %d\n", round, v[0], v[1], v[2], v[3]);
    }

    /* static local keeps its values between calls but starts zero-filled */
    for (int k = 0; k < 3; k++) {
        static int counters[3];
        counters[k]++;
        counters[0]++;
        printf("counters %d %d %d\n", counters[0], counters[1], counters[2]);
    }

    /* empty-brace-like: single zero for a struct with array */
    struct pair z = {0};
    printf("z %d %.1f %d%d%d\n", z.a, z.b, z.c[0], z.c[1], z.c[2]);
    return 0;
}
