/* GNU statement expressions ({ ... }): values of blocks, safe macros, loops inside expressions. */
#include <stdio.h>

#define SAFE_MAX(a, b) ({ __typeof__(a) a_ = (a); __typeof__(b) b_ = (b); a_ > b_ ? a_ : b_; })
#define SUM_TO(n) ({ long s_ = 0; for (int i_ = 1; i_ <= (n); i_++) s_ += i_; s_; })

static int counter;
static int next(void) { return ++counter; }

int main(void) {
    int x = ({ int a = 3, b = 4; a * a + b * b; });
    printf("x %d\n", x);

    /* each argument evaluated exactly once */
    counter = 0;
    int m = SAFE_MAX(next(), next() - 10);
    printf("SAFE_MAX %d, next called %d times\n", m, counter);
    printf("SAFE_MAX(2.5, 1) %.1f\n", SAFE_MAX(2.5, 1.0));
    printf("SUM_TO(100) %ld\n", SUM_TO(100));

    /* a statement expression as a condition and an argument */
    int data[] = {4, 8, 15, 16, 23, 42};
    if (({ int found = 0; for (int i = 0; i < 6; i++) found |= data[i] == 15; found; }))
        printf("15 is present\n");
    printf("product of first three %d\n", ({ int p = 1; for (int i = 0; i < 3; i++) p *= data[i]; p; }));

    /* the last expression's type is the result type */
    double avg = ({ double s = 0; for (int i = 0; i < 6; i++) s += data[i]; s / 6; });
    printf("avg %.3f\n", avg);

    /* nested statement expressions */
    int nested = ({ int outer = 10; ({ int inner = outer * 2; inner + 1; }) + outer; });
    printf("nested %d\n", nested);

    /* a void statement expression used only for side effects */
    ({ printf("side effect only\n"); });
    return 0;
}
