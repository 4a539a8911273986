/* The gcc side of bench/kernels.ts: times the kernels in bench/kernels/ (bbox.c, stats.c,
 * histogram.c), compiled by `gcc -O2` as separate translation units (so, like the wasm kernels, each is one
 * out-of-line call over the whole array), on the same particles the JavaScript host makes.
 *
 * Usage: kernels-gcc N, then one command per line on stdin, each answered on stdout at once
 * (the host interleaves gcc's runs with its own, so a change in machine load hits all three
 * implementations alike):
 *   results  ->  result k1 COUNT
 *                result k2 COUNT MEAN M2 MIN MAX
 *                result k3 KEPT BIN0 ... BIN63
 *   k1       ->  time k1 NS_PER_RECORD       (one timed call; likewise k2, k3)
 * Doubles print with %.17g, which names each one exactly. K3's mu and sigma come from K2's
 * result, sigma = sqrt(M2 / count), as the host computes them. */

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

struct particle { double x, y, z, vx, vy, vz, energy; long id; };
struct energy_stats { long count; double mean, m2, min, max; };

long bbox_count(const struct particle *p, long n,
                double xlo, double xhi, double ylo, double yhi, double zlo, double zhi);
void energy_stats(const struct particle *p, long n, struct energy_stats *out);
long energy_histogram(const struct particle *p, long n, double mu, double sigma, long *bins);

/* The particle generator, step for step the one in bench/kernels.ts: mulberry32 from a fixed
 * seed; positions uniform in [0, 10)^3, velocities in [-1, 1)^3, energy = |v|^2 / 2. */
static uint32_t state = 20260101u;

static uint32_t next_u32(void)
{
    uint32_t t = state += 0x6d2b79f5u;
    t = (t ^ (t >> 15)) * (t | 1u);
    t ^= t + (t ^ (t >> 7)) * (t | 61u);
    return t ^ (t >> 14);
}

static double uniform(void) { return next_u32() * 2.3283064365386963e-10; /* 2^-32 */ }

static void fill(struct particle *p, long n)
{
    for (long i = 0; i < n; i++) {
        p[i].x = 10 * uniform();
        p[i].y = 10 * uniform();
        p[i].z = 10 * uniform();
        p[i].vx = 2 * uniform() - 1;
        p[i].vy = 2 * uniform() - 1;
        p[i].vz = 2 * uniform() - 1;
        p[i].energy = 0.5 * (p[i].vx * p[i].vx + p[i].vy * p[i].vy + p[i].vz * p[i].vz);
        p[i].id = i;
    }
}

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

/* Keeps results observable so the calls are never dropped. */
static volatile long sink;

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s N (then commands on stdin: results, k1, k2, k3)\n", argv[0]);
        return 2;
    }
    long n = atol(argv[1]);
    struct particle *p = aligned_alloc(64, n * sizeof *p);
    if (!p) return 1;
    fill(p, n);

    struct energy_stats s;
    long bins[64];
    energy_stats(p, n, &s);
    double mu = s.mean, sigma = sqrt(s.m2 / s.count);

    char line[64];
    while (fgets(line, sizeof line, stdin)) {
        if (line[0] == 'r') {
            printf("result k1 %ld\n", bbox_count(p, n, 2, 8, 1, 9, 3, 7));
            energy_stats(p, n, &s);
            printf("result k2 %ld %.17g %.17g %.17g %.17g\n", s.count, s.mean, s.m2, s.min, s.max);
            long kept = energy_histogram(p, n, mu, sigma, bins);
            printf("result k3 %ld", kept);
            for (int b = 0; b < 64; b++) printf(" %ld", bins[b]);
            printf("\n");
        } else if (line[0] == 'k') {
            int k = line[1] - '0';
            double t0 = now_ns();
            if (k == 1) sink = bbox_count(p, n, 2, 8, 1, 9, 3, 7);
            else if (k == 2) { energy_stats(p, n, &s); sink = s.count; }
            else sink = energy_histogram(p, n, mu, sigma, bins);
            double t1 = now_ns();
            printf("time k%d %.4f\n", k, (t1 - t0) / n);
        }
        fflush(stdout);
    }
    return 0;
}
