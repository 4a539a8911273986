/* Checks src/libc against glibc, both linked into one gcc-built program (see run.sh).
 * In: the libc objects with every symbol renamed `enstage_NAME`. Out: one line per failed
 * check and a summary; exit status 1 on any failure. `-v` prints the rand() tables.
 *
 * glibc is the oracle: each libc function is called beside its glibc namesake on the same
 * inputs (fixed tables plus a fixed-seed random sweep) and the results must agree exactly,
 * including errno and end pointers. The wasm intrinsics and host imports are stubs here. */

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the libc under test ------------------------------------------------------------ */

void *enstage_memcpy(void *, const void *, size_t);
void *enstage_memmove(void *, const void *, size_t);
void *enstage_memset(void *, int, size_t);
int enstage_memcmp(const void *, const void *, size_t);
void *enstage_memchr(const void *, int, size_t);
size_t enstage_strlen(const char *);
size_t enstage_strnlen(const char *, size_t);
char *enstage_strcpy(char *, const char *);
char *enstage_strncpy(char *, const char *, size_t);
char *enstage_strcat(char *, const char *);
char *enstage_strncat(char *, const char *, size_t);
int enstage_strcmp(const char *, const char *);
int enstage_strncmp(const char *, const char *, size_t);
int enstage_strcasecmp(const char *, const char *);
int enstage_strncasecmp(const char *, const char *, size_t);
char *enstage_strchr(const char *, int);
char *enstage_strrchr(const char *, int);
char *enstage_strstr(const char *, const char *);
char *enstage_strdup(const char *);
char *enstage_strndup(const char *, size_t);
size_t enstage_strspn(const char *, const char *);
size_t enstage_strcspn(const char *, const char *);
char *enstage_strpbrk(const char *, const char *);
char *enstage_strtok(char *, const char *);
char *enstage_strerror(int);
void enstage_bzero(void *, size_t);

int enstage_isdigit(int), enstage_isalpha(int), enstage_isalnum(int), enstage_isspace(int);
int enstage_isupper(int), enstage_islower(int), enstage_isprint(int), enstage_ispunct(int);
int enstage_isxdigit(int), enstage_iscntrl(int), enstage_isgraph(int), enstage_isblank(int);
int enstage_toupper(int), enstage_tolower(int);

void *enstage_malloc(size_t);
void enstage_free(void *);
void *enstage_calloc(size_t, size_t);
void *enstage_realloc(void *, size_t);

extern int enstage_errno;
int enstage_abs(int);
long enstage_labs(long);
long long enstage_llabs(long long);
div_t enstage_div(int, int);
ldiv_t enstage_ldiv(long, long);
int enstage_atoi(const char *);
long enstage_atol(const char *);
long long enstage_atoll(const char *);
double enstage_atof(const char *);
long enstage_strtol(const char *, char **, int);
unsigned long enstage_strtoul(const char *, char **, int);
long long enstage_strtoll(const char *, char **, int);
unsigned long long enstage_strtoull(const char *, char **, int);
void enstage_qsort(void *, size_t, size_t, int (*)(const void *, const void *));
void *enstage_bsearch(const void *, const void *, size_t, size_t, int (*)(const void *, const void *));
char *enstage_getenv(const char *);
int enstage_atexit(void (*)(void));
void enstage_exit(int);
int enstage_rand(void);
void enstage_srand(unsigned);

struct __FILE;
extern struct __FILE *enstage_stdout, *enstage_stderr;
int enstage_printf(const char *, ...);
int enstage_fprintf(struct __FILE *, const char *, ...);
int enstage_sprintf(char *, const char *, ...);
int enstage_snprintf(char *, size_t, const char *, ...);
int enstage_puts(const char *);
int enstage_putchar(int);
int enstage_fputs(const char *, struct __FILE *);
int enstage_fputc(int, struct __FILE *);
size_t enstage_fwrite(const void *, size_t, size_t, struct __FILE *);
int enstage_getchar(void);

double enstage_round(double), enstage_fmin(double, double), enstage_fmax(double, double);
float enstage_roundf(float), enstage_fminf(float, float), enstage_fmaxf(float, float);
long enstage_lround(double);
double enstage_frexp(double, int *), enstage_ldexp(double, int), enstage_modf(double, double *);
float enstage_frexpf(float, int *), enstage_ldexpf(float, int), enstage_modff(float, float *);
double enstage_fdim(double, double);

/* ---- stubs: intrinsics over a static arena, host imports over glibc ------------------ */

#define ARENA_PAGES 512 /* 32 MiB */
static unsigned char arena[ARENA_PAGES * 65536UL] __attribute__((aligned(65536)));
static unsigned long arena_pages = 1;
static unsigned long arena_limit = ARENA_PAGES;

char *enstage_heap_base(void) { return (char *)arena + 1000; }
unsigned long enstage_memory_size(int m) { return (unsigned long)arena / 65536 + arena_pages; }
long enstage_memory_grow(int m, unsigned long pages)
{
    long old = (long)((unsigned long)arena / 65536 + arena_pages);
    if (arena_pages + pages > arena_limit)
        return -1;
    arena_pages += pages;
    return old;
}

static char captured[4096];
static size_t captured_len;
static void capture(int fd, const char *p, size_t n)
{
    char tag = fd == 1 ? 'O' : fd == 2 ? 'E' : '?';
    while (n-- > 0 && captured_len + 2 < sizeof captured) {
        captured[captured_len++] = tag;
        captured[captured_len++] = *p++;
    }
    captured[captured_len] = 0;
}

int enstage___vfprintf(int fd, const char *fmt, va_list ap)
{
    char buf[1024];
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    capture(fd, buf, (size_t)n);
    return n;
}
int enstage___vsnprintf(char *buf, unsigned long size, const char *fmt, va_list ap)
{
    return vsnprintf(buf, size, fmt, ap);
}
int enstage___write(int fd, const void *buf, int len)
{
    capture(fd, buf, (size_t)len);
    return len;
}
double enstage_strtod(const char *s, char **end) { return strtod(s, end); }

static jmp_buf exit_jump;
static int exit_code;
void enstage___exit(int code)
{
    exit_code = code;
    longjmp(exit_jump, 1);
}

/* ---- checking ------------------------------------------------------------------------ */

static int checks, failures;
static void check(int ok, const char *fmt, ...)
{
    checks++;
    if (ok)
        return;
    failures++;
    if (failures <= 40) {
        va_list ap;
        va_start(ap, fmt);
        fputs("FAIL: ", stdout);
        vprintf(fmt, ap);
        fputs("\n", stdout);
        va_end(ap);
    }
}

static int sign(int x) { return (x > 0) - (x < 0); }

static uint64_t rng = 88172645463325252ULL;
static uint64_t next_random(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static uint64_t dbits(double x) { uint64_t u; memcpy(&u, &x, 8); return u; }
static uint32_t fbits(float x) { uint32_t u; memcpy(&u, &x, 4); return u; }
static double bitsd(uint64_t u) { double x; memcpy(&x, &u, 8); return x; }

/* ---- string.h ----------------------------------------------------------------------- */

static const char *strings[] = {
    "", "a", "b", "ab", "abc", "abd", "ABC", "aBc", "abcdef", "hello world", "hello", "hell",
    "\x80", "\xff", "a\x80", "lo", "o w", "xyz", "  spaces  ", "a,b,,c", ",lead", "trail,",
    "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "0123456789", "aaaaab", "aab",
};
#define NSTRINGS (sizeof strings / sizeof strings[0])

static void test_string(void)
{
    size_t i, j, n;
    for (i = 0; i < NSTRINGS; i++) {
        const char *a = strings[i];
        check(enstage_strlen(a) == strlen(a), "strlen(%s)", a);
        for (n = 0; n < 12; n++)
            check(enstage_strnlen(a, n) == strnlen(a, n), "strnlen");
        for (j = 0; j < NSTRINGS; j++) {
            const char *b = strings[j];
            check(enstage_strcmp(a, b) == strcmp(a, b), "strcmp(%s,%s) %d %d", a, b, enstage_strcmp(a, b), strcmp(a, b));
            check(sign(enstage_strcasecmp(a, b)) == sign(strcasecmp(a, b)), "strcasecmp(%s,%s)", a, b);
            for (n = 0; n < 8; n++) {
                check(enstage_strncmp(a, b, n) == strncmp(a, b, n), "strncmp(%s,%s,%zu) %d %d", a, b, n,
                      enstage_strncmp(a, b, n), strncmp(a, b, n));
                check(sign(enstage_strncasecmp(a, b, n)) == sign(strncasecmp(a, b, n)), "strncasecmp");
                n = n;
            }
            check(enstage_strstr(a, b) == strstr(a, b), "strstr(%s,%s)", a, b);
            check(enstage_strspn(a, b) == strspn(a, b), "strspn(%s,%s)", a, b);
            check(enstage_strcspn(a, b) == strcspn(a, b), "strcspn(%s,%s)", a, b);
            check(enstage_strpbrk(a, b) == strpbrk(a, b), "strpbrk(%s,%s)", a, b);
            {
                size_t la = strlen(a), lb = strlen(b), k;
                size_t m = la < lb ? la : lb;
                for (k = 0; k <= m; k++)
                    check(sign(enstage_memcmp(a, b, k)) == sign(memcmp(a, b, k)), "memcmp");
            }
        }
        for (j = 0; j < 260; j++) {
            int c = (int)j - 2;
            check(enstage_strchr(a, c) == strchr(a, c), "strchr(%s,%d)", a, c);
            check(enstage_strrchr(a, c) == strrchr(a, c), "strrchr(%s,%d)", a, c);
            check(enstage_memchr(a, c, strlen(a)) == memchr(a, c, strlen(a)), "memchr");
        }
        {
            char *d = enstage_strdup(a);
            check(d && strcmp(d, a) == 0, "strdup");
            enstage_free(d);
            for (n = 0; n < 6; n++) {
                char *e = enstage_strndup(a, n), *g = strndup(a, n);
                check(e && strcmp(e, g) == 0, "strndup");
                enstage_free(e);
                free(g);
            }
        }
    }
    /* Copies: compare whole buffers, so padding and termination count. */
    for (i = 0; i < NSTRINGS; i++) {
        for (n = 0; n < 12; n++) {
            char x[64], y[64];
            memset(x, '#', sizeof x);
            memset(y, '#', sizeof y);
            check(enstage_strncpy(x, strings[i], n) == x, "strncpy ret");
            strncpy(y, strings[i], n);
            check(memcmp(x, y, sizeof x) == 0, "strncpy(%s,%zu)", strings[i], n);
            strcpy(x, "pre");
            strcpy(y, "pre");
            enstage_strncat(x, strings[i], n);
            strncat(y, strings[i], n);
            check(memcmp(x, y, sizeof x) == 0, "strncat(%s,%zu)", strings[i], n);
        }
        {
            char x[64], y[64];
            memset(x, '#', sizeof x);
            memset(y, '#', sizeof y);
            enstage_strcpy(x, strings[i]);
            strcpy(y, strings[i]);
            check(memcmp(x, y, sizeof x) == 0, "strcpy");
            enstage_strcat(x, "tail");
            strcat(y, "tail");
            check(memcmp(x, y, sizeof x) == 0, "strcat");
        }
    }
    /* memcpy/memmove/memset over every small alignment, length and overlap. */
    {
        unsigned char src[96], a[96], b[96];
        size_t so, dof, len;
        for (i = 0; i < sizeof src; i++)
            src[i] = (unsigned char)(i * 7 + 1);
        for (so = 0; so < 9; so++)
            for (dof = 0; dof < 9; dof++)
                for (len = 0; len < 40; len++) {
                    memset(a, 0, sizeof a);
                    memset(b, 0, sizeof b);
                    enstage_memcpy(a + dof, src + so, len);
                    memcpy(b + dof, src + so, len);
                    check(memcmp(a, b, sizeof a) == 0, "memcpy %zu %zu %zu", so, dof, len);
                    memcpy(a, src, sizeof a);
                    memcpy(b, src, sizeof b);
                    enstage_memmove(a + dof, a + so, len);
                    memmove(b + dof, b + so, len);
                    check(memcmp(a, b, sizeof a) == 0, "memmove %zu %zu %zu", so, dof, len);
                    memcpy(a, src, sizeof a);
                    memcpy(b, src, sizeof b);
                    enstage_memset(a + so, (int)(len + 250), len + dof);
                    memset(b + so, (int)(len + 250), len + dof);
                    check(memcmp(a, b, sizeof a) == 0, "memset %zu %zu", so, len);
                }
        memcpy(a, src, sizeof a);
        enstage_bzero(a + 3, 20);
        check(a[2] != 0 && a[3] == 0 && a[22] == 0 && a[23] != 0, "bzero");
    }
    /* strtok: the same token sequence as glibc. */
    {
        const char *inputs[] = { "a,b,,c", ",,lead,,trail,,", "", ",,,", "one", " a b  c " };
        const char *delims[] = { ",", ", ", " " };
        for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++)
            for (j = 0; j < 3; j++) {
                char x[64], y[64];
                char *p, *q;
                strcpy(x, inputs[i]);
                strcpy(y, inputs[i]);
                p = enstage_strtok(x, delims[j]);
                q = strtok(y, delims[j]);
                for (;;) {
                    check((p == NULL) == (q == NULL) && (p == NULL || p - x == q - y), "strtok(%s,%s)", inputs[i], delims[j]);
                    if (p == NULL || q == NULL)
                        break;
                    p = enstage_strtok(NULL, delims[j]);
                    q = strtok(NULL, delims[j]);
                }
                check(enstage_strtok(NULL, delims[j]) == NULL, "strtok after end");
            }
    }
    {
        int e;
        for (e = 0; e < 140; e++) {
            const char *mine = enstage_strerror(e);
            if (strncmp(mine, "Unknown error", 13) != 0 || e >= 134)
                check(strcmp(mine, strerror(e)) == 0, "strerror(%d): %s / %s", e, mine, strerror(e));
        }
        check(strcmp(enstage_strerror(-5), strerror(-5)) == 0, "strerror(-5)");
    }
}

/* ---- ctype.h ------------------------------------------------------------------------ */

static void test_ctype(void)
{
    int c;
    for (c = -128; c < 256; c++) {
        check(enstage_isdigit(c) == isdigit(c), "isdigit(%d) %d %d", c, enstage_isdigit(c), isdigit(c));
        check(enstage_isalpha(c) == isalpha(c), "isalpha(%d)", c);
        check(enstage_isalnum(c) == isalnum(c), "isalnum(%d)", c);
        check(enstage_isspace(c) == isspace(c), "isspace(%d)", c);
        check(enstage_isupper(c) == isupper(c), "isupper(%d)", c);
        check(enstage_islower(c) == islower(c), "islower(%d)", c);
        check(enstage_isprint(c) == isprint(c), "isprint(%d)", c);
        check(enstage_ispunct(c) == ispunct(c), "ispunct(%d)", c);
        check(enstage_isxdigit(c) == isxdigit(c), "isxdigit(%d)", c);
        check(enstage_iscntrl(c) == iscntrl(c), "iscntrl(%d)", c);
        check(enstage_isgraph(c) == isgraph(c), "isgraph(%d)", c);
        check(enstage_isblank(c) == isblank(c), "isblank(%d)", c);
        check(enstage_toupper(c) == toupper(c), "toupper(%d) %d %d", c, enstage_toupper(c), toupper(c));
        check(enstage_tolower(c) == tolower(c), "tolower(%d)", c);
    }
}

/* ---- stdlib.h: numbers ---------------------------------------------------------------- */

static void test_numbers(void)
{
    static const char *inputs[] = {
        "0", "1", "-1", "+1", "  42", "\t\n\v\f\r 42x", "-", "+", "", " ", "x", "0x", "0x1g", "0X1F", "-0x1f",
        "0xg", "0b101", "010", "08", "0", "007", "123abc", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616",
        "-18446744073709551615", "-18446744073709551616", "99999999999999999999999", "2147483647",
        "2147483648", "-2147483649", "4294967296", "zz", "ZZ", "z", "1z", "0x7fffffffffffffff",
        "0xffffffffffffffff", "0x10000000000000000", "  -0", "- 1", "--1", "+-1", "1e5", "0.5",
        "777777777777777777777", "1777777777777777777777", "2000000000000000000000", "1010101",
    };
    static const int bases[] = { 0, 2, 8, 10, 16, 36, 1, 37, -1, 3, 7 };
    size_t i, b;
    for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        const char *s = inputs[i];
        for (b = 0; b < sizeof bases / sizeof bases[0]; b++) {
            char *e1 = (char *)1, *e2 = (char *)1;
            int er1, er2;
            long v1, v2;
            unsigned long u1, u2;
            enstage_errno = 0;
            errno = 0;
            v1 = enstage_strtol(s, &e1, bases[b]);
            er1 = enstage_errno;
            v2 = strtol(s, &e2, bases[b]);
            er2 = errno;
            check(v1 == v2 && e1 == e2 && er1 == er2, "strtol(\"%s\",%d): %ld/%ld end %td/%td errno %d/%d", s, bases[b],
                  v1, v2, e1 - s, e2 - s, er1, er2);
            e1 = e2 = (char *)1;
            enstage_errno = 0;
            errno = 0;
            u1 = enstage_strtoul(s, &e1, bases[b]);
            er1 = enstage_errno;
            u2 = strtoul(s, &e2, bases[b]);
            er2 = errno;
            check(u1 == u2 && e1 == e2 && er1 == er2, "strtoul(\"%s\",%d): %lu/%lu end %td/%td errno %d/%d", s, bases[b],
                  u1, u2, e1 - s, e2 - s, er1, er2);
            enstage_errno = 0;
            errno = 0;
            check(enstage_strtoll(s, NULL, bases[b]) == strtoll(s, NULL, bases[b]) && enstage_errno == errno, "strtoll");
            enstage_errno = 0;
            errno = 0;
            check(enstage_strtoull(s, NULL, bases[b]) == strtoull(s, NULL, bases[b]) && enstage_errno == errno, "strtoull");
        }
        check(enstage_atoi(s) == atoi(s), "atoi(%s) %d %d", s, enstage_atoi(s), atoi(s));
        check(enstage_atol(s) == atol(s), "atol(%s)", s);
        check(enstage_atoll(s) == atoll(s), "atoll(%s)", s);
        check(dbits(enstage_atof(s)) == dbits(atof(s)), "atof(%s)", s);
    }
    {
        static const int ints[] = { 0, 1, -1, 7, -7, INT_MAX, INT_MIN, 100, -100, 3 };
        size_t j;
        for (i = 0; i < 10; i++) {
            check(enstage_abs(ints[i]) == abs(ints[i]), "abs");
            check(enstage_labs(ints[i] * 1000000000L) == labs(ints[i] * 1000000000L), "labs");
            check(enstage_llabs(LLONG_MIN + i) == llabs(LLONG_MIN + i), "llabs");
            for (j = 0; j < 10; j++) {
                div_t d1, d2;
                ldiv_t l1, l2;
                if (ints[j] == 0 || (ints[i] == INT_MIN && ints[j] == -1))
                    continue;
                d1 = enstage_div(ints[i], ints[j]);
                d2 = div(ints[i], ints[j]);
                check(d1.quot == d2.quot && d1.rem == d2.rem, "div");
                l1 = enstage_ldiv(ints[i] * 3000000000L, ints[j]);
                l2 = ldiv(ints[i] * 3000000000L, ints[j]);
                check(l1.quot == l2.quot && l1.rem == l2.rem, "ldiv");
            }
        }
    }
    check(enstage_getenv("PATH") == NULL, "getenv");
}

/* ---- stdlib.h: qsort and bsearch ------------------------------------------------------ */

struct item { int key; int id; };
static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
static int cmp_key(const void *a, const void *b)
{
    return ((const struct item *)a)->key - ((const struct item *)b)->key;
}
/* Records the sequence of comparisons: the libc must make glibc's calls in glibc's order. */
static int calls[100000], ncalls, recording;
static int cmp_logged(const void *a, const void *b)
{
    const struct item *x = a, *y = b;
    if (ncalls < 100000)
        calls[ncalls++] = x->id * 1000 + y->id;
    return (x->key % 3) - (y->key % 5); /* deliberately inconsistent */
}
struct big { int key; char pad[60]; };
static int cmp_big(const void *a, const void *b)
{
    return ((const struct big *)a)->key / 4 - ((const struct big *)b)->key / 4;
}

static void test_sort(void)
{
    static struct item a[3000], b[3000];
    static int calls_mine[100000];
    static struct big ba[600], bb[600];
    size_t sizes[] = { 0, 1, 2, 3, 5, 10, 33, 100, 257, 1000, 3000 };
    size_t s, i;
    for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        size_t n = sizes[s];
        int mod = (int)(s % 3 == 0 ? 5 : 1000);
        for (i = 0; i < n; i++) {
            a[i].key = (int)(next_random() % (uint64_t)mod);
            a[i].id = (int)i;
        }
        memcpy(b, a, n * sizeof a[0]);
        enstage_qsort(a, n, sizeof a[0], cmp_key);
        qsort(b, n, sizeof b[0], cmp_key);
        check(memcmp(a, b, n * sizeof a[0]) == 0, "qsort items n=%zu", n);
        {
            int x[3000], y[3000];
            for (i = 0; i < n; i++)
                x[i] = y[i] = (int)(next_random() % 2000) - 1000;
            enstage_qsort(x, n, sizeof x[0], cmp_int);
            qsort(y, n, sizeof y[0], cmp_int);
            check(memcmp(x, y, n * sizeof x[0]) == 0, "qsort ints n=%zu", n);
            for (i = 0; i < n + 5 && n > 0; i++) {
                int key = (int)i * 3 - 1000;
                check(enstage_bsearch(&key, x, n, sizeof x[0], cmp_int) == (void *)((char *)bsearch(&key, y, n, sizeof y[0], cmp_int) - (char *)y + (char *)x) ||
                          (bsearch(&key, y, n, sizeof y[0], cmp_int) == NULL && enstage_bsearch(&key, x, n, sizeof x[0], cmp_int) == NULL),
                      "bsearch n=%zu key=%d", n, key);
            }
        }
        if (n <= 1000) {
            for (i = 0; i < n; i++) {
                a[i].key = (int)(next_random() % 100);
                a[i].id = (int)i;
            }
            memcpy(b, a, n * sizeof a[0]);
            ncalls = 0;
            enstage_qsort(a, n, sizeof a[0], cmp_logged);
            memcpy(calls_mine, calls, sizeof calls);
            {
                int mine = ncalls;
                ncalls = 0;
                qsort(b, n, sizeof b[0], cmp_logged);
                check(mine == ncalls && memcmp(calls_mine, calls, (size_t)mine * sizeof calls[0]) == 0 &&
                          memcmp(a, b, n * sizeof a[0]) == 0,
                      "qsort comparator sequence n=%zu (%d/%d calls)", n, mine, ncalls);
            }
        }
    }
    /* Elements over 32 bytes: glibc sorts pointers, then permutes; the order must still agree. */
    for (i = 0; i < 600; i++) {
        memset(&ba[i], 0, sizeof ba[i]);
        ba[i].key = (int)(next_random() % 50);
        snprintf(ba[i].pad, sizeof ba[i].pad, "%zu", i);
    }
    memcpy(bb, ba, sizeof ba);
    enstage_qsort(ba, 600, sizeof ba[0], cmp_big);
    qsort(bb, 600, sizeof bb[0], cmp_big);
    check(memcmp(ba, bb, sizeof ba) == 0, "qsort big elements");
    (void)recording;
}

/* ---- rand ----------------------------------------------------------------------------- */

static void test_rand(int verbose)
{
    static const unsigned seeds[] = { 1, 42, 0, 12345, 4294967295u, 2147483648u, 7 };
    size_t s;
    int i;
    /* No srand at all: both start as if seeded with 1. */
    for (i = 0; i < 50; i++) {
        int x = enstage_rand(), y = rand();
        check(x == y, "rand unseeded #%d: %d / %d", i, x, y);
    }
    for (s = 0; s < sizeof seeds / sizeof seeds[0]; s++) {
        enstage_srand(seeds[s]);
        srand(seeds[s]);
        if (verbose)
            printf("seed %u:", seeds[s]);
        for (i = 0; i < 1000; i++) {
            int x = enstage_rand(), y = rand();
            check(x == y, "rand seed %u #%d: %d / %d", seeds[s], i, x, y);
            if (verbose && i < 20)
                printf(" %d", x);
        }
        if (verbose)
            printf("\n");
    }
}

/* ---- malloc --------------------------------------------------------------------------- */

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    size_t i;
    for (i = 0; i < n; i++)
        p[i] = (unsigned char)(seed * 31 + i);
}
static int filled(const unsigned char *p, size_t n, unsigned seed)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (p[i] != (unsigned char)(seed * 31 + i))
            return 0;
    return 1;
}

static void test_malloc(void)
{
    enum { SLOTS = 500 };
    static unsigned char *ptr[SLOTS];
    static size_t len[SLOTS];
    static unsigned tag[SLOTS];
    int round, i, bad = 0;
    for (round = 0; round < 200000; round++) {
        int k = (int)(next_random() % SLOTS);
        int op = (int)(next_random() % 4);
        size_t n = (size_t)(next_random() % (next_random() % 8 == 0 ? 20000 : 200));
        if (ptr[k] && !filled(ptr[k], len[k], tag[k]))
            bad++;
        if (op == 0 || op == 1) {
            enstage_free(ptr[k]);
            ptr[k] = op == 0 ? enstage_malloc(n) : enstage_calloc(n, 1);
            if (op == 1) {
                size_t j;
                for (j = 0; j < n; j++)
                    if (ptr[k][j] != 0)
                        bad++;
            }
        } else if (op == 2) {
            unsigned char *q = enstage_realloc(ptr[k], n);
            size_t keep = n < len[k] ? n : len[k];
            if (ptr[k] && n > 0 && q && !filled(q, keep, tag[k]))
                bad++;
            ptr[k] = q;
        } else {
            enstage_free(ptr[k]);
            ptr[k] = NULL;
            n = 0;
        }
        if (ptr[k] == NULL && op != 3 && !(op == 2 && n == 0))
            bad++;
        if (ptr[k] && ((uintptr_t)ptr[k] & 15) != 0)
            bad++;
        len[k] = ptr[k] ? n : 0;
        tag[k] = (unsigned)round;
        if (ptr[k])
            fill(ptr[k], n, tag[k]);
    }
    for (i = 0; i < SLOTS; i++) {
        if (ptr[i] && !filled(ptr[i], len[i], tag[i]))
            bad++;
        enstage_free(ptr[i]);
        ptr[i] = NULL;
    }
    check(bad == 0, "malloc stress: %d corrupted or misaligned blocks", bad);
    /* Everything was freed and merged, so the heap is back to its untouched top: a block as
     * large as all the memory used so far fits without growing. */
    {
        unsigned long pages = arena_pages;
        void *p = enstage_malloc((pages - 1) * 65536UL);
        check(p != NULL && arena_pages == pages, "malloc reuses coalesced memory (pages %lu -> %lu)", pages, arena_pages);
        enstage_free(p);
    }
    check(enstage_malloc(0) != NULL, "malloc(0) is unique non-NULL");
    enstage_errno = 0;
    check(enstage_malloc((size_t)ARENA_PAGES * 65536) == NULL && enstage_errno == ENOMEM, "malloc beyond memory fails");
    check(enstage_malloc((size_t)-1) == NULL, "malloc(SIZE_MAX)");
    check(enstage_calloc((size_t)1 << 33, (size_t)1 << 33) == NULL, "calloc overflow");
    check(enstage_realloc(enstage_malloc(10), 0) == NULL, "realloc(p, 0)");
    {
        char *p = enstage_realloc(NULL, 5);
        strcpy(p, "abcd");
        p = enstage_realloc(p, 100000);
        check(p && strcmp(p, "abcd") == 0, "realloc grow");
        p = enstage_realloc(p, 3);
        check(p && memcmp(p, "abc", 3) == 0, "realloc shrink");
        enstage_free(p);
    }
    /* Growth failure leaves the program running: fill memory, then free it all again. */
    {
        static void *blocks[4096];
        int nb = 0;
        arena_limit = arena_pages + 20;
        while (nb < 4096 && (blocks[nb] = enstage_malloc(100000)) != NULL)
            nb++;
        check(nb > 5 && nb < 4096, "malloc stops at the memory limit (%d blocks)", nb);
        while (nb > 0)
            enstage_free(blocks[--nb]);
        check(enstage_malloc(1000000) != NULL, "malloc after freeing everything");
        arena_limit = ARENA_PAGES;
    }
}

/* ---- math ----------------------------------------------------------------------------- */

static double interesting(int i)
{
    static const double fixed[] = { 0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, 1.0, -1.0,
        4503599627370495.5, 4503599627370496.0, 9007199254740993.0, 1e300, -1e300, 1e-310, -1e-310, 5e-324,
        2.2250738585072014e-308, 9.223372036854775807e18, -9.223372036854775808e18, 3.7, -3.7, 123.456 };
    if (i < (int)(sizeof fixed / sizeof fixed[0]))
        return fixed[i];
    if (i == 100)
        return INFINITY;
    if (i == 101)
        return -INFINITY;
    if (i == 102)
        return NAN;
    if (i == 103)
        return -NAN;
    return bitsd(next_random());
}

static void test_math(void)
{
    int i, n;
    for (i = 0; i < 20000; i++) {
        double x = interesting(i), y = interesting(i + 1), i1, i2;
        float xf = (float)x, yf = (float)y, f1, f2;
        int e1, e2;
        if (i > 25 && i < 100)
            continue;
        if (i > 104 && i % 2)
            x = ldexp(x, -(int)(next_random() % 1100)); /* many in the small and subnormal range */
        xf = (float)x;
        check(dbits(enstage_round(x)) == dbits(round(x)), "round(%a)", x);
        check(fbits(enstage_roundf(xf)) == fbits(roundf(xf)), "roundf(%a)", (double)xf);
        if (!(fabs(x) >= 9.2e18) && x == x)
            check(enstage_lround(x) == lround(x), "lround(%a)", x);
        check(dbits(enstage_fmin(x, y)) == dbits(fmin(x, y)), "fmin(%a,%a)", x, y);
        check(dbits(enstage_fmax(x, y)) == dbits(fmax(x, y)), "fmax(%a,%a)", x, y);
        check(dbits(enstage_fmin(x, x)) == dbits(fmin(x, x)), "fmin(x,x)");
        check(fbits(enstage_fminf(xf, yf)) == fbits(fminf(xf, yf)), "fminf");
        check(fbits(enstage_fmaxf(xf, yf)) == fbits(fmaxf(xf, yf)), "fmaxf");
        check(dbits(enstage_fdim(x, y)) == dbits(fdim(x, y)) || (x != x || y != y), "fdim(%a,%a)", x, y);
        check(dbits(enstage_frexp(x, &e1)) == dbits(frexp(x, &e2)) && (e1 == e2 || x != x || isinf(x)), "frexp(%a)", x);
        check(fbits(enstage_frexpf(xf, &e1)) == fbits(frexpf(xf, &e2)) && (e1 == e2 || xf != xf || isinf(xf)), "frexpf(%a)", (double)xf);
        check(dbits(enstage_modf(x, &i1)) == dbits(modf(x, &i2)) && dbits(i1) == dbits(i2), "modf(%a)", x);
        check(fbits(enstage_modff(xf, &f1)) == fbits(modff(xf, &f2)) && fbits(f1) == fbits(f2), "modff(%a)", (double)xf);
        for (n = -1100; n <= 1100; n += (int)(next_random() % 97) + 1) {
            check(dbits(enstage_ldexp(x, n)) == dbits(ldexp(x, n)), "ldexp(%a,%d)", x, n);
            check(fbits(enstage_ldexpf(xf, n / 4)) == fbits(ldexpf(xf, n / 4)), "ldexpf(%a,%d)", (double)xf, n / 4);
        }
    }
    check(enstage_lround(NAN) == lround(NAN), "lround(NaN)");
    check(enstage_lround(1e19) == lround(1e19), "lround(1e19)");
    check(enstage_lround(-1e19) == lround(-1e19), "lround(-1e19)");
}

/* ---- stdio, exit ---------------------------------------------------------------------- */

static char exit_log[16];
static void at1(void) { strcat(exit_log, "1"); }
static void at2(void) { strcat(exit_log, "2"); }
static void at3(void) { strcat(exit_log, "3"); enstage_exit(9); }

static void test_stdio_exit(void)
{
    char buf[64];
    int r;
    captured_len = 0;
    r = enstage_printf("%d-%s|", 42, "x");
    check(r == 5, "printf return");
    check(enstage_puts("hey") == 4, "puts returns bytes written");
    check(enstage_putchar('A' + 256) == 'A', "putchar returns the unsigned char");
    check(enstage_fputs("e", enstage_stderr) == 1, "fputs returns 1");
    check(enstage_fputc(-1, enstage_stdout) == 255, "fputc(-1)");
    check(enstage_fwrite("abcdef", 2, 3, enstage_stdout) == 3, "fwrite count");
    check(enstage_fwrite("abcdef", 0, 3, enstage_stdout) == 0, "fwrite size 0");
    enstage_fprintf(enstage_stderr, "%c", 'z');
    check(strcmp(captured, "O4O2O-OxO|OhOeOyO\nOAEeO\xffOaObOcOdOeOfEz") == 0, "output order and streams: %s", captured);
    check(enstage_getchar() == EOF, "getchar at EOF");
    r = enstage_sprintf(buf, "%5.2f|%x", 3.14159, 255);
    check(r == 8 && strcmp(buf, " 3.14|ff") == 0, "sprintf: %s", buf);
    r = enstage_snprintf(buf, 4, "%s", "abcdef");
    check(r == 6 && strcmp(buf, "abc") == 0, "snprintf truncates: %s", buf);

    if (setjmp(exit_jump) == 0) {
        enstage_atexit(at1);
        enstage_atexit(at2);
        enstage_atexit(at3);
        enstage_exit(3);
        check(0, "exit returned");
    } else {
        check(exit_code == 9 && strcmp(exit_log, "321") == 0, "atexit order: %s code %d", exit_log, exit_code);
    }
}

int main(int argc, char **argv)
{
    int verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    test_string();
    test_ctype();
    test_numbers();
    test_sort();
    test_rand(verbose);
    test_malloc();
    test_math();
    test_stdio_exit();
    printf("libc-gcc: %d checks, %d failures\n", checks, failures);
    return failures != 0;
}
