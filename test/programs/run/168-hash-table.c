/* A chained hash table of strings to counts: insert, lookup, delete, resize, word frequencies. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry { char *key; int count; struct entry *next; };
struct table { struct entry **buckets; size_t nbuckets, size; };

static unsigned long hash(const char *s) {
    unsigned long h = 5381;
    while (*s) h = h * 33 + (unsigned char)*s++;
    return h;
}

static void resize(struct table *t, size_t nb) {
    struct entry **nbk = calloc(nb, sizeof *nbk);
    for (size_t i = 0; i < t->nbuckets; i++)
        for (struct entry *e = t->buckets[i], *next; e; e = next) {
            next = e->next;
            size_t b = hash(e->key) % nb;
            e->next = nbk[b];
            nbk[b] = e;
        }
    free(t->buckets);
    t->buckets = nbk;
    t->nbuckets = nb;
}

static void add(struct table *t, const char *key) {
    size_t b = hash(key) % t->nbuckets;
    for (struct entry *e = t->buckets[b]; e; e = e->next)
        if (strcmp(e->key, key) == 0) { e->count++; return; }
    struct entry *e = malloc(sizeof *e);
    e->key = malloc(strlen(key) + 1);
    strcpy(e->key, key);
    e->count = 1;
    e->next = t->buckets[b];
    t->buckets[b] = e;
    if (++t->size > t->nbuckets * 2) resize(t, t->nbuckets * 2 + 1);
}

static int get(const struct table *t, const char *key) {
    for (struct entry *e = t->buckets[hash(key) % t->nbuckets]; e; e = e->next)
        if (strcmp(e->key, key) == 0) return e->count;
    return 0;
}

static int del(struct table *t, const char *key) {
    for (struct entry **pp = &t->buckets[hash(key) % t->nbuckets]; *pp; pp = &(*pp)->next)
        if (strcmp((*pp)->key, key) == 0) {
            struct entry *dead = *pp;
            *pp = dead->next;
            free(dead->key);
            free(dead);
            t->size--;
            return 1;
        }
    return 0;
}

int main(void) {
    struct table t = {calloc(3, sizeof(struct entry *)), 3, 0};
    char text[] = "it was the best of times it was the worst of times it was the age of wisdom "
                  "it was the age of foolishness it was the epoch of belief";
    for (char *w = strtok(text, " "); w; w = strtok(NULL, " ")) add(&t, w);
    printf("distinct %zu, buckets %zu\n", t.size, t.nbuckets);
    const char *probe[] = {"it", "was", "the", "of", "times", "age", "belief", "missing"};
    for (int i = 0; i < 8; i++) printf("%-8s %d\n", probe[i], get(&t, probe[i]));
    int first = del(&t, "the");
    int again = del(&t, "the");
    printf("delete 'the' %d, again %d, size %zu, get %d\n", first, again, t.size, get(&t, "the"));
    size_t longest = 0;
    for (size_t i = 0; i < t.nbuckets; i++) {
        size_t len = 0;
        for (struct entry *e = t.buckets[i]; e; e = e->next) len++;
        if (len > longest) longest = len;
    }
    printf("longest chain %zu\n", longest);
    for (size_t i = 0; i < t.nbuckets; i++)
        while (t.buckets[i]) del(&t, t.buckets[i]->key);
    printf("size after clearing %zu\n", t.size);
    free(t.buckets);
    return 0;
}
