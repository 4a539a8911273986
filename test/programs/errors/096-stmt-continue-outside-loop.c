/* continue is not allowed in a switch that is not inside a loop, nor at function level. */
int main(void) {
    int x = 1, r = 0;
    switch (x) {
    case 1:
        r = 1;
        continue;
//      ^ E4002
    default:
        break;
    }
    continue;
//  ^ E4002
    return r;
}
