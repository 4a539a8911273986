/* An enumeration constant defined twice in the same scope. */
enum color { RED, GREEN, BLUE };
enum mood { HAPPY, BLUE2, GREEN };
//                        ^ E2002
int main(void) {
    return RED + HAPPY + BLUE + BLUE2;
}
