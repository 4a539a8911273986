/* <stdlib.h> without the allocator (malloc.c) and the generator (rand.c): integer helpers,
 * number parsing, sorting and searching, atexit/exit, getenv; and `errno` itself.
 * In: plain C plus two host imports, `__exit` and `strtod` (fragment ABI). Out: the
 * definitions programs link against, behaving as glibc's do (same sort order, same clamping).
 *
 * C `exit` is defined here, not imported: it must run the atexit handlers, which are C code,
 * before the host import `__exit` stops the program. */

#define NULL ((void *)0)
#define STDLIB_EINVAL 22
#define STDLIB_ERANGE 34
#define STDLIB_ATEXIT_MAX 32

int errno;

void *malloc(unsigned long size);
void free(void *p);
void *memcpy(void *dst, const void *src, unsigned long n);
double strtod(const char *s, char **end);
void __exit(int code);

int *__errno_location(void)
{
    return &errno;
}

int abs(int x) { return x < 0 ? -x : x; }
long labs(long x) { return x < 0 ? -x : x; }
long long llabs(long long x) { return x < 0 ? -x : x; }

struct stdlib_div { int quot; int rem; };
struct stdlib_ldiv { long quot; long rem; };
struct stdlib_lldiv { long long quot; long long rem; };

struct stdlib_div div(int a, int b)
{
    struct stdlib_div r;
    r.quot = a / b;
    r.rem = a % b;
    return r;
}

struct stdlib_ldiv ldiv(long a, long b)
{
    struct stdlib_ldiv r;
    r.quot = a / b;
    r.rem = a % b;
    return r;
}

struct stdlib_lldiv lldiv(long long a, long long b)
{
    struct stdlib_lldiv r;
    r.quot = a / b;
    r.rem = a % b;
    return r;
}

/* ---- number parsing ------------------------------------------------------------------- */

static int stdlib_space(int c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int stdlib_digit(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

/* The magnitude of the number at s in `base` (0 = from the prefix), its sign in *neg, and
 * *overflow when the magnitude exceeds 64 bits. Sets *end like strtol does, and returns 0
 * with *end = s when there are no digits. *bad is set for an invalid base. */
static unsigned long long stdlib_parse(const char *s, char **end, int base, int *neg, int *overflow, int *bad)
{
    const char *p = s;
    unsigned long long acc = 0;
    unsigned long long limit;
    int any = 0;
    *neg = 0;
    *overflow = 0;
    *bad = 0;
    if (base < 0 || base == 1 || base > 36) {
        *bad = 1;
        return 0;
    }
    while (stdlib_space((unsigned char)*p))
        p++;
    if (*p == '-' || *p == '+') {
        *neg = *p == '-';
        p++;
    }
    if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && stdlib_digit((unsigned char)p[2]) < 16) {
        p += 2;
        base = 16;
    } else if (base == 0) {
        base = p[0] == '0' ? 8 : 10;
    }
    limit = (unsigned long long)-1 / (unsigned long long)base;
    for (;; p++) {
        int d = stdlib_digit((unsigned char)*p);
        if (d >= base)
            break;
        any = 1;
        if (acc > limit || acc * (unsigned long long)base > (unsigned long long)-1 - (unsigned long long)d)
            *overflow = 1;
        else
            acc = acc * (unsigned long long)base + (unsigned long long)d;
    }
    if (!any) {
        if (end)
            *end = (char *)s;
        *neg = 0;
        return 0;
    }
    if (end)
        *end = (char *)p;
    return acc;
}

long long strtoll(const char *s, char **end, int base)
{
    int neg, overflow, bad;
    unsigned long long mag = stdlib_parse(s, end, base, &neg, &overflow, &bad);
    unsigned long long lim = neg ? 0x8000000000000000ULL : 0x7fffffffffffffffULL;
    if (bad) {
        errno = STDLIB_EINVAL;
        return 0;
    }
    if (overflow || mag > lim) {
        errno = STDLIB_ERANGE;
        return neg ? (-0x7fffffffffffffffLL - 1) : 0x7fffffffffffffffLL;
    }
    return neg ? (long long)(0 - mag) : (long long)mag;
}

unsigned long long strtoull(const char *s, char **end, int base)
{
    int neg, overflow, bad;
    unsigned long long mag = stdlib_parse(s, end, base, &neg, &overflow, &bad);
    if (bad) {
        errno = STDLIB_EINVAL;
        return 0;
    }
    if (overflow) {
        errno = STDLIB_ERANGE;
        return (unsigned long long)-1;
    }
    return neg ? 0 - mag : mag;
}

long strtol(const char *s, char **end, int base) { return (long)strtoll(s, end, base); }
unsigned long strtoul(const char *s, char **end, int base) { return (unsigned long)strtoull(s, end, base); }
int atoi(const char *s) { return (int)strtol(s, NULL, 10); }
long atol(const char *s) { return strtol(s, NULL, 10); }
long long atoll(const char *s) { return strtoll(s, NULL, 10); }
double atof(const char *s) { return strtod(s, NULL); }
float strtof(const char *s, char **end) { return (float)strtod(s, end); }
long double strtold(const char *s, char **end) { return strtod(s, end); }

/* ---- sorting and searching ------------------------------------------------------------ */

/* glibc's qsort for arrays that fit in memory is this merge sort (msort.c), with the same
 * split (n/2 first), the same `cmp(left, right) <= 0` test and so the same sequence of
 * comparator calls: results agree with glibc even for inconsistent comparators and for
 * equal keys. */
static void stdlib_msort(char *b, unsigned long n, unsigned long size, int (*cmp)(const void *, const void *, void *),
                         void *arg, char *tmp)
{
    unsigned long n1, n2;
    char *b1, *b2, *t;
    if (n <= 1)
        return;
    n1 = n / 2;
    n2 = n - n1;
    b1 = b;
    b2 = b + n1 * size;
    stdlib_msort(b1, n1, size, cmp, arg, tmp);
    stdlib_msort(b2, n2, size, cmp, arg, tmp);
    t = tmp;
    while (n1 > 0 && n2 > 0) {
        if (cmp(b1, b2, arg) <= 0) {
            memcpy(t, b1, size);
            b1 += size;
            n1--;
        } else {
            memcpy(t, b2, size);
            b2 += size;
            n2--;
        }
        t += size;
    }
    if (n1 > 0)
        memcpy(t, b1, n1 * size);
    memcpy(b, tmp, (n - n2) * size);
}

/* Used only when no scratch memory is left: stable too, so consistent comparators still
 * give glibc's order. */
static void stdlib_insertion_sort(char *b, unsigned long n, unsigned long size,
                                  int (*cmp)(const void *, const void *, void *), void *arg)
{
    unsigned long i, j, k;
    for (i = 1; i < n; i++) {
        for (j = i; j > 0 && cmp(b + (j - 1) * size, b + j * size, arg) > 0; j--) {
            char *x = b + (j - 1) * size;
            char *y = b + j * size;
            for (k = 0; k < size; k++) {
                char c = x[k];
                x[k] = y[k];
                y[k] = c;
            }
        }
    }
}

void qsort_r(void *base, unsigned long n, unsigned long size, int (*cmp)(const void *, const void *, void *), void *arg)
{
    char small[1024];
    char *tmp = small;
    if (n <= 1 || size == 0)
        return;
    if (n > ((unsigned long)-1) / size)
        return;
    if (n * size > sizeof small) {
        tmp = (char *)malloc(n * size);
        if (tmp == NULL) {
            stdlib_insertion_sort((char *)base, n, size, cmp, arg);
            return;
        }
    }
    stdlib_msort((char *)base, n, size, cmp, arg, tmp);
    if (tmp != small)
        free(tmp);
}

/* qsort's comparator takes two arguments; calling it through the three-argument type would
 * be undefined, so route it through this adapter with the real comparator as the argument. */
struct stdlib_cmp2 {
    int (*cmp)(const void *, const void *);
};

static int stdlib_call2(const void *a, const void *b, void *arg)
{
    return ((struct stdlib_cmp2 *)arg)->cmp(a, b);
}

void qsort(void *base, unsigned long n, unsigned long size, int (*cmp)(const void *, const void *))
{
    struct stdlib_cmp2 c;
    c.cmp = cmp;
    qsort_r(base, n, size, stdlib_call2, &c);
}

/* glibc's bsearch, probe for probe, so a key with several equal elements finds the same one. */
void *bsearch(const void *key, const void *base, unsigned long n, unsigned long size,
              int (*cmp)(const void *, const void *))
{
    unsigned long lo = 0, hi = n;
    while (lo < hi) {
        unsigned long mid = (lo + hi) / 2;
        const char *p = (const char *)base + mid * size;
        int c = cmp(key, p);
        if (c < 0)
            hi = mid;
        else if (c > 0)
            lo = mid + 1;
        else
            return (void *)p;
    }
    return NULL;
}

/* ---- environment and termination ------------------------------------------------------ */

/* A compiled program has no environment. */
char *getenv(const char *name)
{
    (void)name;
    return NULL;
}

static void (*stdlib_atexit_fns[STDLIB_ATEXIT_MAX])(void);
static int stdlib_atexit_count;

int atexit(void (*fn)(void))
{
    if (stdlib_atexit_count >= STDLIB_ATEXIT_MAX)
        return -1;
    stdlib_atexit_fns[stdlib_atexit_count++] = fn;
    return 0;
}

/* Handlers run last-registered first; one that calls exit() again continues with the rest
 * instead of rerunning itself. */
void exit(int code)
{
    while (stdlib_atexit_count > 0) {
        void (*fn)(void) = stdlib_atexit_fns[--stdlib_atexit_count];
        fn();
    }
    __exit(code);
}

void _Exit(int code)
{
    __exit(code);
}
