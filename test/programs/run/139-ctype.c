/* <ctype.h> classification and conversion over the printable ASCII range. */
#include <stdio.h>
#include <ctype.h>

int main(void) {
    int alpha = 0, digit = 0, space = 0, upper = 0, lower = 0, punct = 0, xdigit = 0, alnum = 0, print = 0,
        cntrl = 0, graph = 0;
    for (int c = 0; c < 128; c++) {
        alpha += isalpha(c) != 0;
        digit += isdigit(c) != 0;
        space += isspace(c) != 0;
        upper += isupper(c) != 0;
        lower += islower(c) != 0;
        punct += ispunct(c) != 0;
        xdigit += isxdigit(c) != 0;
        alnum += isalnum(c) != 0;
        print += isprint(c) != 0;
        cntrl += iscntrl(c) != 0;
        graph += isgraph(c) != 0;
    }
    printf("alpha %d digit %d space %d upper %d lower %d punct %d\n", alpha, digit, space, upper, lower, punct);
    printf("xdigit %d alnum %d print %d cntrl %d graph %d\n", xdigit, alnum, print, cntrl, graph);

    const char *text = "Hello, World! 123 tabs\tand\nnewlines.";
    for (const char *p = text; *p; p++) putchar(toupper((unsigned char)*p));
    putchar('\n');
    for (const char *p = text; *p; p++) putchar(tolower((unsigned char)*p));
    putchar('\n');
    printf("toupper('1') %c, tolower('Q') %c, toupper('z') %c\n", toupper('1'), tolower('Q'), toupper('z'));

    /* title case and a character class string */
    char words[] = "the QUICK brown fOX";
    int start = 1;
    for (char *p = words; *p; p++) {
        *p = (char)(start ? toupper((unsigned char)*p) : tolower((unsigned char)*p));
        start = isspace((unsigned char)*p) != 0;
    }
    printf("%s\n", words);
    const char *sample = "a1 _#\x7f";
    for (const char *p = sample; *p; p++) {
        int c = (unsigned char)*p;
        printf("%3d: %c%c%c%c%c\n", c, isalpha(c) ? 'A' : '-', isdigit(c) ? 'D' : '-', isspace(c) ? 'S' : '-',
               ispunct(c) ? 'P' : '-', iscntrl(c) ? 'C' : '-');
    }

    /* parse hex digits with isxdigit */
    const char *hex = "1aF9zz";
    unsigned v = 0;
    for (const char *p = hex; isxdigit((unsigned char)*p); p++)
        v = v * 16 + (unsigned)(isdigit((unsigned char)*p) ? *p - '0' : tolower((unsigned char)*p) - 'a' + 10);
    printf("hex value %u\n", v);
    return 0;
}
