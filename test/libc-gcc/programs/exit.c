/* atexit handlers run last-first when exit() is called, then the exit status is exit's. */
#include <stdio.h>
#include <stdlib.h>

static void first(void) { printf("first registered, last run\n"); }
static void second(void) { printf("second\n"); }
static void third(void) { printf("third registered, first run\n"); }

int main(void) {
    atexit(first);
    atexit(second);
    atexit(third);
    printf("main calls exit(7)\n");
    exit(7);
    printf("not reached\n");
    return 0;
}
