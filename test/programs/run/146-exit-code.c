/* main returns a non-zero status on purpose: the number of failed self-checks (3). */
#include <stdio.h>

static int failures;

static void expect(int cond, const char *what) {
    printf("%-28s %s\n", what, cond ? "pass" : "FAIL (expected)");
    if (!cond) failures++;
}

int main(void) {
    expect(1 + 1 == 2, "addition");
    expect(7 / 2 == 3, "integer division truncates");
    expect(-7 / 2 == -3, "toward zero for negatives");
    expect(0.1 + 0.2 == 0.3, "0.1 + 0.2 == 0.3");
    expect(sizeof(int) == 8, "int is 8 bytes");
    expect((unsigned char)256 == 0, "unsigned char wraps");
    expect('a' < 'b', "letters are ordered");
    expect(-1 < 0u, "-1 < 0u");
    printf("failures: %d\n", failures);
    return failures;
}
