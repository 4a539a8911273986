/* How member order changes a struct's size; arrays and unions inside structs. */
#include <stdio.h>

struct bad { char a; double b; char c; int d; char e; };
struct good { double b; int d; char a, c, e; };
struct with_array { char name[5]; int id; };
struct with_union { char tag; union { char c; long l; } u; };
struct empty_tail { int n; char data[3]; };
struct nested_pad { struct { char c; } one; struct { short s; } two; char three; };
struct ptrs { char c; void *p; char d; };
struct floats { float f; char c; float g; };

int main(void) {
    printf("bad %zu good %zu\n", sizeof(struct bad), sizeof(struct good));
    printf("with_array %zu with_union %zu\n", sizeof(struct with_array), sizeof(struct with_union));
    printf("empty_tail %zu nested_pad %zu\n", sizeof(struct empty_tail), sizeof(struct nested_pad));
    printf("ptrs %zu floats %zu\n", sizeof(struct ptrs), sizeof(struct floats));

    struct bad arr[4];
    printf("array of 4 bad: %zu\n", sizeof arr);
    printf("align bad %zu, good %zu, with_array %zu, nested_pad %zu\n", _Alignof(struct bad),
           _Alignof(struct good), _Alignof(struct with_array), _Alignof(struct nested_pad));

    /* unions take the size of their largest member, rounded to their alignment */
    union u1 { char c[5]; int i; };
    union u2 { char c[9]; double d; };
    union u3 { short s; char c[3]; };
    printf("u1 %zu u2 %zu u3 %zu\n", sizeof(union u1), sizeof(union u2), sizeof(union u3));

    /* a struct's size is a multiple of its alignment even at the end */
    struct tail { long l; char c; };
    struct tail t2[2];
    printf("tail %zu, two of them %zu\n", sizeof(struct tail), sizeof t2);

    /* sizes of the basic alignments */
    printf("_Alignof: char %zu short %zu int %zu long %zu double %zu ptr %zu\n", _Alignof(char),
           _Alignof(short), _Alignof(int), _Alignof(long), _Alignof(double), _Alignof(void *));
    (void)arr;
    (void)t2;
    return 0;
}
