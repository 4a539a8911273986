/* Nested structs: struct members of struct type, nested initializers, chained access. */
#include <stdio.h>

struct vec { double x, y; };
struct rect { struct vec min, max; };
struct shape {
    const char *name;
    struct rect box;
    struct { int r, g, b; } color;
    int tags[3];
};

static double area(struct rect r) { return (r.max.x - r.min.x) * (r.max.y - r.min.y); }

static int contains(const struct rect *r, struct vec p) {
    return p.x >= r->min.x && p.x <= r->max.x && p.y >= r->min.y && p.y <= r->max.y;
}

int main(void) {
    struct shape s = {"box", {{0, 0}, {4, 2.5}}, {255, 128, 0}, {1, 2, 3}};
    struct shape t = {.name = "tall", .box = {.min = {.x = -1}, .max = {1, 10}}, .color.g = 9, .tags[2] = 7};
    printf("%s area %.2f color %d,%d,%d tags %d %d %d\n", s.name, area(s.box), s.color.r, s.color.g,
           s.color.b, s.tags[0], s.tags[1], s.tags[2]);
    printf("%s area %.2f min (%.1f,%.1f) color %d,%d,%d tags %d %d %d\n", t.name, area(t.box), t.box.min.x,
           t.box.min.y, t.color.r, t.color.g, t.color.b, t.tags[0], t.tags[1], t.tags[2]);

    struct vec pts[] = {{1, 1}, {5, 1}, {0, 2.5}, {-0.5, 0}};
    for (int i = 0; i < 4; i++) printf("(%.1f,%.1f) in box: %d\n", pts[i].x, pts[i].y, contains(&s.box, pts[i]));

    /* modify through nested pointers */
    struct rect *rp = &t.box;
    struct vec *vp = &rp->max;
    vp->y /= 2;
    rp->min.y = 1;
    printf("t area now %.2f\n", area(t.box));

    /* copy of an inner struct */
    struct vec corner = s.box.max;
    corner.x = 100;
    printf("corner %.1f, original %.1f\n", corner.x, s.box.max.x);
    printf("sizeof vec %zu rect %zu shape %zu\n", sizeof(struct vec), sizeof(struct rect), sizeof(struct shape));
    return 0;
}
