// Benchmark: the runtimes' data path (issue 6, "Performance"): SmartTap at the simulation ranks,
// CStager at staging, ranks as worker threads (runtime/local-engine.ts, the real layout).
// In: examples/enstage/subsample.json (the statistical subsample) and a pass-through pipeline
// (a module with no global params, steps []: the records go through untouched), on the built-in
// synthetic simulation. Out: three tables on stdout, each figure set against a reference
// measured in the same run, with the load average while it ran (this machine has 2 cores and
// is shared, so absolute times move; the ratios move less).
//  1. Source-side overhead: the ranks' time inside `write` (copy into the pool + the local
//     phase) and running the fragments staging shipped to them (Done.runMs), as a share of a
//     step that computes WORK µs per particle, with the subsample against the pass-through
//     (time inside `write` is then the pool copy alone). With 4 ranks and with 2: 4 busy rank
//     threads and the stager on 2 cores preempt each other, and a preempted `write` counts
//     the time it was off the CPU. The pool has a slot per step, so a write never waits for a
//     slot: with 4 slots, the rank the scheduler favours gets 4 steps ahead and then waits
//     inside `write` for the slowest (tens of ms per step, measured), which is backpressure
//     from oversubscribed cores, not the cost of the fragments.
//  2. Bytes to storage and staging I/O time: the subsample's histograms against all particles,
//     both written to HDF5 (runtime/hdf5.ts Hdf5Sink); the time inside the sink's write and close.
//  3. Throughput SmartTap → CStager: 4 ranks, no fragments, no compute, a sink that counts bytes
//     and stores nothing; each rank generates its particles once and writes that buffer every
//     step (generation costs far more than the data path). GB/s of bytes written over the
//     wall time of the run (worker start and the first generation included) and in the steady
//     state (from the first step's output to the last), against two references: memcpy of the
//     same bytes on one thread (Uint8Array.set; one 6.4 MB buffer over and over, so from the
//     cache: an upper bound), and a bare loop of 4 worker threads that copy into same-sized pool
//     buffers and transfer them to this thread and back (postMessage), worker start included.
// Never fails on time.
//   npm run bench:runtimes [-- 1 2 3]   (some sections only; builds dist/ first: the ranks run
//                                       dist/sim-worker.mjs, so a change in runtime/ needs it)

import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { compileProgram } from "../src/compile.js";
import { specialize } from "../src/specialize.js";
import type { Manifest } from "../runtime/abi.js";
import { Hdf5Sink, type OutputSink, type StepOutput } from "../runtime/hdf5.js";
import { runLocal, type SimulationSettings } from "../runtime/local-engine.js";
import type { Step } from "../runtime/operation.js";
import type { StagerReport } from "../runtime/cstager.js";
import { PARTICLE_SIZE } from "../runtime/synthetic.js";

const PARTICLES = 100_000;
/** Section 1: steps per run and µs of compute per particle per step. */
const STEPS = 10;
const WORK = 2;
const REPS = 3;
/** Section 2: steps written to HDF5. */
const IO_STEPS = 5;
/** Section 3: steps per run, and runs (median taken). */
const TP_STEPS = 100;
const TP_RUNS = 3;

const examples = join(import.meta.dirname, "..", "examples", "enstage");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");
const pct = (x: number) => `${(100 * x).toFixed(3)}%`;

interface Operation {
  name: string;
  binary: Uint8Array;
  manifest: Manifest;
  steps: Step[];
  params?: Record<string, number | bigint>;
}

function compile(text: string, name: string): { binary: Uint8Array; manifest: Manifest } {
  const r = compileProgram(text, name, { fuel: true });
  if (!r.binary || !r.manifest) throw new Error(`${name} does not compile: ${r.diagnostics.map((d) => `${d.span.line}:${d.span.col} ${d.code}`).join(", ")}`);
  return { binary: r.binary, manifest: r.manifest };
}

const pipeline = JSON.parse(readFileSync(join(examples, "subsample.json"), "utf8"));
const subsample: Operation = {
  name: "subsample",
  ...compile(readFileSync(join(examples, pipeline.fragments), "utf8"), pipeline.fragments),
  steps: pipeline.steps,
  params: pipeline.params,
};
// No global params (so no local phase at the sources) and no steps: records pass untouched. The
// filter is never run; it is there so that the manifest describes struct particle.
const passThrough: Operation = {
  name: "pass-through",
  ...compile("struct particle { double x, y, z, vx, vy, vz, energy; long id; };\nfilter keep(const struct particle *p) { return 1; }\n", "pass.cod"),
  steps: [],
};

function run(op: Operation, sink: OutputSink, simulation: SimulationSettings, onStep?: () => void): Promise<StagerReport> {
  return runLocal({
    binary: op.binary, manifest: op.manifest, steps: op.steps, params: op.params, specialize, sink, simulation, name: op.name,
    onStep: onStep ? () => onStep() : undefined,
  });
}

/** Counts the bytes it is given and keeps none of them. */
class CountingSink implements OutputSink {
  bytesStored = 0;
  write(out: StepOutput): void {
    for (const d of out.datasets) this.bytesStored += d.bytes.byteLength;
  }
  close(): void {}
}

/** Wraps a sink, timing its write and close calls (the staging I/O). */
class TimedSink implements OutputSink {
  ms = 0;
  constructor(private readonly inner: OutputSink) {}
  get bytesStored(): number {
    return this.inner.bytesStored;
  }
  async write(out: StepOutput): Promise<void> {
    const t = performance.now();
    await this.inner.write(out);
    this.ms += performance.now() - t;
  }
  async close(): Promise<void> {
    const t = performance.now();
    await this.inner.close();
    this.ms += performance.now() - t;
  }
}

// ---- 1. source-side overhead -----------------------------------------------------------------

async function overhead(): Promise<void> {
  console.log(`1. source-side overhead: ${PARTICLES} particles x ${STEPS} steps per rank, compute ${WORK} us/particle/step, ranks as worker threads,`);
  console.log(`   ${STEPS} pool slots per rank (never full: with fewer, the rank the scheduler favours runs ahead, then waits inside write`);
  console.log(`   for the slowest); pooled over ${REPS} runs of each pipeline, alternated. step: the rank's whole step (generate +`);
  console.log("   compute + write); ms per rank per step; run: Done.runMs, the shipped fragments run at the source when staging pulls\n");
  console.log("ranks  pipeline       step ms  us/particle  write ms  run ms   write %    run %    sum %");
  for (const ranks of [4, 2]) {
    const loads: string[] = [];
    const totals = new Map<Operation, { step: number; write: number; run: number }>();
    const diffs: string[] = [];
    // A short warm-up run of each first (JIT, worker start).
    for (const op of [passThrough, subsample]) await run(op, new CountingSink(), { ranks, steps: 2, particles: PARTICLES, seed: 1, work: WORK });
    for (let rep = 0; rep < REPS; rep++) {
      const shares: number[] = [];
      for (const op of [passThrough, subsample]) {
        const r = await run(op, new CountingSink(), { ranks, steps: STEPS, particles: PARTICLES, seed: 1, work: WORK, slots: STEPS });
        const sum = (f: (d: StagerReport["sources"][number]) => number) => r.sources.reduce((n, d) => n + f(d), 0);
        const t = totals.get(op) ?? { step: 0, write: 0, run: 0 };
        const step = sum((d) => d.stepMs), write = sum((d) => d.writeMs), runMs = sum((d) => d.runMs);
        totals.set(op, { step: t.step + step, write: t.write + write, run: t.run + runMs });
        shares.push((write + runMs) / step);
      }
      diffs.push(pct(shares[1] - shares[0]));
      loads.push(load());
    }
    const share = (op: Operation) => {
      const t = totals.get(op)!;
      return { write: t.write / t.step, run: t.run / t.step };
    };
    for (const op of [passThrough, subsample]) {
      const t = totals.get(op)!;
      const n = ranks * STEPS * REPS;
      const ms = (x: number) => (x / n).toFixed(2).padStart(8);
      console.log(
        `${String(ranks).padStart(5)}  ${op.name.padEnd(13)} ${ms(t.step)}  ${((t.step * 1000) / (n * PARTICLES)).toFixed(3).padStart(11)}` +
          `  ${ms(t.write)} ${ms(t.run)}  ${pct(share(op).write).padStart(8)} ${pct(share(op).run).padStart(8)} ${pct(share(op).write + share(op).run).padStart(8)}`,
      );
    }
    const a = share(subsample), b = share(passThrough);
    const ns = (op: Operation, k: "write" | "run") => (totals.get(op)![k] * 1e6) / (ranks * STEPS * REPS * PARTICLES);
    console.log(`       subsample - pass-through: write ${pct(a.write - b.write)}, run ${pct(a.run - b.run)}, write + run ${pct(a.write + a.run - b.write - b.run)}`);
    console.log(`       per particle: write ${(ns(subsample, "write") - ns(passThrough, "write")).toFixed(1)} ns more, run ${ns(subsample, "run").toFixed(1)} ns (a step would need that / 1% to stay below 1%)`);
    console.log(`       (write + run, per run: ${diffs.join(", ")}; load ${loads.join(" | ")})`);
  }
  console.log("   target: below 1%; the EnStage paper: 1.4%\n");
}

// ---- 2. bytes to storage ---------------------------------------------------------------------

async function storage(): Promise<void> {
  console.log(`2. storage: 4 ranks x ${PARTICLES} particles x ${IO_STEPS} steps written to HDF5 (Hdf5Sink), no compute`);
  console.log("pipeline       load (1m 5m 15m)  bytes stored  file bytes    I/O ms  I/O ms/step");
  const dir = mkdtempSync(join(tmpdir(), "enstage-bench-"));
  const got: Record<string, { stored: number; file: number; ms: number }> = {};
  try {
    for (const op of [passThrough, subsample]) {
      const path = join(dir, `${op.name}.h5`);
      const sink = new TimedSink(await Hdf5Sink.open(path, { file: op.name }));
      await run(op, sink, { ranks: 4, steps: IO_STEPS, particles: PARTICLES, seed: 1 });
      const file = statSync(path).size;
      got[op.name] = { stored: sink.bytesStored, file, ms: sink.ms };
      console.log(
        `${op.name.padEnd(13)}  ${load().padEnd(16)}  ${String(sink.bytesStored).padStart(12)}  ${String(file).padStart(10)}  ${sink.ms.toFixed(1).padStart(8)}  ${(sink.ms / IO_STEPS).toFixed(2).padStart(11)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const a = got[subsample.name], b = got[passThrough.name];
  console.log(`subsample / unreduced: bytes stored ${pct(a.stored / b.stored)}, file ${pct(a.file / b.file)}, staging I/O time ${pct(a.ms / b.ms)}  (the EnStage paper: I/O time down to 16%)\n`);
}

// ---- 3. throughput ---------------------------------------------------------------------------

/** The reference: K workers copy into pool buffers and transfer them here, which sends them back. */
const transferWorker = `
const { parentPort, workerData } = require("node:worker_threads");
const { bytes, steps, slots } = workerData;
const records = new Uint8Array(bytes).fill(7);
const pool = Array.from({ length: slots }, () => new ArrayBuffer(bytes));
let waiting;
parentPort.on("message", (b) => { pool.push(b); if (waiting) { const w = waiting; waiting = undefined; w(); } });
(async () => {
  for (let s = 0; s < steps; s++) {
    if (pool.length === 0) await new Promise((r) => (waiting = r));
    const b = pool.pop();
    new Uint8Array(b).set(records);
    parentPort.postMessage(b, [b]);
    await new Promise((r) => setImmediate(r));
  }
})();`;

async function transferLoop(ranks: number, bytes: number, steps: number): Promise<number> {
  const t = performance.now();
  const workers: Worker[] = [];
  await new Promise<void>((done) => {
    let got = 0;
    for (let i = 0; i < ranks; i++) {
      const w = new Worker(transferWorker, { eval: true, workerData: { bytes, steps, slots: 4 } });
      w.on("message", (b: ArrayBuffer) => {
        if (++got === ranks * steps) done();
        else w.postMessage(b, [b]);
      });
      workers.push(w);
    }
  });
  const ms = performance.now() - t;
  await Promise.all(workers.map((w) => w.terminate()));
  return ms;
}

function memcpy(bytes: number, times: number): number {
  const from = new Uint8Array(bytes).fill(7);
  const to = new Uint8Array(bytes);
  to.set(from);
  const t = performance.now();
  for (let i = 0; i < times; i++) to.set(from);
  return performance.now() - t;
}

async function throughput(): Promise<void> {
  const ranks = 4;
  const chunk = PARTICLES * PARTICLE_SIZE;
  const total = ranks * TP_STEPS * chunk;
  console.log(`3. throughput SmartTap -> CStager: ${ranks} ranks x ${TP_STEPS} steps x ${chunk} bytes (${(total / 1e9).toFixed(2)} GB), no fragments, no compute, counting sink`);
  console.log(`   each rank writes one generated buffer every step (reuse); median of ${TP_RUNS} runs, alternated with the references\n`);
  await run(passThrough, new CountingSink(), { ranks, steps: 10, particles: PARTICLES, seed: 1, reuse: true });
  await transferLoop(ranks, chunk, 10);
  const wall: number[] = [], steady: number[] = [], loop: number[] = [], copy: number[] = [];
  const loads: string[] = [];
  for (let i = 0; i < TP_RUNS; i++) {
    loop.push(await transferLoop(ranks, chunk, TP_STEPS));
    copy.push(memcpy(chunk, ranks * TP_STEPS));
    const sink = new CountingSink();
    const at: number[] = [];
    const t = performance.now();
    const r = await run(passThrough, sink, { ranks, steps: TP_STEPS, particles: PARTICLES, seed: 1, reuse: true }, () => at.push(performance.now()));
    wall.push(performance.now() - t);
    steady.push(at[at.length - 1] - at[0]);
    if (r.bytesWritten !== total || sink.bytesStored !== total) throw new Error(`throughput run: ${r.bytesWritten} bytes written, ${sink.bytesStored} counted, expected ${total}`);
    loads.push(load());
  }
  const gbs = (bytes: number, ms: number) => bytes / ms / 1e6;
  const ours = gbs(total, median(wall));
  const ourSteady = gbs((total * (TP_STEPS - 1)) / TP_STEPS, median(steady));
  const ref = gbs(total, median(loop));
  const mem = gbs(total, median(copy));
  console.log("                                                  GB/s   / transfer loop   / memcpy");
  console.log(`SmartTap -> CStager, wall (start to report)    ${ours.toFixed(2).padStart(7)}  ${(ours / ref).toFixed(3).padStart(15)}  ${(ours / mem).toFixed(3).padStart(9)}`);
  console.log(`SmartTap -> CStager, steady (first to last step) ${ourSteady.toFixed(2).padStart(5)}  ${(ourSteady / ref).toFixed(3).padStart(15)}  ${(ourSteady / mem).toFixed(3).padStart(9)}`);
  console.log(`reference: bare worker transfer loop, wall     ${ref.toFixed(2).padStart(7)}`);
  console.log(`reference: memcpy (Uint8Array.set), 1 thread   ${mem.toFixed(2).padStart(7)}`);
  console.log(`   (target over 1 GB/s; wall runs ${wall.map((x) => x.toFixed(0)).join(", ")} ms, loads ${loads.join(" | ")})`);
}

// Sections to run: all, or those named on the command line (1 2 3).
const only = process.argv.slice(2);
const want = (k: string) => only.length === 0 || only.includes(k);
console.log(`load average at start: ${load()}\n`);
if (want("1")) await overhead();
if (want("2")) await storage();
if (want("3")) await throughput();
