/* #else and #endif with no open #if, each reported at the '#'. */
int main(void) {
    return 0;
}
  #else
//^ E0013
  #endif
//^ E0013
