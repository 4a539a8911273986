/* Floating point: float vs double arithmetic, conversions, and libc math as instructions. */
#include <math.h>
double norm(float x, double y, long n) {
    float h = x * 0.5f;                 /* stays in float */
    double r = sqrt(h * h + y * y);     /* float promoted to double */
    return fabs(r) + (double)n + (int)floor(y);
}
