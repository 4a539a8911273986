/* goto: a jump into the middle of a loop makes the control flow irreducible; the Relooper
 * turns the graph back into structured wasm with a label variable. */
int scan(const char *s) {
    int n = 0;
    if (*s == '#') goto comment;
    while (*s) {
        n++;
    comment:
        s++;
        if (*s == '!') goto done;
    }
done:
    return n;
}
