// Deterministic particles for the benchmarks: `struct particle { double x, y, z, vx, vy, vz,
// energy; long id; }` records written into an ArrayBuffer (a module's memory) at `at`.
// Positions in [0, 10)^3, velocities in [-1, 1)^3, kinetic energy 0.5 |v|^2 (so in [0, 1.5]).

const RECORD = 64;

/** mulberry32-driven particles; with `ids`, the id field is the record's index. */
export function fillParticles(buffer: ArrayBuffer, at: number, n: number, ids = false): void {
  let state = 20260101;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const f = new Float64Array(buffer, at, n * 8);
  for (let i = 0, o = 0; i < n; i++, o += 8) {
    for (let k = 0; k < 3; k++) f[o + k] = 10 * uniform();
    for (let k = 3; k < 6; k++) f[o + k] = 2 * uniform() - 1;
    f[o + 6] = 0.5 * (f[o + 3] ** 2 + f[o + 4] ** 2 + f[o + 5] ** 2);
    if (ids) new BigInt64Array(buffer, at + i * RECORD + 56, 1)[0] = BigInt(i);
  }
}
