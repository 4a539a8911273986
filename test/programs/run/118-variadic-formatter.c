/* A small printf-like formatter written with va_list, writing into a buffer, checked against snprintf. */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>

struct out { char *buf; size_t len, cap; };

static void put(struct out *o, char c) {
    if (o->len + 1 < o->cap) o->buf[o->len] = c;
    o->len++;
}

static void put_str(struct out *o, const char *s) {
    while (*s) put(o, *s++);
}

static void put_unsigned(struct out *o, unsigned long v, unsigned base, int upper) {
    char tmp[32];
    int n = 0;
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
        tmp[n++] = digits[v % base];
        v /= base;
    } while (v);
    while (n) put(o, tmp[--n]);
}

static size_t my_format(char *buf, size_t cap, const char *fmt, ...) {
    struct out o = {buf, 0, cap};
    va_list ap;
    va_start(ap, fmt);
    for (const char *f = fmt; *f; f++) {
        if (*f != '%') {
            put(&o, *f);
            continue;
        }
        switch (*++f) {
        case 'd': {
            long v = va_arg(ap, int);
            if (v < 0) { put(&o, '-'); v = -v; }
            put_unsigned(&o, (unsigned long)v, 10, 0);
            break;
        }
        case 'u': put_unsigned(&o, va_arg(ap, unsigned), 10, 0); break;
        case 'x': put_unsigned(&o, va_arg(ap, unsigned), 16, 0); break;
        case 'X': put_unsigned(&o, va_arg(ap, unsigned), 16, 1); break;
        case 'o': put_unsigned(&o, va_arg(ap, unsigned), 8, 0); break;
        case 's': put_str(&o, va_arg(ap, const char *)); break;
        case 'c': put(&o, (char)va_arg(ap, int)); break;
        case '%': put(&o, '%'); break;
        default: put(&o, '?'); break;
        }
    }
    va_end(ap);
    if (cap) buf[o.len < cap ? o.len : cap - 1] = '\0';
    return o.len;
}

int main(void) {
    char mine[64], theirs[64];
    size_t n1 = my_format(mine, sizeof mine, "%d|%u|%x|%X|%o|%s|%c|%%", -1234, 4000000000u, 48879u, 48879u, 8u, "str", 'q');
    int n2 = snprintf(theirs, sizeof theirs, "%d|%u|%x|%X|%o|%s|%c|%%", -1234, 4000000000u, 48879u, 48879u, 8u, "str", 'q');
    printf("mine   %s (%zu)\ntheirs %s (%d)\nsame %d\n", mine, n1, theirs, n2, strcmp(mine, theirs) == 0);

    /* truncation: the return value is the full length */
    char small[8];
    size_t n3 = my_format(small, sizeof small, "value=%d!", 123456);
    int n4 = snprintf(theirs, sizeof small, "value=%d!", 123456);
    printf("truncated '%s' needed %zu, snprintf '%s' needed %d\n", small, n3, theirs, n4);

    int tests[] = {0, 7, -7, 2147483647, -2147483647 - 1};
    for (int i = 0; i < 5; i++) {
        my_format(mine, sizeof mine, "[%d]", tests[i]);
        snprintf(theirs, sizeof theirs, "[%d]", tests[i]);
        printf("%s %s\n", mine, strcmp(mine, theirs) == 0 ? "ok" : theirs);
    }
    return 0;
}
