/* snprintf never writes past its size, always terminates, and returns the untruncated length. */
#include <stdio.h>
#include <string.h>

int main(void) {
    char buf[10];
    for (size_t size = 0; size <= 10; size += 2) {
        memset(buf, '#', sizeof buf);
        int n = snprintf(buf, size, "%s-%d", "truncate", 12345);
        printf("size %2zu -> returned %d, buffer '", size, n);
        for (size_t i = 0; i < sizeof buf; i++) putchar(buf[i] ? buf[i] : '0');
        printf("'\n");
    }

    /* measuring with a NULL buffer */
    int need = snprintf(NULL, 0, "%d %s %.3f", -1000, "measure", 2.5);
    printf("needed %d\n", need);
    char exact[64];
    int wrote = snprintf(exact, (size_t)need + 1, "%d %s %.3f", -1000, "measure", 2.5);
    printf("'%s' %d %zu\n", exact, wrote, strlen(exact));

    /* safe concatenation loop */
    char out[16];
    size_t used = 0;
    const char *parts[] = {"alpha", "beta", "gamma", "delta"};
    for (int i = 0; i < 4; i++) {
        int r = snprintf(out + used, sizeof out - used, "%s;", parts[i]);
        if (r < 0 || (size_t)r >= sizeof out - used) {
            printf("stopped at part %d\n", i);
            break;
        }
        used += (size_t)r;
    }
    printf("out '%s' used %zu\n", out, used);
    return 0;
}
