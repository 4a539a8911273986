/* A local used on a line before the line that declares it. */
int main(void) {
    int a = 1;
    a = a + later;
//          ^ E2001
    int later = 2;
    return a + later;
}
