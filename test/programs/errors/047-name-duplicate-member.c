/* Two members with the same name in one struct, and in a union: reported at the second one. */
struct s {
    int a;
    double a;
//         ^ E2007
};
union u {
    char tag;
    long value;
    short tag;
//        ^ E2007
};
int main(void) {
    struct s v;
    union u w;
    v.a = 1;
    w.value = 2;
    return (int)(v.a + w.value);
}
