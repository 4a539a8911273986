/* Objects and members of type void: reported at the declarator name. */
  void nothing;
//     ^ E3024
struct holder {
    int count;
    void member;
//       ^ E3024
};
int main(void) {
    struct holder h = {1};
    return h.count;
}
