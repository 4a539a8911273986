/* Macro expansion rules: rescanning, self-reference stops recursion, arguments expanded first. */
#include <stdio.h>

static int foo = 100;
#define foo (foo + 1)          /* refers to itself: the inner foo is the variable */
#define ONE 1
#define TWO (ONE + ONE)
#define FOUR (TWO * TWO)
#define ID(x) x
#define F(x) (x * 10)
#define G F
#define H(x) G(x)
#define EMPTY_ARG(x) [x]
#define COMMA ,
#define PAIR(a, b) a b
#define LATER ONE
#define DEFER(name) name
#define AGAIN(x) x + AGAIN_INNER
#define AGAIN_INNER 3

int main(void) {
    printf("foo %d\n", foo);
    printf("FOUR %d\n", FOUR);
    printf("ID(ID(ID(7))) %d\n", ID(ID(ID(7))));
    printf("G(2) %d, H(3) %d\n", G(2), H(3));
    printf("%s\n", "EMPTY_ARG() is " ID("[]"));
    int arr[] = {PAIR(1 COMMA, 2)};
    printf("PAIR with COMMA: %d %d\n", arr[0], arr[1]);
    printf("DEFER(LATER) %d\n", DEFER(LATER));
    printf("AGAIN(4) %d\n", AGAIN(4));
#undef ONE
#define ONE 10
    /* TWO and FOUR are expanded at use, so they see the new ONE */
    printf("after redefining ONE: TWO %d FOUR %d\n", TWO, FOUR);
    /* a function-like macro followed by something other than ( is not invoked */
    int F = 5;
    printf("F without parens %d, F(F) %d\n", F, F(F));
    return 0;
}
