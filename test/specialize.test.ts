// Run-time specialization (src/specialize.ts): params become constants and binaryen folds them.
// The folding is read off the specialized module's text; the behaviour is checked by running
// the generic module (params supplied as imports) and the specialized one on the same data.
import { describe, expect, it } from "vitest";
import { compileFragments } from "./fragment-compile.js";
import { PARTICLE, PARTICLE_SIZE, instantiate, particles, writeParticles } from "./fragment-run.js";
import { SpecializeError, specialize } from "../src/specialize.js";
import { moduleText } from "../src/wasm.js";

const K3 = `
${PARTICLE}
#define BINS 64

param double mu;
param double sigma;
param int mode;
param long stride;
param unsigned char shift;
param float gain;

static long bins[BINS];
static long seen;

/* Only mode 1 needs this: specialized for mode 0, it must disappear. */
static double weird(double e)
{
    double s = 0;
    for (int k = 0; k < 7; k++)
        s += e * 1234.5 + k;
    return s;
}

filter hist(const struct particle *p)
{
    double cut = mu + 2 * sigma;
    double scale = BINS / cut;
    double e = p->energy * gain;
    seen += stride;
    if (mode == 1)
        e = weird(e);
    if (e < cut) {
        long b = (long)(e * scale);
        if (b >= BINS)
            b = BINS - 1;
        bins[b] += 1 << shift;
        return 1;
    }
    return 0;
}

long count(int b) { return bins[b]; }
long total(void) { return seen; }
`;

const VALUES = { mu: 4.5, sigma: 2.3, mode: 0, stride: 3n, shift: 2, gain: 1.5 };

describe("specialize", () => {
  const generic = compileFragments(K3);

  it("leaves no param read and no param import", () => {
    const s = specialize(generic.binary, generic.manifest, VALUES, { text: true });
    // The globals the generic module imports from "params", by their names in its text.
    const text = moduleText(generic.binary);
    const paramGlobals = [...text.matchAll(/\(import "params" "\w+" \(global (\$\S+)/g)].map((x) => x[1]);
    expect(paramGlobals.length).toBe(6);
    for (const g of paramGlobals) expect(text).toContain(`(global.get ${g})`);
    expect(s.text).not.toContain('(import "params"');
    for (const g of paramGlobals) expect(s.text).not.toContain(`(global.get ${g})`);
    // No global but the module's own is read.
    for (const [, g] of s.text!.matchAll(/global\.get (\$\S+?)\)/g)) expect(["$__stack_pointer", "$__heap_base"]).toContain(g);
    expect(s.manifest.imports.filter((i) => i.module === "params")).toEqual([]);
    expect(WebAssembly.validate(s.binary as BufferSource)).toBe(true);
  });

  it("folds arithmetic on params and removes a branch on one", () => {
    const s = specialize(generic.binary, generic.manifest, VALUES, { text: true });
    // cut = 4.5 + 2 * 2.3, folded; the mode 1 path (weird, 1234.5) is gone.
    expect(s.text).toContain(`(f64.const ${4.5 + 2 * 2.3})`);
    expect(s.text).not.toContain("1234.5");
    expect(s.text).not.toContain("$weird");
    expect(moduleText(generic.binary)).toContain("1234.5");
    const mode1 = specialize(generic.binary, generic.manifest, { ...VALUES, mode: 1 }, { text: true });
    expect(mode1.text).toContain("1234.5");
  });

  it("computes what the generic module computes, on the same data", async () => {
    const data = particles(500, 7);
    for (const values of [VALUES, { ...VALUES, mode: 1, mu: 1e5 }, { ...VALUES, sigma: 0.01, shift: 0, gain: 0.25, stride: -(1n << 40n) }]) {
      const runOn = async (binary: Uint8Array, params: Record<string, number | bigint>) => {
        const inst = await instantiate(binary, generic.manifest, params);
        const buf = inst.alloc(data.length * PARTICLE_SIZE);
        writeParticles(inst, buf, data);
        const kept = inst.exports.enstage_run_hist(buf, BigInt(data.length));
        const bins = Array.from({ length: 64 }, (_, b) => inst.exports.count(b));
        const out = new Uint8Array(inst.memory.buffer, buf, Number(kept) * PARTICLE_SIZE).slice();
        return { kept, bins, out, total: inst.exports.total() };
      };
      const s = specialize(generic.binary, generic.manifest, values);
      const want = await runOn(generic.binary, values);
      const got = await runOn(s.binary, {});
      expect(got).toEqual(want);
      expect(want.kept).toBeGreaterThan(0n);
    }
  });

  it("marks params bound in a manifest with a new hash, and caches by module and values", () => {
    const a = specialize(generic.binary, generic.manifest, VALUES);
    expect(specialize(generic.binary, generic.manifest, { ...VALUES })).toBe(a);
    const b = specialize(generic.binary, generic.manifest, { ...VALUES, mu: 4.25 });
    expect(b).not.toBe(a);
    expect(b.hash).not.toBe(a.hash);
    expect(a.hash).not.toBe(generic.manifest.hash);
    expect(a.manifest.hash).toBe(a.hash);
    expect(a.manifest.params).toEqual([
      { name: "mu", type: "double", wasm: "f64", bound: true, value: 4.5 },
      { name: "sigma", type: "double", wasm: "f64", bound: true, value: 2.3 },
      { name: "mode", type: "int", wasm: "i32", bound: true, value: 0 },
      { name: "stride", type: "long", wasm: "i64", bound: true, value: "3" },
      { name: "shift", type: "unsigned char", wasm: "i32", bound: true, value: 2 },
      { name: "gain", type: "float", wasm: "f32", bound: true, value: 1.5 },
    ]);
    // The same values, spelled differently, are the same specialization.
    expect(specialize(generic.binary, generic.manifest, { ...VALUES, stride: 3, mode: 0n as unknown as number })).toBe(a);
  });

  it("rejects missing, unknown, rebound and ill-typed values, naming the param", () => {
    const bad = (values: Record<string, unknown>, pattern: RegExp) => {
      let error: unknown;
      try {
        specialize(generic.binary, generic.manifest, values as Record<string, number>);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SpecializeError);
      expect((error as Error).message).toMatch(pattern);
    };
    const { sigma: _, ...noSigma } = VALUES;
    bad(noSigma, /missing a value for param 'sigma' \(double\)/);
    bad({ ...VALUES, nu: 1 }, /'nu' is not a param of this module \(its params: mu, sigma, mode, stride, shift, gain\)/);
    bad({ ...VALUES, mu: "4.5" }, /param 'mu' \(double\) takes a number, not "4.5"/);
    bad({ ...VALUES, mode: 1.5 }, /param 'mode' \(int\) takes an integer, not 1.5/);
    bad({ ...VALUES, shift: 256 }, /param 'shift' \(unsigned char\) takes an integer in \[0, 255\], not 256/);
    bad({ ...VALUES, mode: 2 ** 31 }, /param 'mode' \(int\)/);
    bad({ ...VALUES, stride: 1n << 63n }, /param 'stride' \(long\)/);
    const once = specialize(generic.binary, generic.manifest, VALUES);
    let error: unknown;
    try {
      specialize(once.binary, once.manifest, { mu: 1 });
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toMatch(/param 'mu' is already bound \(to 4.5\)/);
    // Nothing left to bind: specializing again with no values is allowed and changes nothing.
    expect(specialize(once.binary, once.manifest, {}).manifest.params).toEqual(once.manifest.params);
  });
});
