/* Infinities, NaN, signed zero and comparisons involving them. */
#include <stdio.h>
#include <math.h>
#include <float.h>

int main(void) {
    double zero = 0.0;
    double inf = 1.0 / zero;
    double ninf = -1.0 / zero;
    double nan_ = zero / zero;
    printf("inf %f, -inf %f, %e %g\n", inf, ninf, inf, ninf);
    printf("isinf %d %d, isnan %d, isfinite(1) %d, isfinite(inf) %d\n",
           isinf(inf) != 0, isinf(ninf) != 0, isnan(nan_) != 0, isfinite(1.0) != 0, isfinite(inf) != 0);
    printf("nan == nan %d, nan != nan %d, nan < 1 %d, nan > 1 %d\n",
           nan_ == nan_, nan_ != nan_, nan_ < 1, nan_ > 1);
    printf("inf > DBL_MAX %d, -inf < -DBL_MAX %d\n", inf > DBL_MAX, ninf < -DBL_MAX);
    printf("inf + 1 == inf %d, inf - inf is nan %d\n", inf + 1 == inf, isnan(inf - inf) != 0);

    double nz = -0.0;
    printf("-0.0 == 0.0 %d, signbit(-0.0) %d, 1/-0.0 = %f\n", nz == 0.0, signbit(nz) != 0, 1.0 / nz);

    printf("DBL_MAX %e, DBL_MIN %e, DBL_EPSILON %e\n", DBL_MAX, DBL_MIN, DBL_EPSILON);
    printf("FLT_MAX %e, FLT_MIN %e, FLT_EPSILON %e\n", FLT_MAX, FLT_MIN, FLT_EPSILON);
    printf("DBL_DIG %d, FLT_DIG %d, DBL_MANT_DIG %d, FLT_MANT_DIG %d\n", DBL_DIG, FLT_DIG, DBL_MANT_DIG, FLT_MANT_DIG);
    printf("1 + DBL_EPSILON > 1: %d, 1 + DBL_EPSILON / 2 > 1: %d\n", 1.0 + DBL_EPSILON > 1.0, 1.0 + DBL_EPSILON / 2 > 1.0);

    /* overflow to infinity and underflow to zero are defined for floating types */
    double big = DBL_MAX;
    printf("DBL_MAX * 2 = %f\n", big * 2);
    double tiny = DBL_MIN;
    printf("DBL_MIN / 2 > 0: %d, DBL_MIN / 1e300 = %g\n", tiny / 2 > 0, tiny / 1e300);
    float fbig = FLT_MAX;
    fbig *= 10.0f;
    printf("FLT_MAX * 10 in float = %f\n", fbig);

    /* NaN in a min/max loop: comparisons are false */
    double vals[] = {3.0, nan_, -1.0, 7.5};
    double mx = -INFINITY;
    int nans = 0;
    for (int i = 0; i < 4; i++) {
        if (vals[i] != vals[i]) { nans++; continue; }
        if (vals[i] > mx) mx = vals[i];
    }
    printf("max %g, nans %d\n", mx, nans);
    printf("INFINITY %f, HUGE_VAL %f, -HUGE_VAL %f\n", INFINITY, HUGE_VAL, -HUGE_VAL);
    return 0;
}
