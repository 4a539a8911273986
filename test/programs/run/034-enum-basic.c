/* Enumerations: implicit and explicit values, negative values, enum variables, sizeof. */
#include <stdio.h>

enum color { RED, GREEN, BLUE };
enum level { LOW = 10, MEDIUM, HIGH = 20, HIGHER, TOP = HIGH * 2 };
enum sign { NEG = -1, ZERO, POS };
enum flags { F_READ = 1 << 0, F_WRITE = 1 << 1, F_EXEC = 1 << 2, F_ALL = F_READ | F_WRITE | F_EXEC };
enum { ANON_A = 'a', ANON_B };

static const char *color_name(enum color c) {
    static const char *names[] = {"red", "green", "blue"};
    return names[c];
}

int main(void) {
    printf("RED %d GREEN %d BLUE %d\n", RED, GREEN, BLUE);
    printf("LOW %d MEDIUM %d HIGH %d HIGHER %d TOP %d\n", LOW, MEDIUM, HIGH, HIGHER, TOP);
    printf("NEG %d ZERO %d POS %d\n", NEG, ZERO, POS);
    printf("F_ALL %d\n", F_ALL);
    printf("ANON_A %d ANON_B %c\n", ANON_A, ANON_B);
    printf("sizeof(enum color) %zu, sizeof RED %zu\n", sizeof(enum color), sizeof RED);

    for (enum color c = RED; c <= BLUE; c++) printf("%d:%s ", c, color_name(c));
    printf("\n");

    enum flags perms = F_READ | F_EXEC;
    printf("perms %d, can write %d, can exec %d\n", perms, (perms & F_WRITE) != 0, (perms & F_EXEC) != 0);

    /* enums are integers: arithmetic and comparison */
    enum level l = MEDIUM;
    l = (enum level)(l + 5);
    printf("MEDIUM + 5 = %d, > HIGH? %d\n", l, l > HIGH);
    enum sign s = NEG;
    printf("NEG * 3 = %d, NEG < ZERO %d\n", s * 3, s < ZERO);

    /* an enum constant is usable as an array size and in constant expressions */
    int counts[BLUE + 1] = {0};
    enum color seq[] = {RED, BLUE, BLUE, GREEN, BLUE, RED};
    for (int i = 0; i < 6; i++) counts[seq[i]]++;
    for (int i = RED; i <= BLUE; i++) printf("%s=%d ", color_name((enum color)i), counts[i]);
    printf("\n");

    /* an enum declared in a block scope */
    enum dir { NORTH = 90, SOUTH = 270 } d = SOUTH;
    printf("dir %d, NORTH %d\n", d, NORTH);
    return 0;
}
