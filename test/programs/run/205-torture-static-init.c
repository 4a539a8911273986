/* Static initializers with address constants: element addresses, member addresses, offsets into strings. */
#include <stdio.h>

struct pair { int a, b; };
static int arr[5] = {10, 20, 30, 40, 50};
static int grid[3][3] = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
static struct pair pr = {100, 200};
static const char text[] = "static data";

static int *p_elem = &arr[3];
static int *p_plus = arr + 1;
static int *p_end = arr + 5;
static int *p_grid = &grid[2][1];
static int (*p_row)[3] = &grid[1];
static int *p_member = &pr.b;
static const char *p_str = text + 7;
static const char *p_lit = "literal" + 3;
static struct pair *p_pair = &pr;
static void *p_void = &arr[2];
static char *p_bytes = (char *)&arr[1];
static const long sizes[] = {sizeof arr, sizeof grid, sizeof pr, sizeof text};
static int *const ptrs[] = {&arr[0], &grid[0][0], &pr.a, 0};
static struct { const char *name; int *where; } named[] = {{"second", &arr[1]}, {"centre", &grid[1][1]}};

int main(void) {
    printf("*p_elem %d, *p_plus %d, p_end - arr %td\n", *p_elem, *p_plus, p_end - arr);
    printf("*p_grid %d, (*p_row)[2] %d\n", *p_grid, (*p_row)[2]);
    printf("*p_member %d, p_pair->a %d\n", *p_member, p_pair->a);
    printf("p_str %s, p_lit %s\n", p_str, p_lit);
    printf("*(int *)p_void %d, p_bytes == (char *)p_plus %d\n", *(int *)p_void, p_bytes == (char *)p_plus);
    printf("sizes %ld %ld %ld %ld\n", sizes[0], sizes[1], sizes[2], sizes[3]);
    for (int i = 0; ptrs[i]; i++) printf("ptrs[%d] -> %d\n", i, *ptrs[i]);
    for (int i = 0; i < 2; i++) printf("%s = %d\n", named[i].name, *named[i].where);
    /* writes through the static pointers are seen by the arrays */
    *p_elem = -40;
    *p_member += 5;
    p_grid[-1] = 0;
    printf("arr[3] %d, pr.b %d, grid[2][0] %d\n", arr[3], pr.b, grid[2][0]);
    return 0;
}
