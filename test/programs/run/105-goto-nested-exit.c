/* goto as a multi-level break out of nested loops, and as an error exit with cleanup. */
#include <stdio.h>
#include <stdlib.h>

static int find_in_grid(int g[4][4], int target, int *row, int *col) {
    for (int r = 0; r < 4; r++)
        for (int c = 0; c < 4; c++)
            if (g[r][c] == target) {
                *row = r;
                *col = c;
                goto found;
            }
    return 0;
found:
    return 1;
}

static int process(int fail_at) {
    int result = -1;
    int *a = malloc(4 * sizeof *a);
    if (!a) goto out;
    if (fail_at == 1) goto free_a;
    int *b = malloc(4 * sizeof *b);
    if (!b) goto free_a;
    if (fail_at == 2) goto free_b;
    for (int i = 0; i < 4; i++) {
        a[i] = i;
        b[i] = i * i;
    }
    result = a[3] + b[3];
free_b:
    free(b);
free_a:
    free(a);
out:
    printf("process(%d) -> %d\n", fail_at, result);
    return result;
}

int main(void) {
    int g[4][4];
    for (int r = 0; r < 4; r++)
        for (int c = 0; c < 4; c++) g[r][c] = r * 7 + c * 3;
    int targets[] = {0, 13, 27, 100};
    for (int t = 0; t < 4; t++) {
        int r = -1, c = -1;
        int ok = find_in_grid(g, targets[t], &r, &c);
        printf("target %d: found %d at %d,%d\n", targets[t], ok, r, c);
    }
    process(0);
    process(1);
    process(2);

    /* goto out of a while inside a switch inside a for */
    int i;
    for (i = 0; i < 10; i++) {
        switch (i % 3) {
        case 2:
            while (1) {
                if (i > 6) goto finished;
                break;
            }
            break;
        default:
            break;
        }
    }
finished:
    printf("left at i = %d\n", i);
    return 0;
}
