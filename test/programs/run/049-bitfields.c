/* Bit-fields: packing, unsigned wrap-around within a field, signed fields, assignment. */
#include <stdio.h>

struct flags {
    unsigned int ready : 1;
    unsigned int mode : 3;
    unsigned int count : 4;
    signed int delta : 4;
};

struct date {
    unsigned day : 5;
    unsigned month : 4;
    unsigned year : 12;
};

int main(void) {
    struct flags f = {1, 5, 15, -8};
    printf("ready %u mode %u count %u delta %d size %zu\n", f.ready, f.mode, f.count, f.delta, sizeof f);

    f.count++; /* 15 + 1 wraps to 0 in a 4-bit unsigned field */
    f.mode += 4; /* 5 + 4 = 9 keeps the low 3 bits: 1 */
    f.ready = 2; /* only the low bit: 0 */
    printf("after: ready %u mode %u count %u\n", f.ready, f.mode, f.count);

    for (int d = -8; d <= 7; d += 3) {
        f.delta = d;
        printf("delta %d ", f.delta);
    }
    printf("\n");

    struct date dt = {31, 12, 2024};
    printf("%04u-%02u-%02u size %zu\n", dt.year, dt.month, dt.day, sizeof dt);
    dt.day = 1;
    dt.month = dt.month % 12 + 1;
    dt.year += 1;
    printf("%04u-%02u-%02u\n", dt.year, dt.month, dt.day);

    /* bit-fields promote to int in expressions */
    struct { unsigned v : 3; } s = {7};
    printf("s.v + 1 = %d, s.v - 8 = %d\n", s.v + 1, s.v - 8);

    /* counting with a bit-field */
    struct { unsigned n : 2; } c = {0};
    for (int i = 0; i < 10; i++) {
        printf("%u", c.n);
        c.n++;
    }
    printf("\n");

    /* fields are independent */
    struct flags g = {0};
    g.mode = 7;
    g.delta = -1;
    printf("g: ready %u mode %u count %u delta %d\n", g.ready, g.mode, g.count, g.delta);
    return 0;
}
