/* string.h and strings.h: every function, printed, including return values C leaves open. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <stdlib.h>

static const char *words[] = { "", "a", "ab", "abc", "abd", "ABC", "b", "hello world", "\x80", "zz" };
#define NWORDS 10

int main(void) {
    char buf[64], *p;
    int i, j;
    for (i = 0; i < NWORDS; i++) {
        for (j = 0; j < NWORDS; j++) {
            printf("%d,%d,%d,%d ", strcmp(words[i], words[j]), strncmp(words[i], words[j], 2),
                   strcasecmp(words[i], words[j]) > 0, strncasecmp(words[i], words[j], 1) < 0);
        }
        printf("| %lu %lu\n", (unsigned long)strlen(words[i]), (unsigned long)strnlen(words[i], 2));
    }
    strcpy(buf, "hello");
    strcat(buf, ", ");
    strncat(buf, "world!!!", 5);
    printf("[%s] %lu\n", buf, (unsigned long)strlen(buf));
    memset(buf, '#', sizeof buf);
    strncpy(buf, "abc", 6);
    printf("%d %d %d %d %c\n", buf[2], buf[3], buf[4], buf[5], buf[6]);
    strncpy(buf, "abcdefgh", 4);
    printf("%c%c%c%c%c\n", buf[0], buf[1], buf[2], buf[3], buf[4]);
    strcpy(buf, "0123456789");
    memmove(buf + 2, buf, 5);
    printf("%s\n", buf);
    strcpy(buf, "0123456789");
    memmove(buf, buf + 3, 5);
    printf("%s\n", buf);
    memcpy(buf, "xyz", 3);
    printf("%s %d %d\n", buf, memcmp("abc", "abd", 3) < 0, memcmp("abc", "abc", 3));
    p = memchr("hello", 'l', 5);
    printf("%s %s %s\n", p, strchr("hello", 'l'), strrchr("hello", 'l'));
    printf("%p %p %s\n", (void *)strchr("hello", 'z'), (void *)memchr("hello", 'o', 4), strchr("hello", 0) - 5);
    printf("%s|%s|%p\n", strstr("haystack", "st"), strstr("haystack", ""), (void *)strstr("haystack", "sx"));
    printf("%lu %lu %s\n", (unsigned long)strspn("aabbcx", "ab"), (unsigned long)strcspn("hello, world", ",!"),
           strpbrk("hello, world", " ,"));
    strcpy(buf, ",,a,b,,c,");
    for (p = strtok(buf, ","); p; p = strtok(NULL, ","))
        printf("<%s>", p);
    printf("\n");
    p = strdup("duplicate");
    printf("%s ", p);
    free(p);
    p = strndup("duplicate", 3);
    printf("%s\n", p);
    free(p);
    for (i = 0; i < 40; i += 1)
        if (i < 6 || i == 12 || i == 22 || i == 33 || i == 34)
            printf("%d: %s\n", i, strerror(i));
    printf("%s\n", strerror(9999));
    memset(buf, 'x', 10);
    bzero(buf + 2, 3);
    printf("%d %d %d %d\n", buf[1], buf[2], buf[4], buf[5]);
    return 0;
}
