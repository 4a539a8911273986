/* Dereferencing values that are not pointers: reported at the '*'. */
int main(void) {
    int n = 4;
    double d = 2.0;
    int a = *n;
//          ^ E3013
    double b = *d;
//             ^ E3013
    return a + (int)b;
}
