/* Pseudo-random generators built from unsigned arithmetic: xorshift64*, splitmix64, PCG32, MINSTD. */
#include <stdio.h>
#include <stdint.h>

static uint64_t xs_state = 88172645463325252ull;
static uint64_t xorshift64star(void) {
    xs_state ^= xs_state >> 12;
    xs_state ^= xs_state << 25;
    xs_state ^= xs_state >> 27;
    return xs_state * 2685821657736338717ull;
}

static uint64_t sm_state = 1234567;
static uint64_t splitmix64(void) {
    uint64_t z = (sm_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static uint64_t pcg_state = 0x853c49e6748fea9bull, pcg_inc = 0xda3e39cb94b95bdbull;
static uint32_t pcg32(void) {
    uint64_t old = pcg_state;
    pcg_state = old * 6364136223846793005ull + pcg_inc;
    uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
    uint32_t rot = (uint32_t)(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((-rot) & 31));
}

static uint32_t minstd_state = 1;
static uint32_t minstd(void) {
    minstd_state = (uint32_t)((uint64_t)minstd_state * 48271u % 2147483647u);
    return minstd_state;
}

int main(void) {
    for (int i = 0; i < 4; i++) printf("xorshift64* %016llx\n", (unsigned long long)xorshift64star());
    for (int i = 0; i < 4; i++) printf("splitmix64  %016llx\n", (unsigned long long)splitmix64());
    for (int i = 0; i < 4; i++) printf("pcg32       %08x\n", pcg32());
    for (int i = 0; i < 4; i++) printf("minstd      %u\n", minstd());

    /* dice distribution from pcg32 with rejection sampling to avoid modulo bias */
    int counts[6] = {0};
    for (int i = 0; i < 6000; i++) {
        uint32_t r;
        do r = pcg32(); while (r >= 4294967292u); /* largest multiple of 6 below 2^32 */
        counts[r % 6]++;
    }
    for (int f = 0; f < 6; f++) printf("face %d: %d\n", f + 1, counts[f]);

    /* a Monte Carlo estimate of pi from splitmix64 doubles */
    int hits = 0, n = 20000;
    for (int i = 0; i < n; i++) {
        double x = (double)(splitmix64() >> 11) / 9007199254740992.0;
        double y = (double)(splitmix64() >> 11) / 9007199254740992.0;
        hits += x * x + y * y < 1.0;
    }
    printf("pi estimate %.5f from %d samples\n", 4.0 * hits / n, n);
    return 0;
}
