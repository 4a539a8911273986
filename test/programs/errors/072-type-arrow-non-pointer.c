/* '->' on a struct value and on a pointer to int. */
struct point { int x, y; };

int main(void) {
    struct point p = {1, 2};
    int n = 3;
    int *q = &n;
    int a = p->x;
//          ^ E3027
    int b = q->y;
//          ^ E3027
    return a + b;
}
