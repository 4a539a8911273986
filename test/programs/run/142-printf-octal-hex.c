/* Formatting integers in octal and hexadecimal with widths, the # flag, and long types. */
#include <stdio.h>

int main(void) {
    unsigned vals[] = {0, 7, 8, 64, 255, 256, 4095, 65535, 3735928559u};
    printf("%10s %12s %12s %12s %14s\n", "dec", "hex", "HEX", "#hex", "octal");
    for (int i = 0; i < 9; i++) printf("%10u %12x %12X %#12x %#14o\n", vals[i], vals[i], vals[i], vals[i], vals[i]);

    unsigned long long big = 0x0123456789abcdefULL;
    printf("%llx %llX %#llx %llo\n", big, big, big, big);
    printf("%016lx %#018lx\n", 0xbeefUL, 0xbeefUL);

    /* negative values printed as unsigned hex show two's complement */
    int neg = -1;
    short sneg = -2;
    long lneg = -256;
    printf("%x %hx %lx %o\n", (unsigned)neg, (unsigned short)sneg, (unsigned long)lneg, (unsigned)neg);

    /* a hex dump of a string with offsets */
    const char *msg = "Hex dump: 0123456789ABCDEF!";
    int n = 0;
    while (msg[n]) n++;
    for (int off = 0; off < n; off += 8) {
        printf("%04x:", off);
        for (int k = off; k < off + 8; k++) {
            if (k < n) printf(" %02x", (unsigned char)msg[k]);
            else printf("   ");
        }
        printf("  ");
        for (int k = off; k < off + 8 && k < n; k++) putchar(msg[k]);
        printf("\n");
    }

    /* permissions in octal */
    unsigned modes[] = {0755, 0644, 0600, 04755};
    for (int i = 0; i < 4; i++) {
        char s[10];
        const char *rwx = "rwxrwxrwx";
        for (int b = 0; b < 9; b++) s[b] = (modes[i] >> (8 - b)) & 1 ? rwx[b] : '-';
        s[9] = '\0';
        printf("%04o %s\n", modes[i], s);
    }
    return 0;
}
