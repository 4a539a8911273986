/* break with no enclosing loop or switch: reported at 'break'. */
int main(void) {
    int x = 3;
    if (x > 2) {
        break;
//      ^ E4001
    }
    return x;
}
