/* A block comment that is never closed: the diagnostic points at its opening slash-star. */
int main(void) {
    return 0;
}
  /* this comment has no end
//^ E0003
int never_seen;
