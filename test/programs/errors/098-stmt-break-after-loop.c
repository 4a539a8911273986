/* A loop's body ends before the break: the break in the following block has no loop. */
int main(void) {
    int total = 0;
    for (int i = 0; i < 4; i++)
        total += i;
    {
        total *= 2;
        break;
//      ^ E4001
    }
    while (total > 100) total /= 2;
    continue;
//  ^ E4002
    return total;
}
