/* strlen, strcpy, strncpy, strcat, strcmp, strncmp: results and sign conventions. */
#include <stdio.h>
#include <string.h>

static int sign(int v) { return (v > 0) - (v < 0); }

int main(void) {
    char buf[64];
    printf("strlen: %zu %zu %zu\n", strlen(""), strlen("a"), strlen("hello world"));
    char *r = strcpy(buf, "copy");
    printf("strcpy -> '%s', returns dest %d\n", buf, r == buf);
    r = strcat(buf, " and ");
    strcat(buf, "concatenate");
    printf("strcat -> '%s', returns dest %d, len %zu\n", buf, r == buf, strlen(buf));

    const char *pairs[][2] = {{"abc", "abc"}, {"abc", "abd"}, {"abd", "abc"}, {"ab", "abc"},
                              {"abc", "ab"}, {"", ""}, {"", "a"}, {"B", "a"}, {"\xff", "a"}};
    for (int i = 0; i < 9; i++) {
        const char *a = pairs[i][0], *b = pairs[i][1];
        printf("strcmp(\"%s\", \"%s\") sign %d\n", i == 8 ? "\\xff" : a, b, sign(strcmp(a, b)));
    }
    printf("strncmp(abcdef, abcxyz, 3) %d, 4 -> sign %d, 0 -> %d\n", strncmp("abcdef", "abcxyz", 3),
           sign(strncmp("abcdef", "abcxyz", 4)), strncmp("x", "y", 0));
    printf("strncmp past end: %d\n", strncmp("ab", "ab", 10));

    /* strncpy pads with NULs when the source is shorter */
    char pad[8];
    memset(pad, 'X', sizeof pad);
    strncpy(pad, "hi", sizeof pad);
    printf("strncpy padded:");
    for (int i = 0; i < 8; i++) printf(" %d", pad[i]);
    printf("\n");

    /* strcpy handles the empty string and overwrites */
    strcpy(buf, "");
    printf("empty copy len %zu\n", strlen(buf));
    strcpy(buf, "first");
    strcpy(buf + 2, "XY");
    printf("overwrite '%s'\n", buf);

    /* building a path with strcat */
    char path[64] = "";
    const char *parts[] = {"usr", "local", "lib"};
    for (int i = 0; i < 3; i++) {
        strcat(path, "/");
        strcat(path, parts[i]);
    }
    printf("%s\n", path);
    return 0;
}
