/* Bounded string functions: strncpy, strncat, strncmp, and a safe copy helper built on them. */
#include <stdio.h>
#include <string.h>

static size_t safe_copy(char *dst, size_t cap, const char *src) {
    size_t n = strlen(src);
    if (cap == 0) return n;
    size_t m = n < cap - 1 ? n : cap - 1;
    memcpy(dst, src, m);
    dst[m] = '\0';
    return n;
}

int main(void) {
    char a[8];
    memset(a, '*', sizeof a);
    strncpy(a, "abcdefghij", 5); /* no NUL added when the source is longer */
    printf("strncpy 5 of long:");
    for (int i = 0; i < 8; i++) printf(" %c", a[i] ? a[i] : '0');
    printf("\n");

    char b[16] = "start";
    strncat(b, "-middle-end", 7); /* strncat always terminates */
    printf("strncat: '%s' (%zu)\n", b, strlen(b));
    strncat(b, "XYZ", 0);
    printf("strncat 0: '%s'\n", b);

    char c[6];
    size_t need = safe_copy(c, sizeof c, "overflowing");
    printf("safe_copy: '%s' needed %zu\n", c, need);
    need = safe_copy(c, sizeof c, "ok");
    printf("safe_copy: '%s' needed %zu\n", c, need);

    /* prefix tests with strncmp */
    const char *cmds[] = {"get key", "set key value", "del key", "getall", "quit"};
    for (int i = 0; i < 5; i++) {
        const char *kind = strncmp(cmds[i], "get ", 4) == 0 ? "GET"
                         : strncmp(cmds[i], "set ", 4) == 0 ? "SET"
                         : strncmp(cmds[i], "del", 3) == 0  ? "DEL"
                                                            : "other";
        printf("%-14s -> %s\n", cmds[i], kind);
    }

    /* fixed-width fields: copy into a record and print with precision */
    struct rec { char code[4]; char name[8]; } r;
    strncpy(r.code, "ABCD", sizeof r.code);    /* exactly fills: no terminator */
    strncpy(r.name, "Zed", sizeof r.name);     /* pads with NULs */
    printf("code %.4s name %s\n", r.code, r.name);
    return 0;
}
