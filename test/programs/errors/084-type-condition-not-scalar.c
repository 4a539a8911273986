/* Conditions of struct type in if, while, for, ?: and !: reported at the condition expression. */
struct flag { int on; };

int main(void) {
    struct flag f = {1};
    int n = 0;
    if (f) n++;
//      ^ E3021
    while (f) n++;
//         ^ E3021
    for (; f;) n++;
//         ^ E3021
    n += f ? 1 : 2;
//       ^ E3021
    return n;
}
