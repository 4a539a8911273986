/* A call without its closing ')'. */
#include <stdio.h>

int main(void) {
    int x = 3;
    printf("%d\n", x;
//                  ^ E1001
    return 0;
}
