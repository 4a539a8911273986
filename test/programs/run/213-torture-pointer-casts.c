/* Pointer casts: walking a struct as bytes, int/char pointer round trips, arrays of unknown size. */
#include <stdio.h>
#include <string.h>
#include <stddef.h>

struct rec { int a; short b; char c; };
extern int numbers[];          /* declared with unknown size, defined below */
int numbers[] = {5, 10, 15, 20};

static unsigned checksum(const void *p, size_t n) {
    const unsigned char *b = p;
    unsigned s = 0;
    for (size_t i = 0; i < n; i++) s = s * 31 + b[i];
    return s;
}

int main(void) {
    struct rec r;
    memset(&r, 0, sizeof r);
    r.a = 0x01020304;
    r.b = 0x0506;
    r.c = 7;
    const unsigned char *bytes = (const unsigned char *)&r;
    printf("bytes of a: %02x %02x %02x %02x\n", bytes[0], bytes[1], bytes[2], bytes[3]);
    printf("bytes of b: %02x %02x, c: %02x\n", bytes[4], bytes[5], bytes[6]);
    /* padding bytes are left out: their values are unspecified after member stores */
    printf("checksum %u\n", checksum(&r, offsetof(struct rec, c) + 1));

    /* int * -> char * -> int * gives back the same pointer */
    int *ip = &numbers[2];
    char *cp = (char *)ip;
    int *back = (int *)cp;
    printf("round trip %d, value %d\n", back == ip, *back);
    printf("char step to next int: %d\n", *(int *)(cp + sizeof(int)));

    /* comparing pointers after converting to void * and char * */
    void *v1 = &numbers[0], *v2 = &numbers[3];
    printf("v1 < v2 as char*: %d, distance %td bytes\n", (char *)v1 < (char *)v2, (char *)v2 - (char *)v1);

    /* one past the end is a valid pointer to compare against */
    int *end = numbers + sizeof numbers / sizeof numbers[0];
    int total = 0;
    for (int *p = numbers; p != end; p++) total += *p;
    printf("total %d\n", total);

    /* a pointer to a struct and to its first member coincide */
    printf("(void *)&r == (void *)&r.a: %d\n", (void *)&r == (void *)&r.a);

    /* reading a double's bytes through unsigned char * */
    double d = 1.0;
    const unsigned char *db = (const unsigned char *)&d;
    printf("1.0 top bytes %02x %02x\n", db[7], db[6]);

    /* casting a const pointer to non-const to modify a non-const object */
    const int *cip = &numbers[0];
    *(int *)cip = 50;
    printf("numbers[0] now %d\n", numbers[0]);
    return 0;
}
