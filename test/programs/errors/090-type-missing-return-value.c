/* A bare 'return;' in a function that returns int is only a warning, as in gcc (reported at
   'return'); the error that makes this file invalid is returning a value from a void function. */
static int parse_digit(char c) {
    if (c < '0' || c > '9') return;
//                          ^ W0006
    return c - '0';
}

static void store(int *out, int v) {
    *out = v;
    return v;
//  ^ E3015
}

int main(void) {
    int x = 0;
    store(&x, parse_digit('7'));
    return x;
}
