/* A failed assert prints to stderr (not compared) and aborts: status 134, stdout kept. */
#include <stdio.h>
#include <assert.h>

int main(void) {
    volatile int x = 3;
    printf("before\n");
    fflush(stdout);
    assert(x == 4);
    printf("not reached\n");
    return 0;
}
