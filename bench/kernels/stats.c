/* K2: count, mean, M2 (sum of squared deviations, Welford's one-pass update), min and max
 * of the particles' energy. Results go to a record the caller provides. */

struct particle { double x, y, z, vx, vy, vz, energy; long id; };

struct energy_stats { long count; double mean, m2, min, max; };

void energy_stats(const struct particle *p, long n, struct energy_stats *out)
{
    long count = 0;
    double mean = 0, m2 = 0;
    double min = __builtin_inf(), max = -__builtin_inf();
    for (long i = 0; i < n; i++) {
        double e = p[i].energy;
        count++;
        double d = e - mean;
        mean += d / count;
        m2 += d * (e - mean);
        if (e < min) min = e;
        if (e > max) max = e;
    }
    out->count = count;
    out->mean = mean;
    out->m2 = m2;
    out->min = min;
    out->max = max;
}
