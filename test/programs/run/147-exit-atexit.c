/* exit() from a nested call ends the program with that status; atexit handlers run in reverse. */
#include <stdio.h>
#include <stdlib.h>

static void first_registered(void) { printf("atexit: first registered, runs last\n"); }
static void second_registered(void) { printf("atexit: second registered, runs first\n"); }

static int depth_reached;

static void descend(int depth) {
    depth_reached = depth;
    if (depth == 5) {
        printf("leaving from depth %d with status 7\n", depth);
        exit(7);
    }
    descend(depth + 1);
    printf("never printed\n");
}

int main(void) {
    if (atexit(first_registered) != 0) return 1;
    if (atexit(second_registered) != 0) return 1;
    printf("main starts\n");
    for (int i = 0; i < 3; i++) printf("work %d\n", i);
    descend(0);
    printf("not reached, depth %d\n", depth_reached);
    return 0;
}
