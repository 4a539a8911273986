/* goto: forward jumps, backward jumps forming a loop, and jumping over code. */
#include <stdio.h>

static int sum_to(int n) {
    int i = 1, s = 0;
top:
    if (i > n) goto done;
    s += i;
    i++;
    goto top;
done:
    return s;
}

static const char *check(int v) {
    if (v < 0) goto negative;
    if (v == 0) goto zero;
    return "positive";
negative:
    return "negative";
zero:
    return "zero";
}

int main(void) {
    printf("sum_to(10) %d, sum_to(0) %d\n", sum_to(10), sum_to(0));
    printf("%s %s %s\n", check(-5), check(0), check(5));

    /* skip over a statement */
    int x = 1;
    goto skip;
    x = 100;
skip:
    printf("x %d\n", x);

    /* a label on an empty statement at the end of a block */
    int count = 0;
    {
        count++;
        if (count) goto end_of_block;
        count += 100;
    end_of_block:;
    }
    printf("count %d\n", count);

    /* backward jump with a retry counter */
    int attempts = 0;
retry:
    attempts++;
    if (attempts < 4) goto retry;
    printf("attempts %d\n", attempts);

    /* goto into the middle of sequential code to share a cleanup path */
    int status = 0;
    for (int step = 0; step < 5; step++) {
        if (step == 3) {
            status = step;
            goto cleanup;
        }
        printf("step %d ok\n", step);
    }
    printf("not reached\n");
cleanup:
    printf("cleanup with status %d\n", status);
    return 0;
}
