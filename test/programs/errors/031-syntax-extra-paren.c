/* One closing parenthesis too many in an expression statement. */
int main(void) {
    int x;
    x = (1 + 2));
//             ^ E1001
    return x;
}
