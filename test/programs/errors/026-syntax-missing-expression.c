/* Places where an expression is required but missing. */
int main(void) {
    int y = ;
//          ^ E1004
    int z = (1 + );
//               ^ E1004
    int w = 3 * / 2;
//              ^ E1004
    return y + z + w;
}
