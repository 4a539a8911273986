/* Globals with initializers: scalars, pointers to other globals, arrays of strings, structs. */
#include <stdio.h>

int counter = 42;
int *counter_ptr = &counter;
double ratio = 1.0 / 3.0;
const char *title = "globals";
char letters[] = "abcdef";
char *third_letter = &letters[2];
int primes[] = {2, 3, 5, 7, 11, 13};
int *last_prime = primes + 5;
const int n_primes = sizeof primes / sizeof primes[0];
const char *colors[] = {"red", "green", "blue", 0};
long big = 1L << 40;
unsigned mask = ~0u >> 4;
struct point { int x, y; } origin = {0, 0}, corner = {.x = 640, .y = 480};
struct point *points[] = {&origin, &corner};
struct link { int v; struct link *next; } l2 = {2, 0}, l1 = {1, &l2};
int matrix[2][3] = {{1, 2, 3}, {4, 5, 6}};
int *row1 = matrix[1];
char greeting[16] = "hi";
float fvalues[3] = {1.5f, 2.5f};
unsigned char bytes[] = {0xde, 0xad, 0xbe, 0xef};
int uninit_array[4];
static int file_static = -7;

int main(void) {
    printf("counter %d via ptr %d\n", counter, *counter_ptr);
    *counter_ptr += 1;
    printf("counter now %d\n", counter);
    printf("ratio %.6f title %s\n", ratio, title);
    printf("letters %s third %c\n", letters, *third_letter);
    printf("last prime %d, count %d\n", *last_prime, n_primes);
    for (const char **c = colors; *c; c++) printf("%s ", *c);
    printf("\nbig %ld mask %#x\n", big, mask);
    printf("corner %d %d, via points %d\n", corner.x, corner.y, points[1]->y);
    printf("list %d %d\n", l1.v, l1.next->v);
    printf("row1 %d %d %d\n", row1[0], row1[1], row1[2]);
    printf("greeting '%s' sizeof %zu\n", greeting, sizeof greeting);
    printf("fvalues %.1f %.1f %.1f\n", fvalues[0], fvalues[1], fvalues[2]);
    printf("bytes %02x%02x%02x%02x\n", bytes[0], bytes[1], bytes[2], bytes[3]);
    printf("uninit %d %d, file_static %d\n", uninit_array[0], uninit_array[3], file_static);
    third_letter[0] = 'C';
    printf("letters %s\n", letters);
    return 0;
}
