/* Character literals with every escape sequence, printed as their int values. */
#include <stdio.h>

int main(void) {
    int simple[] = {'\a', '\b', '\f', '\n', '\r', '\t', '\v', '\\', '\'', '\"', '\?', '\0'};
    const char *names[] = {"\\a", "\\b", "\\f", "\\n", "\\r", "\\t", "\\v", "\\\\", "\\'", "\\\"", "\\?", "\\0"};
    for (int i = 0; i < 12; i++) printf("%-3s = %d\n", names[i], simple[i]);

    printf("octal: %d %d %d %d\n", '\101', '\7', '\60', '\177');
    printf("hex: %d %d %d %d\n", '\x41', '\x7f', '\x0', '\x61');
    printf("high: %d %d\n", '\xff', '\200');
    printf("plain: %d %d %d %d\n", 'A', 'z', '0', ' ');
    printf("quote chars: %c%c%c\n", '"', '\'', '?');

    /* character literals have type int in C */
    printf("sizeof 'a' = %zu\n", sizeof 'a');

    /* arithmetic with characters */
    printf("'a' - 'A' = %d\n", 'a' - 'A');
    printf("'9' - '0' = %d\n", '9' - '0');
    char c = 'x';
    c += 2;
    printf("'x' + 2 = %c\n", c);

    /* escapes in char arrays */
    char s[] = {'h', 'i', '\t', '\x21', '\n', '\0'};
    printf("%s", s);
    printf("length with escapes: %zu\n", sizeof "\x41\102\n\t\\");
    return 0;
}
