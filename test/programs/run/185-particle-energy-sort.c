/* Sorting particle records by energy with qsort, top-k selection, and a stable id tie-break. */
#include <stdio.h>
#include <stdlib.h>

struct particle { double x, y, z, vx, vy, vz, energy; long id; };

static unsigned long long s = 2463534242ull;
static double rnd(void) {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return (double)(s >> 11) / 9007199254740992.0;
}

static int by_energy_desc(const void *a, const void *b) {
    const struct particle *p = a, *q = b;
    if (p->energy != q->energy) return p->energy < q->energy ? 1 : -1;
    return (p->id > q->id) - (p->id < q->id);
}

static int by_id(const void *a, const void *b) {
    long x = ((const struct particle *)a)->id, y = ((const struct particle *)b)->id;
    return (x > y) - (x < y);
}

int main(void) {
    enum { N = 400 };
    struct particle *ps = malloc(N * sizeof *ps);
    for (int i = 0; i < N; i++) {
        ps[i].id = (long)((i * 7919) % N);
        ps[i].x = rnd();
        ps[i].y = rnd();
        ps[i].z = rnd();
        ps[i].vx = rnd() - 0.5;
        ps[i].vy = rnd() - 0.5;
        ps[i].vz = rnd() - 0.5;
        /* quantized energies so ties happen and the id tie-break matters */
        ps[i].energy = (double)(long)((ps[i].vx * ps[i].vx + ps[i].vy * ps[i].vy + ps[i].vz * ps[i].vz) * 20) / 2;
    }
    qsort(ps, N, sizeof *ps, by_energy_desc);
    printf("top 10 by energy:\n");
    for (int i = 0; i < 10; i++) printf("  id %3ld energy %.1f\n", ps[i].id, ps[i].energy);
    int ok = 1;
    for (int i = 1; i < N; i++) ok &= by_energy_desc(&ps[i - 1], &ps[i]) < 0;
    printf("strictly ordered: %d\n", ok);

    /* energy levels and their populations */
    int i = 0;
    while (i < N) {
        int j = i;
        while (j < N && ps[j].energy == ps[i].energy) j++;
        printf("energy %.1f: %d particles\n", ps[i].energy, j - i);
        i = j;
    }
    qsort(ps, N, sizeof *ps, by_id);
    printf("after sorting by id: first %ld last %ld\n", ps[0].id, ps[N - 1].id);
    free(ps);
    return 0;
}
