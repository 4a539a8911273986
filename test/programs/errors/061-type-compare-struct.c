/* Structs cannot be compared with == or <, even when they have the same type. */
struct pair { int a, b; };

int main(void) {
    struct pair x = {1, 2}, y = {1, 2};
    if (x == y) return 1;
//      ^ E3001
    return x.a < y.a ? 0 : x < y;
//                         ^ E3001
}
