/* Convention for this file: an invalid combination of type specifiers is reported at the first type
   specifier keyword of the declaration. */
  long char c1 = 'a';
//^ E2013
int main(void) {
    unsigned double d = 1;
//  ^ E2013
    short long s = 2;
//  ^ E2013
    return c1 + (int)d + s;
}
