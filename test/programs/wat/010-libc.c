/* A libc call: only what the program reaches is linked. Here that is printf and strlen from
 * the libc (compiled C) and the host's __vfprintf import, nothing else of the libc. */
#include <stdio.h>
#include <string.h>
int report(const char *name) {
    return printf("%s has %lu chars\n", name, strlen(name));
}
