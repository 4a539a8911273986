/* char and unsigned char arithmetic: wrap-around on store, promotion in expressions, counting tables. */
#include <stdio.h>

int main(void) {
    signed char c = 120;
    for (int i = 0; i < 12; i++) {
        printf("%d ", c);
        c = (signed char)(c + 1); /* wraps from 127 to -128 (gcc's conversion rule) */
    }
    printf("\n");

    unsigned char u = 250;
    unsigned char prod = (unsigned char)(u * 2);
    printf("u * 2 = %d (int), stored %d\n", u * 2, prod);
    printf("u << 1 = %d, (unsigned char)(u << 1) = %d\n", u << 1, (unsigned char)(u << 1));
    printf("u + u > 255: %d\n", u + u > 255);

    /* char as a small counter in a histogram */
    const char *text = "abracadabra";
    unsigned char counts[26] = {0};
    for (const char *p = text; *p; p++) counts[*p - 'a']++;
    for (int i = 0; i < 26; i++)
        if (counts[i]) printf("%c:%d ", 'a' + i, counts[i]);
    printf("\n");

    /* Caesar shift with wrap inside the alphabet */
    char msg[] = "Hello, World xyz";
    for (char *p = msg; *p; p++) {
        if (*p >= 'a' && *p <= 'z') *p = (char)('a' + (*p - 'a' + 3) % 26);
        else if (*p >= 'A' && *p <= 'Z') *p = (char)('A' + (*p - 'A' + 3) % 26);
    }
    printf("%s\n", msg);

    /* comparisons of chars with high bit set */
    char hi = (char)0x80;
    unsigned char uhi = 0x80;
    printf("hi < 0: %d, uhi < 0: %d, hi == uhi: %d, (unsigned char)hi == uhi: %d\n", hi < 0, uhi < 0, hi == uhi,
           (unsigned char)hi == uhi);

    /* checksums over chars */
    unsigned char sum8 = 0;
    unsigned short sum16 = 0;
    for (int i = 0; i < 300; i++) {
        sum8 = (unsigned char)(sum8 + i);
        sum16 = (unsigned short)(sum16 + i * i);
    }
    printf("sum8 %u sum16 %u\n", sum8, sum16);

    /* digit characters to values and back */
    char digits[] = "9081726354";
    int value = 0;
    for (char *p = digits; *p; p++) value = (value * 10 + (*p - '0')) % 1000003;
    printf("value mod 1000003 = %d\n", value);
    return 0;
}
