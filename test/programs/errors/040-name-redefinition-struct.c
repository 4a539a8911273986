/* Convention for this file: redefining a struct tag is reported at the tag name of the second
   definition. */
struct point { int x, y; };
struct point { int x, y, z; };
//     ^ E2002
int main(void) {
    struct point p = {1, 2};
    return p.x;
}
