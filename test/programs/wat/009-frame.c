/* The stack frame: an array and an address-taken local live in linear memory, below
 * __stack_pointer, which the function lowers on entry and restores on exit. */
void fill(int *p, int n);
int sum_local(int n) {
    int buf[8];
    int count = n;
    fill(buf, 8);
    fill(&count, 1);
    return buf[0] + buf[7] + count;
}
void fill(int *p, int n) { for (int i = 0; i < n; i++) p[i] = i * 3; }
