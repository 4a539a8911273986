/* Prototypes: forward declarations, argument conversion by prototype, parameter names optional. */
#include <stdio.h>

double average(int count, const double *values);
long widen(long);
float halve(float x);
unsigned char low_byte(unsigned char);
void report(const char *, double);
static int compare(int a, int b);
int (*pick(int which))(int, int);

int main(void) {
    double v[] = {1.0, 2.0, 4.0};
    /* the prototype converts each argument to the parameter type */
    report("average", average(3, v));
    printf("widen(7) %ld\n", widen(7));              /* int -> long */
    printf("widen('a') %ld\n", widen('a'));          /* char -> long */
    printf("halve(5) %.2f\n", halve(5));             /* int -> float */
    printf("halve(2.5) %.2f\n", (double)halve(2.5)); /* double -> float */
    printf("low_byte(0x1234) %u\n", low_byte(0x1234)); /* int -> unsigned char */
    printf("low_byte(-1) %u\n", low_byte((unsigned char)-1));
    printf("compare %d %d %d\n", compare(1, 2), compare(2, 2), compare(3, 2));
    printf("pick(0)(3, 4) %d, pick(1)(3, 4) %d\n", pick(0)(3, 4), pick(1)(3, 4));
    return 0;
}

double average(int count, const double *values) {
    double s = 0;
    for (int i = 0; i < count; i++) s += values[i];
    return count ? s / count : 0;
}

long widen(long x) { return x * 1000000000L; }
float halve(float x) { return x / 2; }
unsigned char low_byte(unsigned char b) { return b; }
void report(const char *what, double value) { printf("%s = %.4f\n", what, value); }
static int compare(int a, int b) { return (a > b) - (a < b); }
static int add(int a, int b) { return a + b; }
static int mul(int a, int b) { return a * b; }
int (*pick(int which))(int, int) { return which ? mul : add; }
