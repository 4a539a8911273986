/* Left and right shifts on signed and unsigned operands of every width. */
#include <stdio.h>
#include <stdint.h>

int main(void) {
    unsigned u = 1;
    for (int i = 0; i < 32; i += 7) printf("1u << %d = %u\n", i, u << i);
    printf("0x80000000u >> 31 = %u\n", 0x80000000u >> 31);
    printf("0xdeadbeefu >> 4 = %x, << 4 = %x\n", 0xdeadbeefu >> 4, 0xdeadbeefu << 4);

    /* right shift of a negative int is arithmetic with gcc */
    int n = -16;
    printf("-16 >> 1 = %d, -16 >> 3 = %d, -1 >> 10 = %d\n", n >> 1, n >> 3, -1 >> 10);
    int m = -17;
    printf("-17 >> 2 = %d\n", m >> 2);

    unsigned long long one = 1;
    printf("1ull << 63 = %llu\n", one << 63);
    printf("(1ull << 63) >> 62 = %llu\n", (one << 63) >> 62);
    long long big = -1LL;
    printf("-1LL >> 40 = %lld\n", big >> 40);
    printf("0xff00ff00ff00ff00ull >> 8 = %llx\n", 0xff00ff00ff00ff00ull >> 8);

    /* the result type is the promoted left operand: shift count's type does not matter */
    unsigned char c = 0x81;
    printf("c << 1 = %d, c >> 1 = %d\n", c << 1, c >> 1);
    printf("sizeof(c << 1L) = %zu\n", sizeof(c << 1L));
    printf("1 << 30L = %d\n", 1 << 30L);

    /* shifts with variable counts */
    uint32_t x = 0x12345678;
    for (int s = 0; s < 32; s += 8) printf("byte %d = %02x\n", s / 8, (unsigned)((x >> s) & 0xff));

    /* rotate */
    uint32_t r = 0x80000001u;
    uint32_t rot = (r << 4) | (r >> 28);
    printf("rotl4 = %08x\n", rot);

    int64_t s64 = INT64_C(-1234567890123);
    printf("s64 >> 12 = %lld\n", (long long)(s64 >> 12));

    /* compound shift assignments */
    unsigned v = 0xF0F0;
    v <<= 8;
    v >>= 4;
    printf("v = %#x\n", v);
    return 0;
}
