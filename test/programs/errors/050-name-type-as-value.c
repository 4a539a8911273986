/* A typedef name used where a value is expected. */
typedef int count_t;

int main(void) {
    count_t n = 3;
    n = n + count_t;
//          ^ E2010
    return n;
}
