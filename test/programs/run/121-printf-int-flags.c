/* printf integer conversions with every flag: - + space 0 #, widths and precisions. */
#include <stdio.h>

int main(void) {
    int vals[] = {0, 1, -1, 42, -42, 12345, -2147483647 - 1};
    for (int i = 0; i < 7; i++) {
        int v = vals[i];
        printf("[%d] [%i] [%5d] [%-5d] [%05d] [%+d] [% d] [%+05d] [%-+6d] [%.3d] [%8.3d] [%-8.3d|]\n",
               v, v, v, v, v, v, v, v, v, v, v, v);
    }
    /* precision 0 with value 0 prints no digits */
    printf("[%.0d] [%5.0d] [%.0d]\n", 0, 0, 1);
    /* 0 flag is ignored when a precision is given, and with - */
    printf("[%08.3d] [%-08d]\n", 7, 7);
    /* space flag is ignored with + */
    printf("[%+ d] [% +d]\n", 5, 5);
    /* unsigned conversions */
    unsigned us[] = {0, 1, 255, 4294967295u};
    for (int i = 0; i < 4; i++) {
        unsigned u = us[i];
        printf("[%u] [%10u] [%-10u] [%010u] [%x] [%#x] [%X] [%#X] [%08x] [%#010x] [%o] [%#o]\n",
               u, u, u, u, u, u, u, u, u, u, u, u);
    }
    printf("[%#.3o] [%#5o] [%#x] [%#o]\n", 8, 8, 0, 0);
    printf("[%%] [%c%c]\n", 'o', 'k');
    return 0;
}
