/* A growable array with realloc: push, pop, insert, capacity doubling, shrink to fit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vec { long *data; size_t len, cap; int reallocs; };

static void vec_push(struct vec *v, long x) {
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 4;
        v->data = realloc(v->data, cap * sizeof *v->data);
        v->cap = cap;
        v->reallocs++;
    }
    v->data[v->len++] = x;
}

static long vec_pop(struct vec *v) { return v->data[--v->len]; }

static void vec_insert(struct vec *v, size_t at, long x) {
    vec_push(v, 0);
    memmove(v->data + at + 1, v->data + at, (v->len - 1 - at) * sizeof *v->data);
    v->data[at] = x;
}

static void vec_shrink(struct vec *v) {
    v->data = realloc(v->data, (v->len ? v->len : 1) * sizeof *v->data);
    v->cap = v->len;
    v->reallocs++;
}

int main(void) {
    struct vec v = {NULL, 0, 0, 0};
    for (long i = 1; i <= 100; i++) vec_push(&v, i * i);
    printf("len %zu cap %zu reallocs %d last %ld\n", v.len, v.cap, v.reallocs, v.data[v.len - 1]);
    long popped = 0;
    for (int i = 0; i < 10; i++) popped += vec_pop(&v);
    printf("popped sum %ld, len %zu\n", popped, v.len);
    vec_insert(&v, 0, -1);
    vec_insert(&v, 5, -5);
    vec_insert(&v, v.len, -99);
    printf("first %ld %ld %ld %ld %ld %ld %ld, last %ld\n", v.data[0], v.data[1], v.data[2], v.data[3],
           v.data[4], v.data[5], v.data[6], v.data[v.len - 1]);
    vec_shrink(&v);
    printf("after shrink len %zu cap %zu reallocs %d\n", v.len, v.cap, v.reallocs);
    long sum = 0;
    for (size_t i = 0; i < v.len; i++) sum += v.data[i];
    printf("sum %ld\n", sum);
    free(v.data);

    /* an array of strings that grows */
    char **words = NULL;
    size_t n = 0;
    const char *src[] = {"grow", "the", "array", "of", "strings", "one", "at", "a", "time"};
    for (int i = 0; i < 9; i++) {
        words = realloc(words, (n + 1) * sizeof *words);
        words[n] = malloc(strlen(src[i]) + 1);
        strcpy(words[n], src[i]);
        n++;
    }
    for (size_t i = n; i-- > 0;) printf("%s%c", words[i], i ? ' ' : '\n');
    for (size_t i = 0; i < n; i++) free(words[i]);
    free(words);
    return 0;
}
