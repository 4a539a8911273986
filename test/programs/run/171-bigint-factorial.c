/* Big factorials and powers with base-10000 limbs: multiplication by small numbers and digit sums. */
#include <stdio.h>

#define LIMBS 200
#define BASE 10000

struct big { int n; int limb[LIMBS]; };

static void set_small(struct big *b, int v) {
    b->n = 0;
    do {
        b->limb[b->n++] = v % BASE;
        v /= BASE;
    } while (v);
}

static void mul_small(struct big *b, int m) {
    long carry = 0;
    for (int i = 0; i < b->n; i++) {
        long p = (long)b->limb[i] * m + carry;
        b->limb[i] = (int)(p % BASE);
        carry = p / BASE;
    }
    while (carry) {
        b->limb[b->n++] = (int)(carry % BASE);
        carry /= BASE;
    }
}

static void print(const struct big *b) {
    printf("%d", b->limb[b->n - 1]);
    for (int i = b->n - 2; i >= 0; i--) printf("%04d", b->limb[i]);
}

static int digit_sum(const struct big *b) {
    int s = 0;
    for (int i = 0; i < b->n; i++)
        for (int v = b->limb[i]; v; v /= 10) s += v % 10;
    return s;
}

static int digits(const struct big *b) {
    int d = (b->n - 1) * 4;
    for (int v = b->limb[b->n - 1]; v; v /= 10) d++;
    return d;
}

int main(void) {
    struct big f;
    set_small(&f, 1);
    for (int k = 1; k <= 100; k++) {
        mul_small(&f, k);
        if (k == 10 || k == 25 || k == 50) {
            printf("%d! = ", k);
            print(&f);
            printf("\n");
        }
    }
    printf("100! has %d digits, digit sum %d\n", digits(&f), digit_sum(&f));
    struct big p;
    set_small(&p, 1);
    for (int k = 0; k < 200; k++) mul_small(&p, 2);
    printf("2^200 = ");
    print(&p);
    printf("\n");
    set_small(&p, 1);
    for (int k = 0; k < 50; k++) mul_small(&p, 9999);
    printf("9999^50 has %d digits, digit sum %d\n", digits(&p), digit_sum(&p));
    return 0;
}
