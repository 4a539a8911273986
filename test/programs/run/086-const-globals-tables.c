/* Read-only global tables: const arrays, const structs, a const pointer table. */
#include <stdio.h>

struct unit { const char *name; double factor; };

static const struct unit units[] = {
    {"mm", 0.001}, {"cm", 0.01}, {"m", 1.0}, {"km", 1000.0}, {"in", 0.0254}, {"ft", 0.3048},
};
static const int days_in_month[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
static const char hexdigits[] = "0123456789abcdef";
static const struct unit *const metre = &units[2];
static const double *const factors_start = &units[0].factor;

static double convert(double v, const struct unit *from, const struct unit *to) {
    return v * from->factor / to->factor;
}

static int day_of_year(int month, int day) {
    int d = day;
    for (int m = 0; m < month - 1; m++) d += days_in_month[m];
    return d;
}

static void to_hex(unsigned v, char *out) {
    char tmp[9];
    int n = 0;
    do {
        tmp[n++] = hexdigits[v & 15];
        v >>= 4;
    } while (v);
    for (int i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    out[n] = '\0';
}

int main(void) {
    size_t nu = sizeof units / sizeof units[0];
    for (size_t i = 0; i < nu; i++) printf("1 %s = %.4f m\n", units[i].name, convert(1, &units[i], metre));
    printf("10 km = %.1f ft\n", convert(10, &units[3], &units[5]));
    printf("first factor %.3f\n", *factors_start);
    printf("day of year: Mar 1 = %d, Dec 31 = %d\n", day_of_year(3, 1), day_of_year(12, 31));
    unsigned vals[] = {0, 255, 4096, 3735928559u};
    char buf[16];
    for (int i = 0; i < 4; i++) {
        to_hex(vals[i], buf);
        printf("%u = 0x%s\n", vals[i], buf);
    }
    return 0;
}
