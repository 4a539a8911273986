/* Writing to const objects: plain, compound, increment, and through a pointer to const. */
int main(void) {
    const int limit = 10;
    int x = 1;
    const int *p = &x;
    limit = 20;
//  ^ E3004
    limit += 1;
//  ^ E3004
    limit++;
//  ^ E3004
    *p = 5;
//  ^ E3004
    return limit + x;
}
