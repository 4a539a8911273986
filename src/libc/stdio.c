/* <stdio.h> over the host: the printf family, character and string output, stdin at EOF.
 * In: the host imports `__vfprintf`, `__vsnprintf` and `__write` (fragment ABI); formatting
 * itself happens in the host (runtime/printf.ts), which reads the variadic slots directly.
 * Out: unbuffered streams, so output from printf and putchar interleaves in call order and
 * nothing is lost when a program aborts.
 *
 * Return values follow glibc where C leaves them open: fputs returns 1, puts the number of
 * bytes written, fwrite the count of whole items. */

#include <stdarg.h>

#define NULL ((void *)0)
#define EOF (-1)

struct __FILE {
    int fd;
};

static struct __FILE stdio_in = { 0 };
static struct __FILE stdio_out = { 1 };
static struct __FILE stdio_err = { 2 };
struct __FILE *stdin = &stdio_in;
struct __FILE *stdout = &stdio_out;
struct __FILE *stderr = &stdio_err;

int __vfprintf(int fd, const char *fmt, va_list ap);
int __vsnprintf(char *buf, unsigned long size, const char *fmt, va_list ap);
int __write(int fd, const void *buf, int len);
unsigned long strlen(const char *s);
char *strerror(int e);
extern int errno;

/* sprintf has no size: the largest the host accepts, which no buffer in a 32-bit memory
 * can reach. */
#define STDIO_UNBOUNDED 0x7fffffffUL

int vfprintf(struct __FILE *f, const char *fmt, va_list ap)
{
    return __vfprintf(f->fd, fmt, ap);
}

int vprintf(const char *fmt, va_list ap)
{
    return __vfprintf(1, fmt, ap);
}

int vsnprintf(char *buf, unsigned long size, const char *fmt, va_list ap)
{
    return __vsnprintf(buf, size, fmt, ap);
}

int vsprintf(char *buf, const char *fmt, va_list ap)
{
    return __vsnprintf(buf, STDIO_UNBOUNDED, fmt, ap);
}

int printf(const char *fmt, ...)
{
    va_list ap;
    int r;
    va_start(ap, fmt);
    r = __vfprintf(1, fmt, ap);
    va_end(ap);
    return r;
}

int fprintf(struct __FILE *f, const char *fmt, ...)
{
    va_list ap;
    int r;
    va_start(ap, fmt);
    r = __vfprintf(f->fd, fmt, ap);
    va_end(ap);
    return r;
}

int dprintf(int fd, const char *fmt, ...)
{
    va_list ap;
    int r;
    va_start(ap, fmt);
    r = __vfprintf(fd, fmt, ap);
    va_end(ap);
    return r;
}

int sprintf(char *buf, const char *fmt, ...)
{
    va_list ap;
    int r;
    va_start(ap, fmt);
    r = __vsnprintf(buf, STDIO_UNBOUNDED, fmt, ap);
    va_end(ap);
    return r;
}

int snprintf(char *buf, unsigned long size, const char *fmt, ...)
{
    va_list ap;
    int r;
    va_start(ap, fmt);
    r = __vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return r;
}

static int stdio_write(int fd, const void *buf, unsigned long len)
{
    return __write(fd, buf, (int)len) == (int)len ? 0 : EOF;
}

int fputc(int c, struct __FILE *f)
{
    unsigned char b = (unsigned char)c;
    if (stdio_write(f->fd, &b, 1) != 0)
        return EOF;
    return b;
}

int putc(int c, struct __FILE *f)
{
    return fputc(c, f);
}

int putchar(int c)
{
    return fputc(c, stdout);
}

int fputs(const char *s, struct __FILE *f)
{
    if (stdio_write(f->fd, s, strlen(s)) != 0)
        return EOF;
    return 1;
}

int puts(const char *s)
{
    unsigned long n = strlen(s);
    if (stdio_write(1, s, n) != 0 || stdio_write(1, "\n", 1) != 0)
        return EOF;
    return n + 1 > 0x7fffffffUL ? 0x7fffffff : (int)(n + 1);
}

unsigned long fwrite(const void *p, unsigned long size, unsigned long n, struct __FILE *f)
{
    if (size == 0 || n == 0)
        return 0;
    if (stdio_write(f->fd, p, size * n) != 0)
        return 0;
    return n;
}

void perror(const char *s)
{
    const char *msg = strerror(errno);
    if (s && *s) {
        stdio_write(2, s, strlen(s));
        stdio_write(2, ": ", 2);
    }
    stdio_write(2, msg, strlen(msg));
    stdio_write(2, "\n", 1);
}

/* Streams are unbuffered: there is never anything to flush. */
int fflush(struct __FILE *f)
{
    (void)f;
    return 0;
}

/* A compiled program has no input: every read is at end of file. */
int fgetc(struct __FILE *f)
{
    (void)f;
    return EOF;
}

int getc(struct __FILE *f)
{
    return fgetc(f);
}

int getchar(void)
{
    return EOF;
}

char *fgets(char *buf, int size, struct __FILE *f)
{
    (void)buf;
    (void)size;
    (void)f;
    return NULL;
}

int ungetc(int c, struct __FILE *f)
{
    (void)c;
    (void)f;
    return EOF;
}

int feof(struct __FILE *f)
{
    return f->fd == 0;
}

int ferror(struct __FILE *f)
{
    (void)f;
    return 0;
}

int fileno(struct __FILE *f)
{
    return f->fd;
}
