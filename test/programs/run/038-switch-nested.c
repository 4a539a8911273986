/* switch inside loops and loops inside switch: what break and continue bind to. */
#include <stdio.h>

int main(void) {
    /* break leaves the switch, continue goes to the loop */
    for (int i = 0; i < 8; i++) {
        switch (i % 4) {
        case 0:
            printf("[%d zero]", i);
            break;
        case 1:
            continue;
        case 2:
            printf("[%d two]", i);
            /* fall through */
        default:
            printf("[%d default]", i);
        }
        printf(" after %d\n", i);
    }

    /* nested switches */
    for (int a = 0; a < 3; a++) {
        for (int b = 0; b < 3; b++) {
            switch (a) {
            case 0:
                switch (b) {
                case 0: printf("00 "); break;
                default: printf("0x ");
                }
                break;
            case 1:
                switch (b) {
                case 1: printf("11 "); break;
                case 2: printf("12 ");
                }
                break;
            default:
                printf("%d%d ", a, b);
            }
        }
    }
    printf("\n");

    /* a loop inside a case: break there leaves only the loop */
    int n = 2, total = 0;
    switch (n) {
    case 2:
        for (int k = 0; k < 100; k++) {
            if (k == 5) break;
            total += k;
        }
        total += 1000;
        break;
    case 3:
        total = -1;
    }
    printf("total %d\n", total);

    /* while loop with a switch deciding to exit via a flag */
    int state = 0, steps = 0, done = 0;
    while (!done) {
        steps++;
        switch (state) {
        case 0: state = 2; break;
        case 2: state = 1; break;
        case 1: done = 1; break;
        }
    }
    printf("steps %d\n", steps);
    return 0;
}
