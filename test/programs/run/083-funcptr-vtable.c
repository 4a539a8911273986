/* Structs of function pointers as a poor man's virtual dispatch: shapes with area and name. */
#include <stdio.h>

struct shape;
struct shape_ops {
    double (*area)(const struct shape *);
    double (*perimeter)(const struct shape *);
    const char *(*name)(void);
};
struct shape {
    const struct shape_ops *ops;
    double a, b;
};

static double rect_area(const struct shape *s) { return s->a * s->b; }
static double rect_perim(const struct shape *s) { return 2 * (s->a + s->b); }
static const char *rect_name(void) { return "rectangle"; }
static double circ_area(const struct shape *s) { return 3.14159265358979 * s->a * s->a; }
static double circ_perim(const struct shape *s) { return 2 * 3.14159265358979 * s->a; }
static const char *circ_name(void) { return "circle"; }
static double tri_area(const struct shape *s) { return 0.5 * s->a * s->b; }
static const char *tri_name(void) { return "right triangle"; }
static double tri_perim(const struct shape *s) {
    double h2 = s->a * s->a + s->b * s->b, h = h2;
    for (int i = 0; i < 30; i++) h = 0.5 * (h + h2 / h);
    return s->a + s->b + h;
}

static const struct shape_ops rect_ops = {rect_area, rect_perim, rect_name};
static const struct shape_ops circ_ops = {.name = circ_name, .area = circ_area, .perimeter = circ_perim};
static const struct shape_ops tri_ops = {tri_area, tri_perim, tri_name};

int main(void) {
    struct shape shapes[] = {
        {&rect_ops, 3, 4}, {&circ_ops, 1, 0}, {&tri_ops, 3, 4}, {&rect_ops, 0.5, 10}, {&circ_ops, 2.5, 0},
    };
    double total = 0;
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        const struct shape *s = &shapes[i];
        double ar = s->ops->area(s);
        total += ar;
        printf("%-15s area %8.3f perimeter %8.3f\n", s->ops->name(), ar, (*s->ops->perimeter)(s));
    }
    printf("total area %.3f\n", total);

    /* swapping behaviour by swapping the ops pointer */
    shapes[0].ops = &tri_ops;
    printf("%s area now %.1f\n", shapes[0].ops->name(), shapes[0].ops->area(&shapes[0]));
    return 0;
}
