/* Variable-length arrays are not supported: reported at the size expression. */
int main(void) {
    int n = 4;
    int values[n];
//             ^ E3031
    double grid[2][n + 1];
//                 ^ E3031
    values[0] = 1;
    grid[0][0] = 2.0;
    return values[0] + (int)grid[0][0];
}
