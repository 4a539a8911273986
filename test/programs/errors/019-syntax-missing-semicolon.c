/* A declaration without its ';': reported at the token that follows instead. */
int main(void) {
    int x = 1
    int y = 2;
//  ^ E1001
    return x + y;
}
