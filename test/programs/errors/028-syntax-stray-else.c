/* An else with no if before it. */
int main(void) {
    int x = 0;
    x = 1;
    else x = 2;
//  ^ E1003
    return x;
}
