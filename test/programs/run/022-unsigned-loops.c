/* Unsigned counters: counting down safely, comparisons with signed values, size_t loops. */
#include <stdio.h>
#include <string.h>

int main(void) {
    /* counting down with an unsigned index: test before decrement */
    unsigned n = 5;
    for (unsigned i = n; i-- > 0;) printf("%u ", i);
    printf("\n");

    size_t len = strlen("abcdef");
    for (size_t i = len; i > 0; i--) putchar("abcdef"[i - 1]);
    putchar('\n');

    /* the classic trap: int compared with size_t converts the int */
    int k = -1;
    printf("k < len as unsigned: %d\n", (size_t)k < len);
    printf("k < (int)len: %d\n", k < (int)len);

    /* wrapping difference of unsigned values */
    unsigned a = 3, b = 5;
    printf("a - b = %u, (int)(a - b) = %d\n", a - b, (int)(a - b));
    printf("a - b > 0: %d\n", a - b > 0);

    /* unsigned char loop counter must not reach 256 */
    int iterations = 0;
    for (unsigned char c = 250; c != 4; c++) iterations++;
    printf("iterations from 250 to 4 by wrap: %d\n", iterations);

    /* sum of a descending series with unsigned long */
    unsigned long total = 0;
    for (unsigned long i = 100; i != 0; i -= 10) total += i;
    printf("total %lu\n", total);

    /* unsigned modular index into a ring buffer */
    int ring[8] = {0};
    unsigned head = 4294967290u;
    for (int i = 0; i < 20; i++) ring[head++ % 8] += i;
    for (int i = 0; i < 8; i++) printf("%d ", ring[i]);
    printf("\nhead %u\n", head);

    /* halving loop */
    unsigned long long v = 1ull << 40;
    int steps = 0;
    while (v >>= 3) steps++;
    printf("steps %d\n", steps);
    return 0;
}
