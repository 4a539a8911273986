/* printf with * width and precision taken from arguments, and string precision. */
#include <stdio.h>

int main(void) {
    for (int w = 1; w <= 8; w += 3) printf("[%*d] [%-*d]\n", w, 42, w, 42);
    /* a negative * width means left-justify */
    printf("[%*d]\n", -6, 42);
    /* a negative * precision is as if omitted */
    printf("[%.*d] [%.*d]\n", 4, 7, -1, 7);
    printf("[%*.*d]\n", 8, 5, -123);
    printf("[%*.*f] [%-*.*f]\n", 10, 3, 3.14159, 10, 1, 2.71828);

    const char *s = "precision";
    for (int p = 0; p <= 10; p += 2) printf("[%.*s]", p, s);
    printf("\n");
    printf("[%12s] [%-12s] [%12.4s] [%-12.4s] [%.0s]\n", s, s, s, s, s);
    printf("[%*s] [%-*s|]\n", 6, "ab", 6, "ab");

    /* a table with computed column widths */
    const char *names[] = {"x", "longer", "mid"};
    int values[] = {5, 12345, -77};
    int wn = 0, wv = 0;
    for (int i = 0; i < 3; i++) {
        int n = 0;
        while (names[i][n]) n++;
        if (n > wn) wn = n;
        int len = snprintf(NULL, 0, "%d", values[i]);
        if (len > wv) wv = len;
    }
    for (int i = 0; i < 3; i++) printf("|%-*s|%*d|\n", wn, names[i], wv, values[i]);

    /* characters with width */
    printf("[%3c] [%-3c] [%c]\n", 'a', 'b', 65);
    return 0;
}
