/* Checking bracket balance with an explicit stack; reporting the first error position. */
#include <stdio.h>
#include <string.h>

static int check(const char *s, int *err_pos) {
    char stack[64];
    int sp = 0;
    for (int i = 0; s[i]; i++) {
        char c = s[i];
        if (c == '(' || c == '[' || c == '{') {
            if (sp == 64) { *err_pos = i; return 0; }
            stack[sp++] = c;
        } else if (c == ')' || c == ']' || c == '}') {
            char want = c == ')' ? '(' : c == ']' ? '[' : '{';
            if (sp == 0 || stack[sp - 1] != want) {
                *err_pos = i;
                return 0;
            }
            sp--;
        }
    }
    *err_pos = (int)strlen(s);
    return sp == 0;
}

static int max_depth(const char *s) {
    int d = 0, m = 0;
    for (; *s; s++) {
        if (strchr("([{", *s)) m = ++d > m ? d : m;
        else if (strchr(")]}", *s)) d--;
    }
    return m;
}

int main(void) {
    const char *tests[] = {
        "", "()", "([]{})", "(]", "((())", "{[()()]}", "a(b[c]d)e", "())(", "[{(})]", "int main(void) { return a[f(1)]; }",
    };
    for (int i = 0; i < 10; i++) {
        int pos;
        int ok = check(tests[i], &pos);
        printf("%-38s %s", tests[i], ok ? "balanced" : "unbalanced");
        if (!ok) printf(" (at %d)", pos);
        printf(", depth %d\n", max_depth(tests[i]));
    }
    return 0;
}
