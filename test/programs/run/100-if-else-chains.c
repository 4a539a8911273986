/* if / else if / else chains, nested ifs, dangling else, and conditions of different types. */
#include <stdio.h>

static const char *bmi_class(double bmi) {
    if (bmi < 18.5) return "under";
    else if (bmi < 25.0) return "normal";
    else if (bmi < 30.0) return "over";
    else return "obese";
}

static int days_in(int month, int year) {
    if (month == 2) {
        if ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0) return 29;
        else return 28;
    } else if (month == 4 || month == 6 || month == 9 || month == 11) {
        return 30;
    }
    return 31;
}

int main(void) {
    double bmis[] = {17.0, 18.5, 24.9, 25.0, 29.99, 35.0};
    for (int i = 0; i < 6; i++) printf("%.2f %s\n", bmis[i], bmi_class(bmis[i]));

    int years[] = {1900, 2000, 2023, 2024};
    for (int i = 0; i < 4; i++) printf("Feb %d has %d days\n", years[i], days_in(2, years[i]));
    printf("Apr %d, Dec %d\n", days_in(4, 2023), days_in(12, 2023));

    /* dangling else binds to the nearest if */
    for (int a = 0; a < 2; a++)
        for (int b = 0; b < 2; b++) {
            printf("a=%d b=%d: ", a, b);
            if (a)
                if (b) printf("both");
                else printf("a only");
            printf("\n");
        }

    /* conditions of pointer, double, char and long type */
    const char *s = "";
    if (s) printf("pointer is true\n");
    if (*s) printf("never\n");
    else printf("empty string\n");
    double tiny = 1e-310;
    if (tiny) printf("denormal is true\n");
    long big = 1L << 40;
    if (big & (1L << 40)) printf("bit 40 set\n");

    /* an if with an empty statement and a block with a declaration */
    int n = 3;
    if (n > 5);
    if (n > 1) {
        int sq = n * n;
        printf("sq %d\n", sq);
    }
    return 0;
}
