/* Pointers to pointers: out-parameters that change a pointer, 2D access, list insertion. */
#include <stdio.h>
#include <stdlib.h>

struct node { int v; struct node *next; };

static void insert_sorted(struct node **head, struct node *n) {
    struct node **pp = head;
    while (*pp && (*pp)->v < n->v) pp = &(*pp)->next;
    n->next = *pp;
    *pp = n;
}

static void remove_value(struct node **head, int v) {
    for (struct node **pp = head; *pp;) {
        if ((*pp)->v == v) *pp = (*pp)->next;
        else pp = &(*pp)->next;
    }
}

static void advance(const char **s, int n) { *s += n; }

int main(void) {
    int x = 5;
    int *p = &x;
    int **pp = &p;
    int ***ppp = &pp;
    ***ppp = 6;
    printf("x %d, *p %d, **pp %d\n", x, *p, **pp);
    int y = 9;
    *pp = &y; /* changes p */
    printf("*p %d\n", *p);

    const char *msg = "hello, world";
    advance(&msg, 7);
    printf("%s\n", msg);

    struct node nodes[6];
    int vals[6] = {5, 1, 4, 1, 9, 2};
    struct node *head = NULL;
    for (int i = 0; i < 6; i++) {
        nodes[i].v = vals[i];
        insert_sorted(&head, &nodes[i]);
    }
    for (struct node *n = head; n; n = n->next) printf("%d ", n->v);
    printf("\n");
    remove_value(&head, 1);
    remove_value(&head, 9);
    for (struct node *n = head; n; n = n->next) printf("%d ", n->v);
    printf("\n");

    /* a dynamically allocated 2D array through int ** */
    int rows = 3, cols = 4;
    int **grid = malloc(rows * sizeof *grid);
    for (int i = 0; i < rows; i++) {
        grid[i] = malloc(cols * sizeof **grid);
        for (int j = 0; j < cols; j++) grid[i][j] = i * cols + j;
    }
    int *tmp = grid[0];
    grid[0] = grid[2];
    grid[2] = tmp; /* swap rows by swapping pointers */
    for (int i = 0; i < rows; i++) printf("%d %d %d %d\n", grid[i][0], grid[i][1], grid[i][2], grid[i][3]);
    for (int i = 0; i < rows; i++) free(grid[i]);
    free(grid);

    /* argv-like array */
    const char *words[] = {"alpha", "beta", "gamma", NULL};
    const char **w = words;
    while (*w) printf("%c", **w++);
    printf("\n");
    return 0;
}
