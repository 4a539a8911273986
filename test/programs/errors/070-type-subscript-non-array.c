/* Subscripting something that is neither an array nor a pointer. */
int main(void) {
    int n = 5;
    double d = 1.5;
    int a = n[0];
//          ^ E3008
    double b = d[1];
//             ^ E3008
    return a + (int)b;
}
