/* Self-referential structs built statically: a linked list, a ring, and a tree of globals. */
#include <stdio.h>

struct node {
    int value;
    struct node *next;
};

struct tree {
    const char *label;
    struct tree *left, *right;
};

static struct node n3 = {3, NULL};
static struct node n2 = {2, &n3};
static struct node n1 = {1, &n2};

static struct tree leaf_a = {"a", NULL, NULL};
static struct tree leaf_b = {"b", NULL, NULL};
static struct tree leaf_c = {"c", NULL, NULL};
static struct tree mid = {"mid", &leaf_a, &leaf_b};
static struct tree root = {"root", &mid, &leaf_c};

static void walk(const struct tree *t, int depth) {
    if (!t) return;
    printf("%*s%s\n", depth * 2, "", t->label);
    walk(t->left, depth + 1);
    walk(t->right, depth + 1);
}

static int count(const struct tree *t) { return t ? 1 + count(t->left) + count(t->right) : 0; }

int main(void) {
    for (struct node *n = &n1; n; n = n->next) printf("%d ", n->value);
    printf("\n");

    /* a ring of automatic nodes */
    struct node ring[5];
    for (int i = 0; i < 5; i++) {
        ring[i].value = i * i;
        ring[i].next = &ring[(i + 1) % 5];
    }
    struct node *p = &ring[3];
    for (int i = 0; i < 7; i++) {
        printf("%d ", p->value);
        p = p->next;
    }
    printf("\n");

    /* reverse the static list in place */
    struct node *prev = NULL, *cur = &n1;
    while (cur) {
        struct node *next = cur->next;
        cur->next = prev;
        prev = cur;
        cur = next;
    }
    for (struct node *n = prev; n; n = n->next) printf("%d ", n->value);
    printf("\n");

    walk(&root, 0);
    printf("nodes %d\n", count(&root));
    printf("root->left->right->label %s\n", root.left->right->label);
    return 0;
}
