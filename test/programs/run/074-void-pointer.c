/* void *: generic swap, generic printing through callbacks, conversions back to typed pointers. */
#include <stdio.h>
#include <string.h>

static void swap_any(void *a, void *b, size_t n) {
    unsigned char tmp[64];
    memcpy(tmp, a, n);
    memcpy(a, b, n);
    memcpy(b, tmp, n);
}

static void reverse_any(void *base, size_t count, size_t size) {
    char *lo = base, *hi = (char *)base + (count - 1) * size;
    while (lo < hi) {
        swap_any(lo, hi, size);
        lo += size;
        hi -= size;
    }
}

static void print_int(const void *p) { printf("%d", *(const int *)p); }
static void print_double(const void *p) { printf("%.2f", *(const double *)p); }
static void print_str(const void *p) { printf("%s", *(const char *const *)p); }

static void print_all(const void *base, size_t count, size_t size, void (*pr)(const void *)) {
    const char *b = base;
    for (size_t i = 0; i < count; i++) {
        if (i) printf(", ");
        pr(b + i * size);
    }
    printf("\n");
}

int main(void) {
    int a = 1, b = 2;
    swap_any(&a, &b, sizeof a);
    double x = 1.5, y = -2.5;
    swap_any(&x, &y, sizeof x);
    printf("a %d b %d x %.1f y %.1f\n", a, b, x, y);

    int ints[] = {1, 2, 3, 4, 5};
    double dbls[] = {0.5, 1.5, 2.5};
    const char *strs[] = {"one", "two", "three", "four"};
    reverse_any(ints, 5, sizeof ints[0]);
    reverse_any(dbls, 3, sizeof dbls[0]);
    reverse_any(strs, 4, sizeof strs[0]);
    print_all(ints, 5, sizeof ints[0], print_int);
    print_all(dbls, 3, sizeof dbls[0], print_double);
    print_all(strs, 4, sizeof strs[0], print_str);

    /* void * converts implicitly to and from any object pointer */
    void *vp = ints;
    int *ip = vp;
    printf("ip[1] %d\n", ip[1]);
    vp = &x;
    double *dp = vp;
    printf("*dp %.1f\n", *dp);
    printf("sizeof(void *) %zu\n", sizeof(void *));

    /* a struct holding a void * payload */
    struct box { const char *type; void *data; } boxes[2] = {{"int", &a}, {"double", &y}};
    for (int i = 0; i < 2; i++) {
        if (strcmp(boxes[i].type, "int") == 0) printf("int box %d\n", *(int *)boxes[i].data);
        else printf("double box %.1f\n", *(double *)boxes[i].data);
    }
    return 0;
}
