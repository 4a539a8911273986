/* A directive that does not exist: reported at the directive's name, as gcc does. */
  #frobnicate everything
// ^ E0010
int main(void) {
    return 0;
}
