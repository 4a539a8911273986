/* A global defined twice with initializers. */
int counter = 1;
int counter = 2;
//  ^ E2002
int main(void) {
    return counter;
}
