/* Calling a value that is not a function: reported at the start of the call. */
int main(void) {
    int count = 3;
    int *p = &count;
    int r = count(2);
//          ^ E3005
    r += p(1);
//       ^ E3005
    return r;
}
