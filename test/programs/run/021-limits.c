/* The macros of <limits.h>, and arithmetic right at the edges without overflow. */
#include <stdio.h>
#include <limits.h>

int main(void) {
    printf("CHAR_BIT %d\n", CHAR_BIT);
    printf("SCHAR %d..%d, UCHAR_MAX %d, CHAR %d..%d\n", SCHAR_MIN, SCHAR_MAX, UCHAR_MAX, CHAR_MIN, CHAR_MAX);
    printf("SHRT %d..%d, USHRT_MAX %d\n", SHRT_MIN, SHRT_MAX, USHRT_MAX);
    printf("INT %d..%d, UINT_MAX %u\n", INT_MIN, INT_MAX, UINT_MAX);
    printf("LONG %ld..%ld, ULONG_MAX %lu\n", LONG_MIN, LONG_MAX, ULONG_MAX);
    printf("LLONG %lld..%lld, ULLONG_MAX %llu\n", LLONG_MIN, LLONG_MAX, ULLONG_MAX);

    /* edges reached without overflowing */
    int imax = INT_MAX;
    int imin = INT_MIN;
    printf("INT_MAX - 1 = %d, INT_MIN + 1 = %d\n", imax - 1, imin + 1);
    printf("INT_MIN / -2 = %d, INT_MIN %% 3 = %d\n", imin / -2, imin % 3);
    printf("-(INT_MIN + 1) = %d\n", -(imin + 1));
    printf("(unsigned)INT_MIN = %u\n", (unsigned)imin);
    printf("(long)INT_MIN * 2 = %ld\n", (long)imin * 2);
    printf("INT_MAX + 1u = %u\n", imax + 1u);
    printf("(unsigned)INT_MAX * 2 + 1 = %u\n", (unsigned)imax * 2 + 1);
    printf("LLONG_MIN + LLONG_MAX = %lld\n", LLONG_MIN + LLONG_MAX);
    printf("(unsigned long long)LLONG_MIN = %llu\n", (unsigned long long)LLONG_MIN);

    /* types of the macros */
    printf("sizeof INT_MAX %zu, sizeof LONG_MAX %zu, sizeof UINT_MAX %zu, sizeof CHAR_MAX %zu\n",
           sizeof INT_MAX, sizeof LONG_MAX, sizeof UINT_MAX, sizeof CHAR_MAX);

    /* checks used to guard arithmetic */
    int xs[] = {INT_MAX, 1000, -5, INT_MIN};
    for (int i = 0; i < 4; i++) {
        int x = xs[i];
        int can_add = x <= INT_MAX - 1000;
        int can_neg = x != INT_MIN;
        printf("%d: +1000 %s, negate %s\n", x, can_add ? "ok" : "overflows", can_neg ? "ok" : "overflows");
    }
    return 0;
}
