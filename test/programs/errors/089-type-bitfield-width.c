/* Convention for this file: a bit-field width that is negative, zero for a named field, or wider
   than its type is reported at the width expression. */
struct flags {
    unsigned wide : 40;
//                  ^ E3026
    int negative : -1;
//                 ^ E3026
    unsigned char tiny : 9;
//                       ^ E3026
    unsigned named_zero : 0;
//                        ^ E3026
};

int main(void) {
    struct flags f = {0};
    return (int)f.wide;
}
