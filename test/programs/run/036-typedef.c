/* typedef for scalars, structs, pointers, arrays and function pointer types. */
#include <stdio.h>

typedef unsigned char byte;
typedef long long i64;
typedef struct point { int x, y; } point;
typedef point *point_ptr;
typedef int vec3[3];
typedef int (*binop)(int, int);
typedef const char *cstr;
typedef struct node node;
struct node { int value; node *next; };
typedef enum { SMALL, LARGE } size_class;

static int add(int a, int b) { return a + b; }
static int mul(int a, int b) { return a * b; }

static point make_point(int x, int y) {
    point p = {x, y};
    return p;
}

int main(void) {
    byte b = 250;
    b += 10;
    i64 big = 1;
    for (int i = 0; i < 40; i++) big *= 2;
    printf("byte %u, i64 %lld, sizeof(byte) %zu, sizeof(i64) %zu\n", b, big, sizeof(byte), sizeof(i64));

    point p = make_point(3, 4);
    point_ptr pp = &p;
    pp->x *= 10;
    printf("point %d %d\n", p.x, pp->y);

    vec3 v = {1, 2, 3};
    printf("vec3 sizeof %zu, sum %d\n", sizeof(vec3), v[0] + v[1] + v[2]);

    binop ops[] = {add, mul};
    for (int i = 0; i < 2; i++) printf("op%d(6, 7) = %d\n", i, ops[i](6, 7));

    cstr words[] = {"alpha", "beta"};
    printf("%s %s\n", words[0], words[1]);

    node n2 = {2, NULL};
    node n1 = {1, &n2};
    int sum = 0;
    for (node *n = &n1; n; n = n->next) sum += n->value;
    printf("list sum %d\n", sum);

    size_class sc = LARGE;
    printf("size class %d\n", sc);

    /* a typedef name can be shadowed by a variable in an inner scope */
    {
        int byte = 7;
        printf("shadowed byte %d\n", byte);
    }
    byte again = 1;
    printf("typedef still works %u\n", again);

    /* typedef of a typedef */
    typedef byte octet;
    octet o = (octet)0x1ff;
    printf("octet %u\n", o);
    return 0;
}
