// Benchmark: the cost of fuel (notes/fragments.md, "Fuel") on the particle kernels K1-K3.
// In: bench/kernels/*.c, each compiled twice with compileProgram: without fuel and with
// `fuel: true` (a decrement and a test at every function entry and loop iteration). Out: a
// table on stdout: ns per record for each build (median of RUNS runs after warm-up, in CPU
// time, as the benchmark may share its machine with other work) and the
// overhead of fuel, for 1e4 records (in cache: the kernels compute, the worst case for fuel)
// and 1e6 (64 MB: they stream memory). Never fails on time; exits 1 if the two builds disagree
// on a result (then the timings would compare different work).
//
// Run: npx tsx bench/fuel.ts

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compileProgram } from "../src/compile.js";
import { FUEL_GLOBAL, HEAP_BASE, MEMORY_EXPORT, PAGE_SIZE } from "../runtime/abi.js";
import { makeHostImports } from "../runtime/host.js";
import { fillParticles } from "./particles.js";

const N = 1_000_000;
/** Sizes measured, each with the calls per timed sample (so a sample takes a few ms). */
const SIZES = [
  { n: 10_000, calls: 100 },
  { n: N, calls: 1 },
];
const RUNS = 21;
const WARMUP = 5;
const RECORD = 64;

const kernelDir = join(import.meta.dirname, "kernels");
const kernels = [
  { title: "K1 bbox count", file: "bbox.c", run: (e: Exports, at: number, n: bigint) => e.bbox_count(at, n, 2, 8, 1, 9, 3, 7) },
  { title: "K2 energy stats", file: "stats.c", run: (e: Exports, at: number, n: bigint, out: number) => (e.energy_stats(at, n, out), readOut(e, out, 40)) },
  { title: "K3 energy histogram", file: "histogram.c", run: (e: Exports, at: number, n: bigint, out: number) => [e.energy_histogram(at, n, 2.5, 0.4, out), readOut(e, out, 512)] },
];

type Exports = Record<string, any>;

const readOut = (e: Exports, at: number, n: number) => Array.from(new Uint8Array((e[MEMORY_EXPORT] as WebAssembly.Memory).buffer, at, n)).join(",");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];


/** The kernel's module, instantiated, with the particles placed after its heap base. */
function load(file: string, fuel: boolean): { exports: Exports; data: number; out: number } {
  const r = compileProgram(readFileSync(join(kernelDir, file), "utf8"), file, { fuel });
  if (!r.binary) throw new Error(`${file} does not compile: ${r.diagnostics.map((d) => d.code).join(", ")}`);
  let memory: WebAssembly.Memory | undefined;
  const imports = makeHostImports({ memory: () => memory!, stdout: () => {}, stderr: () => {} });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(r.binary as BufferSource), imports as WebAssembly.Imports);
  const exports = instance.exports as Exports;
  memory = exports[MEMORY_EXPORT] as WebAssembly.Memory;
  const out = (exports[HEAP_BASE] as WebAssembly.Global).value as number;
  const data = Math.ceil((out + 1024) / RECORD) * RECORD;
  const pages = Math.ceil((data + N * RECORD) / PAGE_SIZE) - memory.buffer.byteLength / PAGE_SIZE;
  if (pages > 0) memory.grow(pages);
  fillParticles(memory.buffer, data, N, true);
  return { exports, data, out };
}

function main(): number {
  console.log(`fuel overhead: ns per record (CPU time), median of ${RUNS} runs of each build, alternated\n`);
  console.log("kernel                  records  no fuel     fuel   overhead");
  let status = 0;
  for (const k of kernels) {
    const builds = [load(k.file, false), load(k.file, true)];
    const budget = builds[1].exports[FUEL_GLOBAL] as WebAssembly.Global;
    for (const { n, calls } of SIZES) {
      const ts: number[][] = [[], []];
      const results: string[] = [];
      // Alternate the builds sample by sample, so that drift in a shared machine hits both alike.
      for (let i = 0; i < WARMUP + RUNS; i++) {
        builds.forEach((m, b) => {
          budget.value = 10n * BigInt(n * calls); // what a host would grant: ample, but bounded
          let result: unknown;
          const t = process.cpuUsage();
          for (let c = 0; c < calls; c++) result = k.run(m.exports, m.data, BigInt(n), m.out);
          const used = process.cpuUsage(t);
          if (i >= WARMUP) ts[b].push((used.user + used.system) / 1000);
          results[b] = JSON.stringify(result, (_, v) => (typeof v === "bigint" ? `${v}` : v));
        });
      }
      if (results[0] !== results[1]) {
        console.error(`${k.title}: the builds disagree: ${results[0]} vs ${results[1]}`);
        status = 1;
      }
      const [off, on] = ts.map((t) => (median(t) * 1e6) / (n * calls));
      const overhead = `${(((on - off) / off) * 100).toFixed(1)}%`;
      console.log(`${k.title.padEnd(22)} ${n.toExponential(0).padStart(8)} ${off.toFixed(2).padStart(8)} ${on.toFixed(2).padStart(8)} ${overhead.padStart(10)}`);
    }
  }
  return status;
}

process.exitCode = main();
