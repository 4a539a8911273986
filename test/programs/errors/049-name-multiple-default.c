/* Two default labels in one switch: reported at the second 'default'. */
int main(void) {
    int x = 3, r = 0;
    switch (x) {
    case 1: r = 1; break;
    default: r = 2; break;
    case 2: r = 3; break;
    default: r = 4; break;
//  ^ E2009
    }
    return r;
}
