/* Structs: member offsets, bit-fields (read-modify-write), copies, and a struct return (sret). */
struct flags { unsigned ready : 1; int level : 5; unsigned code : 10; };
struct pair { double a; long b; struct flags f; };

struct pair bump(struct pair p, int k) {
    p.f.level += k;
    p.f.ready = 1;
    p.b = p.f.code;
    return p;
}
