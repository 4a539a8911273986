/* Compound literals: a fresh object per evaluation in loops, lvalue use, and pointers within a block. */
#include <stdio.h>

struct v2 { int x, y; };

static int sum(const struct v2 *v, int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += v[i].x * v[i].y;
    return s;
}

int main(void) {
    /* each iteration evaluates the literal again, so modifications do not carry over */
    for (int i = 0; i < 3; i++) {
        int *p = (int[3]){1, 2, 3};
        p[i] *= 10;
        printf("%d %d %d\n", p[0], p[1], p[2]);
    }

    /* an array of compound literal pointers stays valid inside the block */
    struct v2 *list[3];
    list[0] = &(struct v2){1, 2};
    list[1] = &(struct v2){3, 4};
    list[2] = &(struct v2){5, 6};
    int s = 0;
    for (int i = 0; i < 3; i++) s += list[i]->x + list[i]->y;
    printf("sum of pointed literals %d\n", s);

    printf("sum of array literal %d\n", sum((struct v2[]){{1, 1}, {2, 2}, {3, 3}}, 3));

    /* compound literal as an lvalue */
    (struct v2){7, 8}.x = 9; /* legal, and useless */
    int v = ((int[]){4, 5, 6})[2];
    printf("indexed literal %d\n", v);
    struct v2 q = (struct v2){.y = 1} ;
    q = (struct v2){q.y + 1, q.x + 1};
    printf("q %d %d\n", q.x, q.y);

    /* const-qualified compound literal strings */
    const char *const *words = (const char *const[]){"compound", "literal", NULL};
    for (int i = 0; words[i]; i++) printf("%s ", words[i]);
    printf("\n");
    return 0;
}
