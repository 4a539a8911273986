/* Dynamic programming: 0/1 knapsack with item recovery, coin change counts, longest increasing subsequence. */
#include <stdio.h>

int main(void) {
    int w[] = {12, 7, 11, 8, 9, 6, 5, 14};
    int val[] = {24, 13, 23, 15, 16, 11, 8, 29};
    enum { N = 8, CAP = 30 };
    static int best[N + 1][CAP + 1];
    for (int i = 1; i <= N; i++)
        for (int c = 0; c <= CAP; c++) {
            best[i][c] = best[i - 1][c];
            if (w[i - 1] <= c && best[i - 1][c - w[i - 1]] + val[i - 1] > best[i][c])
                best[i][c] = best[i - 1][c - w[i - 1]] + val[i - 1];
        }
    printf("knapsack best value %d\n", best[N][CAP]);
    printf("items:");
    for (int i = N, c = CAP; i > 0; i--)
        if (best[i][c] != best[i - 1][c]) {
            printf(" %d(w%d,v%d)", i - 1, w[i - 1], val[i - 1]);
            c -= w[i - 1];
        }
    printf("\n");

    /* number of ways to make change */
    int coins[] = {1, 2, 5, 10, 20, 50, 100, 200};
    long ways[201] = {1};
    for (int k = 0; k < 8; k++)
        for (int a = coins[k]; a <= 200; a++) ways[a] += ways[a - coins[k]];
    printf("ways to make 200: %ld, 100: %ld, 7: %ld\n", ways[200], ways[100], ways[7]);

    /* longest increasing subsequence, O(n^2) with reconstruction */
    int s[] = {10, 9, 2, 5, 3, 7, 101, 18, 4, 8, 6, 12, 15};
    int ns = (int)(sizeof s / sizeof s[0]);
    int len[16], prev[16], end = 0;
    for (int i = 0; i < ns; i++) {
        len[i] = 1;
        prev[i] = -1;
        for (int j = 0; j < i; j++)
            if (s[j] < s[i] && len[j] + 1 > len[i]) {
                len[i] = len[j] + 1;
                prev[i] = j;
            }
        if (len[i] > len[end]) end = i;
    }
    int seq[16], k = 0;
    for (int i = end; i >= 0; i = prev[i]) seq[k++] = s[i];
    printf("LIS length %d:", len[end]);
    while (k) printf(" %d", seq[--k]);
    printf("\n");
    return 0;
}
