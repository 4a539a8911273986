/* A variable that was never declared. */
int main(void) {
    return undefined_var;
//         ^ E2001
}
