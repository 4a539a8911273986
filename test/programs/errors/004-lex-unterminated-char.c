/* A character constant without its closing quote, placed so that ending it at the newline or
   dropping it both leave a well-formed declaration. */
int main(void) {
    char cs[] = {'a', 'b
//                    ^ E0002
    };
    return cs[0];
}
