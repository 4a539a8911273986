/* Array sizes that are not positive integer constants: reported at the size expression. */
  int negative[-3];
//             ^ E3017
int main(void) {
    int fractional[2.5];
//                 ^ E3017
    return negative[0] + fractional[0];
}
