/* memcpy, memmove (overlapping), memset, memcmp, memchr on bytes and on structured data. */
#include <stdio.h>
#include <string.h>

static void show(const char *label, const unsigned char *b, size_t n) {
    printf("%-10s", label);
    for (size_t i = 0; i < n; i++) printf(" %02x", b[i]);
    printf("\n");
}

int main(void) {
    unsigned char a[12];
    memset(a, 0, sizeof a);
    memset(a + 2, 0xab, 4);
    show("memset", a, sizeof a);
    for (int i = 0; i < 12; i++) a[i] = (unsigned char)i;
    memmove(a + 3, a, 6); /* overlapping, forward */
    show("move fwd", a, sizeof a);
    for (int i = 0; i < 12; i++) a[i] = (unsigned char)i;
    memmove(a, a + 4, 8); /* overlapping, backward */
    show("move back", a, sizeof a);

    char s[32] = "hello, world";
    memmove(s + 7, s, 5);
    printf("%s\n", s);

    int src[5] = {1, 2, 3, 4, 5}, dst[5];
    memcpy(dst, src, sizeof src);
    dst[4] = 50;
    printf("dst %d %d %d %d %d\n", dst[0], dst[1], dst[2], dst[3], dst[4]);
    printf("memcmp equal prefix %d, sign differ %d\n", memcmp(src, dst, 4 * sizeof(int)),
           memcmp(src, dst, sizeof src) < 0 ? -1 : 1);
    printf("memcmp unsigned bytes: %d\n", memcmp("\x80", "\x01", 1) > 0);
    printf("memcmp zero length %d\n", memcmp("a", "b", 0));

    const char *text = "find the x in this";
    const char *x = memchr(text, 'x', strlen(text));
    printf("memchr x at %td, memchr q %s\n", x - text, memchr(text, 'q', strlen(text)) ? "found" : "null");

    /* memset of an int array to zero and to -1 bytes */
    int v[4];
    memset(v, 0xff, sizeof v);
    printf("0xff bytes as int %d\n", v[2]);
    memset(v, 0, sizeof v);
    printf("zero bytes as int %d\n", v[3]);

    /* copying structs with memcpy */
    struct pt { short x, y; } p1 = {3, -4}, p2;
    memcpy(&p2, &p1, sizeof p1);
    printf("p2 %d %d\n", p2.x, p2.y);

    /* memcpy returns its destination */
    char d[8];
    printf("returns dest %d\n", memcpy(d, "abc", 4) == d);
    return 0;
}
