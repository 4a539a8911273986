/* #if and #elif with expressions that do not parse, each reported at the '#'. */
  #if 1 +
//^ E0018
#endif
#if 0
  #elif (2 * 3
//^ E0018
#endif
int main(void) {
    return 0;
}
