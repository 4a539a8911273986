/* Unary operators on operands they do not accept: reported at the operator. */
struct point { int x, y; };

int main(void) {
    struct point p = {1, 2};
    double d = 1.5;
    int *ptr = &p.x;
    int a = -p;
//          ^ E3016
    int b = ~d;
//          ^ E3016
    int c = !p;
//          ^ E3016
    int *e = -ptr;
//           ^ E3016
    return a + b + c + (e != 0);
}
