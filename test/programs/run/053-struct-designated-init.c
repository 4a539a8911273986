/* Designated initializers for structs: out of order, nested, mixed with positional, zero-fill. */
#include <stdio.h>

struct config {
    const char *name;
    int width, height;
    double scale;
    struct { int r, g, b; } bg;
    int flags[4];
    char mode;
};

static void show(const struct config *c) {
    printf("%s %dx%d scale %.2f bg %d,%d,%d flags %d %d %d %d mode %d\n", c->name ? c->name : "(null)",
           c->width, c->height, c->scale, c->bg.r, c->bg.g, c->bg.b, c->flags[0], c->flags[1], c->flags[2],
           c->flags[3], c->mode);
}

int main(void) {
    struct config a = {.height = 480, .width = 640, .name = "a"};
    struct config b = {"b", 1, 2, 3.5, {4, 5, 6}, {7, 8, 9, 10}, 'x'};
    struct config c = {.bg.g = 200, .flags[2] = 1, .scale = 0.5};
    struct config d = {.name = "d", 10, 20, .bg = {.b = 3}, .flags = {[3] = 4, [0] = 1}};
    struct config e = {.width = 1, .width = 2}; /* the last designator wins */
    struct config f = {.flags = {1, 2}, .mode = 'm', .name = "f", .height = 9, 8};
    show(&a);
    show(&b);
    show(&c);
    show(&d);
    show(&e);
    show(&f);

    /* arrays of structs with designators on both levels */
    struct pt { int x, y; } pts[4] = {[2] = {.y = 5}, [0].x = 1, [3] = {7, 8}};
    for (int i = 0; i < 4; i++) printf("(%d,%d) ", pts[i].x, pts[i].y);
    printf("\n");

    /* static storage zero-fills as well */
    static struct config s = {.name = "static"};
    show(&s);

    /* designated initializer with non-constant values in automatic storage */
    int w = 3, h = w * 2;
    struct config g = {.width = w, .height = h, .scale = w / 2.0, .name = "g"};
    show(&g);
    return 0;
}
