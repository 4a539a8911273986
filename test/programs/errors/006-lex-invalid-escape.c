/* Convention for this file: an invalid escape sequence is reported at its backslash. */
#include <stdio.h>

int main(void) {
    printf("bad \q escape\n");
//              ^ E0004
    char c = '\y';
//            ^ E0004
    return c;
}
