/* K1: how many particles lie inside an axis-aligned box (lo <= coordinate < hi on each axis).
 * A fragment: it reads the caller's records in place and returns one number. */

struct particle { double x, y, z, vx, vy, vz, energy; long id; };

long bbox_count(const struct particle *p, long n,
                double xlo, double xhi, double ylo, double yhi, double zlo, double zhi)
{
    long count = 0;
    for (long i = 0; i < n; i++) {
        const struct particle *q = &p[i];
        if (q->x >= xlo && q->x < xhi && q->y >= ylo && q->y < yhi && q->z >= zlo && q->z < zhi)
            count++;
    }
    return count;
}
