/* switch: fall-through, default in the middle, cases sharing code, no matching case. */
#include <stdio.h>

static int days_before(int month) {
    int d = 0;
    switch (month) {
    case 12: d += 30; /* fall through */
    case 11: d += 31;
    case 10: d += 30;
    case 9: d += 31;
    case 8: d += 31;
    case 7: d += 30;
    case 6: d += 31;
    case 5: d += 30;
    case 4: d += 31;
    case 3: d += 28;
    case 2: d += 31;
    case 1: break;
    }
    return d;
}

static const char *classify(int n) {
    const char *r;
    switch (n) {
    case 0:
        r = "zero";
        break;
    default:
        r = "other";
        break;
    case 1:
    case 3:
    case 5:
        r = "small odd";
        break;
    case 2:
    case 4:
        r = "small even";
        break;
    }
    return r;
}

static int trace(int n) {
    int t = 0;
    switch (n) {
    case 1: t += 1;
    default: t += 10;
    case 2: t += 100;
        break;
    case 3: t += 1000;
    }
    return t;
}

int main(void) {
    for (int m = 1; m <= 12; m++) printf("%d:%d ", m, days_before(m));
    printf("\n");
    for (int n = -1; n <= 6; n++) printf("%d %s\n", n, classify(n));
    for (int n = 0; n <= 4; n++) printf("trace(%d) = %d\n", n, trace(n));

    /* a switch with no matching case and no default does nothing */
    int hit = 0;
    switch (42) {
    case 1: hit = 1;
    }
    printf("hit %d\n", hit);

    /* switch on a long and on a char */
    long big = 5000000000L;
    switch (big) {
    case 5000000000L: printf("long case matched\n"); break;
    default: printf("no\n");
    }
    return 0;
}
