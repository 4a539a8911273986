/* The same name defined twice in one scope: reported at the second declarator. */
int main(void) {
    int x = 1;
    int x = 2;
//      ^ E2002
    return x;
}
