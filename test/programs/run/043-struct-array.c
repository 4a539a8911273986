/* Arrays of structs: initialization, iteration, sorting by a field, searching. */
#include <stdio.h>
#include <string.h>

struct item {
    char name[12];
    int qty;
    double price;
};

static struct item stock[] = {
    {"bolt", 120, 0.05},
    {"nut", 300, 0.03},
    {"gear", 12, 4.50},
    {"spring", 45, 0.75},
    {"axle", 8, 12.00},
    {"washer", 500, 0.01},
};
#define NSTOCK (int)(sizeof stock / sizeof stock[0])

static int find(const char *name) {
    for (int i = 0; i < NSTOCK; i++)
        if (strcmp(stock[i].name, name) == 0) return i;
    return -1;
}

int main(void) {
    double total = 0;
    for (int i = 0; i < NSTOCK; i++) {
        double value = stock[i].qty * stock[i].price;
        total += value;
        printf("%-8s %4d x %6.2f = %7.2f\n", stock[i].name, stock[i].qty, stock[i].price, value);
    }
    printf("total value %.2f\n", total);

    /* insertion sort by value, swapping whole structs */
    for (int i = 1; i < NSTOCK; i++) {
        struct item key = stock[i];
        double kv = key.qty * key.price;
        int j = i - 1;
        while (j >= 0 && stock[j].qty * stock[j].price < kv) {
            stock[j + 1] = stock[j];
            j--;
        }
        stock[j + 1] = key;
    }
    printf("by value:");
    for (int i = 0; i < NSTOCK; i++) printf(" %s", stock[i].name);
    printf("\n");

    int g = find("gear"), x = find("nothing");
    printf("gear at %d, nothing at %d\n", g, x);
    stock[g].qty -= 2;
    printf("gear qty %d\n", stock[find("gear")].qty);

    /* 2D array of structs */
    struct cell { char c; int n; } grid[2][3] = {{{'a', 1}, {'b', 2}}, {{'x', 9}}};
    for (int r = 0; r < 2; r++) {
        for (int c = 0; c < 3; c++) printf("[%c%d]", grid[r][c].c ? grid[r][c].c : '.', grid[r][c].n);
        printf("\n");
    }
    return 0;
}
