/* The less common keywords: inline, register, volatile, restrict, auto, _Static_assert, _Alignas, _Noreturn. */
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>

_Static_assert(sizeof(int) == 4, "int must be 32 bits");
_Static_assert(sizeof(long) == 8, "LP64 expected");

static inline int square(int x) { return x * x; }
inline static long cube(long x) { return x * x * x; }

static void add_arrays(int n, int *restrict dst, const int *restrict a, const int *restrict b) {
    for (int i = 0; i < n; i++) dst[i] = a[i] + b[i];
}

_Noreturn static void finish(int status) {
    printf("finishing with status %d\n", status);
    exit(status);
}

struct aligned_box { char c; _Alignas(16) double d; };

int main(void) {
    _Static_assert(sizeof(char) == 1, "char is a byte");
    auto int a = 6;
    register int r;
    int total = 0;
    for (r = 0; r < 10; r++) total += square(r);
    printf("sum of squares %d, cube(a) %ld\n", total, cube(a));

    volatile int v = 1;
    for (int i = 0; i < 5; i++) v = v * 3;
    const volatile int cv = 42;
    printf("volatile %d, const volatile %d\n", v, cv);

    int x[4] = {1, 2, 3, 4}, y[4] = {10, 20, 30, 40}, z[4];
    add_arrays(4, z, x, y);
    printf("restrict sums %d %d %d %d\n", z[0], z[1], z[2], z[3]);

    _Alignas(16) unsigned char buffer[32];
    buffer[0] = 1;
    printf("alignof buffer element %zu, aligned box size %zu offset of d %zu align %zu\n", _Alignof(unsigned char),
           sizeof(struct aligned_box), offsetof(struct aligned_box, d), _Alignof(struct aligned_box));
    printf("buffer address multiple of 16: %d\n", (int)(((size_t)buffer) % 16 == 0));
    signed int si = -3;
    unsigned long int uli = 3ul;
    long long int lli = -4;
    printf("%d %lu %lld\n", si, uli, lli);
    finish(0);
}
