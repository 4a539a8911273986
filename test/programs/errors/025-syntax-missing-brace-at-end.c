/* Convention for this file: when the input ends inside an open block, E1006 points at the last
   token of the file. */
int main(void) {
    int x = 1;
    if (x) {
        x = 2;
    }
//  ^ E1006
