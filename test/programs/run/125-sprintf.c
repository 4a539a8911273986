/* sprintf into buffers: return values, building strings piecewise, formatting numbers. */
#include <stdio.h>
#include <string.h>

int main(void) {
    char buf[128];
    int n = sprintf(buf, "%d-%s-%.2f", 42, "abc", 3.14159);
    printf("'%s' length %d strlen %zu\n", buf, n, strlen(buf));

    /* appending with the returned length */
    char line[128];
    int pos = 0;
    for (int i = 1; i <= 5; i++) pos += sprintf(line + pos, "%s%d", i > 1 ? "," : "", i * i);
    printf("%s (%d chars)\n", line, pos);

    /* number to string conversions */
    char num[32];
    sprintf(num, "%x", 3054);
    printf("hex %s\n", num);
    sprintf(num, "%08.3f", -3.5);
    printf("padded %s\n", num);
    sprintf(num, "%e", 12345.678);
    printf("exp %s\n", num);
    sprintf(num, "%lu", 18446744073709551615ul);
    printf("ulong %s (%zu digits)\n", num, strlen(num));

    /* sprintf with %s of its own earlier output */
    char a[32], b[64];
    sprintf(a, "[%s]", "inner");
    sprintf(b, "<%s|%s>", a, a);
    printf("%s\n", b);

    /* formatting a table into one buffer */
    char table[256];
    int off = 0;
    const char *names[] = {"one", "two", "three"};
    for (int i = 0; i < 3; i++) off += sprintf(table + off, "%-6s|%3d\n", names[i], (i + 1) * 111);
    fputs(table, stdout);
    printf("table length %d\n", off);

    /* sprintf of a single char and an empty string */
    char c[4];
    int k = sprintf(c, "%c", 'Z');
    int e = sprintf(buf, "%s", "");
    printf("'%s' %d, empty %d\n", c, k, e);
    return 0;
}
