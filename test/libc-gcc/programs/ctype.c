/* ctype.h in the C locale: glibc's class bits (isdigit('5') is 2048), for every char value. */
#include <stdio.h>
#include <ctype.h>

int main(void) {
    int c;
    unsigned long sum = 0;
    for (c = -128; c < 256; c++) {
        int v[13];
        int k;
        v[0] = isdigit(c); v[1] = isalpha(c); v[2] = isalnum(c); v[3] = isspace(c); v[4] = isupper(c);
        v[5] = islower(c); v[6] = isprint(c); v[7] = ispunct(c); v[8] = isxdigit(c); v[9] = iscntrl(c);
        v[10] = isgraph(c); v[11] = toupper(c); v[12] = tolower(c);
        for (k = 0; k < 13; k++)
            sum = sum * 31 + (unsigned long)v[k];
        if (c == -1 || c == 9 || c == 32 || c == 48 || c == 65 || c == 95 || c == 97 || c == 127 || c == 200)
            printf("%4d: %d %d %d %d %d %d %d %d %d %d %d %d %d\n", c, v[0], v[1], v[2], v[3], v[4], v[5], v[6],
                   v[7], v[8], v[9], v[10], v[11], v[12]);
    }
    printf("digest %lu\n", sum);
    return 0;
}
