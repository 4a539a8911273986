// Two-phase globals (spec §8.4): the derived local/merge/finalize functions, played by
// runtime/phases.ts over 1, 4 and 16 sources with uneven chunks, against a straightforward
// TypeScript reference (compensated two-pass sums); and the diagnostics for what cannot be split.
import { describe, expect, it } from "vitest";
import { compileProgram } from "../src/compile.js";
import { globalPhase, instantiateForPhases, localPhase, PhaseError } from "../runtime/phases.js";
import { codes } from "./helpers.js";

const source = `
struct particle { double x, y, z, vx, vy, vz, energy; long id; };
param double mu = global mean(particle.energy);
param double sigma = global stddev(particle.energy);
param double var = global variance(particle.energy);
param long n = global count(particle);
param double lo = global min(particle.energy);
param double hi = global max(particle.vx * particle.vx + particle.vy * particle.vy);
param double total = global sum(particle.x);
filter low_energy(const struct particle *p) { return p->energy < mu + 2 * sigma; }
`;

/**
 * Deterministic particles. With `offset` 1e6 the energies sit far from zero with a spread below
 * 1: the naive sum-of-squares variance cancels catastrophically there.
 */
function particles(count: number, seed: number, offset = 0): Uint8Array {
  const bytes = new Uint8Array(count * 64);
  const dv = new DataView(bytes.buffer);
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let i = 0; i < count; i++) {
    const at = i * 64;
    [rand() * 10 - 5, rand(), rand(), rand() - 0.5, rand() - 0.5, rand() - 0.5, offset + 10 * rand() * rand()].forEach((v, k) => dv.setFloat64(at + 8 * k, v, true));
    dv.setBigInt64(at + 56, BigInt(i), true);
  }
  return bytes;
}

/** Neumaier's compensated sum. */
function sum(xs: number[]): number {
  let s = 0;
  let c = 0;
  for (const x of xs) {
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

/** The single-pass reference the issue names: Welford over all records, in TypeScript. */
function singlePass(bytes: Uint8Array) {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < bytes.byteLength / 64; i++) {
    const x = dv.getFloat64(i * 64 + 48, true);
    n++;
    const d = x - mean;
    mean += d / n;
    m2 += d * (x - mean);
  }
  return { mu: mean, sigma: Math.sqrt(m2 / n), var: m2 / n };
}

/** A more exact reference: compensated two-pass sums. */
function reference(bytes: Uint8Array) {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.byteLength / 64;
  const field = (i: number, k: number) => dv.getFloat64(i * 64 + 8 * k, true);
  const e = Array.from({ length: n }, (_, i) => field(i, 6));
  const mean = sum(e) / n;
  const variance = sum(e.map((x) => (x - mean) ** 2)) / n;
  const speed = Array.from({ length: n }, (_, i) => field(i, 3) ** 2 + field(i, 4) ** 2);
  return {
    mu: mean,
    sigma: Math.sqrt(variance),
    var: variance,
    n: BigInt(n),
    lo: Math.min(...e),
    hi: Math.max(...speed),
    total: sum(Array.from({ length: n }, (_, i) => field(i, 0))),
  };
}

/** Splits `bytes` into `k` chunks of uneven record counts (one of them empty when k > 2). */
function chunks(bytes: Uint8Array, k: number, seed: number): Uint8Array[] {
  const n = bytes.byteLength / 64;
  let s = seed;
  const cuts = new Set<number>();
  while (cuts.size < k - 1) cuts.add(1 + ((s = (s * 48271) % 2147483647) % (n - 1)));
  const sorted = [...cuts].sort((a, b) => a - b);
  if (k > 2) sorted[0] = sorted[1]; // makes one chunk empty
  const bounds = [0, ...sorted, n];
  const out: Uint8Array[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) out.push(bytes.slice(bounds[i] * 64, bounds[i + 1] * 64));
  return out;
}

describe("two-phase globals", () => {
  const compiled = compileProgram(source, "subsample.cod");
  const data = particles(20_000, 7);
  const ref = reference(data);
  const welford = singlePass(data);
  const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

  it("compiles the phases and records the phase graph", () => {
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(compiled.manifest!.phases).toMatchObject({
      record: "particle",
      recordSize: 64,
      globals: [
        { param: "mu", aggregate: "mean" },
        { param: "sigma", aggregate: "stddev" },
        { param: "var", aggregate: "variance" },
        { param: "n", aggregate: "count" },
        { param: "lo", aggregate: "min" },
        { param: "hi", aggregate: "max" },
        { param: "total", aggregate: "sum" },
      ],
      dependents: ["low_energy"],
    });
  });

  it.each([1, 4, 16])("agrees with a single-pass reference from %i source(s) within 1e-12", (k) => {
    const p = instantiateForPhases(compiled.binary!, compiled.manifest!);
    const partials = chunks(data, k, 11 * k).map((bytes, source) => ({ source, bytes: localPhase(p, bytes) }));
    const { values } = globalPhase(p, partials);
    expect(values.n).toBe(ref.n);
    for (const name of ["mu", "sigma", "var"] as const) {
      expect(rel(values[name] as number, welford[name]), `${name} against single-pass Welford`).toBeLessThan(1e-12);
      expect(rel(values[name] as number, ref[name]), `${name} against two-pass`).toBeLessThan(1e-12);
    }
    for (const name of ["lo", "hi", "total"] as const) expect(rel(values[name] as number, ref[name]), name).toBeLessThan(1e-12);
  });

  it("does not cancel catastrophically on a large offset", () => {
    const skewed = particles(20_000, 3, 1e6);
    const exact = reference(skewed);
    const p = instantiateForPhases(compiled.binary!, compiled.manifest!);
    const partials = chunks(skewed, 16, 9).map((bytes, source) => ({ source, bytes: localPhase(p, bytes) }));
    const { values } = globalPhase(p, partials);
    // E[x^2] - E[x]^2 would lose every digit here (x ~ 1e6, variance ~ 0.05); Welford and
    // Chan's merge keep about ten.
    expect(rel(values.var as number, exact.var)).toBeLessThan(1e-9);
    expect(rel(values.sigma as number, exact.sigma)).toBeLessThan(1e-9);
  });

  it("gives the same bits whatever order the partials arrive in", () => {
    const p = instantiateForPhases(compiled.binary!, compiled.manifest!);
    const partials = chunks(data, 16, 5).map((bytes, source) => ({ source, bytes: localPhase(p, bytes) }));
    const inOrder = globalPhase(p, partials);
    const reversed = globalPhase(p, [...partials].reverse());
    const shuffled = globalPhase(p, partials.map((q, i) => partials[(i * 7) % 16]));
    expect(reversed.merged).toEqual(inOrder.merged);
    expect(shuffled.merged).toEqual(inOrder.merged);
    for (const name of Object.keys(inOrder.values)) expect(Object.is(reversed.values[name], inOrder.values[name])).toBe(true);
  });

  it("refuses a buffer that is not whole records, and a source twice", () => {
    const p = instantiateForPhases(compiled.binary!, compiled.manifest!);
    expect(() => localPhase(p, new Uint8Array(100))).toThrow(PhaseError);
    const part = localPhase(p, data.slice(0, 640));
    expect(() => globalPhase(p, [{ source: 1, bytes: part }, { source: 1, bytes: part }])).toThrow(/source 1/);
    expect(() => globalPhase(p, [{ source: 1, bytes: part.slice(1) }])).toThrow(/bytes/);
  });

  it("reports what cannot be split into phases at compile time", () => {
    const rec = "struct particle { double energy; long id; };\nstruct other { double e; };\n";
    expect(codes(`${rec}param double mu = global mean(particle.energy - mu);`)).toEqual(["3:31 E3040"]);
    expect(codes(`${rec}param double a = global mean(particle.energy);\nparam double b = global max(particle.energy * a);`)).toEqual(["4:29 E3040"]);
    expect(codes(`${rec}param double a = global mean(particle.energy + other.e);`)).toEqual(["3:30 E3039"]);
    expect(codes(`${rec}param double a = global mean(particle.energy);\nparam double b = global mean(other.e);`)).toEqual(["4:30 E3041"]);
    expect(codes(`${rec}param double a = global median(particle.energy);`)).toEqual(["3:25 E3038"]);
    expect(codes(`${rec}param double a = 4.5;`)).toEqual(["3:18 E3037"]);
  });
});
