/* An old-style definition declares a parameter that is not in its identifier list; reported at
   that name. */
int add(a, b)
    int a;
    int b;
    int c;
//      ^ E2015
{
    return a + b;
}

int main(void) {
    return add(1, 2);
}
