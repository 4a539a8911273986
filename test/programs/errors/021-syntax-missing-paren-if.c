/* An if condition without its closing ')'. */
int main(void) {
    int x = 3;
    if (x > 0 {
//            ^ E1001
        x = 0;
    }
    return x;
}
