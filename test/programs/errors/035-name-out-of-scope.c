/* Names used after their scope ended: a block variable and a for-loop variable. */
int main(void) {
    int total = 0;
    {
        int inner = 5;
        total += inner;
    }
    total += inner;
//           ^ E2001
    for (int i = 0; i < 3; i++) total += i;
    return total + i;
//                 ^ E2001
}
