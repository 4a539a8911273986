/* Objects of incomplete struct type: reported at the declarator name. */
struct opaque;

int main(void) {
    struct opaque handle;
//                ^ E3011
    struct never_defined other;
//                       ^ E3011
    (void)&handle;
    (void)&other;
    return 0;
}
