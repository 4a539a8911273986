/* An initializer list closed by ';' instead of '}'. */
int main(void) {
    int a[] = {1, 2, 3;
//                    ^ E1001
    return a[0];
}
