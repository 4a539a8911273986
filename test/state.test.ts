// Moving fragment state (runtime/state.ts): a fragment stopped on one instance resumes on
// another with its `static` state, and ends exactly where an uninterrupted run ends.
import { describe, expect, it } from "vitest";
import { compileFragments } from "./fragment-compile.js";
import { PARTICLE, PARTICLE_SIZE, instantiate, particles, writeParticles, type Instance } from "./fragment-run.js";
import { StateError, extractState, installState } from "../runtime/state.js";
import { specialize } from "../src/specialize.js";
import type { Manifest } from "../runtime/abi.js";

const SRC = `
${PARTICLE}
param double cut;

static long buffers;
struct summary { long n; double sum, max; unsigned char flags : 3; } totals;

/* Keeps a record when its energy is above cut and above the running mean of kept ones. */
filter rising(const struct particle *p)
{
    static long seen;
    static double mean;
    seen++;
    if (p->energy <= cut || (totals.n > 0 && p->energy < mean))
        return 0;
    totals.n++;
    totals.sum += p->energy;
    if (p->energy > totals.max)
        totals.max = p->energy;
    totals.flags = (totals.flags + 1) & 7;
    mean = totals.sum / totals.n;
    return 1;
}

/* Passes a buffer on when its first id is past the last one seen. */
aggregate every_other(void)
{
    static long acted;
    if (EVcount_particle() == 0)
        return 0;
    acted++;
    if (acted % 2 == 0)
        EVsubmit_particle(0, EVdata_particle(0));
    EVdiscard_particle(0);
    return 1;
}

long stat(int which) { return which == 0 ? buffers : which == 1 ? totals.n : 0; }
`;

const N = 12;
const PER = 40;
const buffers = Array.from({ length: N }, (_, i) => particles(PER, 100 + i));

/** Runs buffer i through both fragments; returns what came out. */
function step(inst: Instance, i: number): { kept: number[]; acted: number; submitted: number } {
  const buf = inst.alloc(PER * PARTICLE_SIZE);
  writeParticles(inst, buf, buffers[i]);
  const kept = Number(inst.exports.enstage_run_rising(buf, BigInt(PER)));
  const ids = Array.from({ length: kept }, (_, k) => Number(inst.view().getBigInt64(buf + k * PARTICLE_SIZE + 56, true)));
  const q = { items: [buf], submitted: [] as [number, Uint8Array][] };
  inst.queues.set("particle", q);
  const acted = inst.exports.every_other();
  inst.alloc(-PER * PARTICLE_SIZE); // give the buffer back
  return { kept: ids, acted, submitted: q.submitted.length };
}

async function fresh(binary: Uint8Array, manifest: Manifest, params: Record<string, number> = { cut: 3 }): Promise<Instance> {
  return instantiate(binary, manifest, params);
}

describe("fragment state", () => {
  const mod = compileFragments(SRC);

  it("lists the statics and file-scope variables in the manifest", () => {
    expect(mod.manifest.state.map((v) => v.name)).toEqual(["buffers", "totals", "rising.seen", "rising.mean", "every_other.acted"]);
  });

  it("moved mid-stream, gives the same outputs and the same final state as an uninterrupted run", async () => {
    const whole = await fresh(mod.binary, mod.manifest);
    const outWhole = buffers.map((_, i) => step(whole, i));
    expect(outWhole.flatMap((o) => o.kept).length).toBeGreaterThan(N); // the fragment keeps something
    for (const k of [0, 1, 5, N - 1]) {
      const first = await fresh(mod.binary, mod.manifest);
      const outs = [];
      for (let i = 0; i < k; i++) outs.push(step(first, i));
      const bytes = extractState(first, mod.manifest);
      const second = await fresh(mod.binary, mod.manifest);
      installState(second, mod.manifest, bytes);
      for (let i = k; i < N; i++) outs.push(step(second, i));
      expect(outs).toEqual(outWhole);
      expect(extractState(second, mod.manifest)).toEqual(extractState(whole, mod.manifest));
    }
  });

  it("moves between modules whose state has the same layout: generic to specialized, to fueled", async () => {
    const whole = await fresh(mod.binary, mod.manifest);
    const outWhole = buffers.map((_, i) => step(whole, i));
    const special = specialize(mod.binary, mod.manifest, { cut: 3 });
    const fueled = compileFragments(SRC, { fuel: true });
    const a = await fresh(mod.binary, mod.manifest);
    const outs = [step(a, 0), step(a, 1), step(a, 2), step(a, 3)];
    const b = await fresh(special.binary, special.manifest, {});
    installState(b, special.manifest, extractState(a, mod.manifest));
    for (let i = 4; i < 8; i++) outs.push(step(b, i));
    const c = await fresh(fueled.binary, fueled.manifest);
    installState(c, fueled.manifest, extractState(b, special.manifest));
    for (let i = 8; i < N; i++) outs.push(step(c, i));
    expect(outs).toEqual(outWhole);
    const final = extractState(c, fueled.manifest);
    // Same values; only the module hash in the header differs.
    expect(final.subarray(40)).toEqual(extractState(whole, mod.manifest).subarray(40));
  });

  it("refuses state from a module whose layout differs, naming the variable", async () => {
    const bytes = extractState(await fresh(mod.binary, mod.manifest), mod.manifest);
    const refuse = async (src: string, message: RegExp) => {
      const other = compileFragments(src);
      const inst = await fresh(other.binary, other.manifest);
      expect(() => installState(inst, other.manifest, bytes)).toThrow(StateError);
      expect(() => installState(inst, other.manifest, bytes)).toThrow(message);
    };
    await refuse(SRC.replace("static double mean;", "static float mean;"), /state variable 'rising.mean' is 4 bytes here and 8 in the state \(the state comes from module [0-9a-f]{12}/);
    await refuse(SRC.replace("double sum, max;", "double max, sum;"), /state variable 'totals' has layout struct\{n:i64@0;max:f64@8;sum:f64@16;[^ ]* here and struct\{n:i64@0;sum:f64@8;max:f64@16;/);
    await refuse(SRC.replace("static long acted;", "static long acted, extra;"), /state variable 'every_other.extra' is missing from the state/);
    await refuse(SRC.replace("static long buffers;", "").replace("which == 0 ? buffers :", ""), /state variable 'buffers' does not exist in this module/);
  });

  it("rejects bytes that are not state", async () => {
    const inst = await fresh(mod.binary, mod.manifest);
    const bytes = extractState(inst, mod.manifest);
    expect(() => installState(inst, mod.manifest, new Uint8Array(10))).toThrow(/not enstage state: no ENST header/);
    expect(() => installState(inst, mod.manifest, bytes.subarray(0, bytes.length - 1))).toThrow(/not enstage state: .* bytes of values/);
  });
});
