/* switch shapes that compilers lower differently: dense, sparse, negative, 64-bit, char, one case. */
#include <stdio.h>

static int dense(int v) {
    switch (v) {
    case 0: return 10; case 1: return 11; case 2: return 12; case 3: return 13;
    case 4: return 14; case 5: return 15; case 6: return 16; case 7: return 17;
    default: return -1;
    }
}

static int sparse(int v) {
    switch (v) {
    case -1000000: return 1;
    case -5: return 2;
    case 0: return 3;
    case 77: return 4;
    case 4096: return 5;
    case 2147483647: return 6;
    case -2147483647 - 1: return 7;
    default: return 0;
    }
}

static int wide(long long v) {
    switch (v) {
    case 0x100000000LL: return 1;
    case -0x100000000LL: return 2;
    case 0x7fffffffffffffffLL: return 3;
    case 1: return 4;
    default: return 0;
    }
}

static int by_uchar(unsigned char c) {
    switch (c) {
    case 0: return 0;
    case 128: return 1;
    case 255: return 2;
    default: return 3;
    }
}

static int by_char(char c) {
    switch (c) {
    case -1: return 100;
    case 'a': return 1;
    case '\n': return 2;
    default: return 0;
    }
}

static int only_default(int v) {
    switch (v) {
    default: return v * 2;
    }
}

int main(void) {
    for (int v = -1; v <= 8; v++) printf("%d ", dense(v));
    printf("\n");
    int sv[] = {-1000000, -5, 0, 77, 4096, 2147483647, -2147483647 - 1, 78, -4};
    for (int i = 0; i < 9; i++) printf("%d ", sparse(sv[i]));
    printf("\n");
    long long wv[] = {0x100000000LL, -0x100000000LL, 0x7fffffffffffffffLL, 1, 0x100000001LL};
    for (int i = 0; i < 5; i++) printf("%d ", wide(wv[i]));
    printf("\n");
    printf("%d %d %d %d\n", by_uchar(0), by_uchar(128), by_uchar((unsigned char)-1), by_uchar(7));
    printf("%d %d %d %d\n", by_char((char)255), by_char('a'), by_char('\n'), by_char('z'));
    printf("%d\n", only_default(21));
    /* switch on an expression with side effects evaluates it once */
    int n = 0;
    switch (n++) {
    case 0: printf("case 0, n = %d\n", n); break;
    case 1: printf("case 1\n"); break;
    }
    return 0;
}
