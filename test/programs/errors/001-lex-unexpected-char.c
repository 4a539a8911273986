/* A character that starts no token (dropping it leaves a valid declaration). */
int main(void) {
    int x = @5;
//          ^ E0001
    return x;
}
