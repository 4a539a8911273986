/* The allocator under churn: contents survive, blocks are 16-aligned, realloc keeps data,
 * calloc zeroes, failure is NULL. Prints only values that do not depend on addresses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 300

int main(void) {
    static unsigned char *ptr[SLOTS];
    static unsigned len[SLOTS];
    static unsigned char tag[SLOTS];
    unsigned long x = 12345;
    int round, i, bad = 0, nulls = 0;
    for (round = 0; round < 40000; round++) {
        int k, op;
        unsigned n, j;
        x = x * 6364136223846793005UL + 1442695040888963407UL;
        k = (int)((x >> 33) % SLOTS);
        op = (int)((x >> 20) % 4);
        n = (unsigned)((x >> 40) % ((x >> 8) % 8 == 0 ? 30000 : 300));
        if (ptr[k])
            for (j = 0; j < len[k]; j++)
                if (ptr[k][j] != (unsigned char)(tag[k] + j))
                    bad++;
        if (op == 0) {
            free(ptr[k]);
            ptr[k] = malloc(n);
        } else if (op == 1) {
            free(ptr[k]);
            ptr[k] = calloc(n, 1);
            for (j = 0; j < n; j++)
                if (ptr[k][j] != 0)
                    bad++;
        } else if (op == 2) {
            unsigned char *q = realloc(ptr[k], n);
            unsigned keep = n < len[k] ? n : len[k];
            if (n > 0 && q)
                for (j = 0; j < keep; j++)
                    if (q[j] != (unsigned char)(tag[k] + j))
                        bad++;
            ptr[k] = n > 0 ? q : NULL;
        } else {
            free(ptr[k]);
            ptr[k] = NULL;
        }
        if (op < 2 && ptr[k] == NULL)
            nulls++;
        if (ptr[k] && ((unsigned long)ptr[k] & 15) != 0)
            bad++;
        len[k] = ptr[k] ? n : 0;
        tag[k] = (unsigned char)round;
        if (ptr[k])
            for (j = 0; j < n; j++)
                ptr[k][j] = (unsigned char)(tag[k] + j);
    }
    for (i = 0; i < SLOTS; i++)
        free(ptr[i]);
    printf("bad %d nulls %d\n", bad, nulls);
    printf("malloc(0) %s\n", malloc(0) != NULL ? "non-null" : "null");
    printf("huge %s\n", malloc((size_t)1 << 40) == NULL ? "null" : "non-null");
    printf("calloc overflow %s\n", calloc((size_t)1 << 33, (size_t)1 << 33) == NULL ? "null" : "non-null");
    {
        char *s = malloc(4);
        strcpy(s, "abc");
        s = realloc(s, 100000);
        printf("%s\n", s);
        free(s);
    }
    return 0;
}
