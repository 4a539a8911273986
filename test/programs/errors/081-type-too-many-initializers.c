/* Convention for this file: too many initializers are reported at the first one that does not fit. */
struct pair { int a, b; };

int main(void) {
    int v[2] = {1, 2, 3};
//                    ^ E3018
    struct pair p = {1, 2, 3};
//                         ^ E3018
    int m[2][2] = {{1, 2}, {3, 4}, {5, 6}};
//                                 ^ E3018
    return v[0] + p.a + m[0][0];
}
