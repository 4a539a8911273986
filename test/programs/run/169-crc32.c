/* CRC-32 (IEEE 802.3) computed bit by bit and with a table, plus Adler-32. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

static uint32_t table[256];

static void make_table(void) {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
}

static uint32_t crc32_table(const unsigned char *p, size_t n) {
    uint32_t c = 0xFFFFFFFFu;
    while (n--) c = table[(c ^ *p++) & 0xff] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

static uint32_t crc32_bitwise(const unsigned char *p, size_t n) {
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
    }
    return ~c;
}

static uint32_t adler32(const unsigned char *p, size_t n) {
    uint32_t a = 1, b = 0;
    for (size_t i = 0; i < n; i++) {
        a = (a + p[i]) % 65521;
        b = (b + a) % 65521;
    }
    return b << 16 | a;
}

int main(void) {
    make_table();
    printf("table[1] %08x table[255] %08x\n", table[1], table[255]);
    const char *inputs[] = {"", "a", "abc", "123456789", "The quick brown fox jumps over the lazy dog"};
    for (int i = 0; i < 5; i++) {
        const unsigned char *p = (const unsigned char *)inputs[i];
        size_t n = strlen(inputs[i]);
        printf("%-45s crc %08x bitwise %08x adler %08x\n", inputs[i], crc32_table(p, n), crc32_bitwise(p, n),
               adler32(p, n));
    }
    unsigned char block[1024];
    for (int i = 0; i < 1024; i++) block[i] = (unsigned char)(i * 31 + 7);
    printf("block crc %08x adler %08x\n", crc32_table(block, sizeof block), adler32(block, sizeof block));
    return 0;
}
