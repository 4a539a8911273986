/* Struct assignment corners: through pointers, from conditionals, in unions, arrays of structs in structs. */
#include <stdio.h>

struct s { int a; char b[3]; double c; };
struct holder { struct s items[3]; int n; };
union u { struct s st; long raw[3]; };

static struct s make(int a, double c) {
    struct s r = {a, "xy", c};
    return r;
}

static void copy_via(struct s *dst, const struct s *src) { *dst = *src; }

int main(void) {
    struct s x = make(1, 1.5), y = make(2, 2.5);
    struct s z = x.a > y.a ? x : y;
    printf("z from ?: %d %.1f\n", z.a, z.c);
    copy_via(&z, &z); /* self-copy through pointers */
    printf("self copy %d %s %.1f\n", z.a, z.b, z.c);

    struct holder h = {{{1, "a", 0.1}, {2, "b", 0.2}}, 2};
    h.items[2] = h.items[0];
    h.items[2].a = 3;
    struct holder h2 = h;
    h2.items[1].b[0] = 'B';
    printf("h: %d %s %d %s %d %s n %d\n", h.items[0].a, h.items[0].b, h.items[1].a, h.items[1].b, h.items[2].a,
           h.items[2].b, h.n);
    printf("h2.items[1].b %s\n", h2.items[1].b);

    union u un;
    un.st = make(7, 7.25);
    union u un2 = un;
    printf("union copy %d %.2f\n", un2.st.a, un2.st.c);

    /* assignment expression value is the struct */
    struct s w;
    double c = (w = y).c;
    printf("(w = y).c = %.1f, w.a %d\n", c, w.a);

    /* swap structs through a temporary */
    struct s tmp = x;
    x = y;
    y = tmp;
    printf("swapped x.a %d y.a %d\n", x.a, y.a);

    /* array of structs rotated by whole-struct assignments */
    struct s arr[4] = {make(10, 0), make(20, 0), make(30, 0), make(40, 0)};
    struct s first = arr[0];
    for (int i = 0; i < 3; i++) arr[i] = arr[i + 1];
    arr[3] = first;
    for (int i = 0; i < 4; i++) printf("%d ", arr[i].a);
    printf("\n");
    return 0;
}
