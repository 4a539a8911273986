/* Declarations mixed with statements (C99), declared right where they are first needed. */
#include <stdio.h>

int main(void) {
    printf("start\n");
    int a = 5;
    a *= 2;
    int b = a + 1;
    printf("a %d b %d\n", a, b);

    double ratio = (double)b / a;
    printf("ratio %.2f\n", ratio);

    int squares[5];
    for (int i = 0; i < 5; i++) squares[i] = i * i;
    int total = 0;
    for (int i = 0; i < 5; i++) total += squares[i];
    printf("total %d\n", total);

    const char *label = total > 20 ? "big" : "small";
    printf("%s\n", label);

    /* declarations after a label need a statement first in C11 */
    goto here;
here:;
    int after_label = 7;
    printf("after label %d\n", after_label);

    /* a declaration in a switch case body, inside braces */
    switch (a) {
    case 10: {
        int local = a * 3;
        printf("local %d\n", local);
        break;
    }
    default:
        break;
    }

    /* several declarators with different declarator forms in one declaration */
    int v = 1, *pv = &v, arr[2] = {3, 4}, (*pa)[2] = &arr;
    printf("v %d *pv %d (*pa)[1] %d\n", v, *pv, (*pa)[1]);

    /* a declaration whose initializer uses a variable declared just before on the same line */
    int m = 6, n = m * 2, o = n + m;
    printf("m %d n %d o %d\n", m, n, o);
    return 0;
}
