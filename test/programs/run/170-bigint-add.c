/* Arbitrary-precision addition and subtraction on decimal strings, and big Fibonacci numbers. */
#include <stdio.h>
#include <string.h>

#define MAXD 256

/* digits stored little-endian, one per byte */
struct big { int n; unsigned char d[MAXD]; };

static void from_str(struct big *b, const char *s) {
    int len = (int)strlen(s);
    b->n = len;
    for (int i = 0; i < len; i++) b->d[i] = (unsigned char)(s[len - 1 - i] - '0');
}

static void to_str(const struct big *b, char *out) {
    int n = b->n;
    while (n > 1 && b->d[n - 1] == 0) n--;
    for (int i = 0; i < n; i++) out[i] = (char)('0' + b->d[n - 1 - i]);
    out[n] = '\0';
}

static void add(const struct big *a, const struct big *b, struct big *r) {
    int n = a->n > b->n ? a->n : b->n, carry = 0;
    for (int i = 0; i < n; i++) {
        int s = (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0) + carry;
        r->d[i] = (unsigned char)(s % 10);
        carry = s / 10;
    }
    if (carry) r->d[n++] = (unsigned char)carry;
    r->n = n;
}

/* a - b, requires a >= b */
static void sub(const struct big *a, const struct big *b, struct big *r) {
    int borrow = 0;
    for (int i = 0; i < a->n; i++) {
        int s = a->d[i] - (i < b->n ? b->d[i] : 0) - borrow;
        borrow = s < 0;
        r->d[i] = (unsigned char)(s + (borrow ? 10 : 0));
    }
    r->n = a->n;
}

int main(void) {
    const char *pairs[][2] = {
        {"0", "0"}, {"999", "1"}, {"123456789012345678901234567890", "987654321098765432109876543210"},
        {"18446744073709551615", "18446744073709551615"}, {"99999999999999999999999", "1"},
    };
    char buf[MAXD + 1];
    for (int i = 0; i < 5; i++) {
        struct big a, b, r;
        from_str(&a, pairs[i][0]);
        from_str(&b, pairs[i][1]);
        add(&a, &b, &r);
        to_str(&r, buf);
        printf("%s + %s = %s\n", pairs[i][0], pairs[i][1], buf);
        struct big back;
        sub(&r, &b, &back);
        to_str(&back, buf);
        printf("  minus second = %s (%s)\n", buf, strcmp(buf, pairs[i][0]) == 0 ? "ok" : "BAD");
    }
    struct big f0, f1, f2;
    from_str(&f0, "0");
    from_str(&f1, "1");
    for (int k = 2; k <= 300; k++) {
        add(&f0, &f1, &f2);
        f0 = f1;
        f1 = f2;
        if (k == 100 || k == 200 || k == 300) {
            to_str(&f1, buf);
            printf("fib(%d) = %s (%zu digits)\n", k, buf, strlen(buf));
        }
    }
    return 0;
}
