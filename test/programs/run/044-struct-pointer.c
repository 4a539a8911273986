/* Pointers to structs: ->, (*p).f, pointer arithmetic over struct arrays, struct of pointers. */
#include <stdio.h>

struct point { int x, y; };
struct segment { struct point *a, *b; };

static void translate(struct point *p, int dx, int dy) {
    p->x += dx;
    (*p).y += dy;
}

static int manhattan(const struct segment *s) {
    int dx = s->a->x - s->b->x, dy = s->a->y - s->b->y;
    return (dx < 0 ? -dx : dx) + (dy < 0 ? -dy : dy);
}

int main(void) {
    struct point pts[5] = {{0, 0}, {1, 2}, {3, 5}, {-2, 4}, {6, -1}};
    struct point *p = pts;
    struct point *end = pts + 5;
    for (; p < end; p++) translate(p, 10, 20);
    for (int i = 0; i < 5; i++) printf("(%d,%d) ", pts[i].x, pts[i].y);
    printf("\n");

    p = &pts[2];
    printf("p[-1].x %d, (p+1)->y %d, (*p).x %d, p - pts %td\n", p[-1].x, (p + 1)->y, (*p).x, p - pts);

    struct segment seg = {&pts[0], &pts[4]};
    printf("manhattan %d\n", manhattan(&seg));
    seg.b->x = 0;
    printf("after edit %d, pts[4].x %d\n", manhattan(&seg), pts[4].x);

    /* pointer to pointer to struct */
    struct point *table[3] = {&pts[1], &pts[3], NULL};
    struct point **pp = table;
    while (*pp) {
        (*pp)->x = -(*pp)->x;
        pp++;
    }
    printf("flipped %d %d\n", pts[1].x, pts[3].x);

    /* address of members */
    int *px = &pts[0].x;
    int *py = &pts[0].y;
    *px = 99;
    printf("member pointers %d %d, adjacent %d\n", pts[0].x, *py, (char *)py - (char *)px == sizeof(int));

    /* find the point with max y through pointers */
    const struct point *best = pts;
    for (const struct point *q = pts + 1; q != pts + 5; ++q)
        if (q->y > best->y) best = q;
    printf("max y at index %td: (%d,%d)\n", best - pts, best->x, best->y);
    return 0;
}
