/* Loop corner cases: zero trips, single trips, loops at type limits, and early returns. */
#include <stdio.h>
#include <limits.h>

static int first_negative(const int *v, int n) {
    for (int i = 0; i < n; i++)
        if (v[i] < 0) return i;
    return -1;
}

int main(void) {
    int trips = 0;
    for (int i = 0; i < 0; i++) trips++;
    for (int i = 10; i < 5; i++) trips++;
    printf("zero-trip loops ran %d times\n", trips);

    for (int i = 0; i < 1; i++) trips++;
    printf("single trip: %d\n", trips);

    /* a loop reaching INT_MAX without overflowing the counter */
    int count = 0;
    for (int i = INT_MAX - 5; i < INT_MAX; i++) count++;
    printf("near INT_MAX: %d\n", count);

    /* iterating over every unsigned char value with a wider counter */
    int sum = 0;
    for (int c = 0; c <= UCHAR_MAX; c++) sum += (unsigned char)c;
    printf("sum of all byte values %d\n", sum);

    /* unsigned char counter that stops by testing before the increment wraps */
    unsigned char uc = 0;
    int loops = 0;
    do {
        loops++;
    } while (uc++ != UCHAR_MAX);
    printf("do-while over all bytes: %d loops, uc %d\n", loops, uc);

    int v1[] = {3, 4, -1, 5};
    int v2[] = {1, 2};
    printf("first_negative %d %d %d\n", first_negative(v1, 4), first_negative(v2, 2), first_negative(v1, 0));

    /* a loop whose condition has side effects */
    int k = 0, evals = 0;
    while (evals++, k < 3) k++;
    printf("k %d condition evaluated %d times\n", k, evals);

    /* a for loop with a comma-expression condition */
    int a, b;
    for (a = 0, b = 10; a++, b-- > a;) {}
    printf("a %d b %d\n", a, b);

    /* floating loop counter accumulating error, counted with an int */
    int steps = 0;
    for (double x = 0; x < 1.0; x += 0.1) steps++;
    printf("steps of 0.1 below 1.0: %d\n", steps);
    return 0;
}
