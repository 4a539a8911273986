/* A function defined with a different type than its prototype: reported at the definition's name. */
int area(int w, int h);

double area(int w, int h) {
//     ^ E2003
    return w * h;
}

int main(void) {
    return (int)area(2, 3);
}
