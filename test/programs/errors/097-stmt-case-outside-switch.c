/* case and default labels with no enclosing switch: reported at the keyword. */
int main(void) {
    int x = 2;
    if (x) {
    case 2:
//  ^ E4003
        x = 5;
    }
    default:
//  ^ E4003
    return x;
}
