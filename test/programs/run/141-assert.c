/* assert() with conditions that hold: it must evaluate them and do nothing else. */
#include <stdio.h>
#include <assert.h>
#include <string.h>

static int evaluations;

static int check(int v) {
    evaluations++;
    return v;
}

static unsigned isqrt(unsigned n) {
    unsigned r = 0;
    while ((r + 1) * (r + 1) <= n) r++;
    assert(r * r <= n && (r + 1) * (r + 1) > n);
    return r;
}

int main(void) {
    assert(1);
    assert(2 + 2 == 4);
    assert(check(1));
    assert(check(5) > 3);
    printf("evaluations %d\n", evaluations);

    for (unsigned n = 0; n <= 50; n += 7) printf("isqrt(%u) = %u\n", n, isqrt(n));

    char buf[16];
    strcpy(buf, "asserted");
    assert(strlen(buf) == 8);
    assert(buf[0] == 'a' && "first letter must be a");
    int *p = (int *)buf;
    assert(p != NULL);
    printf("%s\n", buf);

    /* assert used as a statement inside control flow */
    int total = 0;
    for (int i = 0; i < 5; i++) {
        assert(i >= 0);
        total += i;
    }
    assert(total == 10);
    printf("total %d\n", total);
    return 0;
}
