/* sizeof of every integer type, in signed and unsigned forms (LP64). */
#include <stdio.h>

int main(void) {
    printf("char %zu, signed char %zu, unsigned char %zu\n",
           sizeof(char), sizeof(signed char), sizeof(unsigned char));
    printf("short %zu, unsigned short %zu\n", sizeof(short), sizeof(unsigned short));
    printf("int %zu, unsigned %zu\n", sizeof(int), sizeof(unsigned));
    printf("long %zu, unsigned long %zu\n", sizeof(long), sizeof(unsigned long));
    printf("long long %zu, unsigned long long %zu\n",
           sizeof(long long), sizeof(unsigned long long));
    printf("_Bool %zu\n", sizeof(_Bool));
    printf("float %zu, double %zu\n", sizeof(float), sizeof(double));
    printf("pointer %zu, function pointer %zu\n", sizeof(int *), sizeof(int (*)(void)));

    /* spellings that mean the same type */
    printf("short int %zu, long int %zu, long long int %zu\n",
           sizeof(short int), sizeof(long int), sizeof(long long int));
    printf("signed %zu, unsigned short int %zu, long unsigned %zu\n",
           sizeof(signed), sizeof(unsigned short int), sizeof(long unsigned));

    /* sizeof of expressions uses the expression's type */
    char c = 'a';
    short s = 1;
    long l = 2;
    printf("sizeof c %zu, sizeof +c %zu, sizeof (c + c) %zu\n", sizeof c, sizeof +c, sizeof(c + c));
    printf("sizeof s %zu, sizeof -s %zu, sizeof (s + l) %zu\n", sizeof s, sizeof -s, sizeof(s + l));
    printf("sizeof 'x' %zu, sizeof 1L %zu, sizeof 1.0f %zu, sizeof 1.0 %zu\n",
           sizeof 'x', sizeof 1L, sizeof 1.0f, sizeof 1.0);
    printf("sizeof (c ? s : l) %zu\n", sizeof(c ? s : l));
    return 0;
}
