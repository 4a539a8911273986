/* Arguments written without the comma between them, in a call and in a bracket (deleting the
   stray token leaves a valid call and a valid subscript). */
static int add(int a, int b) { return a + b; }

int main(void) {
    int r = add(1, 2 3);
//                   ^ E1001
    int v[3];
    v[1 2] = r;
//      ^ E1001
    return v[1];
}
