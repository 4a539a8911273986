// Typed bindings (src/bindings.ts): generate them for compiled programs, type-check them with
// ts-morph (no diagnostics, strict), then load the generated module and use it against the C code:
// records written through the views are read by C, records C wrote are read through the views,
// and fragment runners give what a straightforward TypeScript reference gives.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Project, ts } from "ts-morph";
import { generateBindings, parseCType, type BindingsManifest } from "../src/bindings.js";
import type { ManifestFragment } from "../runtime/abi.js";
import { makeHostImports } from "../runtime/host.js";
import { compileProgram } from "../src/compile.js";
import { specialize } from "../src/specialize.js";
import { compileC } from "./wasm-run.js";

// ---- the programs ------------------------------------------------------------------------

// Every kind of member: char, short (after padding), int, long, float, double, pointer, nested
// struct, arrays (1-D, 2-D, of structs), a typedef'd anonymous struct, unsigned ones, a union, a
// bit-field record, long double; `field` returns member `which` as C sees it.
const RECORDS_C = `
#include <stdlib.h>
struct vec3 { double x, y, z; };
typedef struct { short a; char b; } pair;
union num { int i; float f; };
struct flags { unsigned lo : 3; int mid : 5; unsigned long wide : 40; };
struct particle {
  char kind;
  short charge;
  int id;
  long step;
  float mass;
  double energy;
  struct particle *next;
  struct vec3 pos;
  int tags[3];
  double m[2][2];
  pair pr;
  unsigned char uc;
  unsigned long long big;
  union num u;
  struct flags fl;
  struct vec3 pts[2];
  long double ld;
  unsigned int ui;
  union { int tag_i; float tag_f; };
};
struct particle parts[8];
int counter;

double field(const struct particle *p, int which) {
  switch (which) {
  case 0: return p->kind;
  case 1: return p->charge;
  case 2: return p->id;
  case 3: return (double)p->step;
  case 4: return p->mass;
  case 5: return p->energy;
  case 6: return p->next ? p->next->id : -1;
  case 7: return p->pos.x + 10 * p->pos.y + 100 * p->pos.z;
  case 8: return p->tags[0] + 10 * p->tags[1] + 100 * p->tags[2];
  case 9: return p->m[0][0] + 10 * p->m[0][1] + 100 * p->m[1][0] + 1000 * p->m[1][1];
  case 10: return p->pr.a + 1000 * p->pr.b;
  case 11: return p->uc;
  case 12: return (double)p->big;
  case 13: return p->u.i;
  case 14: return p->fl.lo + 10 * p->fl.mid;
  case 15: return (double)p->fl.wide;
  case 16: return p->pts[0].x + 10 * p->pts[1].z;
  case 17: return (double)p->ld;
  case 18: return p->ui;
  case 19: return p->tag_i;
  }
  return -999;
}

double sum_energy(const struct particle *p, long n) {
  double s = 0;
  for (long i = 0; i < n; i++) s += p[i].energy;
  return s;
}

void fill(struct particle *p, long n) {
  for (long i = 0; i < n; i++) {
    struct particle *q = &p[i];
    q->kind = (char)(-3 - i);
    q->charge = (short)(-1000 * (i + 1));
    q->id = (int)(100 + i);
    q->step = -((long)1 << 40) - i;
    q->mass = 0.25f * (float)i;
    q->energy = 1.5 * (double)i;
    q->next = i + 1 < n ? &p[i + 1] : 0;
    q->pos.x = (double)i; q->pos.y = -(double)i; q->pos.z = 0.5;
    for (int k = 0; k < 3; k++) q->tags[k] = (int)(i * 10 + k);
    q->m[0][0] = 1; q->m[0][1] = 2; q->m[1][0] = 3; q->m[1][1] = (double)i;
    q->pr.a = (short)(7 * i); q->pr.b = (char)('a' + i);
    q->uc = (unsigned char)(250 + i);
    q->big = 18446744073709551615ULL - (unsigned long long)i;
    q->u.f = 1.5f;
    q->fl.lo = (unsigned)(i & 7); q->fl.mid = (int)(-i); q->fl.wide = 1099511627775UL - (unsigned long)i;
    q->pts[0].x = 1; q->pts[0].y = 2; q->pts[0].z = 3;
    q->pts[1].x = 4; q->pts[1].y = 5; q->pts[1].z = (double)i;
    q->ld = 0.125L * i;
    q->ui = 4294967295u - (unsigned)i;
    q->tag_f = 2.0f;
  }
}

struct vec3 midpoint(struct vec3 a, const struct vec3 *b) {
  struct vec3 r = { (a.x + b->x) / 2, (a.y + b->y) / 2, (a.z + b->z) / 2 };
  return r;
}

unsigned umax(void) { return 4294967295u; }
unsigned long ulmax(void) { return 18446744073709551615UL; }
long negate(long x) { return -x; }
float half(float x) { return x / 2; }

/* Grows memory by about n MiB (a new ArrayBuffer for the host's views). */
int grow(int n) { return malloc((unsigned long)n << 20) != 0; }
`;

// Fragments written as the compiler will generate them (notes/fragments.md): each fragment is
// a C function plus a driver export; the manifest's \`fragments\` is supplied by the test when the
// compiler does not write it yet.
const FRAGMENTS_C = `
#include <string.h>
struct rec { int id; double energy; };
struct out { int id; float e2; };
double emin = 1.0;
int low_energy(const struct rec *r) { return r->energy < emin; }
long enstage_run_low_energy(struct rec *buf, long n) {
  long k = 0;
  for (long i = 0; i < n; i++) if (low_energy(&buf[i])) buf[k++] = buf[i];
  return k;
}
int square(const struct rec *in, struct out *out) {
  if (in->id < 0) return 0;
  out->id = in->id;
  out->e2 = (float)(in->energy * in->energy);
  return 1;
}
long enstage_run_square(const struct rec *in, long n, struct out *out, long cap) {
  long k = 0;
  for (long i = 0; i < n && k < cap; i++) {
    memset(&out[k], 0, sizeof out[k]);
    k += square(&in[i], &out[k]);
  }
  return k;
}
int by_parity(const struct rec *r) { return r->id & 1; }
void enstage_run_by_parity(const struct rec *buf, long n, int *ports) {
  for (long i = 0; i < n; i++) ports[i] = by_parity(&buf[i]);
}
int small(const struct rec *buf, long n) { return n < 3 && (n == 0 || buf[0].id >= 0); }
long pairs(const struct rec *in, long n, struct out *out, long cap) {
  long k = 0;
  for (long i = 0; i + 1 < n && k < cap; i += 2) { out[k].id = in[i].id + in[i + 1].id; out[k].e2 = 0; k++; }
  return k;
}
int acted;
int tick(void) { return ++acted >= 2; }
`;

const FRAGMENTS: ManifestFragment[] = [
  { name: "low_energy", kind: "filter", perRecord: true, input: "struct rec", driver: "enstage_run_low_energy", params: [] },
  { name: "square", kind: "transform", perRecord: true, input: "struct rec", output: "struct out", driver: "enstage_run_square", params: [] },
  { name: "by_parity", kind: "router", perRecord: true, input: "rec", driver: "enstage_run_by_parity", params: [] },
  { name: "small", kind: "filter", perRecord: false, input: "struct rec", driver: "small", params: [] },
  { name: "pairs", kind: "transform", perRecord: false, input: "struct rec", output: "struct out", driver: "pairs", params: [] },
  { name: "tick", kind: "aggregate", perRecord: false, driver: "tick", params: [] },
];

// ---- helpers -----------------------------------------------------------------------------

const dir = mkdtempSync(join(tmpdir(), "enstage-bindings-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STRICT = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noImplicitOverride: true,
  noFallthroughCasesInSwitch: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  isolatedModules: true,
};

/**
 * ts-morph's pre-emit diagnostics for the bindings, or for one consumer file that imports them
 * (`./bindings`), as readable lines. One project per bindings text: the standard lib is read once.
 */
function makeChecker(bindings: string): (extra?: string) => string[] {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: STRICT });
  project.createSourceFile("/bindings.ts", bindings);
  const format = (d: ReturnType<Project["getPreEmitDiagnostics"]>[number]) =>
    `${d.getSourceFile()?.getBaseName() ?? ""}:${d.getLineNumber() ?? 0} TS${d.getCode()} ${ts.flattenDiagnosticMessageText(d.getMessageText() as string | ts.DiagnosticMessageChain, " ")}`;
  return (extra) => {
    if (extra === undefined) return project.getPreEmitDiagnostics().map(format);
    const file = project.createSourceFile("/use.ts", extra, { overwrite: true });
    try {
      return file.getPreEmitDiagnostics().map(format);
    } finally {
      project.removeSourceFile(file);
    }
  };
}

let loaded = 0;
/** Transpiles the generated TypeScript and imports it as an ES module. */
async function load(bindings: string): Promise<any> {
  const js = ts.transpileModule(bindings, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  const file = join(dir, `bindings-${loaded++}.mjs`);
  writeFileSync(file, js);
  return import(pathToFileURL(file).href);
}

function compile(source: string, name: string) {
  const c = compileC(source, name);
  expect(c.errors).toEqual([]);
  expect(c.manifest).toBeDefined();
  return { binary: c.binary, manifest: c.manifest as BindingsManifest };
}

const hostFor = (out: string[]) => (memory: () => WebAssembly.Memory) =>
  makeHostImports({ memory, stdout: (b) => out.push(new TextDecoder().decode(b)), stderr: (b) => out.push(new TextDecoder().decode(b)) });

// ---- C spellings ---------------------------------------------------------------------------

describe("parseCType", () => {
  const vec = { struct: { name: "struct vec3", union: false, size: 24, align: 8, fields: [] }, ts: "Vec3" };
  const lookup = (n: string) => (n === "struct vec3" || n === "vec_t" ? vec : undefined);
  const show = (s: string): string => {
    const go = (t: ReturnType<typeof parseCType>): string => {
      switch (t.kind) {
        case "int":
          return `${t.signed ? "i" : "u"}${t.size * 8}`;
        case "float":
          return `f${t.size * 8}`;
        case "pointer":
          return `*${go(t.to)}`;
        case "array":
          return `[${t.length ?? ""}]${go(t.of)}`;
        case "record":
          return t.record.ts;
        default:
          return t.kind;
      }
    };
    return go(parseCType(s, lookup));
  };

  it("reads what the compiler writes", () => {
    expect(show("char")).toBe("i8");
    expect(show("unsigned char")).toBe("u8");
    expect(show("_Bool")).toBe("u8");
    expect(show("short")).toBe("i16");
    expect(show("unsigned int")).toBe("u32");
    expect(show("enum color")).toBe("i32");
    expect(show("long")).toBe("i64");
    expect(show("unsigned long long")).toBe("u64");
    expect(show("float")).toBe("f32");
    expect(show("long double")).toBe("f128");
    expect(show("const struct vec3 *")).toBe("*Vec3");
    expect(show("vec_t * const")).toBe("*Vec3");
    expect(show("struct vec3 * *")).toBe("**Vec3");
    expect(show("double [2][3]")).toBe("[2][3]f64");
    expect(show("int *[4]")).toBe("[4]*i32");
    expect(show("int (*)[4]")).toBe("*[4]i32");
    expect(show("int (*)(int, char *)")).toBe("*function");
    expect(show("void (*[2])(void)")).toBe("[2]*function");
    expect(show("int []")).toBe("[]i32");
    expect(show("struct unknown")).toBe("opaque");
  });
});

// ---- records and C functions -------------------------------------------------------------

describe("bindings for records and exported functions", () => {
  let binary: Uint8Array;
  let manifest: BindingsManifest;
  let bindings: string;
  let B: any;
  let mod: any;
  const output: string[] = [];

  beforeAll(async () => {
    ({ binary, manifest } = compile(RECORDS_C, "particles.c"));
    bindings = generateBindings(manifest, { moduleName: "particles", wasmFileName: "particles.wasm" });
    B = await load(bindings);
    mod = await B.instantiate(binary, hostFor(output));
  }, 60_000);

  it("type-checks in strict mode with no diagnostics", () => {
    expect(makeChecker(bindings)()).toEqual([]);
    // Deterministic: the same manifest gives the same text.
    expect(generateBindings(manifest, { moduleName: "particles", wasmFileName: "particles.wasm" })).toBe(bindings);
  });

  it("declares interfaces, views and wrappers with the C types mapped", () => {
    expect(bindings).toMatch(/export interface Particle \{/);
    expect(bindings).toMatch(/export class ParticleView extends RecordView/);
    expect(bindings).toMatch(/export class ParticleArrayView extends RecordArrayView<Particle, ParticleView>/);
    expect(bindings).toMatch(/^ {2}step: bigint;$/m);
    expect(bindings).toMatch(/^ {2}big: bigint;$/m);
    expect(bindings).toMatch(/^ {2}tags: readonly number\[\];$/m);
    expect(bindings).toMatch(/^ {2}m: readonly \(readonly number\[\]\)\[\];$/m);
    expect(bindings).toMatch(/^ {2}pos: Vec3;$/m);
    expect(bindings).toMatch(/^ {2}pr: Pair;$/m);
    expect(bindings).toMatch(/^ {2}tag_f\?: number;$/m);
    expect(bindings).toMatch(/get energy\(\): number \{\n\s+return this\.dv\.getFloat64\(this\.address \+ 24, true\);/);
    expect(bindings).toMatch(/sum_energy\(p: number \| ParticleView \| ParticleArrayView, n: bigint\): number/);
    expect(bindings).toMatch(/midpoint\(a: Vec3 \| Vec3View, b: number \| Vec3View \| Vec3ArrayView\): Vec3/);
    expect(B.ParticleView.SIZE).toBe(manifest.structs!.find((s) => s.name === "struct particle")!.size);
    expect(B.MANIFEST_HASH).toBe(manifest.hash);
    expect(B.WASM_FILE).toBe("particles.wasm");
  });

  it("writes records through the views that C reads back, field by field", () => {
    const parts = mod.parts;
    expect(parts).toBeInstanceOf(B.ParticleArrayView);
    expect(parts.length).toBe(8);
    const p = parts.at(2);
    const q = parts.at(3);
    p.kind = -5;
    p.charge = -1234;
    p.id = 77;
    p.step = -(2n ** 40n);
    p.mass = 0.75;
    p.energy = 3.25;
    p.next = q.address;
    q.id = 991;
    p.pos = { x: 1, y: 2, z: 3 };
    p.tags = [4, 5, 6];
    p.m = [
      [1, 2],
      [3, 4],
    ];
    p.pr = { a: -300, b: 65 };
    p.uc = 255;
    p.big = 2n ** 52n + 1n;
    p.u = { i: 123456 };
    p.fl = { lo: 5, mid: -9, wide: 2n ** 39n + 17n };
    p.pts.set(0, { x: 8, y: 0, z: 0 });
    p.pts.at(1).z = 9;
    p.ld = 0.5;
    p.ui = 4294967295;
    p.tag_i = -17; // a member of an anonymous union, reached through the record as in C

    const field = (i: number) => mod.field(p, i);
    expect(field(0)).toBe(-5);
    expect(field(1)).toBe(-1234);
    expect(field(2)).toBe(77);
    expect(field(3)).toBe(-(2 ** 40));
    expect(field(4)).toBe(0.75);
    expect(field(5)).toBe(3.25);
    expect(field(6)).toBe(991);
    expect(field(7)).toBe(321);
    expect(field(8)).toBe(654);
    expect(field(9)).toBe(4321);
    expect(field(10)).toBe(-300 + 65000);
    expect(field(11)).toBe(255);
    expect(field(12)).toBe(2 ** 52 + 1);
    expect(field(13)).toBe(123456);
    expect(field(14)).toBe(5 - 90);
    expect(field(15)).toBe(2 ** 39 + 17);
    expect(field(16)).toBe(8 + 90);
    expect(field(17)).toBe(0.5);
    expect(field(18)).toBe(4294967295);
    expect(field(19)).toBe(-17);
    // The bit-fields share one storage unit: writing one leaves the others alone.
    p.fl.mid = 3;
    expect(p.fl.toObject()).toEqual({ lo: 5, mid: 3, wide: 2n ** 39n + 17n });
    // Union members overlay.
    p.u.f = 1;
    expect(p.u.i).toBe(0x3f800000);

    for (let i = 0; i < 8; i++) parts.at(i).energy = i + 0.5;
    expect(mod.sum_energy(parts, 8n)).toBe(32);
    expect(mod.sum_energy(parts.at(4), 2n)).toBe(4.5 + 5.5);
  });

  it("reads back what C wrote, as views and as plain objects", () => {
    mod.fill(mod.parts, 8n);
    const expected = (i: number) => ({
      kind: -3 - i,
      charge: -1000 * (i + 1),
      id: 100 + i,
      step: -(2n ** 40n) - BigInt(i),
      mass: 0.25 * i,
      energy: 1.5 * i,
      next: i + 1 < 8 ? mod.parts.at(i + 1).address : 0,
      pos: { x: i, y: -i, z: 0.5 },
      tags: [i * 10, i * 10 + 1, i * 10 + 2],
      m: [
        [1, 2],
        [3, i],
      ],
      pr: { a: 7 * i, b: 97 + i },
      uc: (250 + i) & 255,
      big: 2n ** 64n - 1n - BigInt(i),
      u: { i: 0x3fc00000, f: 1.5 },
      fl: { lo: i & 7, mid: -i | 0, wide: 2n ** 40n - 1n - BigInt(i) },
      pts: [
        { x: 1, y: 2, z: 3 },
        { x: 4, y: 5, z: i },
      ],
      ld: 0.125 * i,
      ui: 4294967295 - i,
      tag_i: 0x40000000,
      tag_f: 2,
    });
    const all = mod.parts.toArray();
    for (let i = 0; i < 8; i++) expect(all[i]).toEqual(expected(i));
    const v = mod.parts.at(5);
    expect(v.tags.toArray()).toEqual([50, 51, 52]);
    expect([...v.m].map((row: any) => row.toArray())).toEqual([
      [1, 2],
      [3, 5],
    ]);
    expect(v.pos.y).toBe(-5);
    // Following a pointer member: the address is a plain number.
    expect(new B.ParticleView(mod.memory, v.next).id).toBe(106);
    expect([...mod.parts].map((p: any) => p.id)).toEqual([100, 101, 102, 103, 104, 105, 106, 107]);
    expect(() => mod.parts.at(8)).toThrow(RangeError);
  });

  it("maps signatures: i64 as bigint, unsigned results, struct by value and struct results", () => {
    expect(mod.umax()).toBe(4294967295);
    expect(mod.ulmax()).toBe(2n ** 64n - 1n);
    expect(mod.negate(5n)).toBe(-5n);
    expect(mod.half(3)).toBe(1.5);
    const sp = mod.exports.__stack_pointer.value;
    const b = mod.parts.at(0).pos;
    b.x = 10;
    b.y = 20;
    b.z = 30;
    expect(mod.midpoint({ x: 0, y: 2, z: 4 }, b)).toEqual({ x: 5, y: 11, z: 17 });
    expect(mod.midpoint(b, b)).toEqual({ x: 10, y: 20, z: 30 });
    // Scratch space goes back to the stack.
    expect(mod.exports.__stack_pointer.value).toBe(sp);
    mod.counter = 41;
    expect(mod.counter).toBe(41);
  });

  it("keeps views working when memory grows", () => {
    const v = mod.parts.at(1);
    v.energy = 2.5;
    const before = mod.memory.buffer;
    expect(mod.grow(4)).toBe(1);
    expect(mod.memory.buffer).not.toBe(before);
    expect(v.energy).toBe(2.5);
    v.energy = 7;
    expect(mod.field(v, 5)).toBe(7);
  });

  it("gives the types a consumer relies on: mistakes are type errors", () => {
    const ok = `
      import { instantiate, ParticleView, ParticleArrayView, type Particle, type Vec3 } from "./bindings";
      export async function use(bytes: ArrayBuffer): Promise<number> {
        const mod = await instantiate(bytes);
        const p: ParticleView = mod.parts.at(0);
        p.energy = 2.5;
        p.step = 3n;
        p.pos = { x: 1, y: 2, z: 3 };
        const first: Particle | undefined = mod.parts.toArray()[0];
        const v: Vec3 = mod.midpoint(p.pos, p.pos);
        const view = new ParticleArrayView(mod.memory, p.address, 1);
        return mod.sum_energy(view, 1n) + v.x + (first?.energy ?? 0) + p.tags.at(0);
      }`;
    const check = makeChecker(bindings);
    expect(check(ok)).toEqual([]);
    const bad = [
      "p.step = 3;", // a long is a bigint
      "p.energy = 1n;",
      'p.pos = { x: 1, y: 2 };', // a missing member
      "mod.sum_energy(mod.parts, 8);",
      "mod.midpoint(p, p.pos);", // a particle is not a vec3
      "const s: string = mod.umax();",
    ];
    for (const line of bad) {
      const text = `import { instantiate } from "./bindings";\nexport async function use(bytes: ArrayBuffer) {\n  const mod = await instantiate(bytes);\n  const p = mod.parts.at(0);\n  ${line}\n}`;
      expect(check(text), line).not.toEqual([]);
    }
  });
});

// ---- fragments ---------------------------------------------------------------------------

describe("bindings for fragments", () => {
  let binary: Uint8Array;
  let manifest: BindingsManifest;
  let bindings: string;
  let mod: any;
  let B: any;

  interface Rec {
    id: number;
    energy: number;
  }
  const records = (n: number): Rec[] => Array.from({ length: n }, (_, i) => ({ id: i % 7 === 3 ? -i : i, energy: (i * 0.37) % 2 }));

  beforeAll(async () => {
    ({ binary, manifest } = compile(FRAGMENTS_C, "frag.c"));
    // Until the compiler writes fragments itself, the manifest gets them as it will.
    manifest = {
      ...manifest,
      fragments: manifest.fragments?.length ? manifest.fragments : FRAGMENTS,
      params: manifest.params?.length ? manifest.params : [{ name: "emin", type: "double", wasm: "f64" }, { name: "nmax", type: "long", wasm: "i64" }],
      // Every file-scope variable is fragment state.
      state: manifest.state?.length ? manifest.state : manifest.globals.map((g) => ({ ...g, layout: g.type })),
      // An aggregate's queue imports, as the compiler lists them (type-level only: this C has none).
      imports: [
        ...manifest.imports,
        { module: "enstage", name: "EVcount_rec", params: [], results: ["i64"] },
        { module: "enstage", name: "EVdata_rec", params: ["i64"], results: ["i32"] },
        { module: "enstage", name: "EVdiscard_rec", params: ["i64"], results: [] },
        { module: "enstage", name: "EVsubmit_rec", params: ["i32", "i32"], results: [] },
      ],
    };
    bindings = generateBindings(manifest, { moduleName: "frag" });
    B = await load(bindings);
    mod = await B.instantiate(binary, { emin: 1, nmax: 10n });
  }, 60_000);

  it("type-checks in strict mode with no diagnostics", () => {
    expect(makeChecker(bindings)()).toEqual([]);
    expect(bindings).toMatch(/export interface Params \{\n(.*\n)*\s+readonly emin: number;\n(.*\n)*\s+readonly nmax: bigint;/);
    expect(bindings).toMatch(/runLowEnergy\(records: RecArrayView\): RecArrayView;/);
    expect(bindings).toMatch(/runLowEnergy\(records: readonly Rec\[\]\): Rec\[\];/);
    expect(bindings).toMatch(/runSquare\(input: readonly Rec\[\]\): Out\[\];/);
    expect(bindings).toMatch(/runByParity\(records: readonly Rec\[\] \| RecArrayView\): Int32Array/);
    expect(bindings).toMatch(/runTick\(\): boolean/);
    const use = `
      import { instantiate, RecArrayView, OutArrayView, type Rec, type Out } from "./bindings";
      export async function use(bytes: ArrayBuffer, recs: Rec[]): Promise<number> {
        const mod = await instantiate(bytes, { emin: 0.5, nmax: 4n });
        const kept: Rec[] = mod.runLowEnergy(recs);
        const inPlace: RecArrayView = mod.runLowEnergy(new RecArrayView(mod.memory, 4096, 2));
        const outs: Out[] = mod.runSquare(recs);
        const outView: OutArrayView = mod.runSquare(inPlace, new OutArrayView(mod.memory, 8192, 2));
        const ports: Int32Array = mod.runByParity(recs);
        const keep: boolean = mod.runSmall(recs);
        const grouped: Out[] = mod.runPairs(recs, 4);
        return kept.length + outs.length + outView.length + ports.length + (keep ? 1 : 0) + grouped.length + (mod.runTick() ? 1 : 0);
      }`;
    const check = makeChecker(bindings);
    expect(check(use)).toEqual([]);
    const queues = `
      import { instantiate, type QueueImports } from "./bindings";
      const queue: QueueImports = {
        EVcount_rec: () => 0n,
        EVdata_rec: (index: bigint) => Number(index) * 16,
        EVdiscard_rec: () => {},
        EVsubmit_rec: (port: number, address: number) => void (port + address),
      };
      export const m = instantiate(new ArrayBuffer(8), { emin: 1, nmax: 2n }, { enstage: queue });`;
    expect(check(queues)).toEqual([]);
    const missingParam = `import { instantiate } from "./bindings";\nexport const m = instantiate(new ArrayBuffer(8), { emin: 1 });`;
    expect(check(missingParam)).not.toEqual([]);
  });

  it("runs a per-record filter on copies and in place", () => {
    const input = records(50);
    expect(mod.runLowEnergy(input)).toEqual(input.filter((r) => r.energy < 1));
    const n = 20;
    mod.withStack(n * B.RecView.SIZE, (address: number) => {
      const view = new B.RecArrayView(mod.memory, address, n);
      view.assign(records(n));
      const kept = mod.runLowEnergy(view);
      expect(kept.address).toBe(address);
      expect(kept.toArray()).toEqual(records(n).filter((r) => r.energy < 1));
    });
  });

  it("splits large copied buffers into chunks that fit the scratch space", () => {
    const input = records(200_000); // 3.2 MB of records: more than the 1 MiB stack
    const kept = mod.runLowEnergy(input);
    expect(kept.length).toBe(input.filter((r) => r.energy < 1).length);
    expect(kept).toEqual(input.filter((r) => r.energy < 1));
    const ports = mod.runByParity(input);
    expect(ports.length).toBe(input.length);
    expect(Array.from(ports.subarray(0, 8))).toEqual(input.slice(0, 8).map((r) => r.id & 1));
    expect(ports.every((p: number, i: number) => p === (input[i].id & 1))).toBe(true);
  });

  it("runs a transform, a router and the per-buffer kinds", () => {
    const input = records(30);
    const squares = input.filter((r) => r.id >= 0).map((r) => ({ id: r.id, e2: Math.fround(r.energy * r.energy) }));
    expect(mod.runSquare(input)).toEqual(squares);
    // Into an output view with room for 5: the driver stops at the cap.
    mod.withStack(30 * 16 + 5 * 8, (address: number) => {
      const inView = new B.RecArrayView(mod.memory, address, 30);
      inView.assign(input);
      const out = mod.runSquare(inView, new B.OutArrayView(mod.memory, address + 30 * 16, 5));
      expect(out.toArray()).toEqual(squares.slice(0, 5));
      expect(Array.from(mod.runByParity(inView))).toEqual(input.map((r) => r.id & 1));
    });
    expect(Array.from(mod.runByParity(input))).toEqual(input.map((r) => r.id & 1));
    expect(mod.runSmall(input.slice(0, 2))).toBe(true);
    expect(mod.runSmall(input)).toBe(false);
    expect(mod.runPairs(input.slice(0, 6))).toEqual([0, 1, 2].map((k) => ({ id: input[2 * k].id + input[2 * k + 1].id, e2: 0 })));
    expect(mod.runPairs(input.slice(0, 6), 1)).toHaveLength(1);
    expect(mod.runTick()).toBe(false);
    expect(mod.runTick()).toBe(true);
  });

  it("reads and writes the fragment's state in place", () => {
    expect(mod.state.acted).toBe(2);
    mod.state.acted = 0;
    expect(mod.runTick()).toBe(false);
    expect(mod.state.toObject()).toEqual({ emin: 1, acted: 1 });
    mod.state.emin = 0.5;
    expect(mod.runLowEnergy([{ id: 1, energy: 0.75 }])).toEqual([]);
  });
});

// ---- fragments as the compiler writes them ------------------------------------------------

// The fragment language (grammar/spec.md §8): the compiler writes the drivers, the params are
// imported globals and the manifest lists fragments, params and state itself.
const REAL_FRAGMENTS = `
struct particle { int id; double energy; };
struct summary { int id; float e2; };
param double emin;
param long nmax;
static long seen;
filter low_energy(const struct particle *r) { seen++; return r->energy < emin; }
transform square(const struct particle *in, struct summary *out) {
  if (in->id < 0) return 0;
  out->id = in->id;
  out->e2 = (float)(in->energy * in->energy);
  return 1;
}
router by_parity(const struct particle *r) { return r->id & 1; }
filter few(const struct particle *buf, long n) { return n < nmax; }
`;

describe("bindings for compiled fragments", () => {
  it("type-check and run with the params as imports", async () => {
    const r = compileProgram(REAL_FRAGMENTS, "real.c");
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const binary = r.binary!;
    const manifest = r.manifest as BindingsManifest;
    expect(manifest.fragments?.map((f) => f.name)).toEqual(["low_energy", "square", "by_parity", "few"]);
    const text = generateBindings(manifest, { moduleName: "real" });
    expect(makeChecker(text)()).toEqual([]);
    const R = await load(text);
    const mod = await R.instantiate(binary, { emin: 1, nmax: 3n });
    const input = Array.from({ length: 40 }, (_, i) => ({ id: i % 5 === 4 ? -i : i, energy: (i * 0.21) % 2 }));
    expect(mod.runLowEnergy(input)).toEqual(input.filter((r) => r.energy < 1));
    expect(mod.runSquare(input)).toEqual(input.filter((r) => r.id >= 0).map((r) => ({ id: r.id, e2: Math.fround(r.energy * r.energy) })));
    expect(Array.from(mod.runByParity(input))).toEqual(input.map((r) => r.id & 1));
    expect(mod.runFew(input.slice(0, 2))).toBe(true);
    expect(mod.runFew(input)).toBe(false);
    if (manifest.state?.some((v) => v.name === "seen")) expect(mod.state.seen).toBe(40n);
    // Buffers come from the module's heap when it exports malloc: no stack limit, nothing leaks.
    if (manifest.exports.some((f) => f.name === "malloc")) {
      expect(text).toContain("this.exports.malloc(");
      const big = Array.from({ length: 300_000 }, (_, i) => ({ id: i, energy: (i * 0.37) % 2 }));
      expect(mod.runLowEnergy(big)).toEqual(big.filter((r) => r.energy < 1));
      expect(mod.runFew(big)).toBe(false); // per buffer: 4.8 MB in one piece
      const size = mod.memory.buffer.byteLength;
      for (let i = 0; i < 3; i++) mod.runFew(big);
      expect(mod.memory.buffer.byteLength).toBe(size);
    }
    // Other param values, another instance: a different result.
    const other = await R.instantiate(binary, { emin: 0.5, nmax: 3n });
    expect(other.runLowEnergy(input)).toEqual(input.filter((r) => r.energy < 0.5));

    // A specialized module holds its params as constants: its bindings take none.
    const s = specialize(binary, r.manifest!, { emin: 1, nmax: 3n });
    const stext = generateBindings(s.manifest, { moduleName: "real" });
    expect(stext).toMatch(/export interface Params \{\n\}/);
    const check = makeChecker(stext);
    expect(check()).toEqual([]);
    expect(check('import { instantiate } from "./bindings";\nexport const m = instantiate(new ArrayBuffer(8));')).toEqual([]);
    const S = await load(stext);
    const smod = await S.instantiate(s.binary);
    expect(smod.runLowEnergy(input)).toEqual(input.filter((r) => r.energy < 1));
    expect(smod.runFew(input.slice(0, 2))).toBe(true);
  }, 60_000);

  it("type the fuel counter of a module compiled with fuel", async (ctx) => {
    const options: Parameters<typeof compileProgram>[2] & { fuel?: boolean } = { fuel: true };
    const r = compileProgram(REAL_FRAGMENTS, "real.c", options);
    if (!r.manifest?.fuel) ctx.skip();
    const text = generateBindings(r.manifest as BindingsManifest, { moduleName: "real" });
    expect(text).toMatch(/get fuel\(\): bigint \{/);
    expect(makeChecker(text)()).toEqual([]);
    const mod = await (await load(text)).instantiate(r.binary!, { emin: 1, nmax: 3n });
    const input = Array.from({ length: 100 }, (_, i) => ({ id: i, energy: i / 100 }));
    mod.fuel = 1_000_000n;
    expect(mod.runLowEnergy(input)).toHaveLength(100);
    expect(mod.fuel < 1_000_000n).toBe(true);
    mod.fuel = 10n;
    expect(() => mod.runLowEnergy(input)).toThrow(WebAssembly.RuntimeError);
    expect(mod.fuel < 0n).toBe(true);
  }, 60_000);
});

// ---- enstage compile --bindings ----------------------------------------------------------

describe("enstage compile --bindings", () => {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const cli = join(root, "dist/enstage.mjs");

  it("writes OUT.ts next to OUT.wasm, and the bindings run the module", async () => {
    if (!existsSync(cli)) spawnSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
    const source = join(dir, "kernel.c");
    writeFileSync(source, "struct particle { double x, energy; long id; };\ndouble total(const struct particle *p, long n) {\n  double s = 0;\n  for (long i = 0; i < n; i++) s += p[i].energy * (double)p[i].id;\n  return s;\n}\n");
    const r = spawnSync(process.execPath, [cli, "compile", source, "-o", join(dir, "out.wasm"), "--bindings"], { cwd: dir, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const text = readFileSync(join(dir, "out.ts"), "utf8");
    expect(makeChecker(text)()).toEqual([]);
    expect(text).toContain('export const WASM_FILE = "out.wasm";');
    const K = await load(text);
    const mod = await K.instantiate(readFileSync(join(dir, K.WASM_FILE)));
    const data = [
      { x: 0, energy: 1.5, id: 2n },
      { x: 0, energy: 0.25, id: 4n },
    ];
    const total = mod.withStack(2 * K.ParticleView.SIZE, (address: number) => {
      const view = new K.ParticleArrayView(mod.memory, address, 2);
      view.assign(data);
      return mod.total(view, 2n);
    });
    expect(total).toBe(4);
  }, 60_000);
});
