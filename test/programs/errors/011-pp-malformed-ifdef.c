/* #ifdef with nothing to test: reported at the '#'. */
  #ifdef
//^ E0011
int x = 1;
#endif
int main(void) {
    return 0;
}
