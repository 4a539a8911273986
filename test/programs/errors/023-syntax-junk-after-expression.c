/* Two expressions side by side with no operator between them. */
int main(void) {
    int x;
    x = 1 2;
//        ^ E1001
    return x;
}
