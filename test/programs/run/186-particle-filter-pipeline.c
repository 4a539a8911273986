/* A selection pipeline over particle records: predicates as function pointers, counts per stage. */
#include <stdio.h>
#include <string.h>

struct particle { double x, y, z, vx, vy, vz, energy; long id; };

typedef int (*cut_fn)(const struct particle *, double);
struct cut { const char *name; cut_fn fn; double param; };

static int cut_energy_min(const struct particle *p, double e) { return p->energy >= e; }
static int cut_radius_max(const struct particle *p, double r) { return p->x * p->x + p->y * p->y <= r * r; }
static int cut_forward(const struct particle *p, double unused) { (void)unused; return p->vz > 0; }
static int cut_id_mod(const struct particle *p, double m) { return p->id % (long)m != 0; }

static unsigned state = 1;
static double u01(void) {
    state = state * 214013u + 2531011u;
    return ((state >> 16) & 0x7fff) / 32768.0;
}

int main(void) {
    enum { N = 5000 };
    static struct particle ps[N];
    for (int i = 0; i < N; i++) {
        ps[i].id = i + 1;
        ps[i].x = u01() * 4 - 2;
        ps[i].y = u01() * 4 - 2;
        ps[i].z = 0;
        ps[i].vx = u01() - 0.5;
        ps[i].vy = u01() - 0.5;
        ps[i].vz = u01() - 0.3;
        ps[i].energy = u01() * 10;
    }
    struct cut cuts[] = {
        {"energy >= 2", cut_energy_min, 2.0},
        {"radius <= 1.5", cut_radius_max, 1.5},
        {"moving forward", cut_forward, 0},
        {"id not multiple of 5", cut_id_mod, 5},
    };
    enum { NC = sizeof cuts / sizeof cuts[0] };
    static unsigned char alive[N];
    memset(alive, 1, sizeof alive);
    int remaining = N;
    printf("%-22s %6d\n", "all", remaining);
    for (int c = 0; c < NC; c++) {
        int pass = 0;
        for (int i = 0; i < N; i++)
            if (alive[i]) {
                alive[i] = (unsigned char)cuts[c].fn(&ps[i], cuts[c].param);
                pass += alive[i];
            }
        printf("%-22s %6d  (efficiency %.4f)\n", cuts[c].name, pass, (double)pass / remaining);
        remaining = pass;
    }
    double esum = 0;
    long first = -1, last = -1;
    for (int i = 0; i < N; i++)
        if (alive[i]) {
            esum += ps[i].energy;
            if (first < 0) first = ps[i].id;
            last = ps[i].id;
        }
    printf("selected %d, mean energy %.5f, first id %ld, last id %ld\n", remaining, esum / remaining, first, last);
    return 0;
}
