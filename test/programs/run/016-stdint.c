/* Fixed-width types from <stdint.h> and their printf macros from <inttypes.h>. */
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <inttypes.h>

int main(void) {
    int8_t i8 = INT8_MIN;
    uint8_t u8 = UINT8_MAX;
    int16_t i16 = INT16_MIN;
    uint16_t u16 = UINT16_MAX;
    int32_t i32 = INT32_MIN;
    uint32_t u32 = UINT32_MAX;
    int64_t i64 = INT64_MIN;
    uint64_t u64 = UINT64_MAX;
    printf("%" PRId8 " %" PRIu8 "\n", i8, u8);
    printf("%" PRId16 " %" PRIu16 "\n", i16, u16);
    printf("%" PRId32 " %" PRIu32 "\n", i32, u32);
    printf("%" PRId64 " %" PRIu64 "\n", i64, u64);
    printf("%" PRIx32 " %" PRIX64 "\n", u32, u64);

    printf("sizes: %zu %zu %zu %zu\n", sizeof(int8_t), sizeof(int16_t), sizeof(int32_t), sizeof(int64_t));
    printf("intptr %zu, uintmax %zu, size_t %zu, ptrdiff_t %zu\n",
           sizeof(intptr_t), sizeof(uintmax_t), sizeof(size_t), sizeof(ptrdiff_t));

    u8 += 1;
    i8 = (int8_t)(i8 - 1);
    printf("wrapped u8 %" PRIu8 ", i8 %" PRId8 "\n", u8, i8);

    uint32_t h = 2166136261u;
    const char *s = "fixed width";
    for (const char *p = s; *p; p++) {
        h ^= (uint8_t)*p;
        h *= 16777619u;
    }
    printf("fnv1a32 = %08" PRIx32 "\n", h);

    uint64_t x = UINT64_C(0x123456789abcdef0);
    uint32_t hi = (uint32_t)(x >> 32), lo = (uint32_t)x;
    printf("hi %08" PRIx32 " lo %08" PRIx32 "\n", hi, lo);
    int64_t neg = -INT64_C(5000000000);
    printf("neg / 3 = %" PRId64 "\n", neg / 3);
    intmax_t m = INTMAX_MAX;
    printf("intmax max %jd\n", m);
    return 0;
}
