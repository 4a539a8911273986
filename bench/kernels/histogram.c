/* K3: a 64-bin histogram of energy over [0, mu + 2 sigma), for the particles below that cut
 * (energies are kinetic, so never negative). The caller passes mu and sigma and 64 counters;
 * the kernel returns how many particles it binned. */

struct particle { double x, y, z, vx, vy, vz, energy; long id; };

#define BINS 64

long energy_histogram(const struct particle *p, long n, double mu, double sigma, long *bins)
{
    double cut = mu + 2 * sigma;
    double scale = BINS / cut;
    long kept = 0;
    for (int b = 0; b < BINS; b++)
        bins[b] = 0;
    for (long i = 0; i < n; i++) {
        double e = p[i].energy;
        if (e < cut) {
            long b = (long)(e * scale);
            if (b >= BINS)  /* e * scale may round up to BINS just below the cut */
                b = BINS - 1;
            bins[b]++;
            kept++;
        }
    }
    return kept;
}
