/* The printf family through the libc wrappers: return values, %n, snprintf truncation,
 * fprintf to stdout, vsnprintf through a wrapper of our own. */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>

static int wrapped(char *buf, size_t n, const char *fmt, ...) {
    va_list ap;
    int r;
    va_start(ap, fmt);
    r = vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return r;
}

int main(void) {
    char buf[32];
    int n1 = 0, n2 = 0, r;
    long big = -9223372036854775807L - 1;
    r = printf("%d %5.2f %-6s| %x %o %e %g %c %%%n\n", -17, 3.14159, "ab", 255, 8, 12345.678, 0.0001, 'z', &n1);
    printf("r=%d n=%d\n", r, n1);
    r = snprintf(buf, 8, "%s%n", "truncated text", &n2);
    printf("r=%d n=%d buf=[%s]\n", r, n2, buf);
    r = snprintf(NULL, 0, "%ld", big);
    printf("needed %d for %ld\n", r, big);
    r = sprintf(buf, "%08.3f|%+.0e", -3.14159, 12345.0);
    printf("%d [%s]\n", r, buf);
    r = wrapped(buf, sizeof buf, "%s-%d-%c-%.1f", "va", 42, 'q', 2.25);
    printf("%d [%s]\n", r, buf);
    fprintf(stdout, "to stdout %llu %hhd %hu\n", 18446744073709551615ULL, 300, 70000);
    r = puts("puts line");
    printf("puts %d\n", r);
    r = fputs("fputs\n", stdout);
    n1 = putchar('P');
    n2 = fputc('Q', stdout);
    printf("\nfputs %d putchar %d fputc %d\n", r, n1, n2);
    printf("fwrite %lu\n", (unsigned long)fwrite("abcdef", 2, 3, stdout));
    printf("\n%s %p %p\n", (char *)0, (void *)0, (void *)0x1000);
    printf("%.0f %.0f %.0f %.2f %f\n", 0.5, 1.5, 2.5, 2.675, 1e22);
    printf("getchar %d\n", getchar());
    fflush(stdout);
    return 0;
}
