/* A shunting-yard converter from infix to RPN and an RPN evaluator over doubles. */
#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int prec(char op) { return op == '^' ? 3 : (op == '*' || op == '/') ? 2 : (op == '+' || op == '-') ? 1 : 0; }
static int right_assoc(char op) { return op == '^'; }

static void to_rpn(const char *in, char *out) {
    char stack[64];
    int sp = 0;
    char *o = out;
    for (const char *p = in; *p; p++) {
        if (isspace((unsigned char)*p)) continue;
        if (isdigit((unsigned char)*p) || *p == '.') {
            while (isdigit((unsigned char)*p) || *p == '.') *o++ = *p++;
            *o++ = ' ';
            p--;
        } else if (*p == '(') {
            stack[sp++] = '(';
        } else if (*p == ')') {
            while (sp && stack[sp - 1] != '(') *o++ = stack[--sp], *o++ = ' ';
            sp--;
        } else {
            while (sp && stack[sp - 1] != '(' &&
                   (prec(stack[sp - 1]) > prec(*p) || (prec(stack[sp - 1]) == prec(*p) && !right_assoc(*p))))
                *o++ = stack[--sp], *o++ = ' ';
            stack[sp++] = *p;
        }
    }
    while (sp) *o++ = stack[--sp], *o++ = ' ';
    if (o > out) o--;
    *o = '\0';
}

static double eval_rpn(const char *rpn) {
    double st[64];
    int sp = 0;
    const char *p = rpn;
    while (*p) {
        if (*p == ' ') { p++; continue; }
        if (isdigit((unsigned char)*p)) {
            char *end;
            st[sp++] = strtod(p, &end);
            p = end;
            continue;
        }
        double b = st[--sp], a = st[--sp], r = 0;
        switch (*p) {
        case '+': r = a + b; break;
        case '-': r = a - b; break;
        case '*': r = a * b; break;
        case '/': r = a / b; break;
        case '^': r = 1; for (int i = 0; i < (int)b; i++) r *= a; break;
        }
        st[sp++] = r;
        p++;
    }
    return st[0];
}

int main(void) {
    const char *exprs[] = {"3 + 4 * 2", "(3 + 4) * 2", "2 ^ 3 ^ 2", "100 / 10 / 5", "1.5 * (2 + 2.5) - 0.75",
                           "((1 + 2) * (3 + 4)) / 7", "2 * 3 + 4 * 5 - 6 / 2", "7"};
    for (int i = 0; i < 8; i++) {
        char rpn[128];
        to_rpn(exprs[i], rpn);
        printf("%-26s => %-28s = %g\n", exprs[i], rpn, eval_rpn(rpn));
    }
    return 0;
}
