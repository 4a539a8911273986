// A synthetic particle simulation: deterministic record buffers for tests, examples and the
// demo when no simulation is attached.
// In: a rank, a step, a count, a seed. Out: `count` records of
//   struct particle { double x, y, z, vx, vy, vz, energy; long id; }   (64 bytes, LP64 layout)
// with unique ids (rank, step and index packed), positions in [-1, 1)^3, velocities in
// [-1, 1)^3 and energies from an exponential-like distribution with mean about 1.

export const PARTICLE_SIZE = 64;

/** Field offsets of `struct particle`, as the C layout puts them. */
export const particleField = { x: 0, y: 8, z: 16, vx: 24, vy: 32, vz: 40, energy: 48, id: 56 } as const;

/** A 32-bit xorshift generator: fast, deterministic, identical everywhere. */
function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 0x9e3779b9;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

/** The id of particle `index` of `rank` at `step`: unique across a run of < 2^20 steps and ranks. */
export function particleId(rank: number, step: number, index: number): bigint {
  return (BigInt(rank) << 52n) | (BigInt(step) << 32n) | BigInt(index);
}

export function particles(rank: number, step: number, count: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(count * PARTICLE_SIZE);
  const dv = new DataView(bytes.buffer);
  const rand = xorshift(seed * 2654435761 + rank * 40503 + step * 97 + 1);
  for (let i = 0; i < count; i++) {
    const at = i * PARTICLE_SIZE;
    for (let k = 0; k < 6; k++) dv.setFloat64(at + 8 * k, rand() * 2 - 1, true);
    dv.setFloat64(at + particleField.energy, -Math.log(1 - rand() * 0.999999), true);
    dv.setBigInt64(at + particleField.id, particleId(rank, step, i), true);
  }
  return bytes;
}
