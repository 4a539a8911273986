/* Duff's device: a switch that jumps into the middle of a do/while loop. */
#include <stdio.h>

static void duff_copy(int *to, const int *from, int count) {
    if (count <= 0) return;
    int n = (count + 7) / 8;
    switch (count % 8) {
    case 0: do { *to++ = *from++;
    case 7:      *to++ = *from++;
    case 6:      *to++ = *from++;
    case 5:      *to++ = *from++;
    case 4:      *to++ = *from++;
    case 3:      *to++ = *from++;
    case 2:      *to++ = *from++;
    case 1:      *to++ = *from++;
            } while (--n > 0);
    }
}

/* case labels inside nested blocks of a switch are still that switch's labels */
static int weird(int x) {
    int r = 0;
    switch (x) {
    case 0:
        r += 1;
        {
            r += 10;
    case 1:
            r += 100;
            if (x > 5) {
    case 9:
                r += 1000;
            }
        }
        break;
    default:
        r = -1;
    }
    return r;
}

int main(void) {
    int src[20], dst[20];
    for (int i = 0; i < 20; i++) src[i] = i * 11;
    for (int count = 0; count <= 17; count += 3) {
        for (int i = 0; i < 20; i++) dst[i] = -1;
        duff_copy(dst, src, count);
        int ok = 1;
        for (int i = 0; i < 20; i++) ok &= i < count ? dst[i] == src[i] : dst[i] == -1;
        printf("count %2d copied correctly: %d, last %d\n", count, ok, count ? dst[count - 1] : -1);
    }
    for (int x = 0; x < 10; x += 1) printf("weird(%d) = %d\n", x, weird(x));
    return 0;
}
