/* A flexible array member at the end of a malloc'ed struct. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vec {
    size_t len;
    double data[];
};

struct str {
    int len;
    char text[];
};

static struct vec *vec_new(size_t n) {
    struct vec *v = malloc(sizeof *v + n * sizeof v->data[0]);
    v->len = n;
    for (size_t i = 0; i < n; i++) v->data[i] = (double)i / 2;
    return v;
}

static struct str *str_new(const char *s) {
    int n = (int)strlen(s);
    struct str *r = malloc(sizeof(struct str) + (size_t)n + 1);
    r->len = n;
    memcpy(r->text, s, (size_t)n + 1);
    return r;
}

int main(void) {
    printf("sizeof(struct vec) %zu, sizeof(struct str) %zu\n", sizeof(struct vec), sizeof(struct str));
    struct vec *v = vec_new(7);
    double s = 0;
    for (size_t i = 0; i < v->len; i++) s += v->data[i];
    printf("len %zu sum %.1f last %.1f\n", v->len, s, v->data[v->len - 1]);

    struct str *words[3] = {str_new("flexible"), str_new("array"), str_new("member")};
    for (int i = 0; i < 3; i++) printf("%d:%s ", words[i]->len, words[i]->text);
    printf("\n");

    /* grow with realloc: the header moves along with the data */
    struct str *w = words[1];
    w = realloc(w, sizeof *w + 32);
    strcat(w->text, "-grown");
    w->len = (int)strlen(w->text);
    words[1] = w;
    printf("%d:%s\n", w->len, w->text);

    for (int i = 0; i < 3; i++) free(words[i]);
    free(v);
    return 0;
}
