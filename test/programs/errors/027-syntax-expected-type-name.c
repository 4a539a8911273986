/* A struct member declaration must start with a type. */
struct point {
    int x;
    5 y;
//  ^ E1005
};

int main(void) {
    struct point p = {1};
    return p.x;
}
