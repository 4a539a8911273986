/* A string literal that runs to the end of the line. It sits in an initializer list whose next
   line closes the list, so both usual recoveries (end the literal at the newline, or drop it and
   keep the trailing comma) leave a well-formed declaration. */
#include <stdio.h>

int main(void) {
    const char *words[] = {"fine", "never closed
//                                 ^ E0002
    };
    puts(words[0]);
    return 0;
}
