/* Histograms of particle energy (linear bins) and radius (log bins), with under/overflow and an ASCII plot. */
#include <stdio.h>
#include <math.h>

struct particle { double x, y, z, vx, vy, vz, energy; long id; };

static unsigned long long rng = 88172645463325252ull;
static double uniform(void) {
    rng = rng * 6364136223846793005ull + 1ull;
    return (double)(rng >> 11) * 0x1.0p-53;
}

/* a rough normal deviate: sum of 12 uniforms minus 6 */
static double gauss(void) {
    double s = 0;
    for (int i = 0; i < 12; i++) s += uniform();
    return s - 6;
}

int main(void) {
    enum { N = 3000, BINS = 12 };
    static struct particle ps[N];
    for (int i = 0; i < N; i++) {
        ps[i] = (struct particle){.id = i};
        ps[i].x = gauss();
        ps[i].y = gauss();
        ps[i].z = gauss() * 0.1;
        ps[i].vx = gauss() * 0.2;
        ps[i].vy = gauss() * 0.2;
        ps[i].vz = gauss() * 0.2;
        ps[i].energy = 50.0 * (ps[i].vx * ps[i].vx + ps[i].vy * ps[i].vy + ps[i].vz * ps[i].vz);
    }
    int hist[BINS] = {0}, under = 0, over = 0;
    double lo = 0.0, hi = 12.0, width = (hi - lo) / BINS;
    for (int i = 0; i < N; i++) {
        double e = ps[i].energy;
        if (e < lo) under++;
        else if (e >= hi) over++;
        else hist[(int)((e - lo) / width)]++;
    }
    int peak = 0;
    for (int b = 0; b < BINS; b++)
        if (hist[b] > peak) peak = hist[b];
    printf("energy histogram (%d particles, underflow %d, overflow %d)\n", N, under, over);
    for (int b = 0; b < BINS; b++) {
        printf("[%5.1f,%5.1f) %5d ", lo + b * width, lo + (b + 1) * width, hist[b]);
        int bar = hist[b] * 40 / peak;
        for (int k = 0; k < bar; k++) putchar('#');
        putchar('\n');
    }

    /* log-spaced bins of the distance from the origin */
    int rbins[6] = {0};
    for (int i = 0; i < N; i++) {
        double r = sqrt(ps[i].x * ps[i].x + ps[i].y * ps[i].y + ps[i].z * ps[i].z);
        int b = r <= 0 ? 0 : (int)floor(log10(r) + 3);
        if (b < 0) b = 0;
        if (b > 5) b = 5;
        rbins[b]++;
    }
    for (int b = 0; b < 6; b++) printf("r in [1e%d, 1e%d): %d\n", b - 3, b - 2, rbins[b]);
    int total = under + over;
    for (int b = 0; b < BINS; b++) total += hist[b];
    printf("total counted %d\n", total);
    return 0;
}
