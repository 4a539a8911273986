/* Minimum, maximum and argmin/argmax of each particle field, found through offsetof. */
#include <stdio.h>
#include <stddef.h>
#include <float.h>

struct particle { double x, y, z, vx, vy, vz, energy; long id; };

static unsigned int lcg_state = 12345u;
static double next01(void) {
    lcg_state = lcg_state * 1664525u + 1013904223u;
    return lcg_state / 4294967296.0;
}

static double field(const struct particle *p, size_t off) { return *(const double *)((const char *)p + off); }

int main(void) {
    enum { N = 500 };
    static struct particle ps[N];
    for (int i = 0; i < N; i++) {
        ps[i].id = 7 * i + 3;
        ps[i].x = next01() * 100;
        ps[i].y = next01() * 50 - 25;
        ps[i].z = -next01();
        ps[i].vx = next01() * 2 - 1;
        ps[i].vy = next01() * 2 - 1;
        ps[i].vz = next01() * 2 - 1;
        ps[i].energy = (ps[i].vx * ps[i].vx + ps[i].vy * ps[i].vy + ps[i].vz * ps[i].vz) * 50;
    }
    static const struct { const char *name; size_t off; } fields[] = {
        {"x", offsetof(struct particle, x)},   {"y", offsetof(struct particle, y)},
        {"z", offsetof(struct particle, z)},   {"vx", offsetof(struct particle, vx)},
        {"vy", offsetof(struct particle, vy)}, {"vz", offsetof(struct particle, vz)},
        {"energy", offsetof(struct particle, energy)},
    };
    for (unsigned f = 0; f < sizeof fields / sizeof fields[0]; f++) {
        double lo = DBL_MAX, hi = -DBL_MAX;
        long lo_id = -1, hi_id = -1;
        for (int i = 0; i < N; i++) {
            double v = field(&ps[i], fields[f].off);
            if (v < lo) lo = v, lo_id = ps[i].id;
            if (v > hi) hi = v, hi_id = ps[i].id;
        }
        printf("%-6s offset %2zu min %10.6f (id %4ld) max %10.6f (id %4ld) range %.6f\n", fields[f].name,
               fields[f].off, lo, lo_id, hi, hi_id, hi - lo);
    }
    printf("offset of id %zu, size %zu\n", offsetof(struct particle, id), sizeof(struct particle));
    return 0;
}
