/* for loops: declarations in the init clause, empty clauses, shadowing, multiple variables. */
#include <stdio.h>

int main(void) {
    for (int i = 0; i < 5; i++) printf("%d ", i);
    printf("\n");

    /* the loop variable is scoped to the loop: an outer i is untouched */
    int i = 100;
    for (int i = 0; i < 3; i++) printf("inner %d ", i);
    printf("outer %d\n", i);

    /* empty init and step */
    int n = 5;
    for (; n > 0;) n -= 2;
    printf("n %d\n", n);

    /* infinite loop with a break */
    int k = 0;
    for (;;) {
        ++k;
        if (k * k > 50) break;
    }
    printf("k %d\n", k);

    /* two variables of the same type */
    for (int lo = 0, hi = 9; lo < hi; lo++, hi--) printf("%d%d ", lo, hi);
    printf("\n");

    /* declaring a pointer in the init clause */
    const char *word = "loop";
    for (const char *p = word; *p; p++) printf("[%c]", *p);
    printf("\n");

    /* counting down, stepping by more than one, and over doubles */
    for (int j = 10; j >= 0; j -= 3) printf("%d ", j);
    printf("\n");
    for (double x = 0.0; x < 1.0; x += 0.25) printf("%.2f ", x);
    printf("\n");

    /* nested loops that share nothing but the output */
    for (int r = 1; r <= 4; r++) {
        for (int c = 1; c <= r; c++) printf("%d", r * c % 10);
        printf("\n");
    }

    /* a loop whose body is an empty statement */
    int len;
    const char *s = "measure";
    for (len = 0; s[len]; len++);
    printf("len %d\n", len);

    /* a loop variable modified in the body */
    for (int m = 0; m < 20; m++) {
        if (m % 5 == 0) m += 2;
        printf("%d ", m);
    }
    printf("\n");
    return 0;
}
