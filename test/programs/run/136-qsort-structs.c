/* qsort on arrays of structs with multi-key comparators, and sorting pointers to strings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct person { char name[12]; int age; double score; };

static int by_age_then_name(const void *a, const void *b) {
    const struct person *x = a, *y = b;
    if (x->age != y->age) return x->age < y->age ? -1 : 1;
    return strcmp(x->name, y->name);
}

static int by_score_desc(const void *a, const void *b) {
    const struct person *x = a, *y = b;
    if (x->score != y->score) return x->score > y->score ? -1 : 1;
    return strcmp(x->name, y->name);
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_len_then_alpha(const void *a, const void *b) {
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    size_t lx = strlen(x), ly = strlen(y);
    if (lx != ly) return lx < ly ? -1 : 1;
    return strcmp(x, y);
}

int main(void) {
    struct person people[] = {
        {"dana", 31, 88.5}, {"ali", 25, 92.0}, {"chen", 31, 75.25}, {"bo", 25, 92.0},
        {"eve", 40, 60.0}, {"fay", 19, 99.5}, {"gus", 31, 88.5},
    };
    size_t n = sizeof people / sizeof people[0];
    qsort(people, n, sizeof people[0], by_age_then_name);
    for (size_t i = 0; i < n; i++) printf("%-5s %2d %6.2f\n", people[i].name, people[i].age, people[i].score);
    printf("--\n");
    qsort(people, n, sizeof people[0], by_score_desc);
    for (size_t i = 0; i < n; i++) printf("%-5s %2d %6.2f\n", people[i].name, people[i].age, people[i].score);

    const char *words[] = {"pear", "fig", "apple", "kiwi", "banana", "date", "cherry", "plum"};
    size_t nw = sizeof words / sizeof words[0];
    qsort(words, nw, sizeof words[0], cmp_str);
    for (size_t i = 0; i < nw; i++) printf("%s ", words[i]);
    printf("\n");
    qsort(words, nw, sizeof words[0], cmp_len_then_alpha);
    for (size_t i = 0; i < nw; i++) printf("%s ", words[i]);
    printf("\n");
    return 0;
}
