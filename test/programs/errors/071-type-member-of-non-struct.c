/* '.' on values that are not structs or unions. */
int main(void) {
    int n = 5;
    int *p = &n;
    int a = n.value;
//          ^ E3009
    int b = p.value;
//          ^ E3009
    return a + b;
}
