/* Two declarations of one global with different types. */
extern int limit;
long limit = 10;
//   ^ E2003
int main(void) {
    return (int)limit;
}
