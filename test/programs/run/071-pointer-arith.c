/* Pointer arithmetic scales by the pointee size, for every element type. */
#include <stdio.h>

struct rec { int a; double b; };

int main(void) {
    int ia[5] = {10, 20, 30, 40, 50};
    int *ip = ia;
    printf("*(ip + 3) %d, *(3 + ip) %d, ip[4] %d\n", *(ip + 3), *(3 + ip), ip[4]);
    ip += 2;
    printf("after += 2: %d, ip[-1] %d, *(ip - 2) %d\n", *ip, ip[-1], *(ip - 2));
    ip -= 1;
    printf("after -= 1: %d\n", *ip);

    /* the byte distance of one step equals sizeof the element */
    char ca[4];
    short sa[4];
    long la[4];
    double da[4];
    struct rec ra[4];
    printf("step bytes: char %td short %td long %td double %td rec %td\n",
           (char *)(ca + 1) - (char *)ca, (char *)(sa + 1) - (char *)sa, (char *)(la + 1) - (char *)la,
           (char *)(da + 1) - (char *)da, (char *)(ra + 1) - (char *)ra);

    /* iterate with a pointer to one past the end */
    double vals[] = {1.5, 2.5, 3.5, 4.5};
    double s = 0;
    for (double *p = vals; p != vals + 4; ++p) s += *p;
    printf("sum %.1f\n", s);

    /* walking backwards */
    for (int *p = ia + 4; p >= ia + 1; p--) printf("%d ", *p);
    printf("%d\n", *ia);

    /* pointer arithmetic on struct arrays */
    struct rec recs[3] = {{1, 0.5}, {2, 1.5}, {3, 2.5}};
    struct rec *rp = recs + 2;
    printf("rp->a %d, (rp - 1)->b %.1f, rp[-2].a %d\n", rp->a, (rp - 1)->b, rp[-2].a);

    /* index with negative and long offsets */
    long off = 3;
    int *mid = &ia[2];
    printf("mid[-2] %d, *(ia + off) %d, ia[off - 1] %d\n", mid[-2], *(ia + off), ia[off - 1]);
    unsigned char uoff = 1;
    printf("ia[uoff] %d\n", ia[uoff]);

    /* void * arithmetic is a GNU extension that steps by one byte */
    void *vp = ia;
    vp = (char *)vp + sizeof(int);
    printf("via void*: %d\n", *(int *)vp);
    (void)ca; (void)sa; (void)la; (void)da; (void)ra;
    return 0;
}
