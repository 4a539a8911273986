/* An array declarator without its closing ']'. */
int main(void) {
    int a[3;
//         ^ E1001
    a[0] = 1;
    return a[0];
}
