/* Number formatting helpers: thousands separators, fixed point, roman-free ordinal suffixes. */
#include <stdio.h>
#include <string.h>

static const char *with_commas(long v, char *buf) {
    char tmp[32];
    int n = 0, neg = v < 0;
    unsigned long u = neg ? 0ul - (unsigned long)v : (unsigned long)v;
    int digits = 0;
    do {
        if (digits && digits % 3 == 0) tmp[n++] = ',';
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
        digits++;
    } while (u);
    if (neg) tmp[n++] = '-';
    for (int i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
    return buf;
}

static const char *ordinal(int n) {
    int t = n % 100;
    if (t >= 11 && t <= 13) return "th";
    switch (n % 10) {
    case 1: return "st";
    case 2: return "nd";
    case 3: return "rd";
    default: return "th";
    }
}

/* cents as an integer, printed as a decimal without floating point */
static void money(long cents, char *buf) {
    char num[32];
    long whole = cents / 100, frac = cents % 100;
    if (frac < 0) frac = -frac;
    sprintf(buf, "%s%s.%02ld", cents < 0 && whole == 0 ? "-" : "", with_commas(whole, num), frac);
}

int main(void) {
    long vals[] = {0, 7, 999, 1000, -1234, 1234567, -9876543210L, 9223372036854775807L, -9223372036854775807L - 1};
    char buf[48];
    for (int i = 0; i < 9; i++) printf("%ld -> %s\n", vals[i], with_commas(vals[i], buf));
    for (int n = 1; n <= 24; n++) printf("%d%s%c", n, ordinal(n), n % 8 ? ' ' : '\n');
    int more[] = {101, 111, 112, 113, 121, 1002};
    for (int i = 0; i < 6; i++) printf("%d%s ", more[i], ordinal(more[i]));
    printf("\n");
    long amounts[] = {0, 5, 100, 123456, -99, -100001};
    for (int i = 0; i < 6; i++) {
        money(amounts[i], buf);
        printf("%ld cents = $%s\n", amounts[i], buf);
    }
    return 0;
}
