/* Orders of evaluation that C does define: &&, ||, ?:, comma, full expressions and function calls. */
#include <stdio.h>

static char log_buf[64];
static int log_len;

static int note(char c, int v) {
    log_buf[log_len++] = c;
    log_buf[log_len] = '\0';
    return v;
}

static void reset(void) {
    log_len = 0;
    log_buf[0] = '\0';
}

int main(void) {
    reset();
    int r = note('a', 1) && note('b', 0) && note('c', 1);
    printf("&& chain = %d, order %s\n", r, log_buf);
    reset();
    r = note('a', 0) || note('b', 0) || note('c', 5);
    printf("|| chain = %d, order %s\n", r, log_buf);
    reset();
    r = note('a', 1) ? note('b', 2) : note('c', 3);
    printf("?: = %d, order %s\n", r, log_buf);
    reset();
    r = (note('a', 1), note('b', 2), note('c', 3));
    printf("comma = %d, order %s\n", r, log_buf);

    /* statement boundaries are sequence points */
    reset();
    int x = note('x', 10);
    int y = note('y', x + 1);
    int z = note('z', x + y);
    printf("x %d y %d z %d, order %s\n", x, y, z, log_buf);

    /* a function's arguments are all evaluated before the call begins */
    reset();
    int inner = note('i', note('j', 4) * 2);
    printf("inner %d, order %s\n", inner, log_buf);

    /* the controlling expression of if/while/for is a full expression */
    reset();
    int i = 0;
    while (note('w', i < 3)) i++;
    printf("while evaluated %d times: %s\n", log_len, log_buf);

    /* increments separated by sequence points */
    int k = 0;
    k++, k++, ++k;
    int m = (k++ > 2) ? k : -k;
    printf("k %d m %d\n", k, m);
    int a = 5;
    int b = (a += 2) && (a *= 3);
    printf("a %d b %d\n", a, b);
    return 0;
}
