// The EnStage operations (examples/enstage), run by the in-process driver with 1 and 4 sources,
// against straightforward TypeScript references on the same synthetic particles.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileProgram } from "../src/compile.js";
import { parsePipeline } from "../src/pipeline.js";
import { specialize } from "../src/specialize.js";
import { runOperation, type Step } from "../runtime/operation.js";
import { particles, particleField as F, PARTICLE_SIZE } from "../runtime/synthetic.js";
import { codes } from "./helpers.js";

const dir = join(import.meta.dirname, "..", "examples", "enstage");
const compile = (file: string) => {
  const r = compileProgram(readFileSync(join(dir, file), "utf8"), file);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { binary: r.binary!, manifest: r.manifest! };
};
const sourcesOf = (k: number, n: number) => Array.from({ length: k }, (_, rank) => particles(rank, 0, n, 3));
const recordsOf = (bufs: Uint8Array[]) =>
  bufs.flatMap((b) => {
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    return Array.from({ length: b.byteLength / PARTICLE_SIZE }, (_, i) => {
      const at = i * PARTICLE_SIZE;
      const f = (o: number) => dv.getFloat64(at + o, true);
      return { x: f(F.x), y: f(F.y), z: f(F.z), vx: f(F.vx), vy: f(F.vy), vz: f(F.vz), energy: f(F.energy), id: dv.getBigInt64(at + F.id, true) };
    });
  });
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe.each([1, 4])("EnStage operations with %i source(s)", (k) => {
  const sources = sourcesOf(k, 20_000);
  const all = recordsOf(sources);

  it("bounding box: the three placements keep exactly the particles inside the box", () => {
    const box = { xmin: -0.5, xmax: 0.5, ymin: -0.25, ymax: 0.75, zmin: -1, zmax: 0 };
    const inside = all.filter((p) => p.x >= box.xmin && p.x < box.xmax && p.y >= box.ymin && p.y < box.ymax && p.z >= box.zmin && p.z < box.zmax);
    const { binary, manifest } = compile("bounding-box.cod");
    const run = (steps: Step[]) => runOperation(binary, manifest, sources, steps, specialize, box);
    const inPlace = run([{ fragment: "in_box", at: "source" }]);
    const atStaging = run([{ fragment: "in_box", at: "staging" }]);
    const newBuffer = run([{ fragment: "box_positions", at: "source" }]);
    const ids = inside.map((p) => p.id);
    expect(recordsOf(inPlace.outputs).map((p) => p.id)).toEqual(ids);
    expect(Buffer.concat(atStaging.outputs).equals(Buffer.concat(inPlace.outputs))).toBe(true);
    // Positions are 32 bytes: x, y, z, id.
    const positions = newBuffer.outputs.flatMap((b) => {
      const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
      return Array.from({ length: b.byteLength / 32 }, (_, i) => dv.getBigInt64(i * 32 + 24, true));
    });
    expect(positions).toEqual(ids);
    expect(inPlace.bytesMoved).toBe(inside.length * 64);
    expect(newBuffer.bytesMoved).toBe(inside.length * 32);
    expect(atStaging.bytesMoved).toBe(all.length * 64);
    expect(atStaging.bytesStored).toBe(inside.length * 64);
  });

  it("tagged output: data unchanged, local and global tags equal the reference", () => {
    const { binary, manifest } = compile("tagged-output.cod");
    const r = runOperation(binary, manifest, sources, [], specialize);
    // Byte-for-byte (deep equality on megabyte arrays is slow).
    expect(r.outputs.length).toBe(sources.length);
    r.outputs.forEach((b, i) => expect(Buffer.from(b).equals(Buffer.from(sources[i]))).toBe(true));
    const tags = (ps: typeof all) => ({
      energy_min: Math.min(...ps.map((p) => p.energy)),
      energy_max: Math.max(...ps.map((p) => p.energy)),
      energy_mean: ps.reduce((s, p) => s + p.energy, 0) / ps.length,
      x_min: Math.min(...ps.map((p) => p.x)),
      x_max: Math.max(...ps.map((p) => p.x)),
      speed2_max: Math.max(...ps.map((p) => p.vx * p.vx + p.vy * p.vy + p.vz * p.vz)),
    });
    const check = (got: Record<string, unknown>, want: Record<string, number>) => {
      for (const [name, v] of Object.entries(want)) expect(rel(got[name] as number, v), name).toBeLessThan(1e-12);
    };
    check(r.globals, tags(all));
    sources.forEach((s, i) => check(r.locals[i], tags(recordsOf([s]))));
  });

  it("statistical subsample: the histogram of energies below mean + 2 sigma, one histogram moved per source", () => {
    const { binary, manifest } = compile("subsample.cod");
    const steps: Step[] = [
      { fragment: "energy_histogram", at: "source", cap: 1 },
      { fragment: "merge_histograms", at: "staging", cap: 1 },
    ];
    const r = runOperation(binary, manifest, sources, steps, specialize);
    // Global values: a single-pass Welford reference.
    let n = 0;
    let mean = 0;
    let m2 = 0;
    for (const p of all) {
      n++;
      const d = p.energy - mean;
      mean += d / n;
      m2 += d * (p.energy - mean);
    }
    expect(rel(r.globals.mu as number, mean)).toBeLessThan(1e-12);
    expect(rel(r.globals.sigma as number, Math.sqrt(m2 / n))).toBeLessThan(1e-12);
    expect(r.globals.emin).toBe(Math.min(...all.map((p) => p.energy)));
    // The histogram, with the operation's own global values (so bin edges are the same bits).
    const mu = r.globals.mu as number;
    const hi = mu + 2 * (r.globals.sigma as number);
    const lo = r.globals.emin as number;
    const bins = new Array<bigint>(64).fill(0n);
    let count = 0n;
    for (const p of all) {
      if (p.energy >= hi) continue;
      const b = Math.min(63, Math.max(0, Math.trunc(((p.energy - lo) / (hi - lo)) * 64)));
      bins[b]++;
      count++;
    }
    const out = r.outputs[0];
    expect(out.byteLength).toBe(536);
    const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
    expect(dv.getFloat64(0, true)).toBe(lo);
    expect(dv.getFloat64(8, true)).toBe(hi);
    expect(dv.getBigInt64(16, true)).toBe(count);
    expect(Array.from({ length: 64 }, (_, i) => dv.getBigInt64(24 + 8 * i, true))).toEqual(bins);
    expect(r.bytesMoved).toBe(536 * k);
  });
});

describe("a global histogram", () => {
  const src = `struct particle { double x, y, z, vx, vy, vz, energy; long id; };
param long bins[16] = global histogram(particle.energy, 0.0, 4.0);
/* keep the particles whose energy bin holds more than 5% of all counted particles */
filter common(const struct particle *p) {
  long total = 0;
  for (int k = 0; k < 16; k++) total += bins[k];
  if (p->energy < 0.0 || p->energy >= 4.0) return 0;
  return bins[(int)(p->energy * 4.0)] * 20 > total;
}`;
  it.each([1, 4])("is merged over %i source(s) and read by a dependent fragment", (k) => {
    const r = compileProgram(src, "hist.cod");
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const sources = sourcesOf(k, 5_000);
    const all = recordsOf(sources);
    const bins = new Array<bigint>(16).fill(0n);
    for (const p of all) if (p.energy >= 0 && p.energy < 4) bins[Math.min(15, Math.trunc(p.energy * 4))]++;
    const total = bins.reduce((a, b) => a + b, 0n);
    const op = runOperation(r.binary!, r.manifest!, sources, [{ fragment: "common", at: "source" }], specialize);
    expect(op.globals.bins).toEqual(bins);
    const kept = recordsOf(op.outputs).map((p) => p.id);
    const want = all.filter((p) => p.energy >= 0 && p.energy < 4 && bins[Math.trunc(p.energy * 4)] * 20n > total).map((p) => p.id);
    expect(kept).toEqual(want);
    expect(kept.length).toBeGreaterThan(0);
  });
  it("reports a histogram over something that is not an integer array, and bad bounds", () => {
    const rec = "struct particle { double energy; long id; };\n";
    expect(codes(`${rec}param double h = global histogram(particle.energy, 0.0, 1.0);`)).toEqual(["2:14 E3042"]);
    expect(codes(`${rec}param long h[8] = global histogram(particle.energy, 1.0, 1.0);`)).toEqual(["2:53 E3043"]);
  });
});

describe("a fragment that never returns", () => {
  it("is stopped by fuel at the source instead of hanging the run", () => {
    const src = "struct particle { double x, y, z, vx, vy, vz, energy; long id; };\nfilter stuck(const struct particle *p) { while (p->energy >= 0) {} return 1; }\n";
    const r = compileProgram(src, "stuck.cod", { fuel: true });
    const started = Date.now();
    expect(() => runOperation(r.binary!, r.manifest!, sourcesOf(2, 1000), [{ fragment: "stuck", at: "source" }], specialize)).toThrow(WebAssembly.RuntimeError);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe("pipeline files", () => {
  it("accepts every example pipeline", () => {
    for (const f of ["bbox-in-place", "bbox-new-buffer", "bbox-at-staging", "tagged-output", "subsample"]) {
      const path = join(dir, `${f}.json`);
      expect(parsePipeline(readFileSync(path, "utf8"), path).problems, f).toEqual([]);
    }
  });
  it("names every bad key", () => {
    const bad = JSON.stringify({
      fragment: "x.cod",
      steps: [{ fragment: "f", at: "sink" }, { fragment: 3, at: "source", cap: 0 }],
      params: { a: "1" },
      simulation: { ranks: 0, speed: 1 },
    });
    expect(parsePipeline(bad, "p.json").problems).toEqual([
      "fragment: unknown key (expected fragments, steps, params, placements, output, simulation, runtime, nats)",
      "fragments: expected the path of a fragment file",
      'steps[0].at: expected "source" or "staging"',
      "steps[1].fragment: expected a fragment name",
      "steps[1].cap: expected a positive integer",
      "params.a: expected a number",
      "simulation.ranks: expected a positive integer",
      "simulation.speed: unknown key (expected ranks, particles, seed, steps, work)",
    ]);
    expect(parsePipeline("{ nope", "p.json").problems[0]).toMatch(/^not valid JSON/);
    expect(parsePipeline(JSON.stringify({ fragments: "a.cod", steps: [{ fragment: "f", at: "staging" }, { fragment: "g", at: "source" }] }), "p.json").problems).toEqual([
      "steps[1].at: a source step cannot follow a staging step",
    ]);
  });
});
