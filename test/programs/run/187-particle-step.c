/* Time-stepping particle records in a box with reflecting walls; energy and box counts per step. */
#include <stdio.h>
#include <math.h>

struct particle { double x, y, z, vx, vy, vz, energy; long id; };

static unsigned long long st = 314159;
static double uni(void) {
    st = st * 6364136223846793005ull + 1442695040888963407ull;
    return (double)(st >> 11) / 9007199254740992.0;
}

static void reflect(double *pos, double *vel, double lo, double hi) {
    if (*pos < lo) { *pos = 2 * lo - *pos; *vel = -*vel; }
    if (*pos > hi) { *pos = 2 * hi - *pos; *vel = -*vel; }
}

int main(void) {
    enum { N = 256, STEPS = 40 };
    static struct particle ps[N];
    const double L = 1.0, dt = 0.05, g = -0.5;
    for (int i = 0; i < N; i++) {
        /* one call per statement: the order of evaluation inside an initializer list is unspecified */
        ps[i].id = i;
        ps[i].x = uni();
        ps[i].y = uni();
        ps[i].z = uni();
        ps[i].vx = uni() - 0.5;
        ps[i].vy = uni() - 0.5;
        ps[i].vz = uni() - 0.5;
        ps[i].energy = 0;
    }
    for (int step = 0; step <= STEPS; step++) {
        if (step > 0)
            for (int i = 0; i < N; i++) {
                struct particle *p = &ps[i];
                p->vz += g * dt;
                p->x += p->vx * dt;
                p->y += p->vy * dt;
                p->z += p->vz * dt;
                reflect(&p->x, &p->vx, 0, L);
                reflect(&p->y, &p->vy, 0, L);
                reflect(&p->z, &p->vz, 0, L);
            }
        if (step % 8 == 0) {
            double kinetic = 0, potential = 0, zmean = 0;
            int low = 0;
            for (int i = 0; i < N; i++) {
                struct particle *p = &ps[i];
                p->energy = 0.5 * (p->vx * p->vx + p->vy * p->vy + p->vz * p->vz);
                kinetic += p->energy;
                potential += -g * p->z;
                zmean += p->z;
                low += p->z < 0.25;
            }
            printf("step %2d: kinetic %9.5f potential %9.5f total %9.5f <z> %.5f low %3d\n", step, kinetic,
                   potential, kinetic + potential, zmean / N, low);
        }
    }
    double maxv = 0;
    long fastest = -1;
    for (int i = 0; i < N; i++) {
        double v = sqrt(2 * ps[i].energy);
        if (v > maxv) maxv = v, fastest = ps[i].id;
    }
    printf("fastest particle %ld speed %.5f\n", fastest, maxv);
    return 0;
}
