/* An #if group that never reaches #endif: reported at the '#' of the #if. */
#define LEVEL 2
int main(void) {
    return 0;
}
  #if LEVEL > 1
//^ E0012
int unused_in_group = 1;
