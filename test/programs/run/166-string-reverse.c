/* String reversal: whole strings, each word in place, words order, and recursion. */
#include <stdio.h>
#include <string.h>

static void reverse_range(char *lo, char *hi) {
    while (lo < hi) {
        char t = *lo;
        *lo++ = *hi;
        *hi-- = t;
    }
}

static void reverse(char *s) {
    size_t n = strlen(s);
    if (n) reverse_range(s, s + n - 1);
}

static void reverse_each_word(char *s) {
    char *start = s;
    for (char *p = s;; p++) {
        if (*p == ' ' || *p == '\0') {
            if (p > start) reverse_range(start, p - 1);
            if (*p == '\0') break;
            start = p + 1;
        }
    }
}

static void reverse_word_order(char *s) {
    reverse(s);
    reverse_each_word(s);
}

static void print_reversed(const char *s) {
    if (*s) {
        print_reversed(s + 1);
        putchar(*s);
    }
}

int main(void) {
    const char *tests[] = {"", "a", "ab", "hello", "racecar", "A man a plan"};
    for (int i = 0; i < 6; i++) {
        char buf[64];
        strcpy(buf, tests[i]);
        reverse(buf);
        printf("'%s' -> '%s'\n", tests[i], buf);
    }
    char s1[] = "the quick brown fox";
    reverse_each_word(s1);
    printf("each word: %s\n", s1);
    char s2[] = "one two three four";
    reverse_word_order(s2);
    printf("word order: %s\n", s2);
    char s3[] = "  spaced  out words ";
    reverse_word_order(s3);
    printf("spaced: [%s]\n", s3);
    printf("recursive: ");
    print_reversed("stressed");
    putchar('\n');

    /* palindromes ignoring case and non-letters */
    const char *phrases[] = {"Never odd or even", "Was it a car or a cat I saw?", "Not a palindrome"};
    for (int i = 0; i < 3; i++) {
        char clean[64];
        int n = 0;
        for (const char *p = phrases[i]; *p; p++)
            if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) clean[n++] = (char)(*p | 0x20);
        clean[n] = '\0';
        char rev[64];
        strcpy(rev, clean);
        reverse(rev);
        printf("%-30s palindrome %d\n", phrases[i], strcmp(clean, rev) == 0);
    }
    return 0;
}
