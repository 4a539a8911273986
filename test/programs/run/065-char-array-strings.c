/* char arrays initialized from string literals: exact fit, extra room, no room for the NUL. */
#include <stdio.h>
#include <string.h>

int main(void) {
    char a[] = "hello";
    char b[10] = "hi";
    char c[3] = "abc"; /* legal in C: the terminating NUL is dropped */
    char d[] = {"braced"};
    char e[2][6] = {"one", "two"};
    printf("a '%s' sizeof %zu strlen %zu\n", a, sizeof a, strlen(a));
    printf("b '%s' sizeof %zu, b[5] = %d, b[9] = %d\n", b, sizeof b, b[5], b[9]);
    printf("c = %c%c%c sizeof %zu\n", c[0], c[1], c[2], sizeof c);
    printf("d '%s' sizeof %zu\n", d, sizeof d);
    printf("e '%s' '%s' sizeof %zu\n", e[0], e[1], sizeof e);

    /* arrays are modifiable copies, literals are not touched */
    a[0] = 'j';
    printf("%s\n", a);
    b[2] = '!';
    printf("%s (len %zu)\n", b, strlen(b));

    /* embedded NUL */
    char f[] = "ab\0cd";
    printf("f sizeof %zu strlen %zu, f[3] %c\n", sizeof f, strlen(f), f[3]);

    /* character-by-character construction */
    char g[27];
    for (int i = 0; i < 26; i++) g[i] = (char)('z' - i);
    g[26] = '\0';
    printf("%s\n", g);

    /* a pointer to a literal versus an array copy */
    const char *p = "pointer";
    char arr[] = "pointer";
    printf("sizeof p %zu, sizeof arr %zu, equal %d\n", sizeof p, sizeof arr, strcmp(p, arr) == 0);

    /* static char array with room, appended in a loop */
    static char buf[32] = "start";
    for (int i = 0; i < 3; i++) strcat(buf, "-x");
    printf("%s\n", buf);

    /* truncating copy into a small array */
    char small[5];
    strncpy(small, "truncate me", sizeof small - 1);
    small[sizeof small - 1] = '\0';
    printf("%s\n", small);
    return 0;
}
