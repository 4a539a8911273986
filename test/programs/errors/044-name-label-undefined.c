/* Convention for this file: a goto to a label that does not exist is reported at the label name in
   the goto statement. */
int main(void) {
    int x = 0;
    if (x == 0) goto finish;
//                   ^ E2004
    x = 1;
done:
    return x;
}
