/* Convention for this file: using the value of a void expression is reported at the start of that
   void expression. */
static void log_value(int v) { (void)v; }

int main(void) {
    int x = 1;
    x = log_value(2);
//      ^ E3010
    return x;
}
