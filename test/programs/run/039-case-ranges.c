/* GNU case ranges (`case 'a' ... 'z':`) mixed with ordinary cases. */
#include <stdio.h>

static const char *kind(int c) {
    switch (c) {
    case 'a' ... 'z': return "lower";
    case 'A' ... 'Z': return "upper";
    case '0' ... '9': return "digit";
    case ' ': case '\t': case '\n': return "space";
    case 0 ... 8: return "control";
    default: return "other";
    }
}

static int grade(int score) {
    switch (score) {
    case 90 ... 100: return 'A';
    case 80 ... 89: return 'B';
    case 70 ... 79: return 'C';
    case 0 ... 69: return 'F';
    default: return '?';
    }
}

int main(void) {
    const char *s = "Hi 42!\t";
    for (const char *p = s; *p; p++) printf("'%c'=%s ", *p == '\t' ? 'T' : *p, kind(*p));
    printf("\n%s\n", kind(3));
    int scores[] = {100, 95, 89, 80, 79, 70, 69, 0, -5, 101};
    for (int i = 0; i < 10; i++) printf("%d:%c ", scores[i], grade(scores[i]));
    printf("\n");

    /* ranges over negative numbers and a long selector */
    for (long v = -3; v <= 3; v++) {
        switch (v) {
        case -3 ... -1: printf("neg "); break;
        case 0: printf("zero "); break;
        case 1 ... 3: printf("pos "); break;
        }
    }
    printf("\n");
    return 0;
}
