/* <time.h>'s clock and time for programs that call them (often to seed rand or to time a
 * loop). In: nothing. Out: constants. A fragment has no clock in the ABI, and a constant keeps
 * runs reproducible: srand(time(0)) seeds the same way every run, elapsed times are 0. */

long clock(void)
{
    return 0;
}

long time(long *t)
{
    if (t)
        *t = 0;
    return 0;
}
