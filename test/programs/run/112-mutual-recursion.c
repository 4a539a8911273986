/* Mutual recursion: even/odd, Hofstadter's female and male sequences, a recursive-descent parser. */
#include <stdio.h>

static int is_odd(unsigned n);
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

static int male(int n);
static int female(int n) { return n == 0 ? 1 : n - male(female(n - 1)); }
static int male(int n) { return n == 0 ? 0 : n - female(male(n - 1)); }

/* expr := term (('+'|'-') term)* ; term := factor (('*'|'/') factor)* ; factor := num | '(' expr ')' | '-' factor */
static const char *pos;
static long expr(void);

static long factor(void) {
    if (*pos == '(') {
        pos++;
        long v = expr();
        pos++; /* ')' */
        return v;
    }
    if (*pos == '-') {
        pos++;
        return -factor();
    }
    long v = 0;
    while (*pos >= '0' && *pos <= '9') v = v * 10 + (*pos++ - '0');
    return v;
}

static long term(void) {
    long v = factor();
    while (*pos == '*' || *pos == '/') {
        char op = *pos++;
        long r = factor();
        v = op == '*' ? v * r : v / r;
    }
    return v;
}

static long expr(void) {
    long v = term();
    while (*pos == '+' || *pos == '-') {
        char op = *pos++;
        long r = term();
        v = op == '+' ? v + r : v - r;
    }
    return v;
}

static long eval(const char *s) {
    pos = s;
    return expr();
}

int main(void) {
    for (unsigned n = 0; n < 8; n++) printf("%u:%s ", n, is_even(n) ? "even" : "odd");
    printf("\nis_even(1001) %d\n", is_even(1001));
    printf("F:");
    for (int n = 0; n < 15; n++) printf(" %d", female(n));
    printf("\nM:");
    for (int n = 0; n < 15; n++) printf(" %d", male(n));
    printf("\n");
    const char *exprs[] = {"1+2*3", "(1+2)*3", "100/7/2", "-(4-10)*-2", "2*(3+(4-1)*5)-6/4", "42"};
    for (int i = 0; i < 6; i++) printf("%s = %ld\n", exprs[i], eval(exprs[i]));
    return 0;
}
