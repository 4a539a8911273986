/* Convention for this file: a storage class where none is allowed is reported at its keyword. */
  auto int file_scope_auto = 1;
//^ E2014
  register int file_scope_register = 2;
//^ E2014
static int twice(static int x) {
//               ^ E2014
    return 2 * x;
}
int main(void) {
    return twice(file_scope_auto + file_scope_register);
}
