/* The string and memory functions of <string.h> (and bzero, strcasecmp from <strings.h>).
 * In: nothing but plain C. Out: the definitions that compiled programs link against.
 *
 * libc sources are compiled by enstage itself, which is young: so they include no header,
 * spell `size_t` as `unsigned long` (LP64, as in src/types.ts), avoid typedefs (a libc file
 * may be compiled in one unit with others) and keep static helper names unique per file. */

#define NULL ((void *)0)

void *malloc(unsigned long size);
extern int errno;
int snprintf(char *buf, unsigned long size, const char *fmt, ...);

void *memcpy(void *dst, const void *src, unsigned long n)
{
    unsigned char *d = (unsigned char *)dst;
    const unsigned char *s = (const unsigned char *)src;
    /* Word copies when both sides are 8-aligned: most struct and array copies are. */
    if ((((unsigned long)d | (unsigned long)s) & 7) == 0) {
        while (n >= 8) {
            *(unsigned long *)d = *(const unsigned long *)s;
            d += 8;
            s += 8;
            n -= 8;
        }
    }
    while (n > 0) {
        *d++ = *s++;
        n--;
    }
    return dst;
}

void *memmove(void *dst, const void *src, unsigned long n)
{
    unsigned char *d = (unsigned char *)dst;
    const unsigned char *s = (const unsigned char *)src;
    if (d == s || n == 0)
        return dst;
    if (d < s || d >= s + n)
        return memcpy(dst, src, n);
    /* Overlap with the destination above the source: copy backwards. */
    d += n;
    s += n;
    while (n > 0) {
        *--d = *--s;
        n--;
    }
    return dst;
}

void *memset(void *dst, int c, unsigned long n)
{
    unsigned char *d = (unsigned char *)dst;
    unsigned char b = (unsigned char)c;
    if (n >= 16) {
        unsigned long w = b;
        w |= w << 8;
        w |= w << 16;
        w |= w << 32;
        while (((unsigned long)d & 7) != 0) {
            *d++ = b;
            n--;
        }
        while (n >= 8) {
            *(unsigned long *)d = w;
            d += 8;
            n -= 8;
        }
    }
    while (n > 0) {
        *d++ = b;
        n--;
    }
    return dst;
}

void bzero(void *dst, unsigned long n)
{
    memset(dst, 0, n);
}

int memcmp(const void *a, const void *b, unsigned long n)
{
    const unsigned char *p = (const unsigned char *)a;
    const unsigned char *q = (const unsigned char *)b;
    unsigned long i;
    for (i = 0; i < n; i++) {
        if (p[i] != q[i])
            return (int)p[i] - (int)q[i];
    }
    return 0;
}

void *memchr(const void *s, int c, unsigned long n)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned char b = (unsigned char)c;
    unsigned long i;
    for (i = 0; i < n; i++) {
        if (p[i] == b)
            return (void *)(p + i);
    }
    return NULL;
}

unsigned long strlen(const char *s)
{
    const char *p = s;
    while (*p)
        p++;
    return (unsigned long)(p - s);
}

unsigned long strnlen(const char *s, unsigned long max)
{
    unsigned long n = 0;
    while (n < max && s[n])
        n++;
    return n;
}

char *strcpy(char *dst, const char *src)
{
    char *d = dst;
    while ((*d++ = *src++) != 0)
        ;
    return dst;
}

char *strncpy(char *dst, const char *src, unsigned long n)
{
    unsigned long i = 0;
    for (; i < n && src[i]; i++)
        dst[i] = src[i];
    /* C pads the rest with NULs (and leaves dst unterminated when src is too long). */
    for (; i < n; i++)
        dst[i] = 0;
    return dst;
}

char *strcat(char *dst, const char *src)
{
    strcpy(dst + strlen(dst), src);
    return dst;
}

char *strncat(char *dst, const char *src, unsigned long n)
{
    char *d = dst + strlen(dst);
    while (n > 0 && *src) {
        *d++ = *src++;
        n--;
    }
    *d = 0;
    return dst;
}

/* Comparisons are of unsigned char values, as C requires. C promises only the sign, but
 * programs do print the value, and glibc's x86-64 strcmp returns the difference of the first
 * differing bytes: so do we (memcmp too, which glibc does for most sizes). */
int strcmp(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a;
    const unsigned char *q = (const unsigned char *)b;
    while (*p && *p == *q) {
        p++;
        q++;
    }
    return (int)*p - (int)*q;
}

int strncmp(const char *a, const char *b, unsigned long n)
{
    const unsigned char *p = (const unsigned char *)a;
    const unsigned char *q = (const unsigned char *)b;
    if (n == 0)
        return 0;
    while (n > 1 && *p && *p == *q) {
        p++;
        q++;
        n--;
    }
    return (int)*p - (int)*q;
}

static int string_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

int strcasecmp(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a;
    const unsigned char *q = (const unsigned char *)b;
    while (*p && string_lower(*p) == string_lower(*q)) {
        p++;
        q++;
    }
    return string_lower(*p) - string_lower(*q);
}

int strncasecmp(const char *a, const char *b, unsigned long n)
{
    const unsigned char *p = (const unsigned char *)a;
    const unsigned char *q = (const unsigned char *)b;
    if (n == 0)
        return 0;
    while (n > 1 && *p && string_lower(*p) == string_lower(*q)) {
        p++;
        q++;
        n--;
    }
    return string_lower(*p) - string_lower(*q);
}

char *strchr(const char *s, int c)
{
    char ch = (char)c;
    for (;; s++) {
        if (*s == ch)
            return (char *)s;
        if (*s == 0)
            return NULL;
    }
}

char *strrchr(const char *s, int c)
{
    char ch = (char)c;
    const char *last = NULL;
    for (;; s++) {
        if (*s == ch)
            last = s;
        if (*s == 0)
            return (char *)last;
    }
}

char *strstr(const char *hay, const char *needle)
{
    unsigned long n = strlen(needle);
    if (n == 0)
        return (char *)hay;
    for (; *hay; hay++) {
        if (*hay == *needle && strncmp(hay, needle, n) == 0)
            return (char *)hay;
    }
    return NULL;
}

char *strdup(const char *s)
{
    unsigned long n = strlen(s) + 1;
    char *d = (char *)malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

char *strndup(const char *s, unsigned long max)
{
    unsigned long n = strnlen(s, max);
    char *d = (char *)malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = 0;
    }
    return d;
}

unsigned long strspn(const char *s, const char *accept)
{
    unsigned long n = 0;
    while (s[n] && strchr(accept, s[n]))
        n++;
    return n;
}

unsigned long strcspn(const char *s, const char *reject)
{
    unsigned long n = 0;
    while (s[n] && !strchr(reject, s[n]))
        n++;
    return n;
}

char *strpbrk(const char *s, const char *accept)
{
    s += strcspn(s, accept);
    return *s ? (char *)s : NULL;
}

static char *string_tok_next;

char *strtok(char *s, const char *delim)
{
    char *end;
    if (s == NULL)
        s = string_tok_next;
    if (s == NULL)
        return NULL;
    s += strspn(s, delim);
    if (*s == 0) {
        string_tok_next = NULL;
        return NULL;
    }
    end = s + strcspn(s, delim);
    if (*end) {
        *end = 0;
        string_tok_next = end + 1;
    } else {
        string_tok_next = NULL;
    }
    return s;
}

/* glibc's messages for the errno values a program can meet here (numbers as in Linux). */
char *strerror(int e)
{
    static char unknown[32];
    switch (e) {
    case 0: return "Success";
    case 1: return "Operation not permitted";
    case 2: return "No such file or directory";
    case 3: return "No such process";
    case 4: return "Interrupted system call";
    case 5: return "Input/output error";
    case 9: return "Bad file descriptor";
    case 11: return "Resource temporarily unavailable";
    case 12: return "Cannot allocate memory";
    case 13: return "Permission denied";
    case 14: return "Bad address";
    case 17: return "File exists";
    case 22: return "Invalid argument";
    case 24: return "Too many open files";
    case 28: return "No space left on device";
    case 32: return "Broken pipe";
    case 33: return "Numerical argument out of domain";
    case 34: return "Numerical result out of range";
    case 38: return "Function not implemented";
    case 75: return "Value too large for defined data type";
    case 84: return "Invalid or incomplete multibyte or wide character";
    }
    snprintf(unknown, sizeof unknown, "Unknown error %d", e);
    return unknown;
}
