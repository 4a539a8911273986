/* Bit-field layout as gcc does it: sizes, zero-width fields, unnamed padding, byte view. */
#include <stdio.h>
#include <string.h>

struct a { unsigned x : 1; };
struct b { unsigned x : 31; unsigned y : 2; };
struct c { unsigned char x : 3; unsigned char y : 6; };
struct d { unsigned x : 4; unsigned : 0; unsigned y : 4; };
struct e { char tag; unsigned x : 4; };
struct f { unsigned x : 5; unsigned : 3; unsigned y : 8; };
struct g { unsigned long long big : 40; unsigned small : 8; };
struct h { short s : 9; char c; };

static void dump(const char *name, const void *p, size_t n) {
    const unsigned char *b = p;
    printf("%s:", name);
    for (size_t i = 0; i < n; i++) printf(" %02x", b[i]);
    printf("\n");
}

int main(void) {
    printf("a %zu b %zu c %zu d %zu e %zu f %zu g %zu h %zu\n", sizeof(struct a), sizeof(struct b),
           sizeof(struct c), sizeof(struct d), sizeof(struct e), sizeof(struct f), sizeof(struct g),
           sizeof(struct h));

    struct b vb;
    memset(&vb, 0, sizeof vb);
    vb.x = 0x7fffffff;
    vb.y = 2;
    dump("b", &vb, sizeof vb);

    struct c vc;
    memset(&vc, 0, sizeof vc);
    vc.x = 5;
    vc.y = 33;
    dump("c", &vc, sizeof vc);

    struct d vd;
    memset(&vd, 0, sizeof vd);
    vd.x = 0xf;
    vd.y = 0xa;
    dump("d", &vd, sizeof vd);

    struct f vf;
    memset(&vf, 0, sizeof vf);
    vf.x = 31;
    vf.y = 0x81;
    dump("f", &vf, sizeof vf);

    struct g vg;
    memset(&vg, 0, sizeof vg);
    vg.big = 0x123456789aull;
    vg.small = 0xee;
    dump("g", &vg, sizeof vg);
    printf("g.big %llx small %x\n", (unsigned long long)vg.big, vg.small);

    struct e ve;
    memset(&ve, 0, sizeof ve);
    ve.tag = 'T';
    ve.x = 9;
    dump("e", &ve, sizeof ve);
    return 0;
}
