/* Anonymous struct and union members (C11): their fields are accessed directly. */
#include <stdio.h>
#include <stddef.h>

struct vec3 {
    union {
        struct { float x, y, z; };
        float v[3];
    };
};

struct value {
    int kind;
    union {
        long i;
        double d;
        const char *s;
    };
};

struct packet {
    unsigned short len;
    struct {
        unsigned char type;
        unsigned char flags;
    };
    union {
        unsigned int word;
        unsigned char raw[4];
    };
};

static void print_value(const struct value *v) {
    switch (v->kind) {
    case 0: printf("int %ld\n", v->i); break;
    case 1: printf("double %.3f\n", v->d); break;
    default: printf("string %s\n", v->s); break;
    }
}

int main(void) {
    struct vec3 a = {{{1, 2, 3}}};
    a.y = 20;
    a.v[2] *= 10;
    printf("x %.1f y %.1f z %.1f, via v: %.1f %.1f %.1f\n", a.x, a.y, a.z, a.v[0], a.v[1], a.v[2]);
    printf("sizeof vec3 %zu\n", sizeof(struct vec3));

    struct value vals[3];
    vals[0].kind = 0; vals[0].i = -42;
    vals[1].kind = 1; vals[1].d = 2.718;
    vals[2].kind = 2; vals[2].s = "hello";
    for (int i = 0; i < 3; i++) print_value(&vals[i]);
    printf("sizeof value %zu, offsetof i %zu, d %zu, s %zu\n", sizeof(struct value),
           offsetof(struct value, i), offsetof(struct value, d), offsetof(struct value, s));

    struct packet p = {0};
    p.len = 4;
    p.type = 7;
    p.flags = 0x80;
    p.word = 0xAABBCCDD;
    printf("packet len %u type %u flags %#x raw %x %x %x %x\n", p.len, p.type, p.flags, p.raw[0], p.raw[1],
           p.raw[2], p.raw[3]);
    printf("offsets: type %zu flags %zu word %zu, size %zu\n", offsetof(struct packet, type),
           offsetof(struct packet, flags), offsetof(struct packet, word), sizeof p);
    return 0;
}
