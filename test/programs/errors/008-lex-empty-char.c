/* An empty character literal. */
int main(void) {
    char c = '';
//           ^ E0006
    return c;
}
