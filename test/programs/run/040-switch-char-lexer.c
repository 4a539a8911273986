/* A small tokenizer driven by a switch on characters. */
#include <stdio.h>

int main(void) {
    const char *src = "x1 = (a + 42) * b_2 - 7 / y; // done";
    int idents = 0, numbers = 0, ops = 0, parens = 0, others = 0;
    const char *p = src;
    while (*p) {
        switch (*p) {
        case ' ':
        case '\t':
            p++;
            break;
        case '(':
        case ')':
            parens++;
            printf("PAREN %c\n", *p++);
            break;
        case '+': case '-': case '*': case '=': case ';':
            ops++;
            printf("OP %c\n", *p++);
            break;
        case '/':
            if (p[1] == '/') {
                printf("COMMENT %s\n", p);
                while (*p) p++;
            } else {
                ops++;
                printf("OP /\n");
                p++;
            }
            break;
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9': {
            long v = 0;
            while (*p >= '0' && *p <= '9') v = v * 10 + (*p++ - '0');
            numbers++;
            printf("NUM %ld\n", v);
            break;
        }
        default:
            if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_') {
                char name[32];
                int n = 0;
                while (((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_' ||
                        (*p >= '0' && *p <= '9')) && n < 31)
                    name[n++] = *p++;
                name[n] = '\0';
                idents++;
                printf("IDENT %s\n", name);
            } else {
                others++;
                p++;
            }
        }
    }
    printf("idents %d numbers %d ops %d parens %d others %d\n", idents, numbers, ops, parens, others);
    return 0;
}
