/* strchr, strrchr, strstr, strspn, strcspn, strpbrk, and the positions they find. */
#include <stdio.h>
#include <string.h>

int main(void) {
    const char *s = "the quick brown fox jumps over the lazy dog";
    const char *p = strchr(s, 'q');
    printf("strchr q at %td: %s\n", p - s, p);
    p = strrchr(s, 'o');
    printf("strrchr o at %td: %s\n", p - s, p);
    printf("strchr z %s, strchr NUL at %td\n", strchr(s, 'Z') ? "found" : "null", strchr(s, '\0') - s);
    p = strstr(s, "the");
    printf("strstr the at %td\n", p - s);
    p = strstr(p + 1, "the");
    printf("second the at %td\n", p - s);
    printf("strstr empty needle at %td\n", strstr(s, "") - s);
    printf("strstr missing %s\n", strstr(s, "cat") ? "found" : "null");

    /* count occurrences */
    int count = 0;
    for (const char *q = s; (q = strchr(q, 'o')) != NULL; q++) count++;
    printf("count of o: %d\n", count);
    int words = 0;
    for (const char *q = s; (q = strstr(q, "o")) != NULL; q += 1) words++;
    printf("strstr count of o: %d\n", words);

    /* span functions */
    printf("strspn digits of '12345abc' %zu\n", strspn("12345abc", "0123456789"));
    printf("strcspn until vowel in 'rhythm and blues' %zu\n", strcspn("rhythm and blues", "aeiou"));
    printf("strpbrk first of ',;' in 'a=1;b=2,c' -> %s\n", strpbrk("a=1;b=2,c", ",;"));

    /* file extension and basename */
    const char *path = "/home/user/archive.tar.gz";
    const char *base = strrchr(path, '/') + 1;
    const char *ext = strchr(base, '.');
    printf("base %s ext %s last ext %s\n", base, ext, strrchr(base, '.'));

    /* replace every occurrence of a word into a new buffer */
    const char *text = "cat and cat and dog";
    char out[64] = "";
    const char *from = text, *hit;
    while ((hit = strstr(from, "cat")) != NULL) {
        strncat(out, from, (size_t)(hit - from));
        strcat(out, "bird");
        from = hit + 3;
    }
    strcat(out, from);
    printf("%s\n", out);
    return 0;
}
