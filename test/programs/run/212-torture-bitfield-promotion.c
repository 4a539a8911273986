/* Bit-field corner cases: narrow unsigned fields promote to int, compound assignment wraps in the field. */
#include <stdio.h>

struct bits {
    unsigned u3 : 3;
    unsigned u31 : 31;
    unsigned u32 : 32;
    int s5 : 5;
    unsigned long long u40 : 40;
};

int main(void) {
    struct bits b = {0, 0, 0, 0, 0};
    b.u3 = 2;
    /* an unsigned bit-field narrower than int promotes to int, so u3 - 5 is negative */
    printf("b.u3 - 5 < 0: %d\n", b.u3 - 5 < 0);
    printf("b.u31 - 1 < 0: %d\n", b.u31 - 1 < 0);
    /* a 32-bit unsigned field stays unsigned */
    printf("b.u32 - 1 < 0: %d, value %u\n", b.u32 - 1 < 0, b.u32 - 1);

    b.u3 += 7; /* 9 does not fit in 3 bits: 1 */
    printf("u3 after += 7: %u\n", b.u3);
    b.u3 *= 5; /* 5 */
    printf("u3 after *= 5: %u\n", b.u3);
    b.u3 <<= 1; /* 10 -> 2 */
    printf("u3 after <<= 1: %u\n", b.u3);

    b.s5 = 15;
    b.s5 += 1; /* 16 does not fit in a signed 5-bit field: gcc wraps to -16 */
    printf("s5 after 15 + 1: %d\n", b.s5);
    b.s5 = -16;
    b.s5 -= 1;
    printf("s5 after -16 - 1: %d\n", b.s5);

    b.u40 = 0xFFFFFFFFFFull;
    b.u40++;
    printf("u40 after max + 1: %llu\n", (unsigned long long)b.u40);
    b.u40 = 1ull << 39;
    printf("u40 bit 39: %llu\n", (unsigned long long)b.u40);

    b.u31 = 0x7FFFFFFF;
    printf("u31 max %u, + 1 in int arithmetic? %ld\n", b.u31, (long)b.u31 + 1);
    b.u31 = b.u31 + 1u; /* computed in unsigned int (u31 + 1 in int would overflow), then truncated */
    printf("u31 after + 1u: %u\n", b.u31);

    /* bit-fields in conditions and as array indices */
    int table[8] = {0, 10, 20, 30, 40, 50, 60, 70};
    b.u3 = 6;
    printf("table[b.u3] %d, b.u3 ? yes : no = %s\n", table[b.u3], b.u3 ? "yes" : "no");
    printf("sizeof(struct bits) %zu\n", sizeof(struct bits));
    return 0;
}
