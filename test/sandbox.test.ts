// Guarded loading and fault isolation (runtime/sandbox.ts): every refusal check triggered by a
// crafted module or manifest (compiled modules edited, or a few hand-written bytes), faults from
// real compiled fragments (fuel, traps, abort), the input left byte-identical after each, and a
// good module giving what runFragment gives (and what a TypeScript reference says).
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { compileFragments } from "./fragment-compile.js";
import { loadModule, runFragment } from "../runtime/fragments.js";
import { formatFault, loadGuarded, moduleHash, ModuleRefused, runGuarded, type FragmentFault, type GuardOptions, type LoadCheck } from "../runtime/sandbox.js";
import { particles, particleField, PARTICLE_SIZE } from "../runtime/synthetic.js";
import type { Manifest } from "../runtime/abi.js";
import type { HostRecord } from "../runtime/records.js";

const PARTICLE = "struct particle { double x, y, z, vx, vy, vz, energy; long id; };";

const GOOD = `
${PARTICLE}
struct hit { long id; double e2; };
param double cut;

filter hot(const struct particle *p) { return p->energy > cut; }

transform square(const struct particle *p, struct hit *h)
{
    if (p->x < 0)
        return 0;
    h->id = p->id;
    h->e2 = p->energy * p->energy;
    return 1;
}

router side(const struct particle *p) { return p->x < 0 ? 0 : p->energy > 1 ? 2 : 1; }
`;

const BAD = `
#include <stdlib.h>
${PARTICLE}

filter spin(const struct particle *p)
{
    long n = 0;
    while (p->energy == p->energy)
        n++;
    return n > 0;
}

filter divide(const struct particle *p) { return 1000 / (p->id & 0xff) > 3; }

filter wild(const struct particle *p) { double *q = (double *)(long)2000000000; return *q > p->energy; }

filter quit(const struct particle *p) { if (p->energy >= 0) abort(); return 1; }

filter ok(const struct particle *p) { return p->x > 0; }

static long sum(const long *a, long n) { long s = 0; for (long i = 0; i < n; i++) s += a[i]; return s; }
filter framed(const struct particle *p)
{
    long a[64];
    for (int i = 0; i < 64; i++)
        a[i] = p->id + i;
    return sum(a, 64) / (p->id & 0xff) > 0;
}
`;

const good = compileFragments(GOOD);
const bad = compileFragments(BAD, { fuel: true });
// Source 0, step 0: the first particle's id is 0, so `divide` divides by zero on it.
const input = particles(0, 0, 200, 7);

function refusal(binary: Uint8Array, manifest: Manifest, options: GuardOptions = {}): ModuleRefused {
  try {
    loadGuarded(binary, manifest, options);
  } catch (e) {
    expect(e).toBeInstanceOf(ModuleRefused);
    return e as ModuleRefused;
  }
  throw new Error("the module was not refused");
}

function expectRefused(check: LoadCheck, binary: Uint8Array, manifest: Manifest, options: GuardOptions = {}, message?: RegExp): void {
  const e = refusal(binary, manifest, options);
  expect(e.check, e.message).toBe(check);
  if (message) expect(e.message).toMatch(message);
}

// ---- hand-written modules -------------------------------------------------------------------

const str = (s: string) => [s.length, ...new TextEncoder().encode(s)];
const section = (id: number, body: number[]) => [id, body.length, ...body];

/** A module with one memory (limits as given, else imported) exported as "memory", plus extra sections. */
function tiny(memoryLimits: number[] | undefined, extra: { imports?: number[]; data?: number[]; start?: boolean } = {}): Uint8Array {
  const type = section(1, [1, 0x60, 0, 0]); // one type: () -> ()
  const imports = extra.imports ? section(2, [1, ...extra.imports]) : [];
  const funcs = extra.start ? section(3, [1, 0]) : [];
  const memory = memoryLimits ? section(5, [1, ...memoryLimits]) : []; // none: the memory is imported
  const exports = section(7, [1, ...str("memory"), 2, 0]);
  const funcIndex = extra.imports ? 1 : 0;
  const start = extra.start ? section(8, [funcIndex]) : [];
  const code = extra.start ? section(10, [1, 2, 0, 0x0b]) : [];
  const data = extra.data ? section(11, extra.data) : [];
  const bytes = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...type, ...imports, ...funcs, ...memory, ...exports, ...start, ...code, ...data]);
  expect(WebAssembly.validate(bytes)).toBe(true);
  return bytes;
}

/** A manifest for a module with no fragments, params or state. */
const bare: Manifest = { ...good.manifest, fragments: [], params: [], state: [], records: [], imports: [], fuel: false };

// ---- loading --------------------------------------------------------------------------------

describe("loadGuarded: refusals", () => {
  it("accepts a good module; its hash is the sha256 of its bytes", () => {
    const m = loadGuarded(good.binary, good.manifest, { params: { cut: 1 } });
    expect(m.hash).toBe(createHash("sha256").update(good.binary).digest("hex"));
    expect(moduleHash(good.binary)).toMatch(/^[0-9a-f]{64}$/);
    expect(moduleHash(bad.binary)).not.toBe(m.hash);
  });

  it("wasm: corrupt or truncated bytes", () => {
    const flipped = good.binary.slice();
    flipped[flipped.length >> 1] ^= 0xff;
    flipped[9] ^= 0x55;
    expectRefused("wasm", flipped, good.manifest, { params: { cut: 1 } }, /not valid WebAssembly/);
    expectRefused("wasm", good.binary.slice(0, good.binary.length - 7), good.manifest, { params: { cut: 1 } });
    expectRefused("wasm", new Uint8Array(0), good.manifest);
  });

  it("hash: bytes that are not the ones expected", () => {
    const h = moduleHash(good.binary);
    expectRefused("hash", good.binary, good.manifest, { expectedHash: moduleHash(bad.binary), params: { cut: 1 } }, /not the expected/);
    expect(loadGuarded(good.binary, good.manifest, { expectedHash: h.toUpperCase(), params: { cut: 1 } }).hash).toBe(h);
  });

  it("abi: another ABI version, missing exports, a start function", () => {
    expectRefused("abi", good.binary, { ...good.manifest, abiVersion: 1 }, { params: { cut: 1 } }, /ABI 1.*speaks 2/);
    expectRefused("abi", good.binary, { ...good.manifest, fuel: true }, { params: { cut: 1 } }, /enstage_fuel/);
    const ghost = { ...good.manifest.fragments[0], name: "ghost", driver: "enstage_run_ghost" };
    expectRefused("abi", good.binary, { ...good.manifest, fragments: [...good.manifest.fragments, ghost] }, { params: { cut: 1 } }, /ghost/);
    expectRefused("abi", tiny([1, 1, 1], { start: true }), bare, {}, /start function/);
  });

  it("imports: anything outside the ABI, named module.name", () => {
    // A hand-written module importing a WASI function.
    const wasi = tiny([1, 1, 1], { imports: [...str("wasi_snapshot_preview1"), ...str("fd_write"), 0, 0] });
    expectRefused("imports", wasi, bare, {}, /'wasi_snapshot_preview1\.fd_write'/);
    // A host function under "env" with the wrong signature (ABI: abort is () -> ()): fine as ().
    expect(() => loadGuarded(tiny([1, 1, 1], { imports: [...str("env"), ...str("abort"), 0, 0] }), bare)).not.toThrow();
    expectRefused("imports", tiny([1, 1, 1], { imports: [...str("env"), ...str("sin"), 0, 0] }), bare, {}, /'env\.sin'.*\(f64\)/);
    expectRefused("imports", tiny([1, 1, 1], { imports: [...str("env"), ...str("system"), 0, 0] }), bare, {}, /'env\.system'/);
    // An imported memory.
    expectRefused("imports", tiny(undefined, { imports: [...str("env"), ...str("memory"), 2, 1, 1, 1] }), bare, {}, /'env\.memory'/);
    // A compiled module's param import that the manifest does not declare (or says is bound).
    expectRefused("imports", good.binary, { ...good.manifest, params: [] }, {}, /'params\.cut'.*no param/);
    const boundCut = good.manifest.params.map((p) => ({ ...p, bound: true, value: 1 }));
    expectRefused("imports", good.binary, { ...good.manifest, params: boundCut }, {}, /'params\.cut'.*bound/);
    // A param imported with another type than the manifest's.
    const intCut = good.manifest.params.map((p) => ({ ...p, type: "int", wasm: "i32" as const }));
    expectRefused("imports", good.binary, { ...good.manifest, params: intCut }, { params: { cut: 1 } }, /is an i32 global/);
  });

  it("imports: a compiled module's own env import renamed in its bytes", () => {
    const mod = compileFragments(`${PARTICLE}\n#include <math.h>\nfilter round_(const struct particle *p) { return sin(p->x) > 0; }`);
    expect(mod.manifest.imports.some((i) => i.module === "env" && i.name === "sin")).toBe(true);
    expect(() => loadGuarded(mod.binary, mod.manifest)).not.toThrow();
    const edited = mod.binary.slice();
    const at = indexOf(edited, [3, ...new TextEncoder().encode("sin")]);
    edited.set(new TextEncoder().encode("sys"), at + 1);
    expectRefused("imports", edited, mod.manifest, {}, /'env\.sys'/);
  });

  it("memory: no maximum, or a larger one than the host allows", () => {
    const small = compileFragments(GOOD, { maxPages: 64 });
    expectRefused("memory", small.binary, small.manifest, { maxPages: 32, params: { cut: 1 } }, /64 pages.*32 pages/);
    expect(() => loadGuarded(small.binary, small.manifest, { maxPages: 64, params: { cut: 1 } })).not.toThrow();
    // The default limit is MAX_PAGES (1 GiB): a module compiled for more is refused.
    const big = compileFragments(GOOD, { maxPages: 20000 });
    expectRefused("memory", big.binary, big.manifest, { params: { cut: 1 } }, /20000 pages/);
    expect(() => loadGuarded(good.binary, good.manifest, { params: { cut: 1 } })).not.toThrow();
    expectRefused("memory", tiny([0, 1]), bare, {}, /no maximum/);
    expect(() => loadGuarded(tiny([1, 1, 0x80, 0x80, 0x01]), bare)).not.toThrow(); // 16384 pages: the default limit
    expectRefused("memory", tiny([1, 1, 0x81, 0x80, 0x01]), bare, {}, /16385 pages.*16384 pages/);
    expect(() => loadGuarded(tiny([1, 1, 2]), bare, { maxPages: 2 })).not.toThrow();
  });

  it("records: a host whose layout differs, naming the field", () => {
    const host = (energy: number): HostRecord[] => [{
      name: "particle",
      fields: ["x", "y", "z", "vx", "vy", "vz", "energy", "id"].map((name, i) => ({
        name, type: name === "id" ? "long" : "double", size: 8, offset: name === "energy" ? energy : name === "id" ? 56 : 8 * i,
      })),
      size: 64,
    }];
    expect(() => loadGuarded(good.binary, good.manifest, { records: host(48), params: { cut: 1 } })).not.toThrow();
    const swapped = host(48);
    swapped[0].fields[0].offset = 40;
    swapped[0].fields[5].offset = 0;
    expectRefused("records", good.binary, good.manifest, { records: swapped, params: { cut: 1 } }, /field 'x'/);
  });

  it("params: a missing value, a value the type cannot hold, an unknown histogram", () => {
    expectRefused("params", good.binary, good.manifest, {}, /'cut' \(double\) has no value/);
    expectRefused("params", good.binary, good.manifest, { params: { other: 1 } }, /'cut'/);
    const intMod = compileFragments(`${PARTICLE}\nparam int n;\nparam long big;\nfilter f(const struct particle *p) { return p->id % n == big; }`);
    expectRefused("params", intMod.binary, intMod.manifest, { params: { n: 2.5, big: 0 } }, /'n' \(int\) is an integer/);
    expectRefused("params", intMod.binary, intMod.manifest, { params: { n: 2 ** 33, big: 0 } }, /'n'.*32 bits/);
    expect(() => loadGuarded(intMod.binary, intMod.manifest, { params: { n: 0xffffffff, big: -(2n ** 63n) } })).not.toThrow();
    expectRefused("params", good.binary, good.manifest, { params: { cut: 1 }, arrays: { bins: [1n, 2n] } }, /'bins'/);
  });

  it("instantiate: a module that fails to instantiate (a data segment out of bounds)", () => {
    const data = [1, 0, 0x41, 0x80, 0x80, 0x08, 0x0b, 1, 0x2a]; // 1 byte at 131072 in a 1-page memory
    expectRefused("instantiate", tiny([1, 1, 1], { data }), bare, {}, /does not instantiate/);
  });
});

// ---- running --------------------------------------------------------------------------------

describe("runGuarded: a good module", () => {
  it("gives what runFragment gives, and what a TypeScript reference says", () => {
    const m = loadGuarded(good.binary, good.manifest, { params: { cut: 1 } });
    const plain = loadModule(good.binary, good.manifest, { params: { cut: 1 } });
    const where = { step: 0, source: 0 };
    for (const name of ["hot", "square", "side"]) {
      const r = runGuarded(m, name, input, where);
      expect(r.ok).toBe(true);
      expect(r.ok && r.output).toEqual(runFragment(plain, name, input));
    }
    // Independent reference for the filter: energy > cut, in order.
    const dv = new DataView(input.buffer, input.byteOffset, input.byteLength);
    const want: bigint[] = [];
    for (let at = 0; at < input.byteLength; at += PARTICLE_SIZE) {
      if (dv.getFloat64(at + particleField.energy, true) > 1) want.push(dv.getBigInt64(at + particleField.id, true));
    }
    const r = runGuarded(m, "hot", input, where);
    if (!r.ok) throw new Error(formatFault(r.fault));
    const got = new DataView(r.output.records.buffer, r.output.records.byteOffset);
    expect(Array.from({ length: r.output.count }, (_, i) => got.getBigInt64(i * PARTICLE_SIZE + particleField.id, true))).toEqual(want);
    expect(want.length).toBeGreaterThan(10);
    expect(want.length).toBeLessThan(190);
    // cap reaches the transform.
    const capped = runGuarded(m, "square", input, { ...where, cap: 3 });
    expect(capped.ok && capped.output.count).toBe(3);
  });
});

describe("runGuarded: faults", () => {
  const budget = () => 2_000_000n;
  const load = () => loadGuarded(bad.binary, bad.manifest, { fuel: budget });

  function faultOf(m: ReturnType<typeof load>, name: string, where = { step: 3, source: 2 as number | "staging" }): FragmentFault {
    const before = input.slice();
    const r = runGuarded(m, name, input, where);
    expect(input).toEqual(before); // byte-identical after the fault
    if (r.ok) throw new Error(`'${name}' ran without a fault`);
    expect(structuredClone(r.fault)).toEqual(r.fault); // it travels in a message
    return r.fault;
  }

  it("an endless loop compiled with fuel stops with reason 'fuel' within seconds", () => {
    const m = load();
    expect(m.fuel).toBe(budget);
    const t0 = performance.now();
    const f = faultOf(m, "spin");
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(f).toMatchObject({ fragment: "spin", hash: m.hash, step: 3, source: 2, reason: "fuel" });
    expect(f.message).toMatch(/budget of 2000000/);
    // A fresh budget per call: the next one stops the same way, and an honest fragment still runs.
    expect(faultOf(m, "spin").reason).toBe("fuel");
    const r = runGuarded(m, "ok", input, { step: 4, source: 2 });
    expect(r.ok).toBe(true);
  });

  it("a division by zero and an out-of-bounds access are traps, with the engine's message", () => {
    const m = load();
    const div = faultOf(m, "divide");
    expect(div).toMatchObject({ fragment: "divide", reason: "trap" });
    expect(div.message).toMatch(/divide by zero/);
    const wild = faultOf(m, "wild", { step: 1, source: "staging" });
    expect(wild).toMatchObject({ fragment: "wild", reason: "trap", source: "staging" });
    expect(wild.message).toMatch(/out of bounds/);
    const quit = faultOf(m, "quit");
    expect(quit).toMatchObject({ reason: "trap" });
    expect(quit.message).toMatch(/abort/);
  });

  it("after a trap the module still runs its other fragments correctly", () => {
    const m = load();
    const plain = loadModule(bad.binary, bad.manifest);
    const want = runFragment(plain, "ok", input);
    for (const name of ["wild", "divide", "spin", "quit"]) {
      faultOf(m, name);
      const r = runGuarded(m, "ok", input, { step: 0, source: 0 });
      expect(r.ok && r.output).toEqual(want);
    }
  });

  it("a trap leaves the instance mid-call (its stack lowered): the next call gets a fresh one", () => {
    const m = load();
    const old = m.fragment;
    const sp = (fm: typeof old) => (fm.instance.exports.__stack_pointer as WebAssembly.Global).value as number;
    expect(faultOf(m, "framed")).toMatchObject({ reason: "trap", message: expect.stringMatching(/divide by zero/) });
    expect(sp(old)).toBeLessThan(bad.manifest.memory.stackTop);
    expect(m.fragment).not.toBe(old);
    expect(sp(m.fragment)).toBe(bad.manifest.memory.stackTop);
  });

  it("runFragment gives each call its whole budget, the buffer's malloc included", () => {
    const fm = loadModule(bad.binary, bad.manifest, { fuel: 2_000_000n });
    expect(() => runFragment(fm, "spin", input)).toThrow(WebAssembly.RuntimeError);
    expect(runFragment(fm, "ok", input).count).toBeGreaterThan(0);
  });

  it("a buffer the fragment cannot take, or an unknown fragment, is an 'error' fault", () => {
    const m = load();
    const partial = input.subarray(0, PARTICLE_SIZE * 2 + 5);
    const f = runGuarded(m, "ok", partial, { step: 0, source: 1 });
    expect(!f.ok && f.fault).toMatchObject({ reason: "error", fragment: "ok" });
    expect(!f.ok && f.fault.message).toMatch(/whole number/);
    expect(faultOf(m, "nosuch")).toMatchObject({ reason: "error" });
  });

  it("formats a fault on one line", () => {
    const f: FragmentFault = { fragment: "f", hash: "abcd1234ef567890", step: 3, source: 2, reason: "trap", message: "unreachable" };
    expect(formatFault(f)).toBe("fragment 'f' (hash abcd1234…) trapped at step 3 on source 2: unreachable");
    expect(formatFault({ ...f, reason: "fuel", source: "staging", message: "spent its budget of 10 fuel units" })).toBe(
      "fragment 'f' (hash abcd1234…) ran out of fuel at step 3 on staging: spent its budget of 10 fuel units",
    );
  });
});

function indexOf(hay: Uint8Array, needle: number[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error("not found");
}
