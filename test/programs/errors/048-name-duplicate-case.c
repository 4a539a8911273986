/* Two case labels with the same value, written differently: reported at the second 'case'. */
enum { ONE = 1 };

int main(void) {
    int x = 1, r = 0;
    switch (x) {
    case 1: r = 10; break;
    case 2: r = 20; break;
    case ONE: r = 30; break;
//  ^ E2008
    }
    return r;
}
