// The built-in synthetic simulation: one rank's time-step loop, writing through a SmartTap.
// In: the rank's settings (steps, particles per step, seed, compute per particle) and a tap.
// Out: each step's particles written (runtime/synthetic.ts: deterministic, unique ids), and
// the rank's timings: the whole step, and inside `write`.
// A step does real work before it writes (`work` microseconds per particle of floating-point
// arithmetic, calibrated at start), so the time inside `write` can be set against a step that
// is not empty, as it would be in a real simulation.

import type { SmartTap } from "./smarttap.js";
import { particles } from "./synthetic.js";

export interface RankSettings {
  source: number;
  steps: number;
  particles: number;
  seed: number;
  /** Microseconds of compute per particle per step (0: none). */
  work: number;
  /**
   * Generate the records once (step 0's) and write that same buffer every step. Generating
   * particles costs far more than moving them, so a throughput benchmark of the data path
   * would otherwise measure the generator. Default false: fresh particles each step.
   */
  reuse?: boolean;
}

/** Busy floating-point work over the particles: `rounds` rounds per particle. Returns a checksum so it is not optimized away. */
function compute(records: Uint8Array, rounds: number): number {
  const f = new Float64Array(records.buffer, records.byteOffset, records.byteLength / 8);
  let sum = 0;
  for (let i = 0; i < f.length; i += 8) {
    let x = f[i], y = f[i + 1];
    for (let r = 0; r < rounds; r++) {
      const s = Math.sin(x * 0.5 + y);
      x = x * 0.999 + s * 0.001;
      y = y * 0.999 - Math.cos(x) * 0.001;
    }
    sum += x + y;
  }
  return sum;
}

/** Rounds per microsecond on this machine, measured once. */
let roundsPerMicro: number | undefined;
function calibrate(): number {
  if (roundsPerMicro !== undefined) return roundsPerMicro;
  const sample = particles(0, 0, 2000, 1);
  compute(sample, 20);
  const t = performance.now();
  compute(sample, 100);
  const us = (performance.now() - t) * 1000;
  roundsPerMicro = (2000 * 100) / Math.max(us, 1);
  return roundsPerMicro;
}

export interface RankTimings {
  stepMs: number;
  writeMs: number;
  checksum: number;
}

export async function simulateRank(tap: SmartTap, s: RankSettings, onStep?: (step: number) => void): Promise<RankTimings> {
  await tap.whenReady();
  const rounds = s.work > 0 ? Math.max(1, Math.round(s.work * calibrate())) : 0;
  let stepMs = 0;
  let writeMs = 0;
  let checksum = 0;
  const fixed = s.reuse ? particles(s.source, 0, s.particles, s.seed) : undefined;
  for (let step = 0; step < s.steps; step++) {
    const t0 = performance.now();
    const records = fixed ?? particles(s.source, step, s.particles, s.seed);
    if (rounds > 0) checksum += compute(records, rounds);
    const t1 = performance.now();
    await tap.write(step, records);
    const t2 = performance.now();
    writeMs += t2 - t1;
    stepMs += t2 - t0;
    onStep?.(step);
    // Staging's requests (pulls, releases) are served between steps.
    await new Promise<void>((r) => setImmediate(r));
  }
  await tap.finish(stepMs);
  return { stepMs, writeMs, checksum };
}
