/* Conditional compilation: #ifdef, #ifndef, #if with arithmetic, #elif, #else, defined(), #undef. */
#include <stdio.h>
#include <limits.h>

#define FEATURE_A
#define LEVEL 3
#define ZERO 0

int main(void) {
#ifdef FEATURE_A
    printf("FEATURE_A on\n");
#else
    printf("FEATURE_A off\n");
#endif

#ifndef FEATURE_B
    printf("FEATURE_B off\n");
#endif

#if LEVEL > 5
    printf("level high\n");
#elif LEVEL > 2
    printf("level medium (%d)\n", LEVEL);
#elif LEVEL > 0
    printf("level low\n");
#else
    printf("level none\n");
#endif

#if defined(FEATURE_A) && !defined(FEATURE_B)
    printf("A without B\n");
#endif

#if defined FEATURE_A || defined FEATURE_B
    printf("A or B\n");
#endif

#if ZERO
    printf("never compiled\n");
#endif

#if UNDEFINED_NAME == 0
    printf("undefined identifiers are 0 in #if\n");
#endif

#if (LEVEL * 2 + 1) % 4 == 3 && (1 << 4) == 16
    printf("arithmetic in #if works\n");
#endif

#if INT_MAX == 2147483647
    printf("32-bit int\n");
#endif

#if LONG_MAX > 2147483647L
    printf("64-bit long\n");
#endif

#if 0
    this text is not C at all, but it is skipped ( [ {
#endif

#undef FEATURE_A
#ifdef FEATURE_A
    printf("still defined\n");
#else
    printf("FEATURE_A undefined now\n");
#endif

    /* nested conditionals */
#if LEVEL >= 1
#  if LEVEL >= 2
#    ifdef FEATURE_B
    printf("nested B\n");
#    else
    printf("nested level >= 2 without B\n");
#    endif
#  endif
#endif

#if -1 < 0
    printf("-1 < 0 in the preprocessor\n");
#endif
#if 'A' == 65
    printf("character constants in #if\n");
#endif
    return 0;
}
