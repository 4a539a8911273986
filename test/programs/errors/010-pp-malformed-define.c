/* #define and #undef without a valid macro name, each reported at the '#'. */
  #define
//^ E0011
  #define 123 456
//^ E0011
  #undef "name"
//^ E0011
int main(void) {
    return 0;
}
