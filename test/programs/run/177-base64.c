/* Base64 encoding and decoding, round-tripping text and binary data. */
#include <stdio.h>
#include <string.h>

static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static size_t encode(const unsigned char *in, size_t n, char *out) {
    size_t o = 0;
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)in[i] << 16;
        if (i + 1 < n) v |= (unsigned)in[i + 1] << 8;
        if (i + 2 < n) v |= in[i + 2];
        out[o++] = alphabet[(v >> 18) & 63];
        out[o++] = alphabet[(v >> 12) & 63];
        out[o++] = i + 1 < n ? alphabet[(v >> 6) & 63] : '=';
        out[o++] = i + 2 < n ? alphabet[v & 63] : '=';
    }
    out[o] = '\0';
    return o;
}

static int value_of(char c) {
    const char *p = strchr(alphabet, c);
    return c && p ? (int)(p - alphabet) : -1;
}

static long decode(const char *in, unsigned char *out) {
    size_t n = strlen(in), o = 0;
    if (n % 4) return -1;
    for (size_t i = 0; i < n; i += 4) {
        int a = value_of(in[i]), b = value_of(in[i + 1]);
        int c = in[i + 2] == '=' ? 0 : value_of(in[i + 2]);
        int d = in[i + 3] == '=' ? 0 : value_of(in[i + 3]);
        if (a < 0 || b < 0 || c < 0 || d < 0) return -1;
        unsigned v = (unsigned)a << 18 | (unsigned)b << 12 | (unsigned)c << 6 | (unsigned)d;
        out[o++] = (unsigned char)(v >> 16);
        if (in[i + 2] != '=') out[o++] = (unsigned char)(v >> 8);
        if (in[i + 3] != '=') out[o++] = (unsigned char)v;
    }
    return (long)o;
}

int main(void) {
    const char *texts[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar", "Many hands make light work."};
    char enc[128];
    unsigned char dec[128];
    for (int i = 0; i < 8; i++) {
        size_t n = strlen(texts[i]);
        encode((const unsigned char *)texts[i], n, enc);
        long m = decode(enc, dec);
        printf("'%s' -> '%s' -> %ld bytes, match %d\n", texts[i], enc, m, m == (long)n && memcmp(dec, texts[i], n) == 0);
    }
    unsigned char bin[32];
    for (int i = 0; i < 32; i++) bin[i] = (unsigned char)(i * 37 + 200);
    encode(bin, sizeof bin, enc);
    printf("binary: %s\n", enc);
    long m = decode(enc, dec);
    printf("binary round trip %d\n", m == 32 && memcmp(bin, dec, 32) == 0);
    printf("invalid input -> %ld, bad length -> %ld\n", decode("ab!d", dec), decode("abc", dec));
    return 0;
}
