/* Global variables shared by several functions: a stack machine with a global stack. */
#include <stdio.h>

#define STACK_MAX 32

long stack[STACK_MAX];
int sp;
int max_depth;
int errors;

static void push(long v) {
    if (sp == STACK_MAX) {
        errors++;
        return;
    }
    stack[sp++] = v;
    if (sp > max_depth) max_depth = sp;
}

static long pop(void) {
    if (sp == 0) {
        errors++;
        return 0;
    }
    return stack[--sp];
}

static void run(const char *prog) {
    for (const char *p = prog; *p; p++) {
        long a, b;
        switch (*p) {
        case '0' ... '9': push(*p - '0'); break;
        case '+': b = pop(); a = pop(); push(a + b); break;
        case '-': b = pop(); a = pop(); push(a - b); break;
        case '*': b = pop(); a = pop(); push(a * b); break;
        case 'd': a = pop(); push(a); push(a); break;
        case 's': b = pop(); a = pop(); push(b); push(a); break;
        case ' ': break;
        default: errors++;
        }
    }
}

int main(void) {
    const char *programs[] = {"12+3*", "9d*d*", "5 3 - 2 s -", "+", "99999999*******", "2x3"};
    for (int i = 0; i < 6; i++) {
        sp = 0;
        max_depth = 0;
        errors = 0;
        run(programs[i]);
        printf("%-16s -> top %ld depth %d max %d errors %d\n", programs[i], sp ? stack[sp - 1] : 0L, sp,
               max_depth, errors);
    }
    return 0;
}
