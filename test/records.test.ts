// Host-supplied record layouts (CoD field lists): a fragment reads a simulation's records in
// place, whatever their field order, padding or (unaligned) offsets; a module whose layout
// differs from the host's description is refused at load time, naming the field.
import { describe, expect, it } from "vitest";
import { compileProgram } from "../src/compile.js";
import { loadModule, runFragment, FragmentError } from "../runtime/fragments.js";
import type { HostRecord } from "../runtime/records.js";
import { codes } from "./helpers.js";

// A foreign layout: energy first, an unaligned double, a gap, FMField type names, a 48-byte stride.
const foreign: HostRecord = {
  name: "particle",
  size: 48,
  fields: [
    { name: "energy", type: "float", size: 8, offset: 0 },
    { name: "kind", type: "integer", size: 1, offset: 8 },
    { name: "x", type: "double", size: 8, offset: 9 },
    { name: "id", type: "integer", size: 8, offset: 24 },
    { name: "pos", type: "float[3]", size: 4, offset: 32 },
  ],
};

const fragment = `
filter hot(const struct particle *p) { return p->energy > 1.0 && p->kind == 2 && p->pos[2] < 0.5f; }
transform ids(const struct particle *p, struct out *o) { o->id = p->id; o->x = p->x; return 1; }
struct out { long id; double x; };
`;

function records(n: number): Uint8Array {
  const b = new Uint8Array(n * 48);
  const dv = new DataView(b.buffer);
  for (let i = 0; i < n; i++) {
    const at = i * 48;
    dv.setFloat64(at, i % 3, true);
    dv.setInt8(at + 8, i % 4);
    dv.setFloat64(at + 9, i + 0.25, true);
    dv.setBigInt64(at + 24, BigInt(1000 + i), true);
    [0.1, 0.2, i % 2 ? 0.75 : 0.25].forEach((v, k) => dv.setFloat32(at + 32 + 4 * k, v, true));
  }
  return b;
}

describe("host-supplied records", () => {
  const src = fragment.replace("transform ids", "struct out { long id; double x; };\ntransform ids").replace(/\nstruct out \{ long id; double x; \};\n$/, "\n");
  const compiled = compileProgram(src, "hot.cod", { records: [foreign] });

  it("lays the record out at the host's offsets", () => {
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const rec = compiled.manifest!.records.find((r) => r.name === "struct particle")!;
    expect(rec.size).toBe(48);
    const at = Object.fromEntries(rec.fields.filter((f) => !f.name.startsWith("__")).map((f) => [f.name, [f.offset, f.type]]));
    expect(at).toEqual({ energy: [0, "double"], kind: [8, "char"], x: [9, "double"], id: [24, "long"], pos: [32, "float [3]"] });
  });

  it("reads the records in place and keeps the right ones", () => {
    const fm = loadModule(compiled.binary!, compiled.manifest!, { records: [foreign] });
    const input = records(60);
    const kept = runFragment(fm, "hot", input);
    const want = Array.from({ length: 60 }, (_, i) => i).filter((i) => i % 3 > 1 && i % 4 === 2 && i % 2 === 0);
    const dv = new DataView(kept.records.buffer, kept.records.byteOffset);
    expect(Array.from({ length: kept.count }, (_, k) => Number(dv.getBigInt64(k * 48 + 24, true)) - 1000)).toEqual(want);
    const out = runFragment(fm, "ids", input);
    const ov = new DataView(out.records.buffer, out.records.byteOffset);
    expect(ov.getBigInt64(16 * 7, true)).toBe(1007n);
    expect(ov.getFloat64(16 * 7 + 8, true)).toBe(7.25); // read from the unaligned offset 9
  });

  it("refuses a module whose layout differs, naming the field", () => {
    const moved: HostRecord = { ...foreign, fields: foreign.fields.map((f) => (f.name === "x" ? { ...f, offset: 16 } : f)) };
    expect(() => loadModule(compiled.binary!, compiled.manifest!, { records: [moved] })).toThrow(FragmentError);
    expect(() => loadModule(compiled.binary!, compiled.manifest!, { records: [moved] })).toThrow(/field 'x' of record 'particle'.*offset 9.*offset 16/);
    const missing: HostRecord = { ...foreign, fields: foreign.fields.filter((f) => f.name !== "kind") };
    expect(() => loadModule(compiled.binary!, compiled.manifest!, { records: [missing] })).toThrow(/field 'kind'/);
    expect(() => loadModule(compiled.binary!, compiled.manifest!, { records: [{ ...foreign, size: 56 }] })).toThrow(/48-byte records; the host's are 56/);
  });

  it("reports an unusable description as E0020, with the reason", () => {
    const overlap: HostRecord = { name: "particle", fields: [{ name: "a", type: "double", size: 8, offset: 0 }, { name: "b", type: "int", size: 4, offset: 4 }] };
    const r = compileProgram("int f(void) { return 0; }", "t.cod", { records: [overlap] });
    expect(r.diagnostics.map((d) => [d.code, d.args[0]])).toEqual([["E0020", "field 'b' of record 'particle' at offset 4 overlaps field 'a'"]]);
    const bad: HostRecord = { name: "particle", fields: [{ name: "a", type: "quaternion", size: 16, offset: 0 }] };
    expect(compileProgram("int f(void) { return 0; }", "t.cod", { records: [bad] }).diagnostics[0].args[0]).toMatch(/unknown type 'quaternion'/);
    expect(codes("struct particle p;")).toEqual(["1:17 E3011"]);
  });
});
