/* while and do/while: zero iterations, exactly once, digit loops, sentinel loops. */
#include <stdio.h>

static int digit_sum(unsigned long n) {
    int s = 0;
    while (n) {
        s += (int)(n % 10);
        n /= 10;
    }
    return s;
}

static int count_digits(long n) {
    int c = 0;
    do {
        c++;
        n /= 10;
    } while (n != 0);
    return c;
}

int main(void) {
    printf("digit_sum(0) %d, (12345) %d, (18446744073709551615) %d\n", digit_sum(0), digit_sum(12345),
           digit_sum(18446744073709551615ul));
    printf("count_digits(0) %d, (-999) %d, (1000000) %d\n", count_digits(0), count_digits(-999),
           count_digits(1000000));

    /* a while whose condition is false at once never runs; a do/while runs once */
    int runs = 0;
    while (runs > 0) runs++;
    printf("while runs %d\n", runs);
    do runs++; while (runs < 0);
    printf("do-while runs %d\n", runs);

    /* Collatz with while */
    long x = 27;
    int steps = 0;
    while (x != 1) {
        x = x % 2 ? 3 * x + 1 : x / 2;
        steps++;
    }
    printf("collatz(27) steps %d\n", steps);

    /* do/while to print a number in binary */
    unsigned v = 37;
    char bits[33];
    int nb = 0;
    do {
        bits[nb++] = (char)('0' + (v & 1));
        v >>= 1;
    } while (v);
    while (nb > 0) putchar(bits[--nb]);
    putchar('\n');

    /* sentinel-terminated array */
    int data[] = {3, 1, 4, 1, 5, -1, 9};
    int idx = 0, sum = 0;
    while (data[idx] >= 0) sum += data[idx++];
    printf("sum before sentinel %d (index %d)\n", sum, idx);

    /* do/while with continue: continue jumps to the condition */
    int i = 0, odd = 0;
    do {
        i++;
        if (i % 2 == 0) continue;
        odd += i;
    } while (i < 9);
    printf("odd sum %d, i %d\n", odd, i);

    /* while with a compound condition and a body-less loop */
    const char *s = "   leading";
    while (*s == ' ') s++;
    printf("'%s'\n", s);
    return 0;
}
