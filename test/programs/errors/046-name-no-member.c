/* Convention for this file: a member that does not exist is reported at the start of the member
   access expression. */
struct point { int x, y; };

int main(void) {
    struct point p = {1, 2};
    struct point *pp = &p;
    int a = p.z;
//          ^ E2006
    int b = pp->w;
//          ^ E2006
    return a + b;
}
