/* Struct assignment copies every member, arrays inside included; copies are independent. */
#include <stdio.h>
#include <string.h>

struct record {
    int id;
    char tag[8];
    double values[4];
    struct { short a, b; } inner;
};

static void show(const char *label, const struct record *r) {
    printf("%s: id=%d tag=%s values=%.1f,%.1f,%.1f,%.1f inner=%d,%d\n", label, r->id, r->tag,
           r->values[0], r->values[1], r->values[2], r->values[3], r->inner.a, r->inner.b);
}

int main(void) {
    struct record a = {1, "first", {1, 2, 3, 4}, {5, 6}};
    struct record b;
    b = a;
    b.id = 2;
    strcpy(b.tag, "second");
    b.values[0] = -1;
    b.inner.b = 60;
    show("a", &a);
    show("b", &b);

    /* chained assignment */
    struct record c, d;
    c = d = b;
    d.values[3] = 40;
    show("c", &c);
    show("d", &d);

    /* assigning through pointers and array elements */
    struct record arr[3];
    arr[0] = a;
    arr[1] = arr[0];
    arr[2] = *&b;
    struct record *p = &arr[1];
    *p = arr[2];
    p->id = 22;
    for (int i = 0; i < 3; i++) printf("arr[%d] id %d tag %s\n", i, arr[i].id, arr[i].tag);

    /* a struct holding an array can copy an array by value */
    struct buf { int v[5]; } x = {{1, 2, 3, 4, 5}}, y;
    y = x;
    y.v[2] = 30;
    printf("x.v[2] %d y.v[2] %d\n", x.v[2], y.v[2]);

    /* self-assignment is harmless */
    a = a;
    show("a again", &a);
    printf("memcmp a/arr[0] equal: %d\n", memcmp(&a.values, &arr[0].values, sizeof a.values) == 0);
    return 0;
}
