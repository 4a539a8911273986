/* Arrays of strings: char *[] versus char [][N], lookups, and building strings. */
#include <stdio.h>
#include <string.h>

static const char *months[] = {"January", "February", "March", "April", "May", "June",
                               "July", "August", "September", "October", "November", "December"};
static char fixed[4][8] = {"red", "green", "blue", "cyan"};

static int index_of(const char *const *list, int n, const char *key) {
    for (int i = 0; i < n; i++)
        if (strcmp(list[i], key) == 0) return i;
    return -1;
}

int main(void) {
    int n = (int)(sizeof months / sizeof months[0]);
    printf("%d months, sizeof pointer array %zu\n", n, sizeof months);
    for (int i = 0; i < n; i += 3) printf("%s(%zu) ", months[i], strlen(months[i]));
    printf("\n");
    printf("index of May %d, of Smarch %d\n", index_of(months, n, "May"), index_of(months, n, "Smarch"));

    /* longest name */
    int best = 0;
    for (int i = 1; i < n; i++)
        if (strlen(months[i]) > strlen(months[best])) best = i;
    printf("longest %s\n", months[best]);

    /* abbreviations via a 2D char array */
    char abbr[12][4];
    for (int i = 0; i < n; i++) {
        memcpy(abbr[i], months[i], 3);
        abbr[i][3] = '\0';
    }
    for (int i = 0; i < n; i++) printf("%s%c", abbr[i], i == n - 1 ? '\n' : ' ');

    /* fixed-size rows can be modified in place */
    printf("sizeof fixed %zu\n", sizeof fixed);
    fixed[1][0] = 'G';
    strcat(fixed[3], "!");
    for (int i = 0; i < 4; i++) printf("%s ", fixed[i]);
    printf("\n");

    /* characters of the strings through double indexing */
    for (int i = 0; i < 4; i++) putchar(months[i][1]);
    putchar('\n');
    printf("first letters: ");
    for (int i = 0; i < n; i++) putchar(*months[i]);
    putchar('\n');
    return 0;
}
