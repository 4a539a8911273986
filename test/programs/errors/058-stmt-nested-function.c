/* Convention for this file: a function definition inside another function (a GNU extension that
   fragments do not allow) is reported at the inner function's name. */
int main(void) {
    int base = 10;
    int inner(int x) {
//      ^ E4005
        return x + 1;
    }
    return inner(base);
}
