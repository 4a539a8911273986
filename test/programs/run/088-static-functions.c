/* File-scope static functions and variables, forward declarations, and mutual calls. */
#include <stdio.h>

static int helper_calls;
static int is_vowel(char c);
static int count_vowels(const char *s);
int public_entry(const char *s);

static int count_vowels(const char *s) {
    int n = 0;
    for (; *s; s++) n += is_vowel(*s);
    return n;
}

static int is_vowel(char c) {
    helper_calls++;
    switch (c | 0x20) {
    case 'a': case 'e': case 'i': case 'o': case 'u': return 1;
    default: return 0;
    }
}

int public_entry(const char *s) {
    int n = count_vowels(s); /* sequenced before reading helper_calls */
    return n * 10 + helper_calls % 10;
}

/* a static function with the same name as a local variable elsewhere */
static int value(void) { return 7; }

static int use_value(void) {
    int v = value();
    {
        int value = 3; /* shadows the function inside this block */
        v += value;
    }
    return v + value();
}

int main(void) {
    const char *words[] = {"Education", "rhythm", "AEIOU", "queue"};
    for (int i = 0; i < 4; i++) printf("%s: %d vowels\n", words[i], count_vowels(words[i]));
    printf("helper calls %d\n", helper_calls);
    printf("public_entry %d\n", public_entry("banana"));
    printf("use_value %d\n", use_value());
    return 0;
}
