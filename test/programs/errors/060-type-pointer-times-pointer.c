/* Operators that pointers do not support: *, / and + between two pointers, and % on a double. */
int main(void) {
    int a = 1, b = 2;
    int *p = &a, *q = &b;
    long m = p * q;
//           ^ E3001
    long s = p + q;
//           ^ E3001
    double d = 7.5;
    double r = d % 2;
//             ^ E3001
    return (int)(m + s + r);
}
