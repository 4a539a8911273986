/* Integer arithmetic: widths, signedness, narrowing and the usual conversions. */
int mix(int a, unsigned b, long c, char d) {
    unsigned char u = a;        /* narrowing: masked to 8 bits */
    short s = b + d;            /* computed in unsigned, kept as a sign-extended short */
    long w = a * c;             /* a widened to long first */
    return (a / 3) + (b % 5u) + (c >> 2) + (u << 1) + s + (int)w;
}
