/* A void function returning a value: reported at 'return'. */
static void reset(int *p) {
    *p = 0;
    return 1;
//  ^ E3015
}

int main(void) {
    int x = 5;
    reset(&x);
    return x;
}
