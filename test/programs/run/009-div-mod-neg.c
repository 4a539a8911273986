/* C division truncates toward zero; the remainder takes the dividend's sign. */
#include <stdio.h>
#include <stdlib.h>

static int floor_div(int a, int b) {
    int q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}

static int euclid_mod(int a, int b) {
    int r = a % b;
    return r < 0 ? r + abs(b) : r;
}

int main(void) {
    int as[] = {7, -7, 7, -7, 0, 1, -1};
    int bs[] = {2, 2, -2, -2, 3, 5, 5};
    for (int i = 0; i < 7; i++) {
        int a = as[i], b = bs[i];
        printf("%3d / %2d = %3d   %3d %% %2d = %3d   floor %3d   mod %d   check %d\n",
               a, b, a / b, a, b, a % b, floor_div(a, b), euclid_mod(a, b),
               (a / b) * b + a % b == a);
    }
    long la = -100000000000L;
    printf("%ld / 7 = %ld, %% 7 = %ld\n", la, la / 7, la % 7);
    printf("%ld / -7 = %ld, %% -7 = %ld\n", la, la / -7, la % -7);

    /* unsigned division of a converted negative */
    unsigned ua = (unsigned)-7;
    printf("(unsigned)-7 / 2 = %u, %% 2 = %u\n", ua / 2, ua % 2);

    /* div() from stdlib */
    div_t d = div(-17, 5);
    printf("div(-17, 5) = {%d, %d}\n", d.quot, d.rem);
    ldiv_t ld = ldiv(17L, -5L);
    printf("ldiv(17, -5) = {%ld, %ld}\n", ld.quot, ld.rem);

    /* compound assignment versions */
    int x = -45;
    x /= 4;
    printf("-45 /= 4 -> %d\n", x);
    x = -45;
    x %= 4;
    printf("-45 %%= 4 -> %d\n", x);
    signed char sc = -128;
    sc /= 3;
    printf("(signed char)-128 / 3 = %d\n", sc);
    return 0;
}
