/* Variadic functions with <stdarg.h>: a count-first sum, a sentinel-terminated list, va_copy. */
#include <stdio.h>
#include <stdarg.h>

static int sum_ints(int count, ...) {
    va_list ap;
    va_start(ap, count);
    int s = 0;
    for (int i = 0; i < count; i++) s += va_arg(ap, int);
    va_end(ap);
    return s;
}

static int max_until_negative(int first, ...) {
    va_list ap;
    va_start(ap, first);
    int best = first;
    for (int v = first; v >= 0; v = va_arg(ap, int))
        if (v > best) best = v;
    va_end(ap);
    return best;
}

static double mean_and_spread(int count, ...) {
    va_list ap, again;
    va_start(ap, count);
    va_copy(again, ap);
    double s = 0;
    for (int i = 0; i < count; i++) s += va_arg(ap, double);
    double mean = s / count;
    double spread = 0;
    for (int i = 0; i < count; i++) {
        double d = va_arg(again, double) - mean;
        spread += d < 0 ? -d : d;
    }
    va_end(again);
    va_end(ap);
    printf("mean %.3f spread %.3f\n", mean, spread);
    return mean;
}

int main(void) {
    printf("sum_ints() %d\n", sum_ints(0));
    printf("sum_ints(1) %d\n", sum_ints(1, 42));
    printf("sum_ints(5) %d\n", sum_ints(5, 1, 2, 3, 4, 5));
    /* char and short arguments are promoted to int */
    char c = 10;
    short s = 20;
    printf("sum_ints promoted %d\n", sum_ints(3, c, s, 'A'));
    printf("sum_ints many %d\n", sum_ints(12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
    printf("max_until_negative %d\n", max_until_negative(3, 9, 2, 14, 7, -1));
    printf("max_until_negative %d\n", max_until_negative(-5));
    /* float arguments are promoted to double */
    float f = 2.5f;
    mean_and_spread(4, 1.0, f, 4.0, 8.5);
    mean_and_spread(2, -1.0, 1.0);
    return 0;
}
