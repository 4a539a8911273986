/* UTF-8 encoding and decoding by hand, with validation; output stays ASCII (code points in hex). */
#include <stdio.h>
#include <string.h>

static int encode(unsigned cp, unsigned char *out) {
    if (cp < 0x80) { out[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) { out[0] = (unsigned char)(0xC0 | cp >> 6); out[1] = (unsigned char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | cp >> 12);
        out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | cp >> 18);
    out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* returns bytes consumed, or -1 for an invalid sequence */
static int decode(const unsigned char *s, unsigned *cp) {
    int n = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : -1;
    if (n < 0) return -1;
    unsigned v = n == 1 ? s[0] : s[0] & (0x7F >> n);
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return -1;
        v = v << 6 | (s[i] & 0x3F);
    }
    *cp = v;
    return n;
}

int main(void) {
    unsigned cps[] = {0x41, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x20AC, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
    for (int i = 0; i < 11; i++) {
        unsigned char buf[4];
        int n = encode(cps[i], buf);
        unsigned back = 0;
        int m = decode(buf, &back);
        printf("U+%06X ->", cps[i]);
        for (int k = 0; k < n; k++) printf(" %02X", buf[k]);
        printf("%*s round trip %s\n", (4 - n) * 3, "", m == n && back == cps[i] ? "ok" : "BAD");
    }
    const char *text = "na\xC3\xAFve caf\xC3\xA9 \xE2\x82\xAC 5 \xF0\x9F\x98\x80!";
    const unsigned char *p = (const unsigned char *)text;
    int chars = 0;
    printf("code points:");
    while (*p) {
        unsigned cp;
        int n = decode(p, &cp);
        if (n < 0) break;
        if (cp >= 0x80) printf(" U+%X", cp);
        p += n;
        chars++;
    }
    printf("\nbytes %zu, characters %d\n", strlen(text), chars);
    unsigned cp;
    const unsigned char bad1[] = {0xC3, 0x28, 0}, bad2[] = {0xFF, 0};
    printf("invalid: %d %d\n", decode(bad1, &cp), decode(bad2, &cp));
    return 0;
}
