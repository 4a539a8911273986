/* A closing brace too many at file scope, where no declaration can start with it. */
int main(void) {
    return 0;
}
  }
//^ E1002
