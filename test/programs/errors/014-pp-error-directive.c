/* #error in an active group stops with its message; reported at the '#'. */
#ifndef REQUIRED_SETTING
  #error REQUIRED_SETTING must be defined
//^ E0014
#endif
int main(void) {
    return 0;
}
