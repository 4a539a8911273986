/* Bitwise operators on several widths; counting bits and masks. */
#include <stdio.h>

static int popcount(unsigned long long v) {
    int n = 0;
    while (v) {
        v &= v - 1;
        n++;
    }
    return n;
}

static unsigned reverse_bits(unsigned v) {
    unsigned r = 0;
    for (int i = 0; i < 32; i++) {
        r = (r << 1) | (v & 1);
        v >>= 1;
    }
    return r;
}

int main(void) {
    unsigned a = 0xF0F0F0F0, b = 0x0FF00FF0;
    printf("a & b = %08x\n", a & b);
    printf("a | b = %08x\n", a | b);
    printf("a ^ b = %08x\n", a ^ b);
    printf("~a = %08x\n", ~a);
    printf("a & ~b = %08x\n", a & ~b);

    int n = -8;
    printf("-8 & 0xff = %d, -8 | 1 = %d, -8 ^ -1 = %d, ~-8 = %d\n", n & 0xff, n | 1, n ^ -1, ~n);

    unsigned char c = 0xA5;
    printf("~c = %d, (unsigned char)~c = %d, c ^ 0xff = %d\n", ~c, (unsigned char)~c, c ^ 0xff);

    unsigned long long vs[] = {0, 1, 0xff, 0xdeadbeef, 0xffffffffffffffffull, 0x8000000000000001ull};
    for (int i = 0; i < 6; i++) printf("popcount(%llx) = %d\n", vs[i], popcount(vs[i]));

    printf("reverse(1) = %08x, reverse(0x12345678) = %08x\n", reverse_bits(1), reverse_bits(0x12345678));

    /* lowest set bit, power-of-two test */
    for (unsigned v = 1; v <= 20; v += 3) {
        printf("%2u: lowbit %2u pow2 %d\n", v, v & -v, v && !(v & (v - 1)));
    }

    /* compound bit assignments */
    unsigned flags = 0;
    flags |= 1u << 3;
    flags |= 1u << 5;
    flags ^= 1u << 3;
    flags &= ~(1u << 7);
    printf("flags = %u\n", flags);
    short sh = 0x0f0f;
    sh &= 0x00ff;
    sh |= 0x0100;
    sh ^= 0x0003;
    printf("sh = %#x\n", sh);
    return 0;
}
