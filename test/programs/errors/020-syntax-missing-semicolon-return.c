/* A return statement without its ';': reported at the '}' that follows. */
static int twice(int v) {
    if (v != 0) {
        return v * 2
    }
//  ^ E1001
    return 0;
}

int main(void) {
    return twice(3);
}
