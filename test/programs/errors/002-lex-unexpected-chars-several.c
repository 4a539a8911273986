/* Three independent stray characters, each reported (dropping them leaves valid code). */
int a = 1;
int b = `2;
//      ^ E0001
int main(void) {
    int c = \a;
//          ^ E0001
    int d = c;
    d += `1;
//       ^ E0001
    return d + b;
}
