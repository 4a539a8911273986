/* Hash functions that rely on unsigned multiplication wrapping (FNV-1a, djb2, murmur mix). */
#include <stdio.h>
#include <stdint.h>

static uint32_t fnv1a32(const char *s) {
    uint32_t h = 2166136261u;
    while (*s) {
        h ^= (unsigned char)*s++;
        h *= 16777619u;
    }
    return h;
}

static uint64_t fnv1a64(const char *s) {
    uint64_t h = 14695981039346656037ull;
    while (*s) {
        h ^= (unsigned char)*s++;
        h *= 1099511628211ull;
    }
    return h;
}

static unsigned long djb2(const char *s) {
    unsigned long h = 5381;
    int c;
    while ((c = (unsigned char)*s++) != 0) h = ((h << 5) + h) + (unsigned long)c;
    return h;
}

static uint64_t mix64(uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ull;
    k ^= k >> 33;
    return k;
}

int main(void) {
    const char *words[] = {"", "a", "abc", "hello world", "The quick brown fox", "\xff\xfe"};
    for (int i = 0; i < 6; i++) {
        printf("%-22s fnv32 %08x fnv64 %016llx djb2 %lu\n", i == 5 ? "<bytes ff fe>" : words[i], fnv1a32(words[i]),
               (unsigned long long)fnv1a64(words[i]), djb2(words[i]));
    }
    for (uint64_t k = 0; k < 4; k++) printf("mix64(%llu) = %016llx\n", (unsigned long long)k,
                                            (unsigned long long)mix64(k));
    /* bucket distribution of a small key set */
    int buckets[8] = {0};
    char key[8];
    for (int i = 0; i < 64; i++) {
        key[0] = (char)('a' + i % 26);
        key[1] = (char)('0' + i % 10);
        key[2] = (char)('A' + i / 26);
        key[3] = '\0';
        buckets[fnv1a32(key) & 7]++;
    }
    for (int i = 0; i < 8; i++) printf("bucket %d: %d\n", i, buckets[i]);
    return 0;
}
