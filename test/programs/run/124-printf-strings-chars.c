/* printf %s and %c: widths, precisions on strings, NUL-free substrings, and special characters. */
#include <stdio.h>

int main(void) {
    const char *empty = "";
    const char *word = "characters";
    printf("[%s] [%s] [%5s] [%-5s|]\n", empty, word, empty, empty);
    printf("[%.3s] [%.20s] [%15s] [%-15s]\n", word, word, word, word);

    /* %c with special characters and with integers of various types */
    printf("[%c] [%c] [%c] [%c]\n", 'x', 120, (char)88, (unsigned char)121);
    printf("tab[%c]quote[%c]backslash[%c]\n", '\t', '"', '\\');

    /* print substrings by precision */
    const char *csv = "alpha,beta,gamma";
    const char *start = csv;
    for (const char *p = csv;; p++) {
        if (*p == ',' || *p == '\0') {
            printf("field: '%.*s'\n", (int)(p - start), start);
            if (*p == '\0') break;
            start = p + 1;
        }
    }

    /* a char array that is not NUL-terminated printed with a precision */
    char raw[4] = {'d', 'a', 't', 'a'};
    printf("raw: %.4s\n", raw);

    /* build a line with %c in a loop */
    for (int i = 0; i < 26; i += 5) printf("%c", 'A' + i);
    printf("\n");

    /* escapes inside the format string */
    printf("percent %% and backslash \\ and quote \" and tab\tend\n");
    printf("%s%s%s\n", "con", "cat", "enated");
    return 0;
}
