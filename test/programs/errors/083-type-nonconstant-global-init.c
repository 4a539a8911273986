/* File-scope initializers must be constant: reported at the start of the initializer expression. */
static int base(void) { return 4; }

int first = 10;
int second = first + 1;
//           ^ E3020
int third = base();
//          ^ E3020
static int *ok_pointer = &first;

int main(void) {
    return second + third + *ok_pointer;
}
