/* Casts across categories: integer <-> floating, pointer <-> integer (uintptr_t), pointer <-> pointer. */
#include <stdio.h>
#include <stdint.h>

struct base { int kind; };
struct derived { struct base b; double extra; };

int main(void) {
    /* floating <-> integer */
    printf("(int)3.7 %d, (int)-3.7 %d, (double)7 / 2 %.1f, (float)1 / 3 %.6f\n", (int)3.7, (int)-3.7,
           (double)7 / 2, (float)1 / 3);
    printf("(char)65.9 %c, (unsigned char)(-1.0 + 256) %u\n", (char)65.9, (unsigned char)(-1.0 + 256));
    printf("(long)1e15 %ld, (float)(1 << 24) + 1 == (1 << 24): %d\n", (long)1e15, (float)(1 << 24) + 1.0f == (float)(1 << 24));

    /* pointer <-> uintptr_t round trip */
    int x = 42;
    uintptr_t bits = (uintptr_t)&x;
    int *back = (int *)bits;
    printf("round trip ok %d, value %d\n", back == &x, *back);
    printf("aligned to 4: %d\n", (int)(bits % _Alignof(int) == 0));

    /* struct pointer casts: a pointer to a struct points to its first member */
    struct derived dv = {{7}, 2.5};
    struct base *bp = (struct base *)&dv;
    printf("kind via base %d\n", bp->kind);
    struct derived *dp = (struct derived *)bp;
    printf("extra via cast back %.1f\n", dp->extra);
    int *first = (int *)&dv;
    printf("first int %d\n", *first);

    /* casts to char pointers for byte access */
    unsigned short us = 0xABCD;
    unsigned char *bytes = (unsigned char *)&us;
    printf("low byte %x high byte %x\n", bytes[0], bytes[1]);

    /* casts in arithmetic to avoid overflow or to force unsigned */
    int big = 2000000000;
    printf("(long)big + big %ld, (unsigned)big + big %u\n", (long)big + big, (unsigned)big + big);
    printf("(unsigned)-1 / 2 %u, -1 / 2 %d\n", (unsigned)-1 / 2, -1 / 2);

    /* cast of an expression result and casting to void */
    double avg = (double)(1 + 2 + 4) / 3;
    printf("avg %.4f\n", avg);
    (void)printf("printed through a (void) cast\n");

    /* casting function pointers to a common type and back */
    typedef void (*generic_fn)(void);
    int (*abs_fn)(int) = NULL;
    generic_fn g = (generic_fn)abs_fn;
    printf("null function pointer survives casts: %d\n", (int (*)(int))g == NULL);
    return 0;
}
