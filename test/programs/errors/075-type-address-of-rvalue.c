/* Taking the address of values that have none: reported at the '&'. */
int main(void) {
    int a = 1, b = 2;
    int *p = &5;
//           ^ E3012
    int *q = &(a + b);
//           ^ E3012
    register int r = 3;
    int *s = &r;
//           ^ E3012
    return *p + *q + *s;
}
