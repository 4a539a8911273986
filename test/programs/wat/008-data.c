/* Static data: initialized globals, a string literal, address constants (pointers into other
 * objects and to functions), and a static local. */
static int table[4] = { 10, 20, 30 };
int *third = &table[2];
const char *greeting = "hi";
static int inc(int x) { return x + 1; }
int (*op)(int) = inc;

int next(void) {
    static int calls;
    calls++;
    return op(*third + calls) + greeting[1];
}
