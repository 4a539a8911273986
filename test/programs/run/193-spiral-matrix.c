/* Filling and walking matrices in spiral, zigzag and diagonal orders. */
#include <stdio.h>

#define R 5
#define C 6

int main(void) {
    int m[R][C];
    int top = 0, bottom = R - 1, left = 0, right = C - 1, v = 1;
    while (top <= bottom && left <= right) {
        for (int j = left; j <= right; j++) m[top][j] = v++;
        top++;
        for (int i = top; i <= bottom; i++) m[i][right] = v++;
        right--;
        if (top <= bottom) {
            for (int j = right; j >= left; j--) m[bottom][j] = v++;
            bottom--;
        }
        if (left <= right) {
            for (int i = bottom; i >= top; i--) m[i][left] = v++;
            left++;
        }
    }
    printf("spiral fill:\n");
    for (int i = 0; i < R; i++) {
        for (int j = 0; j < C; j++) printf("%4d", m[i][j]);
        printf("\n");
    }

    printf("zigzag walk:");
    for (int i = 0; i < R; i++)
        for (int k = 0; k < C; k++) printf(" %d", m[i][i % 2 ? C - 1 - k : k]);
    printf("\n");

    printf("anti-diagonals:\n");
    for (int d = 0; d < R + C - 1; d++) {
        printf("  d=%d:", d);
        for (int i = 0; i < R; i++) {
            int j = d - i;
            if (j >= 0 && j < C) printf(" %d", m[i][j]);
        }
        printf("\n");
    }

    /* rotate a square 4x4 by 90 degrees in place */
    int s[4][4];
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) s[i][j] = i * 4 + j;
    for (int layer = 0; layer < 2; layer++)
        for (int k = layer; k < 3 - layer; k++) {
            int t = s[layer][k];
            s[layer][k] = s[3 - k][layer];
            s[3 - k][layer] = s[3 - layer][3 - k];
            s[3 - layer][3 - k] = s[k][3 - layer];
            s[k][3 - layer] = t;
        }
    printf("rotated:\n");
    for (int i = 0; i < 4; i++) printf("%3d%3d%3d%3d\n", s[i][0], s[i][1], s[i][2], s[i][3]);
    return 0;
}
