/* Inspecting objects through unsigned char pointers: endianness, memcpy-based type punning. */
#include <stdio.h>
#include <string.h>
#include <stdint.h>

static void show_bytes(const char *label, const void *p, size_t n) {
    const unsigned char *b = p;
    printf("%-10s", label);
    for (size_t i = 0; i < n; i++) printf(" %02x", b[i]);
    printf("\n");
}

static uint32_t load_le32(const unsigned char *b) {
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static uint32_t load_be32(const unsigned char *b) {
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | (uint32_t)b[3];
}

int main(void) {
    int i = 0x11223344;
    short s = -2;
    long long ll = 0x0102030405060708LL;
    float f = 1.5f;
    double d = -1.0;
    show_bytes("int", &i, sizeof i);
    show_bytes("short", &s, sizeof s);
    show_bytes("long long", &ll, sizeof ll);
    show_bytes("float", &f, sizeof f);
    show_bytes("double", &d, sizeof d);
    show_bytes("string", "AZ\n", 4);

    unsigned char raw[] = {0x78, 0x56, 0x34, 0x12};
    printf("le %08x be %08x\n", load_le32(raw), load_be32(raw));

    uint32_t u;
    memcpy(&u, &f, sizeof u);
    printf("float bits %08x\n", u);
    u ^= 0x80000000u;
    memcpy(&f, &u, sizeof f);
    printf("sign flipped %.2f\n", f);

    /* modifying single bytes of an int */
    unsigned char *bp = (unsigned char *)&i;
    bp[0] = 0xff;
    printf("i now %#x\n", i);

    /* the members of a struct sit at their offsets (padding bytes are not inspected) */
    struct { char c; int n; } st;
    memset(&st, 0xAA, sizeof st);
    st.c = 1;
    st.n = 0x01020304;
    show_bytes("struct.c", &st.c, 1);
    show_bytes("struct.n", (const unsigned char *)&st + 4, 4);
    return 0;
}
