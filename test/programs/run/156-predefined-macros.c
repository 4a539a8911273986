/* Predefined macros that have deterministic values: __LINE__, __STDC__, __STDC_VERSION__, __func__.
   (#line is left out: enstage ignores it, see grammar/spec.md section 3.4.) */
#include <stdio.h>

#define ID(x) x
#define HERE() printf("line %d in %s\n", __LINE__, __func__)
#define CHECK(cond) do { if (!(cond)) printf("check failed at line %d: %s\n", __LINE__, #cond); \
                         else printf("check passed: %s\n", #cond); } while (0)

static void helper(void) {
    HERE();
    printf("__func__ is \"%s\" (sizeof %zu)\n", __func__, sizeof __func__);
}

int main(void) {
    printf("__STDC__ %d\n", __STDC__);
    printf("__STDC_VERSION__ %ld\n", __STDC_VERSION__);
    printf("__STDC_HOSTED__ %d\n", __STDC_HOSTED__);
    printf("line %d\n", __LINE__);
    HERE();
    helper();
    int first = __LINE__;
    int second = __LINE__;
    printf("lines differ by %d\n", second - first);
    CHECK(1 + 1 == 2);
    CHECK(sizeof(long) == 4);
    printf("__LINE__ in a macro argument: %d\n", ID(__LINE__));
    return 0;
}
