/* va_arg of int, long, long long, double, char * and pointers, steered by a format string. */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>

/* i=int l=long L=long long d=double s=string c=char(int) p=int pointer */
static void describe(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    for (const char *f = fmt; *f; f++) {
        switch (*f) {
        case 'i': printf("int:%d ", va_arg(ap, int)); break;
        case 'l': printf("long:%ld ", va_arg(ap, long)); break;
        case 'L': printf("llong:%lld ", va_arg(ap, long long)); break;
        case 'u': printf("unsigned:%u ", va_arg(ap, unsigned)); break;
        case 'd': printf("double:%.3f ", va_arg(ap, double)); break;
        case 's': printf("str:%s ", va_arg(ap, char *)); break;
        case 'c': printf("char:%c ", (char)va_arg(ap, int)); break;
        case 'p': {
            int *p = va_arg(ap, int *);
            printf("ptr->%d ", *p);
            *p += 1;
            break;
        }
        }
    }
    va_end(ap);
    printf("\n");
}

static size_t total_length(const char *first, ...) {
    va_list ap;
    va_start(ap, first);
    size_t n = 0;
    for (const char *s = first; s != NULL; s = va_arg(ap, const char *)) n += strlen(s);
    va_end(ap);
    return n;
}

/* a function that forwards its va_list to a helper */
static double vsum(int n, va_list ap) {
    double s = 0;
    while (n--) s += va_arg(ap, double);
    return s;
}
static double sum_doubles(int n, ...) {
    va_list ap;
    va_start(ap, n);
    double s = vsum(n, ap);
    va_end(ap);
    return s;
}

int main(void) {
    int counter = 10;
    describe("ilds", 7, 123456789012L, 2.5, "hello");
    describe("Lcui", 9000000000000000000LL, 'Z', 4000000000u, -1);
    describe("pdpp", &counter, -0.125, &counter, &counter);
    printf("counter %d\n", counter);
    describe("dddddddddd", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
    describe("iiiiiiiiii", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    describe("ididisid", 1, 1.5, 2, 2.5, 3, "mixed", 4, 4.5);
    printf("total_length %zu\n", total_length("ab", "cde", "", "fghi", (char *)NULL));
    printf("sum_doubles %.2f\n", sum_doubles(5, 0.5, 1.5, 2.5, 3.5, 4.5));
    return 0;
}
