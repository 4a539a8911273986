/* Unions: overlapping members, size and alignment, reading the bytes of other types. */
#include <stdio.h>
#include <stdint.h>

union number {
    int i;
    float f;
    unsigned char bytes[4];
};

union wide {
    char c;
    double d;
    int arr[3];
};

union bits64 {
    double d;
    uint64_t u;
    uint32_t half[2];
};

int main(void) {
    printf("sizeof number %zu, wide %zu, bits64 %zu\n", sizeof(union number), sizeof(union wide), sizeof(union bits64));

    union number n;
    n.i = 0x01020304;
    printf("bytes (little-endian): %u %u %u %u\n", n.bytes[0], n.bytes[1], n.bytes[2], n.bytes[3]);
    n.f = 1.0f;
    printf("1.0f as int %#x\n", n.i);
    n.f = -2.5f;
    printf("-2.5f as int %#x\n", (unsigned)n.i);

    union bits64 b;
    b.d = 1.0;
    printf("1.0 = %016llx\n", (unsigned long long)b.u);
    b.d = -0.0;
    printf("-0.0 = %016llx\n", (unsigned long long)b.u);
    b.u = 0x400921fb54442d18ull;
    printf("bits 400921fb54442d18 = %.15f\n", b.d);
    printf("halves lo %08x hi %08x\n", b.half[0], b.half[1]);

    /* exponent extraction */
    double vals[] = {1.0, 2.0, 0.5, 1024.0, 3.0};
    for (int i = 0; i < 5; i++) {
        b.d = vals[i];
        int exp = (int)((b.u >> 52) & 0x7ff) - 1023;
        printf("%g: exponent %d\n", vals[i], exp);
    }

    /* initializing a union sets its first member, or a designated one */
    union number z = {7};
    union number y = {.f = 0.5f};
    printf("z.i %d, y.f %.2f\n", z.i, y.f);

    union wide w;
    w.arr[0] = 0;
    w.c = 'Q';
    printf("w.c %c, low byte of arr[0] %d\n", w.c, w.arr[0] & 0xff);
    return 0;
}
