/* rand(): glibc's exact sequence, unseeded and for several seeds. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    unsigned seeds[] = { 1, 42, 0, 12345, 4294967295u, 2147483648u };
    unsigned s;
    int i;
    printf("unseeded:");
    for (i = 0; i < 5; i++)
        printf(" %d", rand());
    printf("\n");
    for (s = 0; s < sizeof seeds / sizeof seeds[0]; s++) {
        unsigned long sum = 0;
        srand(seeds[s]);
        printf("seed %u:", seeds[s]);
        for (i = 0; i < 20; i++)
            printf(" %d", rand());
        for (i = 0; i < 10000; i++)
            sum += (unsigned long)rand();
        printf(" | sum %lu\n", sum);
    }
    printf("RAND_MAX %d\n", RAND_MAX);
    return 0;
}
