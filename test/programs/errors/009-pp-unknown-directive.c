/* A directive that does not exist: reported at its '#'. */
  #frobnicate everything
//^ E0010
int main(void) {
    return 0;
}
