/* Calls: a variadic function reading its area with va_arg, and an indirect call through a
 * function pointer (a table index). */
#include <stdarg.h>
long total(int n, ...) {
    va_list ap;
    va_start(ap, n);
    long t = 0;
    for (int i = 0; i < n; i++) t += va_arg(ap, long);
    va_end(ap);
    return t;
}
static long twice(long x) { return 2 * x; }
long apply(long (*f)(long), long v) { return f(v); }
long use(void) { return apply(twice, total(3, 1L, 2L, 3L)); }
