/* sizeof and _Alignof applied to incomplete types: reported at the keyword. */
struct opaque;
extern int unknown_length[];

int main(void) {
    unsigned long a = sizeof(struct opaque);
//                    ^ E3023
    unsigned long b = sizeof unknown_length;
//                    ^ E3023
    unsigned long c = _Alignof(struct opaque);
//                    ^ E3023
    return (int)(a + b + c);
}
