/* A type name that was never declared. */
int main(void) {
    mystery_t value = 3;
//  ^ E2011
    return (int)value;
}
