// The local phase of the statistical subsample against copying the buffer.
// A source copies its output buffer anyway (into the staging pool); the question is what the
// local phase (count, Welford mean/M2 and min of energy over the buffer, examples/enstage/
// subsample.cod) adds to that. Prints ns per record for both and their ratio, measured in the
// same run, for 1e6 records. Never fails on time.
//   npm run bench:local-phase [-- RECORDS]

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compileProgram } from "../src/compile.js";
import { instantiateForPhases } from "../runtime/phases.js";
import { particles } from "../runtime/synthetic.js";

const records = Number(process.argv[2] ?? 1_000_000);
const runs = 9;
const file = join(import.meta.dirname, "..", "examples", "enstage", "subsample.cod");
const compiled = compileProgram(readFileSync(file, "utf8"), "subsample.cod");
if (!compiled.binary || !compiled.manifest) throw new Error("subsample.cod does not compile");
const p = instantiateForPhases(compiled.binary, compiled.manifest);
const data = particles(0, 0, records, 1);

// Place the records in the module's memory once: the local phase reads them where they are.
const base = p.heapBase;
const need = base + data.byteLength + 4096;
if (need > p.memory.buffer.byteLength) p.memory.grow(Math.ceil((need - p.memory.buffer.byteLength) / 65536));
new Uint8Array(p.memory.buffer).set(data, base);
const out = base + data.byteLength;
const local = p.instance.exports.enstage_local as (buf: number, n: bigint, out: number) => void;

const pool = new Uint8Array(data.byteLength);
const median = (f: () => void): number => {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const t = process.hrtime.bigint();
    f();
    times.push(Number(process.hrtime.bigint() - t));
  }
  return times.slice(2).sort((a, b) => a - b)[Math.floor(runs / 2)];
};
const copy = median(() => pool.set(data));
const phase = median(() => local(base, BigInt(records), out));

const ns = (t: number) => (t / records).toFixed(2).padStart(8);
console.log(`local phase of the statistical subsample, ${records} records of 64 bytes (median of ${runs})`);
console.log(`  buffer copy (TypedArray.set)   ${ns(copy)} ns/record`);
console.log(`  local phase (enstage_local)    ${ns(phase)} ns/record`);
console.log(`  local phase / copy             ${(phase / copy).toFixed(3)}  (target: below 1)`);
