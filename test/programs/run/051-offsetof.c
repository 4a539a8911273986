/* offsetof and the padding gcc inserts between members and at the end of a struct. */
#include <stdio.h>
#include <stddef.h>

struct s1 { char c; int i; };
struct s2 { char c; double d; char e; };
struct s3 { double d; char c; };
struct s4 { char a, b, c; };
struct s5 { short s; char c; long l; int i; };
struct s6 { char c; struct s3 inner; char tail; };
struct s7 { int a[3]; char c; };
struct s8 { char c; long double ld; };

#define SHOW(T, m) printf("offsetof(" #T ", " #m ") = %zu\n", offsetof(T, m))

int main(void) {
    SHOW(struct s1, c); SHOW(struct s1, i);
    SHOW(struct s2, d); SHOW(struct s2, e);
    SHOW(struct s3, c);
    SHOW(struct s4, c);
    SHOW(struct s5, c); SHOW(struct s5, l); SHOW(struct s5, i);
    SHOW(struct s6, inner); SHOW(struct s6, inner.c); SHOW(struct s6, tail);
    SHOW(struct s7, c); SHOW(struct s7, a[2]);
    SHOW(struct s8, ld);
    printf("sizes: s1 %zu s2 %zu s3 %zu s4 %zu s5 %zu s6 %zu s7 %zu s8 %zu\n", sizeof(struct s1),
           sizeof(struct s2), sizeof(struct s3), sizeof(struct s4), sizeof(struct s5),
           sizeof(struct s6), sizeof(struct s7), sizeof(struct s8));
    printf("alignments: s1 %zu s2 %zu s4 %zu s8 %zu\n", _Alignof(struct s1), _Alignof(struct s2),
           _Alignof(struct s4), _Alignof(struct s8));

    /* using offsetof to reach a member from a base pointer */
    struct s5 v = {1, 'z', 123456789L, -7};
    char *base = (char *)&v;
    long *lp = (long *)(base + offsetof(struct s5, l));
    int *ip = (int *)(base + offsetof(struct s5, i));
    printf("via offsets: l %ld i %d\n", *lp, *ip);

    /* container_of style: from a member pointer back to the struct */
    struct s6 outer = {'a', {2.5, 'b'}, 'c'};
    struct s3 *in = &outer.inner;
    struct s6 *back = (struct s6 *)((char *)in - offsetof(struct s6, inner));
    printf("back: %c %c %.1f\n", back->c, back->tail, back->inner.d);

    /* arrays of structs are spaced by sizeof, padding included */
    struct s2 arr[3];
    printf("stride %td\n", (char *)&arr[1] - (char *)&arr[0]);
    return 0;
}
