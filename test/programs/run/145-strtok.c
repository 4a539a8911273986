/* Tokenizing with strtok: multiple delimiters, empty fields skipped, nested parsing by hand. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

int main(void) {
    char line[] = "  alpha, beta;;gamma ,delta  ";
    int n = 0;
    for (char *tok = strtok(line, " ,;"); tok; tok = strtok(NULL, " ,;")) printf("token %d: '%s'\n", ++n, tok);

    /* key=value pairs separated by '&' */
    char query[] = "name=ada&lang=c&year=1972&empty=&flag";
    char *pairs[8];
    int np = 0;
    for (char *p = strtok(query, "&"); p && np < 8; p = strtok(NULL, "&")) pairs[np++] = p;
    for (int i = 0; i < np; i++) {
        char *eq = strchr(pairs[i], '=');
        if (eq) {
            *eq = '\0';
            printf("key '%s' value '%s'\n", pairs[i], eq + 1);
        } else {
            printf("key '%s' without value\n", pairs[i]);
        }
    }

    /* summing numbers in a whitespace separated string */
    char nums[] = "10 20\t30\n-5  7";
    long total = 0;
    for (char *t = strtok(nums, " \t\n"); t; t = strtok(NULL, " \t\n")) total += strtol(t, NULL, 10);
    printf("total %ld\n", total);

    /* the original buffer has NULs where delimiters were */
    char csv[] = "a,b,c";
    strtok(csv, ",");
    strtok(NULL, ",");
    printf("after tokenizing: %s | %s | %s\n", csv, csv + 2, csv + 4);

    /* a string of only delimiters yields no tokens */
    char none[] = ",,,;;;";
    printf("first token of delimiters: %s\n", strtok(none, ",;") ? "some" : "none");
    return 0;
}
