// Benchmark: the particle kernels (K1 bounding-box count, K2 Welford energy statistics, K3
// 64-bin energy histogram below mu + 2 sigma) as enstage fragments compiled to wasm, as plain
// JavaScript over the same ArrayBuffer, and as C compiled by `gcc -O2`.
// In: bench/kernels/*.c (the fragments, also compiled by gcc) and bench/kernels-gcc.c (gcc's
// driver, which makes the same particles and times its own calls, on command).
// Out: tables on stdout: each kernel's compile latency (median of LATENCY_RUNS warm compiles)
// from source to validated optimized bytes and to an instantiated module; ns per record for
// 1e6 and 1e7 records (median of RUNS runs after warm-up, the three implementations taking
// turns one call each per round, so a change in machine load hits all alike) with the ratios
// wasm/gcc and wasm/JS from the same run.
//
// Never fails on time. It does exit 1 if the three implementations disagree on a result (the
// arithmetic is the same IEEE operations in the same order everywhere, so results must be
// identical to the bit), because then the timings compare different work.
//
// The host places the particles itself: each kernel's module gets its memory grown to hold the
// array at __heap_base (rounded up to 64 bytes), after 1 KiB for the kernels' outputs; 1e7
// records are 640 MB, within the ABI's default 1 GiB maximum. The wasm calls and the
// JavaScript loops read that same memory.
//
// Reading the figures: at these sizes every record is a cache line from DRAM, K1 is dominated
// by mispredicted branches (random positions, 19% inside) and K2 by the latency of its chain
// of dependent divisions, so all three implementations land close together on those two.

import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { compileProgram } from "../src/compile.js";
import { HEAP_BASE, MEMORY_EXPORT, PAGE_SIZE } from "../runtime/abi.js";
import { makeHostImports } from "../runtime/host.js";

const SIZES = [1e6, 1e7];
const RUNS = 9;
const WARMUP = 3;
const LATENCY_WARMUP = 20;
const LATENCY_RUNS = 25;
const RECORD = 64;
const BINS = 64;
/** K1's box: [2, 8) x [1, 9) x [3, 7) in a [0, 10)^3 volume. */
const BOX = [2, 8, 1, 9, 3, 7] as const;

const here = import.meta.dirname;
const kernelDir = join(here, "kernels");
const kernels = [
  { id: "k1", title: "K1 bbox count", file: "bbox.c" },
  { id: "k2", title: "K2 energy stats", file: "stats.c" },
  { id: "k3", title: "K3 energy histogram", file: "histogram.c" },
] as const;
type KernelId = (typeof kernels)[number]["id"];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x: number, digits = 2): string => (Number.isFinite(x) ? x.toFixed(digits) : "-");

// ---- the particles ------------------------------------------------------------------------

/** mulberry32, step for step the generator in kernels-gcc.c. */
function makeUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) * 2.3283064365386963e-10;
  };
}

/** Writes n particles at byte offset `at` (64-byte records, little-endian as wasm is). */
function fillParticles(buffer: ArrayBuffer, at: number, n: number): void {
  const uniform = makeUniform(20260101);
  const f = new Float64Array(buffer, at, n * 8);
  const w = new Uint32Array(buffer, at, n * 16);
  for (let i = 0, o = 0; i < n; i++, o += 8) {
    f[o] = 10 * uniform();
    f[o + 1] = 10 * uniform();
    f[o + 2] = 10 * uniform();
    const vx = (f[o + 3] = 2 * uniform() - 1);
    const vy = (f[o + 4] = 2 * uniform() - 1);
    const vz = (f[o + 5] = 2 * uniform() - 1);
    f[o + 6] = 0.5 * (vx * vx + vy * vy + vz * vz);
    w[2 * o + 14] = i; // id, a long: low word, high word 0
    w[2 * o + 15] = 0;
  }
}

// ---- the kernels in plain JavaScript ------------------------------------------------------

// What a scientist would write: a Float64Array over the records, stride 8 doubles.
const X = 0, Y = 1, Z = 2, ENERGY = 6, STRIDE = 8;

function bboxJs(f: Float64Array, n: number, xlo: number, xhi: number, ylo: number, yhi: number, zlo: number, zhi: number): number {
  let count = 0;
  for (let i = 0, o = 0; i < n; i++, o += STRIDE) {
    const x = f[o + X], y = f[o + Y], z = f[o + Z];
    if (x >= xlo && x < xhi && y >= ylo && y < yhi && z >= zlo && z < zhi) count++;
  }
  return count;
}

interface Stats {
  count: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
}

function statsJs(f: Float64Array, n: number): Stats {
  let count = 0, mean = 0, m2 = 0, min = Infinity, max = -Infinity;
  for (let i = 0, o = ENERGY; i < n; i++, o += STRIDE) {
    const e = f[o];
    count++;
    const d = e - mean;
    mean += d / count;
    m2 += d * (e - mean);
    if (e < min) min = e;
    if (e > max) max = e;
  }
  return { count, mean, m2, min, max };
}

function histogramJs(f: Float64Array, n: number, mu: number, sigma: number, bins: Float64Array): number {
  const cut = mu + 2 * sigma;
  const scale = BINS / cut;
  let kept = 0;
  bins.fill(0);
  for (let i = 0, o = ENERGY; i < n; i++, o += STRIDE) {
    const e = f[o];
    if (e < cut) {
      let b = (e * scale) | 0;
      if (b >= BINS) b = BINS - 1;
      bins[b]++;
      kept++;
    }
  }
  return kept;
}

// ---- the kernels as fragments -------------------------------------------------------------

interface Results {
  k1: number;
  k2: Stats;
  k3: { kept: number; bins: number[] };
}

/** One kernel's module, instantiated, with room for `records` particles and its outputs. */
class WasmKernel {
  readonly memory: WebAssembly.Memory;
  readonly out: number;
  readonly data: number;
  readonly exports: Record<string, Function>;

  constructor(instance: WebAssembly.Instance, records: number) {
    this.exports = instance.exports as Record<string, Function>;
    this.memory = instance.exports[MEMORY_EXPORT] as WebAssembly.Memory;
    this.out = (instance.exports[HEAP_BASE] as WebAssembly.Global).value as number;
    this.data = Math.ceil((this.out + 1024) / RECORD) * RECORD;
    const pages = Math.ceil((this.data + records * RECORD) / PAGE_SIZE);
    const have = this.memory.buffer.byteLength / PAGE_SIZE;
    if (pages > have) this.memory.grow(pages - have); // throws past the module's maximum
  }
}

function instantiate(binary: Uint8Array): WebAssembly.Instance {
  let memory: WebAssembly.Memory | undefined;
  const imports = makeHostImports({ memory: () => memory!, stdout: () => {}, stderr: () => {} });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(binary as BufferSource), imports as WebAssembly.Imports);
  memory = instance.exports[MEMORY_EXPORT] as WebAssembly.Memory;
  return instance;
}

function compileKernel(file: string): Uint8Array {
  const r = compileProgram(readFileSync(join(kernelDir, file), "utf8"), file);
  if (!r.binary) {
    const msg = r.diagnostics.map((d) => `${d.span.file}:${d.span.line}:${d.span.col} ${d.code}`).join("; ");
    throw new Error(`${file} does not compile: ${msg}`);
  }
  return r.binary;
}

/** Runs a kernel once; returns its result (for checking) and leaves outputs in memory. */
function runWasm(id: KernelId, k: WasmKernel, n: number, mu = 0, sigma = 0): unknown {
  const N = BigInt(n);
  if (id === "k1") return Number((k.exports.bbox_count as Function)(k.data, N, ...BOX));
  if (id === "k2") {
    (k.exports.energy_stats as Function)(k.data, N, k.out);
    const v = new DataView(k.memory.buffer, k.out, 40);
    return { count: Number(v.getBigInt64(0, true)), mean: v.getFloat64(8, true), m2: v.getFloat64(16, true), min: v.getFloat64(24, true), max: v.getFloat64(32, true) };
  }
  const bins = k.out + 64;
  const kept = Number((k.exports.energy_histogram as Function)(k.data, N, mu, sigma, bins));
  const b = new BigInt64Array(k.memory.buffer, bins, BINS);
  return { kept, bins: Array.from(b, Number) };
}

function runJs(id: KernelId, f: Float64Array, n: number, mu = 0, sigma = 0, bins = new Float64Array(BINS)): unknown {
  if (id === "k1") return bboxJs(f, n, ...BOX);
  if (id === "k2") return statsJs(f, n);
  const kept = histogramJs(f, n, mu, sigma, bins);
  return { kept, bins: Array.from(bins) };
}

// ---- gcc ----------------------------------------------------------------------------------

const run = promisify(execFile);

async function buildGcc(dir: string): Promise<string | undefined> {
  const exe = join(dir, "kernels-gcc");
  const sources = [join(here, "kernels-gcc.c"), ...kernels.map((k) => join(kernelDir, k.file))];
  try {
    await run("gcc", ["-std=gnu11", "-O2", "-o", exe, ...sources, "-lm"]);
    return exe;
  } catch (e) {
    console.log(`gcc unavailable, no gcc column: ${(e as Error).message.split("\n")[0]}`);
    return undefined;
  }
}

/** The gcc driver for one size, answering one command line at a time (see kernels-gcc.c). */
class GccKernels {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: string[] = [];
  private waiting: (() => void) | undefined;
  private partial = "";

  constructor(exe: string, n: number) {
    this.child = spawn(exe, [String(n)]);
    this.child.stdout.setEncoding("utf8");
    this.child.stdout.on("data", (chunk: string) => {
      const parts = (this.partial + chunk).split("\n");
      this.partial = parts.pop()!;
      this.lines.push(...parts);
      this.waiting?.();
    });
  }

  private async line(): Promise<string> {
    while (!this.lines.length) await new Promise<void>((resolve) => (this.waiting = resolve));
    return this.lines.shift()!;
  }

  async results(): Promise<Results> {
    this.child.stdin.write("results\n");
    const [k1, k2, k3] = [await this.line(), await this.line(), await this.line()].map((l) => l.split(" ").slice(2).map(Number));
    return { k1: k1[0], k2: { count: k2[0], mean: k2[1], m2: k2[2], min: k2[3], max: k2[4] }, k3: { kept: k3[0], bins: k3.slice(1) } };
  }

  /** One timed call, in ns per record. */
  async time(id: KernelId): Promise<number> {
    this.child.stdin.write(`${id}\n`);
    return Number((await this.line()).split(" ")[2]);
  }

  close(): void {
    this.child.stdin.end();
  }
}

// ---- measuring ----------------------------------------------------------------------------

function nsPerRecord(n: number, once: () => void): number {
  const t0 = performance.now();
  once();
  return ((performance.now() - t0) * 1e6) / n;
}

/** Compiles every kernel a few times, so the compiler itself runs optimized code. */
function warmCompiler(): void {
  for (let r = 0; r < LATENCY_WARMUP; r++) for (const k of kernels) instantiate(compileKernel(k.file));
}

function compileLatency(file: string): { bytes: number; instantiated: number; size: number } {
  const text = readFileSync(join(kernelDir, file), "utf8");
  const toBytes: number[] = [];
  const toInstance: number[] = [];
  let size = 0;
  for (let r = 0; r < LATENCY_RUNS; r++) {
    const t0 = performance.now();
    const c = compileProgram(text, file);
    const t1 = performance.now();
    instantiate(c.binary!);
    const t2 = performance.now();
    size = c.binary!.length;
    toBytes.push(t1 - t0);
    toInstance.push(t2 - t0);
  }
  return { bytes: median(toBytes), instantiated: median(toInstance), size };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "enstage-bench-"));
  try {
    const gccBuild = buildGcc(work);

    warmCompiler();
    console.log(`Compile latency, median of ${LATENCY_RUNS} warm runs (enstage -O2, node ${process.version})`);
    console.log("kernel               wasm bytes   source→bytes ms   source→instance ms");
    for (const k of kernels) {
      const l = compileLatency(k.file);
      console.log(`${k.title.padEnd(20)} ${String(l.size).padStart(10)}   ${fmt(l.bytes).padStart(15)}   ${fmt(l.instantiated).padStart(18)}`);
    }

    const max = Math.max(...SIZES);
    const wasm = new Map<KernelId, WasmKernel>();
    for (const k of kernels) wasm.set(k.id, new WasmKernel(instantiate(compileKernel(k.file)), max));
    // The particles once, then the same bytes into every kernel's memory; a smaller size
    // uses a prefix, which is what the gcc driver makes for it (one generator stream).
    const first = wasm.get("k1")!;
    fillParticles(first.memory.buffer as ArrayBuffer, first.data, max);
    for (const k of wasm.values()) {
      if (k !== first) new Uint8Array(k.memory.buffer, k.data, max * RECORD).set(new Uint8Array(first.memory.buffer, first.data, max * RECORD));
    }
    const view = (k: WasmKernel) => new Float64Array(k.memory.buffer, k.data, max * 8);

    // Let both engines tier up on a small array before anything is timed.
    for (let r = 0; r < 30; r++) {
      for (const k of kernels) {
        runWasm(k.id, wasm.get(k.id)!, 10_000, 0.5, 0.2);
        runJs(k.id, view(wasm.get(k.id)!), 10_000, 0.5, 0.2);
      }
    }

    const exe = await gccBuild;
    const rows: string[] = [];
    let disagree = false;
    for (const n of SIZES) {
      const gcc = exe ? new GccKernels(exe, n) : undefined;
      const g = await gcc?.results();
      const stats = runWasm("k2", wasm.get("k2")!, n) as Stats;
      const mu = stats.mean;
      const sigma = Math.sqrt(stats.m2 / stats.count);
      const results: Results = { k1: runWasm("k1", wasm.get("k1")!, n) as number, k2: stats, k3: runWasm("k3", wasm.get("k3")!, n, mu, sigma) as Results["k3"] };
      for (const k of kernels) {
        const w = results[k.id];
        const kw = wasm.get(k.id)!;
        const f = view(kw);
        const bins = new Float64Array(BINS);
        const j = runJs(k.id, f, n, mu, sigma, bins);
        if (!same(w, j) || (g && !same(w, g[k.id]))) {
          disagree = true;
          console.log(`${k.title}, n=${n}: results differ\n  wasm ${JSON.stringify(w)}\n  js   ${JSON.stringify(j)}\n  gcc  ${JSON.stringify(g?.[k.id])}`);
        }
        // Round by round, one call of each implementation, so that a change in the machine's
        // load during the measurement hits all three alike.
        const times = { gcc: [] as number[], wasm: [] as number[], js: [] as number[] };
        for (let r = -WARMUP; r < RUNS; r++) {
          const tg = gcc ? await gcc.time(k.id) : NaN;
          const tw = nsPerRecord(n, () => runWasm(k.id, kw, n, mu, sigma));
          const tj = nsPerRecord(n, () => runJs(k.id, f, n, mu, sigma, bins));
          if (r < 0) continue;
          times.gcc.push(tg);
          times.wasm.push(tw);
          times.js.push(tj);
        }
        const [tg, tw, tj] = [median(times.gcc), median(times.wasm), median(times.js)];
        rows.push(
          `${k.title.padEnd(20)} ${n.toExponential(0).padStart(4)}  ${fmt(tg).padStart(9)} ${fmt(tw).padStart(9)} ${fmt(tj).padStart(9)}   ${fmt(tw / tg).padStart(8)} ${fmt(tw / tj).padStart(8)}`,
        );
      }
      gcc?.close();
    }
    console.log(`\nns per record, median of ${RUNS} runs after ${WARMUP} warm-up runs (targets: wasm/gcc <= 1.25, wasm/JS < 1)`);
    console.log("kernel                  n    gcc -O2      wasm        JS   wasm/gcc  wasm/JS");
    for (const r of rows) console.log(r);
    if (disagree) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
