/* break and continue in nested loops affect only the innermost loop. */
#include <stdio.h>

int main(void) {
    /* prime numbers: continue the outer loop through a flag */
    for (int n = 2; n < 40; n++) {
        int prime = 1;
        for (int d = 2; d * d <= n; d++) {
            if (n % d == 0) {
                prime = 0;
                break; /* leaves only the inner loop */
            }
        }
        if (!prime) continue;
        printf("%d ", n);
    }
    printf("\n");

    /* find the first pair summing to a target */
    int v[] = {8, 3, 11, 5, 7, 2};
    int found_i = -1, found_j = -1;
    for (int i = 0; i < 6 && found_i < 0; i++) {
        for (int j = i + 1; j < 6; j++) {
            if (v[i] + v[j] == 12) {
                found_i = i;
                found_j = j;
                break;
            }
        }
    }
    printf("pair %d,%d\n", found_i, found_j);

    /* continue in the inner loop skips the diagonal */
    int off_diag = 0;
    for (int r = 0; r < 4; r++)
        for (int c = 0; c < 4; c++) {
            if (r == c) continue;
            off_diag++;
        }
    printf("off-diagonal cells %d\n", off_diag);

    /* break inside a while inside a for */
    for (int t = 1; t <= 3; t++) {
        int x = t;
        while (1) {
            x *= 3;
            if (x > 50) break;
        }
        printf("t=%d x=%d\n", t, x);
    }

    /* continue in a do/while nested in a for */
    int total = 0;
    for (int a = 0; a < 3; a++) {
        int b = 0;
        do {
            b++;
            if (b == 2) continue;
            total += a * 10 + b;
        } while (b < 4);
    }
    printf("total %d\n", total);

    /* three levels with labels emulated by flags */
    int hits = 0, stop = 0;
    for (int i = 0; i < 5 && !stop; i++)
        for (int j = 0; j < 5 && !stop; j++)
            for (int k = 0; k < 5; k++) {
                if (i + j + k == 6) {
                    hits++;
                    if (hits == 7) stop = 1;
                    break;
                }
            }
    printf("hits %d\n", hits);
    return 0;
}
