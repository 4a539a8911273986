/* Warnings are annotated like errors (conversion warnings in an assignment point at the converted value, a
   pointer comparison at its left operand, an implicit int at the declarator name); this file also
   has one error, so it cannot compile. */
#include <stdio.h>

static counter = 0;
//     ^ W0007

int main(void) {
    int n = 1;
    double d = 2.0;
    int *ip = &n;
    double *dp = &d;
    const char *message = "hello";
    char *mutable_text = NULL;
    ip = dp;
//       ^ W0005
    mutable_text = message;
//                 ^ W0009
    n = ip;
//      ^ W0004
    if (ip == 5) n++;
//      ^ W0010
    n += helper_not_declared(n);
//       ^ W0003
    printf("%d %s %d\n", n, mutable_text, counter);
    return n + missing_variable;
//             ^ E2001
}
