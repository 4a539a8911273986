/* Bit manipulation tricks: Gray code, parity, next power of two, bit reversal tables, trailing zeros. */
#include <stdio.h>
#include <stdint.h>

static uint32_t gray(uint32_t n) { return n ^ (n >> 1); }
static uint32_t gray_inverse(uint32_t g) {
    for (uint32_t s = 1; s < 32; s <<= 1) g ^= g >> s;
    return g;
}
static int parity(uint64_t v) {
    v ^= v >> 32; v ^= v >> 16; v ^= v >> 8; v ^= v >> 4; v ^= v >> 2; v ^= v >> 1;
    return (int)(v & 1);
}
static uint32_t next_pow2(uint32_t v) {
    v--;
    v |= v >> 1; v |= v >> 2; v |= v >> 4; v |= v >> 8; v |= v >> 16;
    return v + 1;
}
static int ctz(uint32_t v) {
    if (!v) return 32;
    int n = 0;
    while (!(v & 1)) v >>= 1, n++;
    return n;
}
static int clz(uint32_t v) {
    int n = 0;
    for (uint32_t m = 0x80000000u; m && !(v & m); m >>= 1) n++;
    return n;
}
static uint8_t rev8(uint8_t b) {
    b = (uint8_t)((b & 0xF0) >> 4 | (b & 0x0F) << 4);
    b = (uint8_t)((b & 0xCC) >> 2 | (b & 0x33) << 2);
    b = (uint8_t)((b & 0xAA) >> 1 | (b & 0x55) << 1);
    return b;
}

int main(void) {
    printf("gray:");
    for (uint32_t i = 0; i < 16; i++) printf(" %u", gray(i));
    printf("\ninverse ok:");
    int ok = 1;
    for (uint32_t i = 0; i < 1000; i++) ok &= gray_inverse(gray(i)) == i;
    printf(" %d\n", ok);
    uint64_t ps[] = {0, 1, 3, 0x8000000000000000ull, 0xffffffffffffffffull, 0x123456789ull};
    for (int i = 0; i < 6; i++) printf("parity(%llx) = %d\n", (unsigned long long)ps[i], parity(ps[i]));
    uint32_t vs[] = {1, 2, 3, 5, 17, 1000, 65536, 2147483649u};
    for (int i = 0; i < 8; i++)
        printf("v %10u next_pow2 %10u ctz %2d clz %2d\n", vs[i], next_pow2(vs[i]), ctz(vs[i]), clz(vs[i]));
    printf("rev8: %02x %02x %02x %02x\n", rev8(0x01), rev8(0x80), rev8(0xF0), rev8(0xA5));
    /* swap without a temporary, sign of int, absolute value without branches */
    int a = 12, b = -7;
    a ^= b; b ^= a; a ^= b;
    int mask = b >> 31;
    printf("swapped a %d b %d, |a| %d, sign(a) %d\n", a, b, (a ^ (a >> 31)) - (a >> 31), (a > 0) - (a < 0));
    printf("mask of b %d, min(a,b) %d\n", mask, b ^ ((a ^ b) & -(a < b)));
    return 0;
}
