/* Particle records from a deterministic LCG; count the particles inside several bounding boxes. */
#include <stdio.h>
#include <stdint.h>

struct particle { double x, y, z, vx, vy, vz, energy; long id; };

struct box { double lo[3], hi[3]; const char *name; };

static uint64_t state = 42;
static double uniform(void) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (double)(state >> 11) * (1.0 / 9007199254740992.0);
}

static void make_particles(struct particle *p, int n) {
    for (int i = 0; i < n; i++) {
        p[i].id = 1000 + i;
        p[i].x = uniform() * 10 - 5;
        p[i].y = uniform() * 10 - 5;
        p[i].z = uniform() * 2;
        p[i].vx = uniform() - 0.5;
        p[i].vy = uniform() - 0.5;
        p[i].vz = uniform() - 0.5;
        p[i].energy = 0.5 * (p[i].vx * p[i].vx + p[i].vy * p[i].vy + p[i].vz * p[i].vz) * 100;
    }
}

static int inside(const struct particle *p, const struct box *b) {
    double pos[3] = {p->x, p->y, p->z};
    for (int k = 0; k < 3; k++)
        if (pos[k] < b->lo[k] || pos[k] >= b->hi[k]) return 0;
    return 1;
}

int main(void) {
    enum { N = 1000 };
    static struct particle ps[N];
    make_particles(ps, N);
    printf("sizeof(struct particle) = %zu\n", sizeof(struct particle));
    printf("first: id %ld pos (%.4f, %.4f, %.4f) energy %.4f\n", ps[0].id, ps[0].x, ps[0].y, ps[0].z, ps[0].energy);

    struct box boxes[] = {
        {{-5, -5, 0}, {5, 5, 2}, "everything"},
        {{0, 0, 0}, {5, 5, 2}, "first quadrant"},
        {{-1, -1, 0.5}, {1, 1, 1.5}, "central cube"},
        {{-5, -5, 0}, {-4, -4, 0.2}, "corner sliver"},
        {{6, 6, 0}, {7, 7, 1}, "outside"},
    };
    for (unsigned b = 0; b < sizeof boxes / sizeof boxes[0]; b++) {
        int count = 0;
        double esum = 0;
        long idsum = 0;
        for (int i = 0; i < N; i++)
            if (inside(&ps[i], &boxes[b])) {
                count++;
                esum += ps[i].energy;
                idsum += ps[i].id;
            }
        printf("%-15s count %4d energy sum %10.4f id sum %ld\n", boxes[b].name, count, esum, idsum);
    }
    return 0;
}
