/* Arithmetic on a struct value: reported at the left operand. */
struct point { int x, y; };

int main(void) {
    struct point p = {1, 2};
    int r = p + 1;
//          ^ E3001
    return r;
}
