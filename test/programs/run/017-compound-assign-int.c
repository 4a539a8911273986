/* Every compound assignment operator on char, short, int, long and their unsigned forms. */
#include <stdio.h>

#define APPLY_ALL(T, FMT, start)                                          \
    do {                                                                  \
        T v = (start);                                                    \
        v += 7; printf(#T " += 7  -> " FMT "\n", v);                      \
        v -= 3; printf(#T " -= 3  -> " FMT "\n", v);                      \
        v *= 5; printf(#T " *= 5  -> " FMT "\n", v);                      \
        v /= 2; printf(#T " /= 2  -> " FMT "\n", v);                      \
        v %= 7; printf(#T " %%= 7  -> " FMT "\n", v);                     \
        v <<= 3; printf(#T " <<= 3 -> " FMT "\n", v);                     \
        v >>= 1; printf(#T " >>= 1 -> " FMT "\n", v);                     \
        v &= 0x3c; printf(#T " &= 0x3c -> " FMT "\n", v);                 \
        v |= 0x41; printf(#T " |= 0x41 -> " FMT "\n", v);                 \
        v ^= 0x0f; printf(#T " ^= 0x0f -> " FMT "\n", v);                 \
    } while (0)

int main(void) {
    APPLY_ALL(signed char, "%d", 20);
    APPLY_ALL(unsigned char, "%u", 250);
    APPLY_ALL(short, "%d", 1000);
    APPLY_ALL(unsigned short, "%u", 65530);
    APPLY_ALL(int, "%d", 123456);
    APPLY_ALL(unsigned, "%u", 4294967290u);
    APPLY_ALL(long, "%ld", 9000000000L);
    APPLY_ALL(unsigned long long, "%llu", 18446744073709551610ull);

    /* compound assignment computes in the promoted type, then narrows */
    unsigned char uc = 200;
    uc += 100;
    printf("uc 200 += 100 -> %u\n", uc);
    uc = 10;
    uc -= 20;
    printf("uc 10 -= 20 -> %u\n", uc);
    signed char sc = 100;
    sc *= 3;
    printf("sc 100 *= 3 -> %d\n", sc);
    int i = 10;
    i *= 2.5;
    printf("int 10 *= 2.5 -> %d\n", i);
    i /= 0.3;
    printf("int 25 /= 0.3 -> %d\n", i);
    return 0;
}
