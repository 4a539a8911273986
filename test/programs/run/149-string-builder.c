/* A heap string builder that grows with realloc, used to render a report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>

struct sb { char *s; size_t len, cap; };

static void sb_reserve(struct sb *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 16;
    while (cap < b->len + extra + 1) cap *= 2;
    b->s = realloc(b->s, cap);
    b->cap = cap;
}

static void sb_append(struct sb *b, const char *text) {
    size_t n = strlen(text);
    sb_reserve(b, n);
    memcpy(b->s + b->len, text, n + 1);
    b->len += n;
}

static void sb_printf(struct sb *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    sb_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

static void sb_repeat(struct sb *b, char c, int n) {
    sb_reserve(b, (size_t)n);
    memset(b->s + b->len, c, (size_t)n);
    b->len += (size_t)n;
    b->s[b->len] = '\0';
}

int main(void) {
    struct sb b = {NULL, 0, 0};
    sb_append(&b, "REPORT\n");
    sb_repeat(&b, '=', 30);
    sb_append(&b, "\n");
    const char *items[] = {"widgets", "gadgets", "doohickeys", "thingamajigs"};
    int qty[] = {12, 7, 140, 3};
    double price[] = {2.5, 19.99, 0.15, 120.0};
    double total = 0;
    for (int i = 0; i < 4; i++) {
        double line = qty[i] * price[i];
        total += line;
        sb_printf(&b, "%-14s %4d x %7.2f = %8.2f\n", items[i], qty[i], price[i], line);
    }
    sb_repeat(&b, '-', 30);
    sb_printf(&b, "\n%-14s %24.2f\n", "total", total);
    fputs(b.s, stdout);
    printf("length %zu capacity %zu\n", b.len, b.cap);
    free(b.s);
    return 0;
}
