/* Welford's online mean and variance over particle energies and speeds, compared with two-pass results. */
#include <stdio.h>
#include <math.h>

struct particle { double x, y, z, vx, vy, vz, energy; long id; };

struct welford { long n; double mean, m2; };

static void push(struct welford *w, double v) {
    w->n++;
    double d = v - w->mean;
    w->mean += d / (double)w->n;
    w->m2 += d * (v - w->mean);
}

static double variance(const struct welford *w) { return w->n > 1 ? w->m2 / (double)(w->n - 1) : 0.0; }

static unsigned long long seed = 7;
static double uniform(void) {
    seed = seed * 2862933555777941757ull + 3037000493ull;
    return (double)(seed >> 11) / 9007199254740992.0;
}

int main(void) {
    enum { N = 2000 };
    static struct particle ps[N];
    for (int i = 0; i < N; i++) {
        struct particle *p = &ps[i];
        p->id = i;
        p->x = uniform();
        p->y = uniform();
        p->z = uniform();
        p->vx = 2 * uniform() - 1;
        p->vy = 2 * uniform() - 1;
        p->vz = 2 * uniform() - 1;
        p->energy = 0.5 * 938.272 * (p->vx * p->vx + p->vy * p->vy + p->vz * p->vz) * 1e-3;
    }
    struct welford we = {0, 0, 0}, ws = {0, 0, 0}, wx = {0, 0, 0};
    for (int i = 0; i < N; i++) {
        push(&we, ps[i].energy);
        push(&ws, sqrt(ps[i].vx * ps[i].vx + ps[i].vy * ps[i].vy + ps[i].vz * ps[i].vz));
        push(&wx, ps[i].x);
    }
    printf("energy: n %ld mean %.6f sd %.6f\n", we.n, we.mean, sqrt(variance(&we)));
    printf("speed:  n %ld mean %.6f sd %.6f\n", ws.n, ws.mean, sqrt(variance(&ws)));
    printf("x:      n %ld mean %.6f var %.6f (uniform expects 0.5 and %.6f)\n", wx.n, wx.mean, variance(&wx), 1.0 / 12);

    /* two-pass reference for the energy */
    double sum = 0;
    for (int i = 0; i < N; i++) sum += ps[i].energy;
    double mean = sum / N, ss = 0;
    for (int i = 0; i < N; i++) ss += (ps[i].energy - mean) * (ps[i].energy - mean);
    printf("two-pass energy mean %.6f sd %.6f\n", mean, sqrt(ss / (N - 1)));
    printf("agree to 1e-9: %d %d\n", fabs(mean - we.mean) < 1e-9, fabs(ss / (N - 1) - variance(&we)) < 1e-9);

    /* per-decile statistics of energy by id ranges, merged the Chan way */
    struct welford part[4] = {{0, 0, 0}};
    for (int i = 0; i < N; i++) push(&part[i * 4 / N], ps[i].energy);
    struct welford all = part[0];
    for (int k = 1; k < 4; k++) {
        long n = all.n + part[k].n;
        double d = part[k].mean - all.mean;
        all.mean += d * (double)part[k].n / (double)n;
        all.m2 += part[k].m2 + d * d * (double)all.n * (double)part[k].n / (double)n;
        all.n = n;
    }
    for (int k = 0; k < 4; k++) printf("quarter %d: mean %.6f sd %.6f\n", k, part[k].mean, sqrt(variance(&part[k])));
    printf("merged: mean %.6f sd %.6f\n", all.mean, sqrt(variance(&all)));
    return 0;
}
