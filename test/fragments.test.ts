// Fragments compiled (notes/fragments.md): the drivers of per-record filters, transforms and
// routers against a TypeScript reference, aggregates through their "enstage" queue imports,
// params as imported globals, the manifest's fragments/params/state/records, fuel, and memory
// bounds. The expected results are computed here in TypeScript, not by a first run of ours.
import { describe, expect, it } from "vitest";
import { compileFragments } from "./fragment-compile.js";
import { PARTICLE, PARTICLE_SIZE, instantiate, particles, readParticles, writeParticles } from "./fragment-run.js";

const FILE = `
${PARTICLE}
struct hit { long id; double e2; int flag; };

param double cut;
param int mode;

filter hot(const struct particle *p)
{
    return mode == 1 ? p->energy > 2 * cut : p->energy > cut;
}

transform square(const struct particle *p, struct hit *h)
{
    if (p->energy < 0)
        return 0;
    h->id = p->id;
    h->e2 = p->energy * p->energy;
    return 1;
}

router side(const struct particle *p)
{
    return p->x < 0 ? 0 : p->energy > 5 ? 2 : 1;
}

filter any_hot(const struct particle *buf, long n)
{
    for (long i = 0; i < n; i++)
        if (buf[i].energy > cut)
            return 1;
    return 0;
}

aggregate pairs(void)
{
    if (EVcount_particle() < 2)
        return 0;
    struct particle *a = EVdata_particle(0), *b = EVdata_particle(1);
    struct particle sum = *a;
    sum.energy += b->energy;
    EVsubmit_particle(0, &sum);
    EVdiscard_particle(1);
    EVdiscard_particle(0);
    return 1;
}

static double scale(double e) { return e * cut; }
double scaled(double e) { const double *p = &cut; return scale(e) + *p - cut; }
`;

describe("fragment drivers", () => {
  const mod = compileFragments(FILE);
  const ps = particles(100);

  it("filter: keeps the records the fragment accepts, compacted in place and in order", async () => {
    for (const mode of [0, 1]) {
      const inst = await instantiate(mod.binary, mod.manifest, { cut: 4.5, mode });
      const buf = inst.alloc(ps.length * PARTICLE_SIZE);
      writeParticles(inst, buf, ps);
      const kept = inst.exports.enstage_run_hot(buf, BigInt(ps.length));
      const want = ps.filter((p) => p.energy > (mode === 1 ? 9 : 4.5));
      expect(kept).toBe(BigInt(want.length));
      expect(readParticles(inst, buf, want.length)).toEqual(want);
    }
  });

  it("transform: one zeroed output per accepted input, up to cap", async () => {
    const inst = await instantiate(mod.binary, mod.manifest, { cut: 0, mode: 0 });
    const inBuf = inst.alloc(ps.length * PARTICLE_SIZE);
    writeParticles(inst, inBuf, ps);
    const want = ps.filter((p) => p.energy >= 0);
    for (const cap of [want.length + 5, 10]) {
      const out = inst.alloc((want.length + 5) * 24);
      new Uint8Array(inst.memory.buffer, out, (want.length + 5) * 24).fill(0xab);
      const made = Number(inst.exports.enstage_run_square(inBuf, BigInt(ps.length), out, BigInt(cap)));
      expect(made).toBe(Math.min(cap, want.length));
      const dv = inst.view();
      for (let i = 0; i < made; i++) {
        expect(dv.getBigInt64(out + i * 24, true)).toBe(want[i].id);
        expect(dv.getFloat64(out + i * 24 + 8, true)).toBe(want[i].energy * want[i].energy);
        expect(dv.getInt32(out + i * 24 + 16, true)).toBe(0); // zeroed before the call
      }
    }
  });

  it("router: a port per record", async () => {
    const inst = await instantiate(mod.binary, mod.manifest, { cut: 0, mode: 0 });
    const buf = inst.alloc(ps.length * PARTICLE_SIZE);
    const ports = inst.alloc(ps.length * 4);
    writeParticles(inst, buf, ps);
    inst.exports.enstage_run_side(buf, BigInt(ps.length), ports);
    const got = Array.from(new Int32Array(inst.memory.buffer, ports, ps.length));
    expect(got).toEqual(ps.map((p) => (p.x < 0 ? 0 : p.energy > 5 ? 2 : 1)));
  });

  it("per-buffer fragments are their own driver", async () => {
    const inst = await instantiate(mod.binary, mod.manifest, { cut: 10.5, mode: 0 });
    const buf = inst.alloc(ps.length * PARTICLE_SIZE);
    writeParticles(inst, buf, ps);
    expect(inst.exports.any_hot(buf, BigInt(ps.length))).toBe(ps.some((p) => p.energy > 10.5) ? 1 : 0);
    expect(mod.manifest.fragments.find((f) => f.name === "any_hot")).toMatchObject({ perRecord: false, driver: "any_hot" });
  });

  it("aggregate: counts, reads, submits and discards through the enstage imports", async () => {
    const inst = await instantiate(mod.binary, mod.manifest, { cut: 0, mode: 0 });
    const buf = inst.alloc(3 * PARTICLE_SIZE);
    writeParticles(inst, buf, ps.slice(0, 3));
    const q = { items: [buf, buf + PARTICLE_SIZE, buf + 2 * PARTICLE_SIZE], submitted: [] as [number, Uint8Array][] };
    inst.queues.set("particle", q);
    expect(inst.exports.pairs()).toBe(1);
    expect(inst.exports.pairs()).toBe(0); // one left: not enough
    expect(q.items).toEqual([buf + 2 * PARTICLE_SIZE]);
    expect(q.submitted.length).toBe(1);
    const sub = new DataView(q.submitted[0][1].buffer);
    expect(sub.getFloat64(48, true)).toBe(ps[0].energy + ps[1].energy);
    expect(sub.getBigInt64(56, true)).toBe(ps[0].id);
  });
});

describe("params and the manifest", () => {
  const mod = compileFragments(FILE, { text: true });
  const m = mod.manifest;

  it("imports each param as a mutable global from module 'params'", async () => {
    expect(mod.text).toContain('(import "params" "cut" (global $param.cut (mut f64)))');
    expect(mod.text).toContain('(import "params" "mode" (global $param.mode (mut i32)))');
    const inst = await instantiate(mod.binary, m, { cut: 2.5, mode: 0 });
    expect(inst.exports.scaled(4)).toBe(10); // through a static helper and &cut
  });

  it("reads sub-word params normalized, whatever the host passed, at every optimization level", async () => {
    for (const optimize of [0, 2] as const) {
      const small = compileFragments("param char c; param unsigned short us; param _Bool b; int g(void) { return c * 10 + us + b; }", { optimize });
      const inst = await instantiate(small.binary, small.manifest, { c: 300, us: -1, b: 7 });
      expect(inst.exports.g()).toBe(44 * 10 + 65535 + 1);
    }
  });

  it("describes fragments, params, records and queues", () => {
    expect(m.abiVersion).toBe(2);
    expect(m.params).toEqual([
      { name: "cut", type: "double", wasm: "f64" },
      { name: "mode", type: "int", wasm: "i32" },
    ]);
    expect(m.fragments).toEqual([
      { name: "hot", kind: "filter", perRecord: true, input: "struct particle", driver: "enstage_run_hot", params: [{ name: "cut", type: "double" }, { name: "mode", type: "int" }] },
      { name: "square", kind: "transform", perRecord: true, input: "struct particle", output: "struct hit", driver: "enstage_run_square", params: [] },
      { name: "side", kind: "router", perRecord: true, input: "struct particle", driver: "enstage_run_side", params: [] },
      { name: "any_hot", kind: "filter", perRecord: false, input: "struct particle", driver: "any_hot", params: [{ name: "cut", type: "double" }] },
      { name: "pairs", kind: "aggregate", perRecord: false, queues: ["struct particle"], driver: "pairs", params: [] },
    ]);
    expect(m.records.map((r) => [r.name, r.size])).toEqual([["struct particle", 64], ["struct hit", 24]]);
    expect(m.imports.filter((i) => i.module === "enstage").map((i) => i.name).sort()).toEqual(
      ["EVcount_particle", "EVdata_particle", "EVdiscard_particle", "EVsubmit_particle"],
    );
    expect(m.fuel).toBe(false);
    for (const f of m.fragments) expect(m.exports.map((e) => e.name)).toContain(f.driver);
  });

  it("lists file-scope variables and static locals as state, with layouts", () => {
    const s = compileFragments(`
${PARTICLE}
struct acc { long n; double sum[3]; unsigned char flag : 3; };
static long seen;
struct acc totals;
filter count(const struct particle *p) { static int calls; static struct acc a; calls++; seen++; a.n++; return 1; }
int helper(void) { static int calls; return ++calls; }
`).manifest.state;
    expect(s.map((v) => [v.name, v.type, v.size])).toEqual([
      ["seen", "long", 8],
      ["totals", "struct acc", 40],
      ["count.calls", "int", 4],
      ["count.a", "struct acc", 40],
      ["helper.calls", "int", 4],
    ]);
    expect(s[1].layout).toBe("struct{n:i64@0;sum:f64[3]@8;flag:u8:3@32.0}/40");
    expect(new Set(s.map((v) => v.address)).size).toBe(5);
  });
});

describe("fuel", () => {
  const SRC = `
${PARTICLE}
long spin(long n) { long s = 0; for (;;) { s += n; if (s == -1) break; } return s; }
long jump(long n) { long s = 0; again: s += n; if (s != -1) goto again; return s; }
long deep(long n) { return n == 0 ? 0 : 1 + deep(n - 1); }
long sum(long n) { long s = 0; for (long i = 0; i < n; i++) s += i; return s; }
filter keep(const struct particle *p) { return p->energy > 1; }
`;
  const fueled = compileFragments(SRC, { fuel: true });

  it("exports enstage_fuel and runs normal code unaffected when fuel is ample", async () => {
    const inst = await instantiate(fueled.binary, fueled.manifest);
    const fuel = inst.exports.enstage_fuel as WebAssembly.Global;
    expect(fueled.manifest.fuel).toBe(true);
    expect(fuel.value).toBe((1n << 63n) - 1n);
    fuel.value = 1_000_000n;
    expect(inst.exports.sum(1000n)).toBe(499500n);
    const spent = 1_000_000n - fuel.value;
    expect(spent).toBeGreaterThan(1000n); // at least one unit per iteration
    expect(spent).toBeLessThan(1010n);
    const buf = inst.alloc(10 * PARTICLE_SIZE);
    writeParticles(inst, buf, particles(10));
    expect(inst.exports.enstage_run_keep(buf, 10n)).toBe(BigInt(particles(10).filter((p) => p.energy > 1).length));
  });

  it("traps an endless loop, a backward goto and a runaway recursion in bounded time", async () => {
    const inst = await instantiate(fueled.binary, fueled.manifest);
    const fuel = inst.exports.enstage_fuel as WebAssembly.Global;
    for (const [f, arg] of [["spin", 1n], ["jump", 1n], ["deep", 1n << 40n]] as const) {
      fuel.value = 5_000n; // below the engine's own recursion limit, so fuel is what stops deep()
      const t = performance.now();
      expect(() => inst.exports[f](arg)).toThrow(WebAssembly.RuntimeError);
      expect(fuel.value).toBeLessThan(0n); // how a host tells "out of fuel" from other traps
      expect(performance.now() - t).toBeLessThan(1000);
    }
  });

  it("is absent unless asked for", () => {
    const plain = compileFragments(SRC, { text: true });
    expect(plain.text).not.toContain("enstage_fuel");
  });
});

describe("memory bounds", () => {
  const SRC = `
#include <stdlib.h>
int peek(long addr) { return *(volatile int *)addr; }
long grab(long n) { long got = 0; while (malloc(1 << 20)) got++; return got; }
`;
  it("traps an out-of-bounds access", async () => {
    const mod = compileFragments(SRC);
    const inst = await instantiate(mod.binary, mod.manifest);
    expect(() => inst.exports.peek(BigInt(inst.memory.buffer.byteLength))).toThrow(/out of bounds/);
    expect(() => inst.exports.peek(0xfffffff0n)).toThrow(/out of bounds/);
  });

  it("bounds memory by the declared maximum: malloc fails beyond it", async () => {
    const mod = compileFragments(SRC, { maxPages: 64 });
    const inst = await instantiate(mod.binary, mod.manifest);
    expect(mod.manifest.memory.maximumPages).toBe(64);
    const got = Number(inst.exports.grab(0n));
    expect(got).toBeGreaterThan(0);
    expect(got).toBeLessThan(4);
    expect(inst.memory.buffer.byteLength).toBeLessThanOrEqual(64 * 65536);
  });
});
