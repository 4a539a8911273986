/* Returning a value that cannot convert to the function's type: reported at the returned value. */
struct point { int x, y; };

static int first(struct point p) {
    return p;
//         ^ E3002
}

int main(void) {
    struct point p = {1, 2};
    return first(p);
}
