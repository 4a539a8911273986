/* An argument that cannot convert to its parameter type: reported at that argument. */
struct point { int x, y; };

static int norm1(struct point p) { return p.x + p.y; }
static double scale(double v, int k) { return v * k; }

int main(void) {
    struct point p = {3, 4};
    int r = norm1(5);
//                ^ E3007
    double d = scale(2.0, p);
//                        ^ E3007
    return r + (int)d;
}
