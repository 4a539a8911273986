// Benchmark: run-time specialization (src/specialize.ts).
// In: the fragment versions of the particle kernels, bench/fragments/k{1,2,3}-*.cod (params for
// the box, the threshold, mu and sigma), and bench/kernels/histogram.c with mu and sigma turned
// into params. Out: two tables on stdout.
//  1. Latency of `specialize` per fragment, from the module's bytes to the specialized bytes
//     (read, bind, re-optimize, validate, emit; the cache bypassed): the first call in the
//     process (binaryen's own code still cold) and the median and 90th percentile of RUNS warm
//     calls with fresh values each time, in wall-clock time and in the process's CPU time (on a
//     loaded machine the wall clock also counts the time other processes had the CPU).
//  2. Speed on K3 (histogram with mu, sigma): the generic module, reading its params from
//     imported globals, against the specialized one, ns per record over N records (median of
//     runs alternated between the two, in CPU time: the benchmark shares its machine), as a
//     per-record filter (via its driver) and as the per-buffer kernel of bench/kernels.
// Never fails on time; exits 1 if generic and specialized results differ.
//
// Run: npx tsx bench/specialize.ts

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compileProgram } from "../src/compile.js";
import { specialize } from "../src/specialize.js";
import { HEAP_BASE, MEMORY_EXPORT, PAGE_SIZE, type Manifest } from "../runtime/abi.js";
import { makeHostImports } from "../runtime/host.js";
import { fillParticles } from "./particles.js";

const RUNS = 50;
const WARMUP = 20;
const N = 1_000_000;
const SPEED_RUNS = 15;
const RECORD = 64;

const here = import.meta.dirname;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

type Exports = Record<string, any>;

function compile(text: string, name: string): { binary: Uint8Array; manifest: Manifest } {
  const r = compileProgram(text, name);
  if (!r.binary || !r.manifest) throw new Error(`${name} does not compile: ${r.diagnostics.map((d) => `${d.span.line}:${d.span.col} ${d.code}`).join(", ")}`);
  return { binary: r.binary, manifest: r.manifest };
}

const fragments = [
  { file: "k1-bbox.cod", values: (i: number) => ({ xlo: 2 + i * 1e-6, xhi: 8, ylo: 1, yhi: 9, zlo: 3, zhi: 7 }) },
  { file: "k2-stats.cod", values: (i: number) => ({ emin: 0.1 + i * 1e-6 }) },
  { file: "k3-histogram.cod", values: (i: number) => ({ mu: 0.5 + i * 1e-6, sigma: 0.25 }) },
];

/** K3's per-buffer kernel with mu and sigma as params instead of arguments. */
function k3KernelWithParams(): string {
  const src = readFileSync(join(here, "kernels", "histogram.c"), "utf8");
  const out = src.replace("double mu, double sigma, ", "").replace("#define BINS 64", "#define BINS 64\n\nparam double mu;\nparam double sigma;");
  if (out === src || out.includes("double mu, double sigma")) throw new Error("bench/kernels/histogram.c changed shape");
  return out;
}

function latency(): void {
  console.log(`specialize latency, ms (warm: median and p90 of ${RUNS} calls with fresh values, cache bypassed)\n`);
  console.log("                                      first  wall clock       CPU time");
  console.log("fragment              bytes  params          median   p90  median   p90");
  const all = [...fragments.map((f) => ({ name: f.file, text: readFileSync(join(here, "fragments", f.file), "utf8"), values: f.values }))];
  all.push({ name: "histogram.c (params)", text: k3KernelWithParams(), values: (i: number) => ({ mu: 0.5 + i * 1e-6, sigma: 0.25 }) });
  const modules = all.map((f) => ({ ...f, ...compile(f.text, f.name) }));
  // The first call of each, then warm-up rounds over all of them before any is measured.
  const firsts = modules.map((m) => {
    const t = performance.now();
    specialize(m.binary, m.manifest, m.values(0), { noCache: true });
    return performance.now() - t;
  });
  for (let i = 0; i < WARMUP; i++) for (const m of modules) specialize(m.binary, m.manifest, m.values(1 + i), { noCache: true });
  for (const [k, m] of modules.entries()) {
    const f = m;
    const first = firsts[k];
    let t: number;
    const ts: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      t = performance.now();
      const c = process.cpuUsage();
      specialize(m.binary, m.manifest, f.values(100 + i), { noCache: true });
      const used = process.cpuUsage(c);
      ts.push(performance.now() - t);
      cpu.push((used.user + used.system) / 1000);
    }
    const col = (x: number, w: number) => x.toFixed(2).padStart(w);
    console.log(
      `${f.name.padEnd(20)} ${String(m.binary.length).padStart(6)} ${String(m.manifest.params.length).padStart(7)} ${first.toFixed(1).padStart(7)} ${col(median(ts), 7)} ${col(pct(ts, 0.9), 5)} ${col(median(cpu), 7)} ${col(pct(cpu, 0.9), 5)}`,
    );
  }
}


function load(binary: Uint8Array, params: Record<string, number>): { exports: Exports; data: number; out: number; memory: WebAssembly.Memory } {
  let memory: WebAssembly.Memory | undefined;
  const { env } = makeHostImports({ memory: () => memory!, stdout: () => {}, stderr: () => {} });
  // Params are imported mutable globals (runtime/abi.ts); all of this kernel's are doubles.
  const globals = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, new WebAssembly.Global({ value: "f64", mutable: true }, v)]));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(binary as BufferSource), { env, params: globals } as WebAssembly.Imports);
  const exports = instance.exports as Exports;
  memory = exports[MEMORY_EXPORT] as WebAssembly.Memory;
  const out = (exports[HEAP_BASE] as WebAssembly.Global).value as number;
  const data = Math.ceil((out + 1024) / RECORD) * RECORD;
  const pages = Math.ceil((data + N * RECORD) / PAGE_SIZE) - memory.buffer.byteLength / PAGE_SIZE;
  if (pages > 0) memory.grow(pages);
  return { exports, data, out, memory };
}

function speed(): number {
  const values = { mu: 0.5, sigma: 0.25 };
  const cases = [
    {
      name: "K3 filter, per record",
      text: readFileSync(join(here, "fragments", "k3-histogram.cod"), "utf8"),
      // The filter compacts in place: refill (untimed) so every run sees the same records.
      prepare: (k: ReturnType<typeof load>) => new Uint8Array(k.memory.buffer, k.data, N * RECORD).set(pristine),
      run: (k: ReturnType<typeof load>) => {
        const kept = k.exports.enstage_run_energy_histogram(k.data, BigInt(N));
        return `${kept} ${Array.from({ length: 64 }, (_, b) => k.exports.bin(b)).join(",")}`;
      },
    },
    {
      name: "K3 kernel, per buffer",
      text: k3KernelWithParams(),
      prepare: () => {},
      run: (k: ReturnType<typeof load>) => `${k.exports.energy_histogram(k.data, BigInt(N), k.out)} ${Array.from(new BigInt64Array(k.memory.buffer, k.out, 64)).join(",")}`,
    },
  ];
  const scratch = new ArrayBuffer(N * RECORD);
  fillParticles(scratch, 0, N);
  const pristine = new Uint8Array(scratch);
  console.log(`\nK3 speed, ns per record over ${N.toExponential(0)} records, CPU time, median of ${SPEED_RUNS} alternated runs (mu = 0.5, sigma = 0.25)\n`);
  console.log("case                     generic  specialized  speedup");
  let status = 0;
  for (const c of cases) {
    const m = compile(c.text, c.name);
    const s = specialize(m.binary, m.manifest, values);
    const builds = [load(m.binary, values), load(s.binary, {})];
    for (const b of builds) new Uint8Array(b.memory.buffer, b.data, N * RECORD).set(pristine);
    const ts: number[][] = [[], []];
    const results: string[] = [];
    for (let i = 0; i < 3 + SPEED_RUNS; i++) {
      builds.forEach((b, k) => {
        c.prepare(b);
        const t = process.cpuUsage();
        results[k] = c.run(b);
        const used = process.cpuUsage(t);
        if (i >= 3) ts[k].push((used.user + used.system) / 1000);
      });
    }
    if (results[0] !== results[1]) {
      console.error(`${c.name}: generic and specialized disagree:\n  ${results[0].slice(0, 200)}\n  ${results[1].slice(0, 200)}`);
      status = 1;
    }
    const [g, sp] = ts.map((t) => (median(t) * 1e6) / N);
    console.log(`${c.name.padEnd(24)} ${g.toFixed(2).padStart(7)} ${sp.toFixed(2).padStart(12)} ${`${(g / sp).toFixed(2)}x`.padStart(8)}`);
  }
  return status;
}

latency();
process.exitCode = speed();
