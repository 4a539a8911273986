// The embedded default: a whole pipeline in one Node process. K simulation ranks run as worker
// threads (dist/sim-worker.mjs: the synthetic simulation and its SmartTap), the CStager on this
// thread; their links are the workers' message ports, over which pool buffers are transferred,
// not copied. With `threads: false` the ranks run on this thread over MessageChannels instead
// (same protocol, same code; for tests that inject faults without spawning threads).
// In: the stager's options and the simulation's settings. Out: the stager's report, plus each
// rank's timings; a rank that fails (a thrown error, a BackpressureError under the "fail"
// policy, a crash) ends the run with an error naming the rank.

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MessageChannel, Worker } from "node:worker_threads";
import { CStager, type StagerOptions, type StagerReport } from "./cstager.js";
import { portLink, type ToSource, type ToStager } from "./protocol.js";
import { simulateRank, type RankSettings } from "./simulation.js";
import { SmartTap } from "./smarttap.js";
import { PARTICLE_SIZE } from "./synthetic.js";

export interface SimulationSettings {
  ranks: number;
  steps: number;
  particles: number;
  seed: number;
  /** Microseconds of compute per particle per step. */
  work?: number;
  /** Pool slots per rank (default 4). */
  slots?: number;
  /** Write step 0's records at every step instead of generating fresh ones (throughput benchmarks). */
  reuse?: boolean;
}

export interface LocalRunOptions extends Omit<StagerOptions, "sources"> {
  simulation: SimulationSettings;
  /** Ranks as worker threads (default) or on this thread. */
  threads?: boolean;
  /** Called on this thread after each of a rank's writes (threads: false only) . */
  onWrite?: (source: number, step: number) => void;
  /** Lets a caller act on the stager while it runs (deploy, place). */
  onStager?: (stager: CStager) => void;
}

/** dist/sim-worker.mjs, next to this file when bundled, else in ../dist. */
export function workerFile(): string {
  for (const rel of ["./sim-worker.mjs", "../dist/sim-worker.mjs"]) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error("dist/sim-worker.mjs is missing: run `npm run build` first");
}

export async function runLocal(o: LocalRunOptions): Promise<StagerReport> {
  const sim = o.simulation;
  const stager = new CStager({ ...o, sources: sim.ranks });
  o.onStager?.(stager);
  const rank = (source: number): RankSettings => ({ source, steps: sim.steps, particles: sim.particles, seed: sim.seed, work: sim.work ?? 0, ...(sim.reuse ? { reuse: true } : {}) });
  const slots = sim.slots ?? 4;
  if (o.threads === false) {
    const taps = Array.from({ length: sim.ranks }, (_, source) => {
      const { port1, port2 } = new MessageChannel();
      stager.attach(portLink<ToStager, ToSource>(port1));
      const tap = new SmartTap(portLink<ToSource, ToStager>(port2), { source, slots, slotBytes: Math.max(1, sim.particles * PARTICLE_SIZE) });
      return { tap, ports: [port1, port2] };
    });
    const sims = taps.map(({ tap }, source) =>
      simulateRank(tap, rank(source), (step) => o.onWrite?.(source, step)).catch((e: Error) => {
        // Named as the worker does (sim-worker.ts), so a BackpressureError says what it is.
        stager.fail(new Error(`rank ${source}: ${e.name === "Error" ? "" : `${e.name}: `}${e.message}`));
      }),
    );
    try {
      return await stager.result;
    } finally {
      await Promise.race([Promise.all(sims), new Promise((r) => setTimeout(r, 100))]);
      for (const t of taps) for (const p of t.ports) p.close();
    }
  }
  const file = workerFile();
  const workers = Array.from({ length: sim.ranks }, (_, source) => {
    const w = new Worker(file, { workerData: { rank: rank(source), slots } });
    stager.attach(portLink<ToStager, ToSource>(w));
    w.on("error", (e) => stager.fail(new Error(`rank ${source} crashed: ${e.message}`)));
    w.on("exit", (code) => {
      if (code !== 0) stager.fail(new Error(`rank ${source} exited with status ${code}`));
    });
    return w;
  });
  try {
    return await stager.result;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
