/* abs, labs, llabs, div, ldiv, lldiv, and integer helpers built on them. */
#include <stdio.h>
#include <stdlib.h>
#include <limits.h>

static int digits_of(long v) {
    int n = 1;
    ldiv_t d = ldiv(labs(v), 10);
    while (d.quot) {
        n++;
        d = ldiv(d.quot, 10);
    }
    return n;
}

int main(void) {
    printf("abs: %d %d %d %d\n", abs(5), abs(-5), abs(0), abs(-INT_MAX));
    printf("labs: %ld %ld\n", labs(-1234567890123L), labs(LONG_MAX));
    printf("llabs: %lld\n", llabs(-9000000000000000000LL));

    int ns[] = {17, -17};
    int ds[] = {5, -5};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            div_t r = div(ns[i], ds[j]);
            printf("div(%d, %d) = %d rem %d\n", ns[i], ds[j], r.quot, r.rem);
        }
    lldiv_t big = lldiv(1000000000000LL, 7);
    printf("lldiv(10^12, 7) = %lld rem %lld\n", big.quot, big.rem);

    long vals[] = {0, 7, -42, 1000, -999999, 1234567890123L};
    for (int i = 0; i < 6; i++) printf("digits(%ld) = %d\n", vals[i], digits_of(vals[i]));

    /* distance and sign helpers */
    int pts[][2] = {{3, 9}, {9, 3}, {-4, 4}, {0, 0}};
    for (int i = 0; i < 4; i++) printf("|%d - %d| = %d\n", pts[i][0], pts[i][1], abs(pts[i][0] - pts[i][1]));

    /* convert seconds with div */
    div_t hm = div(7384, 3600);
    div_t ms = div(hm.rem, 60);
    printf("7384 s = %dh %02dm %02ds\n", hm.quot, ms.quot, ms.rem);
    return 0;
}
