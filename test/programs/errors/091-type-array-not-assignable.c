/* Whole arrays cannot be assigned: reported at the target. */
int main(void) {
    int a[3] = {1, 2, 3}, b[3] = {4, 5, 6};
    char name[8];
    a = b;
//  ^ E3029
    name = "hello";
//  ^ E3029
    return a[0] + name[0];
}
