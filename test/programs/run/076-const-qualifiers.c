/* const objects, pointers to const, const pointers, and const in function interfaces. */
#include <stdio.h>
#include <string.h>

static const int table[] = {2, 3, 5, 7, 11};
static const char *const greeting = "hello";

static size_t count_char(const char *s, char c) {
    size_t n = 0;
    for (; *s; s++)
        if (*s == c) n++;
    return n;
}

static int sum(const int *v, size_t n) {
    int s = 0;
    for (size_t i = 0; i < n; i++) s += v[i];
    return s;
}

static void fill(int *const v, size_t n) {
    for (size_t i = 0; i < n; i++) v[i] = (int)i;
}

int main(void) {
    const int limit = 3;
    int x = 10, y = 20;
    const int *pc = &x;  /* can't write through pc, can retarget it */
    int *const cp = &x;  /* can write through cp, can't retarget it */
    const int *const cc = &y;
    *cp = 11;
    printf("*pc %d\n", *pc);
    pc = &y;
    printf("*pc %d, *cc %d\n", *pc, *cc);

    printf("sum of table %d, limit %d\n", sum(table, sizeof table / sizeof table[0]), limit);
    printf("count of l in %s: %zu\n", greeting, count_char(greeting, 'l'));

    int buf[4];
    fill(buf, 4);
    printf("sum of buf %d\n", sum(buf, 4));

    /* a non-const pointer converts to pointer-to-const implicitly */
    int data[3] = {1, 2, 3};
    const int *view = data;
    data[1] = 20;
    printf("view[1] %d\n", view[1]);

    /* const struct and const array elements */
    const struct { int a; double b; } cs = {7, 0.5};
    printf("cs %d %.1f\n", cs.a, cs.b);
    const char word[] = "constant";
    printf("%s %zu\n", word, strlen(word));

    /* casting away const is fine when the object itself is not const */
    const int *ro = &x;
    *(int *)ro = 99;
    printf("x %d\n", x);

    /* const locals in a loop can be different each iteration */
    for (int i = 0; i < 3; i++) {
        const int sq = i * i;
        printf("%d ", sq);
    }
    printf("\n");
    return 0;
}
