/* atoi, atol, strtol, strtoul, strtoll with bases, end pointers and edge cases. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    const char *ints[] = {"42", "  -17", "+8", "123abc", "abc", "0", "  +0x1A", "007"};
    for (int i = 0; i < 8; i++) printf("atoi(\"%s\") = %d\n", ints[i], atoi(ints[i]));
    printf("atol(\"-9000000000\") = %ld\n", atol("-9000000000"));
    printf("atoll(\"9223372036854775807\") = %lld\n", atoll("9223372036854775807"));

    struct { const char *s; int base; } cases[] = {
        {"ff", 16}, {"0xff", 16}, {"0xff", 0}, {"0777", 0}, {"777", 8}, {"1011", 2},
        {"z", 36}, {"  -123xyz", 10}, {"12", 3}, {"", 10}, {"0x", 16}, {"+-5", 10},
    };
    for (int i = 0; i < 12; i++) {
        char *end;
        long v = strtol(cases[i].s, &end, cases[i].base);
        printf("strtol(\"%s\", %d) = %ld, consumed %td, rest \"%s\"\n", cases[i].s, cases[i].base, v,
               end - cases[i].s, end);
    }

    /* parse a list of numbers separated by commas and spaces */
    const char *list = "10, -20,30 ,0x40, 050";
    const char *p = list;
    long total = 0;
    int count = 0;
    while (*p) {
        char *end;
        long v = strtol(p, &end, 0);
        if (end == p) {
            p++;
            continue;
        }
        total += v;
        count++;
        p = end;
    }
    printf("parsed %d numbers, total %ld\n", count, total);

    char *end;
    unsigned long ul = strtoul("4294967296", &end, 10);
    printf("strtoul %lu\n", ul);
    unsigned long long ull = strtoull("ffffffffffffffff", &end, 16);
    printf("strtoull %llu\n", ull);
    long long ll = strtoll("-777777777777", &end, 10);
    printf("strtoll %lld\n", ll);
    return 0;
}
