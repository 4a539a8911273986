/* Convention for this file: a goto to a label that does not exist is reported at the goto statement
   (the label name may be defined later in the function, so the statement is what is wrong). */
int main(void) {
    int x = 0;
    if (x == 0) goto finish;
//              ^ E2004
    x = 1;
done:
    return x;
}
