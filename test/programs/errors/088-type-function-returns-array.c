/* Convention for this file: a function declared to return an array or a function is reported at its
   declarator name. */
int make_row(void)[3];
//  ^ E3025
int pick(int)(int);
//  ^ E3025
int main(void) {
    return 0;
}
