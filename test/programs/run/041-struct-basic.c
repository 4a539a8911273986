/* Struct declaration, member access, initialization and member-wise operations. */
#include <stdio.h>
#include <string.h>

struct account {
    int id;
    char owner[16];
    double balance;
    unsigned char active;
};

static void deposit(struct account *a, double amount) {
    if (a->active) a->balance += amount;
}

int main(void) {
    struct account a = {1, "alice", 100.0, 1};
    struct account b;
    b.id = 2;
    strcpy(b.owner, "bob");
    b.balance = 5.5;
    b.active = 0;

    deposit(&a, 25.25);
    deposit(&b, 1000.0);
    printf("%d %s %.2f %d\n", a.id, a.owner, a.balance, a.active);
    printf("%d %s %.2f %d\n", b.id, b.owner, b.balance, b.active);

    /* members are lvalues of their own types */
    a.owner[0] = 'A';
    a.id += 10;
    b.active = !b.active;
    deposit(&b, 1.0);
    printf("%d %s %.2f\n", a.id, a.owner, b.balance);

    /* a struct with one member, and a struct declared inside a function */
    struct wrapper { long value; } w = {42};
    printf("wrapper %ld size %zu\n", w.value, sizeof w);

    struct { int x, y; } anon = {.y = 2, .x = 1};
    printf("anon %d %d\n", anon.x, anon.y);

    /* initializing from another struct and comparing members */
    struct account c = a;
    c.balance -= 0.25;
    printf("c %s %.2f, a %.2f, same owner %d\n", c.owner, c.balance, a.balance, strcmp(a.owner, c.owner) == 0);

    /* a zero-initialized struct */
    struct account z = {0};
    printf("zero %d '%s' %.1f %d\n", z.id, z.owner, z.balance, z.active);
    return 0;
}
