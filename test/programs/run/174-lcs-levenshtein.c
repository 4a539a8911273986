/* String DP: longest common subsequence with reconstruction, and Levenshtein edit distance. */
#include <stdio.h>
#include <string.h>

#define M 40

static int lcs(const char *a, const char *b, char *out) {
    static int t[M + 1][M + 1];
    int n = (int)strlen(a), m = (int)strlen(b);
    for (int i = 0; i <= n; i++)
        for (int j = 0; j <= m; j++)
            t[i][j] = i == 0 || j == 0 ? 0
                    : a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1
                    : t[i - 1][j] > t[i][j - 1] ? t[i - 1][j] : t[i][j - 1];
    int k = t[n][m];
    out[k] = '\0';
    for (int i = n, j = m; i > 0 && j > 0;) {
        if (a[i - 1] == b[j - 1]) {
            out[--k] = a[i - 1];
            i--, j--;
        } else if (t[i - 1][j] >= t[i][j - 1]) i--;
        else j--;
    }
    return t[n][m];
}

static int min3(int a, int b, int c) { return a < b ? (a < c ? a : c) : (b < c ? b : c); }

static int levenshtein(const char *a, const char *b) {
    int n = (int)strlen(a), m = (int)strlen(b);
    int row[M + 1];
    for (int j = 0; j <= m; j++) row[j] = j;
    for (int i = 1; i <= n; i++) {
        int diag = row[0];
        row[0] = i;
        for (int j = 1; j <= m; j++) {
            int up = row[j];
            row[j] = min3(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1]));
            diag = up;
        }
    }
    return row[m];
}

int main(void) {
    const char *pairs[][2] = {
        {"kitten", "sitting"}, {"flaw", "lawn"}, {"ABCBDAB", "BDCABA"}, {"", "abc"},
        {"intention", "execution"}, {"same", "same"}, {"AGGTAB", "GXTXAYB"},
    };
    for (int i = 0; i < 7; i++) {
        char common[M + 1];
        int l = lcs(pairs[i][0], pairs[i][1], common);
        printf("%-10s %-10s lcs %d '%s' edit %d\n", pairs[i][0], pairs[i][1], l, common,
               levenshtein(pairs[i][0], pairs[i][1]));
    }
    return 0;
}
