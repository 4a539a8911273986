/* A conditional expression without its ':'. */
int main(void) {
    int a = 1, b = 2, c = 3;
    int r = a ? b c;
//                ^ E1001
    return r;
}
