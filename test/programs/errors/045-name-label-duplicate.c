/* Convention for this file: the second definition of a label is reported at its name. */
int main(void) {
    int x = 0;
again:
    x++;
    if (x < 3) goto again;
  again:
//^ E2005
    return x;
}
