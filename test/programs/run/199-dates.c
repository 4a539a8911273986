/* Calendar arithmetic: day of week, days between dates, adding days, ISO-like formatting. */
#include <stdio.h>

struct date { int y, m, d; };

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static int month_days(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* days since 0000-03-01 in the proleptic Gregorian calendar */
static long to_days(struct date t) {
    int y = t.y, m = t.m;
    if (m <= 2) y--, m += 12;
    return 365L * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + t.d - 1;
}

static struct date from_days(long n) {
    struct date t = {0, 3, 1};
    long y = (10000 * n + 14780) / 3652425;
    long doy = n - (365 * y + y / 4 - y / 100 + y / 400);
    if (doy < 0) {
        y--;
        doy = n - (365 * y + y / 4 - y / 100 + y / 400);
    }
    long mi = (100 * doy + 52) / 3060;
    t.m = (int)((mi + 2) % 12 + 1);
    t.y = (int)(y + (mi + 2) / 12);
    t.d = (int)(doy - (mi * 306 + 5) / 10 + 1);
    return t;
}

static const char *weekday(struct date t) {
    static const char *const names[] = {"Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday"};
    return names[to_days(t) % 7];
}

int main(void) {
    struct date ds[] = {{2000, 1, 1}, {1969, 7, 20}, {2024, 2, 29}, {1900, 3, 1}, {2038, 1, 19}, {1582, 10, 15}};
    for (int i = 0; i < 6; i++) printf("%04d-%02d-%02d is a %s\n", ds[i].y, ds[i].m, ds[i].d, weekday(ds[i]));
    printf("days from 1969-07-20 to 2000-01-01: %ld\n", to_days(ds[0]) - to_days(ds[1]));
    int offsets[] = {0, 1, 59, 60, 365, 366, 10000, -1, -36525};
    for (int i = 0; i < 9; i++) {
        struct date t = from_days(to_days(ds[0]) + offsets[i]);
        printf("2000-01-01 %+6d days = %04d-%02d-%02d\n", offsets[i], t.y, t.m, t.d);
    }
    int ok = 1;
    for (long n = to_days((struct date){1999, 1, 1}); n < to_days((struct date){2002, 1, 1}); n++) {
        struct date t = from_days(n);
        ok &= to_days(t) == n && t.d >= 1 && t.d <= month_days(t.y, t.m);
    }
    printf("round trip 1999..2001 ok %d\n", ok);
    printf("leap years 1896..1912:");
    for (int y = 1896; y <= 1912; y += 4) printf(" %d:%d", y, is_leap(y));
    printf("\n");
    return 0;
}
