/* The # (stringify) and ## (token paste) operators, and the two-level expansion trick. */
#include <stdio.h>

#define STR(x) #x
#define XSTR(x) STR(x)
#define CAT(a, b) a##b
#define XCAT(a, b) CAT(a, b)
#define VERSION_MAJOR 2
#define VERSION_MINOR 7
#define VERSION XSTR(VERSION_MAJOR) "." XSTR(VERSION_MINOR)
#define FIELD(n) int field_##n
#define GETTER(name) static int get_##name(void) { return name; }
#define SHOW(var) printf(#var " = %d\n", var)

static int alpha = 10, beta = 20;
GETTER(alpha)
GETTER(beta)

struct rec {
    FIELD(1);
    FIELD(2);
    FIELD(x);
};

int main(void) {
    printf("%s\n", STR(hello world));
    printf("%s\n", STR(  spaces   are   collapsed  ));
    printf("%s\n", STR("quoted" and 'c'));
    printf("%s\n", STR(a + b * (c - d)));
    printf("STR(VERSION_MAJOR) = %s, XSTR(VERSION_MAJOR) = %s\n", STR(VERSION_MAJOR), XSTR(VERSION_MAJOR));
    printf("version %s\n", VERSION);

    int xy = 5, CAT(x, y2) = 6;
    printf("CAT(x, y) = %d, xy2 = %d\n", CAT(x, y), xy2);
    printf("CAT(12, 34) = %d\n", CAT(12, 34));
    printf("XCAT(VERSION_, MAJOR) = %d\n", XCAT(VERSION_, MAJOR));
    printf("CAT(0x, ff) = %d\n", CAT(0x, ff));

    struct rec r = {1, 2, 3};
    printf("fields %d %d %d\n", r.field_1, r.field_2, r.field_x);
    printf("getters %d %d\n", get_alpha(), get_beta());
    SHOW(alpha + beta);
    SHOW(r.field_2 * 100);
    return 0;
}
