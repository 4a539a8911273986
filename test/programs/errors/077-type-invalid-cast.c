/* Casts between scalars and structs are not allowed: reported at the '(' of the cast. */
struct point { int x, y; };

int main(void) {
    struct point p = {1, 2};
    int a = (int)p;
//          ^ E3014
    struct point q = (struct point)a;
//                   ^ E3014
    double *dp = (double *)p;
//               ^ E3014
    return a + q.x + (dp != 0);
}
