/* The <math.h> functions that are neither a wasm instruction nor a host import: rounding
 * to nearest with ties away from zero, C's fmin/fmax (which differ from wasm's min/max on
 * NaN), exponent and fraction splitting, scaling.
 * In: doubles and floats. Out: bit-exact results, as glibc gives them: these work on the
 * IEEE representation (through a union), never through a rounding arithmetic step that
 * could lose a bit. Constants are built from their bits so no hex float literal is needed. */

#define MATH_LONG_MIN (-0x7fffffffffffffffL - 1)

union math_d {
    double f;
    unsigned long long i;
};

union math_f {
    float f;
    unsigned int i;
};

static double math_from_bits(unsigned long long bits)
{
    union math_d u;
    u.i = bits;
    return u.f;
}

static unsigned long long math_bits(double x)
{
    union math_d u;
    u.f = x;
    return u.i;
}

static float math_from_bitsf(unsigned int bits)
{
    union math_f u;
    u.i = bits;
    return u.f;
}

static unsigned int math_bitsf(float x)
{
    union math_f u;
    u.f = x;
    return u.i;
}

/* ---- round, lround (glibc's s_round.c: add half an ulp of the integer part, then cut) -- */

double round(double x)
{
    unsigned long long i = math_bits(x);
    int e = (int)((i >> 52) & 0x7ff) - 0x3ff;
    if (e >= 52)
        return e == 0x400 ? x + x : x; /* NaN or infinity, or already integral */
    if (e < 0) {
        i &= 0x8000000000000000ULL;
        if (e == -1)
            i |= 0x3ff0000000000000ULL; /* 0.5 <= |x| < 1 rounds to 1 */
    } else {
        unsigned long long frac = 0x000fffffffffffffULL >> e;
        if ((i & frac) == 0)
            return x;
        i += 0x0008000000000000ULL >> e;
        i &= ~frac;
    }
    return math_from_bits(i);
}

float roundf(float x)
{
    unsigned int i = math_bitsf(x);
    int e = (int)((i >> 23) & 0xff) - 0x7f;
    if (e >= 23)
        return e == 0x80 ? x + x : x;
    if (e < 0) {
        i &= 0x80000000U;
        if (e == -1)
            i |= 0x3f800000U;
    } else {
        unsigned int frac = 0x007fffffU >> e;
        if ((i & frac) == 0)
            return x;
        i += 0x00400000U >> e;
        i &= ~frac;
    }
    return math_from_bitsf(i);
}

/* Out of range and NaN give LONG_MIN, what x86-64's conversion (and so glibc) gives. */
long lround(double x)
{
    double r;
    if (x != x)
        return MATH_LONG_MIN;
    r = round(x);
    if (r >= 9223372036854775808.0 || r < -9223372036854775808.0)
        return MATH_LONG_MIN;
    return (long)r;
}

long lroundf(float x) { return lround((double)x); }
long long llround(double x) { return lround(x); }
long long llroundf(float x) { return lround((double)x); }

/* ---- fmin, fmax, fdim ----------------------------------------------------------------- */

/* A NaN argument is ignored unless both are NaN or one is signaling: then x + y, whose
 * quiet NaN is x's on x86. Equal arguments (+0 and -0) give the second. Both as glibc's
 * x86-64 fmin/fmax (minsd/maxsd) do. */
static int math_signaling(double x)
{
    unsigned long long i = math_bits(x);
    return x != x && (i & 0x0008000000000000ULL) == 0;
}

static int math_signalingf(float x)
{
    unsigned int i = math_bitsf(x);
    return x != x && (i & 0x00400000U) == 0;
}

double fmin(double x, double y)
{
    if ((x != x && y != y) || math_signaling(x) || math_signaling(y))
        return x + y;
    if (x != x)
        return y;
    if (y != y)
        return x;
    return x < y ? x : y;
}

double fmax(double x, double y)
{
    if ((x != x && y != y) || math_signaling(x) || math_signaling(y))
        return x + y;
    if (x != x)
        return y;
    if (y != y)
        return x;
    return x > y ? x : y;
}

float fminf(float x, float y)
{
    if ((x != x && y != y) || math_signalingf(x) || math_signalingf(y))
        return x + y;
    if (x != x)
        return y;
    if (y != y)
        return x;
    return x < y ? x : y;
}

float fmaxf(float x, float y)
{
    if ((x != x && y != y) || math_signalingf(x) || math_signalingf(y))
        return x + y;
    if (x != x)
        return y;
    if (y != y)
        return x;
    return x > y ? x : y;
}

double fdim(double x, double y)
{
    if (x != x)
        return x;
    if (y != y)
        return y;
    return x > y ? x - y : 0.0;
}

float fdimf(float x, float y)
{
    if (x != x)
        return x;
    if (y != y)
        return y;
    return x > y ? x - y : 0.0f;
}

/* ---- frexp, ldexp, scalbn, modf --------------------------------------------------------- */

double frexp(double x, int *exp)
{
    unsigned long long i = math_bits(x);
    int e = (int)((i >> 52) & 0x7ff);
    if (e == 0) {
        if ((i << 1) == 0) {
            *exp = 0;
            return x;
        }
        /* Subnormal: normalize by 2^64 first. */
        x = frexp(x * 18446744073709551616.0, exp);
        *exp -= 64;
        return x;
    }
    if (e == 0x7ff) {
        *exp = 0;
        return x + x; /* glibc quiets a signaling NaN */
    }
    *exp = e - 0x3fe;
    i &= 0x800fffffffffffffULL;
    i |= 0x3fe0000000000000ULL;
    return math_from_bits(i);
}

float frexpf(float x, int *exp)
{
    unsigned int i = math_bitsf(x);
    int e = (int)((i >> 23) & 0xff);
    if (e == 0) {
        if ((i << 1) == 0) {
            *exp = 0;
            return x;
        }
        x = frexpf(x * 18446744073709551616.0f, exp);
        *exp -= 64;
        return x;
    }
    if (e == 0xff) {
        *exp = 0;
        return x + x;
    }
    *exp = e - 0x7e;
    i &= 0x807fffffU;
    i |= 0x3f000000U;
    return math_from_bitsf(i);
}

/* musl's scalbn: at most three multiplications by exact powers of two, arranged so that a
 * subnormal result is rounded once. */
double scalbn(double x, int n)
{
    double y = x;
    if (n > 1023) {
        y *= math_from_bits(0x7fe0000000000000ULL); /* 2^1023 */
        n -= 1023;
        if (n > 1023) {
            y *= math_from_bits(0x7fe0000000000000ULL);
            n -= 1023;
            if (n > 1023)
                n = 1023;
        }
    } else if (n < -1022) {
        y *= math_from_bits(0x0360000000000000ULL); /* 2^-1022 * 2^53 */
        n += 1022 - 53;
        if (n < -1022) {
            y *= math_from_bits(0x0360000000000000ULL);
            n += 1022 - 53;
            if (n < -1022)
                n = -1022;
        }
    }
    return y * math_from_bits((unsigned long long)(0x3ff + n) << 52);
}

float scalbnf(float x, int n)
{
    float y = x;
    if (n > 127) {
        y *= math_from_bitsf(0x7f000000U); /* 2^127 */
        n -= 127;
        if (n > 127) {
            y *= math_from_bitsf(0x7f000000U);
            n -= 127;
            if (n > 127)
                n = 127;
        }
    } else if (n < -126) {
        y *= math_from_bitsf(0x0c800000U); /* 2^-126 * 2^24 */
        n += 126 - 24;
        if (n < -126) {
            y *= math_from_bitsf(0x0c800000U);
            n += 126 - 24;
            if (n < -126)
                n = -126;
        }
    }
    return y * math_from_bitsf((unsigned int)(0x7f + n) << 23);
}

double ldexp(double x, int n) { return scalbn(x, n); }
float ldexpf(float x, int n) { return scalbnf(x, n); }
double scalbln(double x, long n) { return scalbn(x, n > 100000 ? 100000 : n < -100000 ? -100000 : (int)n); }

double modf(double x, double *ip)
{
    unsigned long long i = math_bits(x);
    unsigned long long mask;
    int e = (int)((i >> 52) & 0x7ff) - 0x3ff;
    if (e >= 52) {
        if (e == 0x400 && (i << 12) != 0) {
            *ip = x + x; /* as glibc: a signaling NaN comes back quiet */
            return x + x;
        }
        *ip = x;
        return math_from_bits(i & 0x8000000000000000ULL);
    }
    if (e < 0) {
        *ip = math_from_bits(i & 0x8000000000000000ULL);
        return x;
    }
    mask = 0xffffffffffffffffULL >> 12 >> e;
    if ((i & mask) == 0) {
        *ip = x;
        return math_from_bits(i & 0x8000000000000000ULL);
    }
    *ip = math_from_bits(i & ~mask);
    return x - *ip;
}

float modff(float x, float *ip)
{
    unsigned int i = math_bitsf(x);
    unsigned int mask;
    int e = (int)((i >> 23) & 0xff) - 0x7f;
    if (e >= 23) {
        if (e == 0x80 && (i << 9) != 0) {
            *ip = x + x;
            return x + x;
        }
        *ip = x;
        return math_from_bitsf(i & 0x80000000U);
    }
    if (e < 0) {
        *ip = math_from_bitsf(i & 0x80000000U);
        return x;
    }
    mask = 0x007fffffU >> e;
    if ((i & mask) == 0) {
        *ip = x;
        return math_from_bitsf(i & 0x80000000U);
    }
    *ip = math_from_bitsf(i & ~mask);
    return x - *ip;
}

double nan(const char *tag)
{
    (void)tag;
    return math_from_bits(0x7ff8000000000000ULL);
}

float nanf(const char *tag)
{
    (void)tag;
    return math_from_bitsf(0x7fc00000U);
}
