/* Classic pointer idioms on strings: length, copy, compare, find, reverse, trim. */
#include <stdio.h>

static size_t my_strlen(const char *s) {
    const char *p = s;
    while (*p) p++;
    return (size_t)(p - s);
}

static char *my_strcpy(char *d, const char *s) {
    char *r = d;
    while ((*d++ = *s++) != '\0') {}
    return r;
}

static int my_strcmp(const char *a, const char *b) {
    while (*a && *a == *b) a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}

static const char *my_strchr(const char *s, int c) {
    for (; *s; s++)
        if (*s == c) return s;
    return c == 0 ? s : NULL;
}

static void reverse(char *s) {
    char *e = s + my_strlen(s);
    while (s < --e) {
        char t = *s;
        *s++ = *e;
        *e = t;
    }
}

static char *trim(char *s) {
    while (*s == ' ') s++;
    char *e = s + my_strlen(s);
    while (e > s && e[-1] == ' ') *--e = '\0';
    return s;
}

int main(void) {
    char buf[64];
    my_strcpy(buf, "pointer walking");
    printf("%s (%zu)\n", buf, my_strlen(buf));
    printf("cmp: %d %d %d\n", my_strcmp("abc", "abc") == 0, my_strcmp("abc", "abd") < 0, my_strcmp("b", "a") > 0);
    printf("cmp prefix: %d\n", my_strcmp("ab", "abc") < 0);
    const char *w = my_strchr(buf, 'w');
    printf("from w: %s, missing: %s\n", w, my_strchr(buf, 'z') ? "found" : "null");
    printf("terminator found: %d\n", *my_strchr(buf, '\0') == '\0');
    reverse(buf);
    printf("%s\n", buf);
    char padded[] = "   spaced out   ";
    printf("[%s]\n", trim(padded));

    /* count words with a state machine over a pointer */
    const char *text = "  the quick  brown fox ";
    int words = 0, in = 0;
    for (const char *p = text; *p; p++) {
        if (*p != ' ' && !in) words++;
        in = *p != ' ';
    }
    printf("words %d\n", words);
    return 0;
}
