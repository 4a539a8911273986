/* Malformed numeric literals, each reported at the start of the literal. */
int main(void) {
    int a = 09;
//          ^ E0005
    int b = 0x;
//          ^ E0005
    int c = 0b102;
//          ^ E0005
    int d = 123abc;
//          ^ E0005
    return a + b + c + d;
}
