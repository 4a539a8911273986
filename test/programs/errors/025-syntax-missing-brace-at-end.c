/* Convention for this file: when the input ends inside an open block, E1006 points at the end of
   input, just past the last token of the file (here the column after the final '}'). */
int main(void) {
    int x = 1;
    if (x) {
        x = 2;
    }
//   ^ E1006
