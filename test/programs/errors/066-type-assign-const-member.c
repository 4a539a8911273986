/* A member of a const struct, and a const member of a struct, are not assignable. */
struct config { const int version; int level; };

int main(void) {
    const struct config a = {1, 2};
    struct config b = {3, 4};
    a.level = 5;
//  ^ E3004
    b.version = 6;
//  ^ E3004
    return a.level + b.version;
}
