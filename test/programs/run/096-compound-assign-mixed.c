/* Compound assignment where the operands have different types: double, float, char, pointers. */
#include <stdio.h>

int main(void) {
    double d = 1.0;
    d += 1;      /* int converted to double */
    d *= 2.5f;   /* float widened */
    d -= 'A';    /* char promoted then converted */
    d /= 4;
    printf("d %.4f\n", d);

    float f = 10.0f;
    f += 0.1;    /* computed in double, narrowed back to float */
    f *= 3;
    printf("f %.6f\n", f);

    int i = 7;
    i += 2.9;    /* 9.9 truncated to 9 */
    printf("i %d\n", i);
    i -= 0.5;    /* 8.5 -> 8 */
    printf("i %d\n", i);
    i *= -1.5;   /* -12.0 -> -12 */
    printf("i %d\n", i);

    char c = 'a';
    c += 1;
    c -= 32;
    c *= 1;
    printf("c %c\n", c);
    unsigned char uc = 10;
    uc -= 11;
    printf("uc %u\n", uc);
    uc <<= 1;
    printf("uc %u\n", uc);
    uc >>= 3;
    printf("uc %u\n", uc);

    long l = 5;
    l *= 1000000000;
    l += 3000000000u;
    printf("l %ld\n", l);
    unsigned u = 5;
    u -= 10L;    /* computed in long, converted to unsigned */
    printf("u %u\n", u);

    /* pointer += and -= */
    int arr[10] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    int *p = arr;
    p += 7;
    printf("*p %d\n", *p);
    p -= 3;
    printf("*p %d\n", *p);
    long step = 2;
    p += step;
    printf("*p %d\n", *p);
    char str[] = "compound";
    char *cp = str;
    cp += sizeof str - 2;
    printf("*cp %c\n", *cp);

    /* compound assignment to array elements and struct members */
    struct { double total; int count; } acc = {0, 0};
    double samples[] = {1.5, 2.25, 3.125};
    for (int k = 0; k < 3; k++) {
        acc.total += samples[k];
        acc.count += 1;
        arr[k] *= arr[k + 1];
    }
    printf("acc %.3f %d, arr %d %d %d\n", acc.total, acc.count, arr[0], arr[1], arr[2]);
    return 0;
}
