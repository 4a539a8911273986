/* A function name reused for a variable, and a variable name reused for a typedef, at file scope. */
int compute(void);
int compute = 3;
//  ^ E2012
int total;
typedef double total;
//             ^ E2012
int main(void) {
    return compute;
}
