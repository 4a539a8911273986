/* Assignments between incompatible types: reported at the value that cannot be converted. */
struct point { int x, y; };

int main(void) {
    struct point p = {1, 2};
    int n = 0;
    double *dp = 0;
    n = p;
//      ^ E3002
    p = n;
//      ^ E3002
    dp = 2.5;
//       ^ E3002
    return n + (dp == 0);
}
