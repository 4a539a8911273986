/* String literals: escapes, concatenation, sizeof, and indexing a literal. */
#include <stdio.h>
#include <string.h>

int main(void) {
    printf("tab:\t|newline escaped: \\n|quote: \"|apostrophe: \'|question: \?\n");
    printf("octal \101\102\103 hex \x44\x45\x46 mixed \x31\62\n");
    printf("concat" "enated " "literals" "\n");
    printf("percent %% sign\n");
    const char *multi = "line one\n"
                        "line two\n"
                        "line three\n";
    printf("%s", multi);
    printf("strlen(multi) = %zu\n", strlen(multi));

    printf("sizeof \"abc\" = %zu, strlen = %zu\n", sizeof "abc", strlen("abc"));
    printf("sizeof \"a\\0b\" = %zu, strlen = %zu\n", sizeof "a\0b", strlen("a\0b"));
    printf("sizeof \"\" = %zu\n", sizeof "");
    printf("\"hello\"[1] = %c, *\"hello\" = %c\n", "hello"[1], *"hello");
    printf("index from literal: %c\n", "0123456789abcdef"[11]);

    /* a hex escape stops at the first non-hex digit, or at a literal boundary */
    const char *h = "\x41" "BC";
    printf("%s %zu\n", h, strlen(h));
    const char *o = "\1012";
    printf("%s %zu\n", o, strlen(o));

    /* byte values of escapes */
    const char *e = "\a\b\f\n\r\t\v\\\'\"\?";
    for (const char *p = e; *p; p++) printf("%d ", *p);
    printf("\n");

    /* identical literals compare equal by content */
    printf("strcmp equal: %d\n", strcmp("same", "same") == 0);
    char buf[] = "mutable copy";
    buf[0] = 'M';
    printf("%s\n", buf);
    return 0;
}
