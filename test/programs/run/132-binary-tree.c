/* A binary search tree on the heap: insert, search, traversals, height, delete, free. */
#include <stdio.h>
#include <stdlib.h>

struct tree { int key; int count; struct tree *left, *right; };

static struct tree *insert(struct tree *t, int key) {
    if (!t) {
        t = calloc(1, sizeof *t);
        t->key = key;
        t->count = 1;
    } else if (key < t->key) t->left = insert(t->left, key);
    else if (key > t->key) t->right = insert(t->right, key);
    else t->count++;
    return t;
}

static const struct tree *find(const struct tree *t, int key) {
    while (t && t->key != key) t = key < t->key ? t->left : t->right;
    return t;
}

static void inorder(const struct tree *t) {
    if (!t) return;
    inorder(t->left);
    printf(" %d", t->key);
    if (t->count > 1) printf("x%d", t->count);
    inorder(t->right);
}

static void preorder(const struct tree *t) {
    if (!t) return;
    printf(" %d", t->key);
    preorder(t->left);
    preorder(t->right);
}

static int height(const struct tree *t) {
    if (!t) return 0;
    int l = height(t->left), r = height(t->right);
    return 1 + (l > r ? l : r);
}

static struct tree *delete(struct tree *t, int key) {
    if (!t) return NULL;
    if (key < t->key) t->left = delete(t->left, key);
    else if (key > t->key) t->right = delete(t->right, key);
    else {
        if (!t->left || !t->right) {
            struct tree *child = t->left ? t->left : t->right;
            free(t);
            return child;
        }
        struct tree *m = t->right;
        while (m->left) m = m->left;
        t->key = m->key;
        t->count = m->count;
        t->right = delete(t->right, m->key);
    }
    return t;
}

static void destroy(struct tree *t) {
    if (!t) return;
    destroy(t->left);
    destroy(t->right);
    free(t);
}

int main(void) {
    int keys[] = {50, 30, 70, 20, 40, 60, 80, 30, 65, 10, 45, 70, 70};
    struct tree *root = NULL;
    for (unsigned i = 0; i < sizeof keys / sizeof keys[0]; i++) root = insert(root, keys[i]);
    printf("inorder:");
    inorder(root);
    printf("\npreorder:");
    preorder(root);
    printf("\nheight %d\n", height(root));
    int probes[] = {45, 55, 70};
    for (int i = 0; i < 3; i++) {
        const struct tree *f = find(root, probes[i]);
        printf("find %d: %s", probes[i], f ? "yes" : "no");
        if (f) printf(" (count %d)", f->count);
        printf("\n");
    }
    root = delete(root, 30);
    root = delete(root, 50);
    root = delete(root, 99);
    printf("after deletes:");
    inorder(root);
    printf("\npreorder:");
    preorder(root);
    printf("\nheight %d\n", height(root));
    destroy(root);
    return 0;
}
