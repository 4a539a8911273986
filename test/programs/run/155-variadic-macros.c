/* Variadic macros with __VA_ARGS__, counting arguments, and forwarding to printf. */
#include <stdio.h>

#define LOG(fmt, ...) printf("[log] " fmt "\n", __VA_ARGS__)
#define LOG0(...) printf("[log0] " __VA_ARGS__)
#define FIRST_ARG(first, ...) first
#define COUNT_ARGS(...) COUNT_IMPL(__VA_ARGS__, 6, 5, 4, 3, 2, 1, 0)
#define COUNT_IMPL(a, b, c, d, e, f, n, ...) n
#define SUM3(a, b, c) ((a) + (b) + (c))
#define APPLY(m, ...) m(__VA_ARGS__)
#define ARRAY(...) ((int[]){__VA_ARGS__})
#define STRINGIFY_ALL(...) #__VA_ARGS__
#define GNU_LOG(fmt, args...) printf("[gnu] " fmt "\n", ##args)

int main(void) {
    LOG("%d + %d = %d", 2, 3, 2 + 3);
    LOG("%s", "one argument");
    LOG0("no format arguments\n");
    LOG0("%s and %s\n", "a", "b");
    printf("FIRST_ARG %d\n", FIRST_ARG(7, 8, 9));
    printf("counts: %d %d %d %d\n", COUNT_ARGS(a), COUNT_ARGS(a, b), COUNT_ARGS(a, b, c, d), COUNT_ARGS(1, 2, 3, 4, 5, 6));
    printf("APPLY(SUM3, 1, 2, 3) = %d\n", APPLY(SUM3, 1, 2, 3));
    int *v = ARRAY(5, 10, 15, 20);
    printf("ARRAY %d %d %d %d\n", v[0], v[1], v[2], v[3]);
    printf("%s\n", STRINGIFY_ALL(x, y,   z));
    GNU_LOG("plain");
    GNU_LOG("with %d args: %s", 2, "ok");
    return 0;
}
