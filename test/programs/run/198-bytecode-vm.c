/* A tiny stack-based bytecode interpreter: loops, jumps, and a factorial program. */
#include <stdio.h>

enum op { PUSH, LOAD, STORE, ADD, SUB, MUL, LT, JZ, JMP, PRINT, HALT };
static const char *const names[] = {"PUSH", "LOAD", "STORE", "ADD", "SUB", "MUL", "LT", "JZ", "JMP", "PRINT", "HALT"};

static long run(const int *code, int trace) {
    long stack[32], vars[4] = {0};
    int sp = 0, pc = 0;
    long steps = 0;
    for (;;) {
        int op = code[pc++];
        steps++;
        if (trace) printf("  %2d %-5s sp=%d\n", pc - 1, names[op], sp);
        switch (op) {
        case PUSH: stack[sp++] = code[pc++]; break;
        case LOAD: stack[sp++] = vars[code[pc++]]; break;
        case STORE: vars[code[pc++]] = stack[--sp]; break;
        case ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
        case JZ: { int target = code[pc++]; if (!stack[--sp]) pc = target; break; }
        case JMP: pc = code[pc]; break;
        case PRINT: printf("out: %ld\n", stack[--sp]); break;
        case HALT: return steps;
        }
    }
}

int main(void) {
    /* print 2 + 3 * 4 */
    int simple[] = {PUSH, 2, PUSH, 3, PUSH, 4, MUL, ADD, PRINT, HALT};
    printf("simple program, traced:\n");
    long steps = run(simple, 1);
    printf("steps %ld\n", steps);

    /* v0 = 1 (acc), v1 = 1 (i); while (i < 16) { acc *= i; i += 1; print acc } */
    int fact[] = {
        PUSH, 1, STORE, 0, PUSH, 1, STORE, 1,
        /* 8: */ LOAD, 1, PUSH, 16, LT, JZ, 34,
        LOAD, 0, LOAD, 1, MUL, STORE, 0,
        LOAD, 1, PUSH, 1, ADD, STORE, 1,
        LOAD, 0, PRINT, JMP, 8,
        /* 34: */ HALT,
    };
    steps = run(fact, 0);
    printf("factorial program took %ld steps\n", steps);
    return 0;
}
