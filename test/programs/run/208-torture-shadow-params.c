/* Parameters: copies modified freely, shadowing globals, arrays modified through decay, same names everywhere. */
#include <stdio.h>

int value = 1000;
int count = 7;

static int bump(int value) {
    value += 1; /* the parameter, not the global */
    return value;
}

static void fill(int count, int *out) {
    for (; count > 0; count--) out[count - 1] = count * count;
}

static int shadow_chain(int x) {
    int r = x;
    {
        int x = r * 2;
        r += x;
        {
            int x = r * 3;
            r += x;
        }
    }
    return r + x;
}

static void modify_array(int a[3], int n) {
    a[0] = n;
    a = NULL; /* only the local pointer changes */
    (void)a;
}

static double scale(double value, double count) { return value * count; }

int main(void) {
    int v = 5;
    printf("bump(5) %d, v still %d, global value %d\n", bump(v), v, value);
    int out[7];
    fill(count, out);
    printf("global count %d, out %d %d %d\n", count, out[0], out[3], out[6]);
    printf("shadow_chain(1) %d, shadow_chain(10) %d\n", shadow_chain(1), shadow_chain(10));
    int arr[3] = {0, 0, 0};
    modify_array(arr, 42);
    printf("arr[0] after modify %d\n", arr[0]);
    printf("scale(value, count) %.1f\n", scale(value, count));
    {
        int value = 3;
        printf("block value %d, bump(value) %d\n", value, bump(value));
    }
    printf("global value %d\n", value);
    return 0;
}
