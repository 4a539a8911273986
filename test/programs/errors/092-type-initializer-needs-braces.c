/* Convention for this file: a bad initializer is reported at the start of the initializer. An array
   needs braces (or a string, for char arrays); a struct needs braces or a value of its own type,
   so a plain int for a struct is an incompatible conversion. */
struct point { int x, y; };

int main(void) {
    int v[3] = 5;
//             ^ E3030
    struct point p = 7;
//                   ^ E3002
    return v[0] + p.x;
}
