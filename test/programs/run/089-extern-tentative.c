/* extern declarations, tentative definitions, and declarations inside function bodies. */
#include <stdio.h>

extern int shared;          /* declared here, defined below */
int tentative;              /* a tentative definition: zero */
int tentative;              /* repeating it is allowed */
int defined_later;          /* tentative, then defined with a value */
int defined_later = 17;
extern const char message[];

static int read_shared(void) {
    extern int shared; /* block-scope extern refers to the same object */
    return shared;
}

static void bump(void) {
    extern int tentative;
    tentative += 5;
}

int shared = 123;
const char message[] = "extern array";

int twice(int);             /* prototype only */

int main(void) {
    printf("shared %d via function %d\n", shared, read_shared());
    shared = 456;
    printf("shared now %d\n", read_shared());
    printf("tentative %d\n", tentative);
    bump();
    bump();
    printf("tentative %d\n", tentative);
    printf("defined_later %d\n", defined_later);
    printf("%s (%zu)\n", message, sizeof message);
    int twice(int);         /* a block-scope function declaration */
    printf("twice(21) %d\n", twice(21));
    return 0;
}

int twice(int x) { return 2 * x; }
