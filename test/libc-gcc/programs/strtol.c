/* Number parsing: strtol family with end pointers and errno, atoi/atol/atof. */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>

static const char *inputs[] = {
    "0", "-1", "+42", "  \t\n 12abc", "0x1F", "0X", "0xg", "010", "08", "-0x8000000000000000",
    "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551615",
    "18446744073709551616", "-1", "zz", "  -", "", "1e5", "2147483648", "-2147483649", "0b11", "777"
};
static const int bases[] = { 0, 10, 16, 8, 2, 36, 1 };

int main(void) {
    unsigned i, b;
    for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        const char *s = inputs[i];
        printf("\"%s\":", s);
        for (b = 0; b < sizeof bases / sizeof bases[0]; b++) {
            char *end = 0;
            long v;
            unsigned long u;
            errno = 0;
            v = strtol(s, &end, bases[b]);
            printf(" %ld/%d/%d", v, end ? (int)(end - s) : -1, errno);
            errno = 0;
            end = 0;
            u = strtoul(s, &end, bases[b]);
            printf(" %lu/%d/%d", u, end ? (int)(end - s) : -1, errno);
        }
        errno = 0;
        printf(" | %lld %llu %d | %d %ld %lld %g\n", strtoll(s, 0, 0), strtoull(s, 0, 0), errno, atoi(s), atol(s),
               atoll(s), atof(s));
    }
    {
        const char *f[] = { "3.25", "-1e-3x", "inf", "nan", "0x1.8p1", ".5", "1e400", "  7.", "abc" };
        for (i = 0; i < sizeof f / sizeof f[0]; i++) {
            char *end;
            double d = strtod(f[i], &end);
            printf("%s -> %g (%d)\n", f[i], d, (int)(end - f[i]));
        }
    }
    printf("%d %ld %lld\n", abs(-5), labs(-6L), llabs(-7LL));
    {
        div_t q = div(-7, 2);
        ldiv_t r = ldiv(7000000000L, -3);
        printf("%d %d %ld %ld\n", q.quot, q.rem, r.quot, r.rem);
    }
    return 0;
}
