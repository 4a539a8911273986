// The staging side's output to storage: one group of records per step, in memory or in HDF5.
// In: `StepOutput`s from the CStager (each step's record buffers with their C layout, and the
// step's attributes). Out: `MemorySink` keeps copies (tests, runs without an output file);
// `Hdf5Sink` writes an HDF5 file through h5wasm (HDF5 compiled to wasm; this is the only module
// that imports it, lazily, so a run without HDF5 output never loads it); `readHdf5` reads a file
// back column by column.
//
// File layout (`h5dump -H out.h5` shows it; `FORMAT` is stored as the root attribute
// `enstage_format`):
//   /                        attrs: enstage_format, then the pipeline's (name, ...)
//   /step_000000/            one group per step, zero-padded so h5ls lists steps in order;
//                            attrs: the step's (fragments, module hash, mu=..., placement, ...)
//   /step_000000/records/    one group per OutputDataset; attrs: struct, record_size, count,
//                            layout (the ManifestStruct as JSON)
//     x, y, ..., id          one dataset per field: shape [count] for a scalar, [count, N, ...]
//                            for an array field (`long bins[64]` is `bins` [count, 64]); attrs
//                            c_type and offset
//     raw                    [count, record_size] u8, only when a field has no column (below)
// Types: double f64, float f32, long double f64 (its value; the ABI keeps it in the first 8 of
// 16 bytes), char/signed char i8, unsigned char/_Bool u8, short i16, int/enum i32, long and
// long long i64, the unsigned ones u16/u32/u64, pointers u64 (the zero-extended address as
// stored). A char array is a 2-D i8/u8 dataset, not a string, so bytes after a NUL survive.
//
// Why columns and not one compound dataset: h5wasm 0.10 writes compound types only as packed
// members (no trailing padding, so not the C record size) and cannot write array members at all
// ("data with type 10 can not be prepared for write": H5T_ARRAY writing is commented out in its
// C glue), so `long bins[64]` would not fit. Plain numeric datasets are also what every tool
// reads without help: h5dump, h5py (`f["step_000000/records/energy"][:]`), ParaView, Julia.
//
// What has no column: bit-fields, nested struct/union fields (the ManifestStruct does not carry
// their layout: `flattenLayout` expands them into dotted columns `p.x`, `pts[1].x` when the
// manifest's structs are at hand), unnamed members and unknown types. Their bytes are not lost:
// the dataset group then also holds `raw`, every record's bytes, and says why in `raw_reason`.
// A union writes its members as columns (each a reading of the same bytes) and `raw`.
//
// Durability: the file is flushed after each step (H5Fflush), so `h5dump` reads every finished
// step while the run goes on. Numbers in attributes are stored as f64 (a JS number is one);
// strings as variable-length UTF-8.

import type { ManifestStruct } from "./abi.js";
import type * as H5 from "h5wasm/node";
import { open as openFile } from "node:fs/promises";

export interface OutputDataset {
  name: string;
  layout: ManifestStruct;
  bytes: Uint8Array;
  count: number;
}

export interface StepOutput {
  step: number;
  /** Usually one ("records"), plus "unprocessed" chunks when a fragment faulted. */
  datasets: OutputDataset[];
  /** Fragment names, module hash, specialization values, where each step ran, ... */
  attrs: Record<string, string | number>;
}

export interface OutputSink {
  write(out: StepOutput): Promise<void> | void;
  close(): Promise<void> | void;
  /** Record bytes written so far (count × record size, over every dataset). */
  readonly bytesStored: number;
}

/** The root attribute `enstage_format`: bump it when the layout above changes. */
export const FORMAT = "enstage steps, columnar, 1";

// ---- checks shared by the sinks ---------------------------------------------------------------

function checkStep(out: StepOutput): number {
  if (!Number.isSafeInteger(out.step) || out.step < 0) throw new Error(`output step ${out.step}: a step is a non-negative integer`);
  let bytes = 0;
  for (const d of out.datasets) {
    const need = d.count * d.layout.size;
    if (!Number.isSafeInteger(d.count) || d.count < 0 || d.bytes.byteLength < need) {
      throw new Error(`output step ${out.step}, dataset '${d.name}': ${d.count} records of ${d.layout.size} bytes need ${need} bytes, got ${d.bytes.byteLength}`);
    }
    bytes += need;
  }
  return bytes;
}

/** Keeps a copy of every step: the caller may reuse its buffers as soon as `write` returns. */
export class MemorySink implements OutputSink {
  readonly steps: StepOutput[] = [];
  private stored = 0;
  private closed = false;

  get bytesStored(): number {
    return this.stored;
  }

  write(out: StepOutput): void {
    if (this.closed) throw new Error(`output step ${out.step}: the memory sink is closed`);
    const bytes = checkStep(out);
    this.steps.push({
      step: out.step,
      attrs: { ...out.attrs },
      datasets: out.datasets.map((d) => ({
        name: d.name,
        layout: structuredClone(d.layout),
        bytes: d.bytes.slice(0, d.count * d.layout.size),
        count: d.count,
      })),
    });
    this.stored += bytes;
  }

  close(): void {
    this.closed = true;
  }
}

// ---- columns ----------------------------------------------------------------------------------

type ColumnArray =
  | typeof Float64Array | typeof Float32Array | typeof Int8Array | typeof Uint8Array | typeof Int16Array
  | typeof Uint16Array | typeof Int32Array | typeof Uint32Array | typeof BigInt64Array | typeof BigUint64Array;

/** How one field becomes one dataset: `width` bytes per element, elements `stride` apart. */
export interface Column {
  name: string;
  cType: string;
  offset: number;
  dims: number[];
  width: number;
  stride: number;
  array: ColumnArray;
}

const scalarTypes: Record<string, { array: ColumnArray; stride?: number }> = {
  double: { array: Float64Array },
  float: { array: Float32Array },
  "long double": { array: Float64Array, stride: 16 },
  char: { array: Int8Array },
  "signed char": { array: Int8Array },
  "unsigned char": { array: Uint8Array },
  _Bool: { array: Uint8Array },
  short: { array: Int16Array },
  "unsigned short": { array: Uint16Array },
  int: { array: Int32Array },
  "unsigned int": { array: Uint32Array },
  long: { array: BigInt64Array },
  "unsigned long": { array: BigUint64Array },
  "long long": { array: BigInt64Array },
  "unsigned long long": { array: BigUint64Array },
};
const enumArrays: Record<number, ColumnArray> = { 1: Int8Array, 2: Int16Array, 4: Int32Array, 8: BigInt64Array };

/** A manifest type string without qualifiers, split into its base and array dimensions. */
function parseType(type: string): { base: string; dims: number[] } {
  const dims: number[] = [];
  let rest = type.trim();
  for (let m; (m = /\[\s*(\d+)\s*\]\s*$/.exec(rest)); ) {
    dims.unshift(Number(m[1]));
    rest = rest.slice(0, m.index).trim();
  }
  const base = rest.replace(/\b(const|volatile)\b/g, " ").replace(/\s+/g, " ").trim();
  return { base, dims };
}

/** The columns of a layout, and why some fields have none (then `raw` keeps their bytes). */
export function planColumns(layout: ManifestStruct): { columns: Column[]; uncovered: string[] } {
  const columns: Column[] = [];
  const uncovered: string[] = [];
  for (const f of layout.fields) {
    const { base, dims } = parseType(f.type);
    const scalar = scalarTypes[base];
    let array: ColumnArray | undefined = scalar?.array;
    let stride = scalar?.stride;
    if (!array && /^enum /.test(base)) array = enumArrays[f.size / dims.reduce((a, b) => a * b, 1)];
    if (!array && base.endsWith("*")) array = BigUint64Array;
    const width = array?.BYTES_PER_ELEMENT ?? 0;
    stride ??= width;
    const why =
      f.name === "" ? "an unnamed member"
      : f.bitWidth !== undefined ? `bit-field '${f.name}'`
      : !array ? `'${f.name}' of type '${f.type}'`
      : dims.reduce((a, b) => a * b, 1) * stride !== f.size || f.offset + f.size > layout.size ? `'${f.name}': ${f.size} bytes do not fit type '${f.type}'`
      : undefined;
    if (why) uncovered.push(why);
    else columns.push({ name: f.name, cType: f.type, offset: f.offset, dims, width, stride, array: array! });
  }
  if (layout.union && columns.length > 0) uncovered.push("a union");
  return { columns, uncovered };
}

/**
 * One field of every record, contiguous. Copies through the widest integer lanes the alignment
 * allows, never through a float, so NaN payloads and -0 arrive bit for bit.
 */
function gather(bytes: Uint8Array, count: number, size: number, c: Column): InstanceType<ColumnArray> {
  const n = c.dims.reduce((a, b) => a * b, 1);
  const out = new Uint8Array(count * n * c.width);
  const lane = [4, 2, 1].find((l) => [bytes.byteOffset, size, c.offset, c.stride, c.width].every((v) => v % l === 0))!;
  const Lane = lane === 4 ? Uint32Array : lane === 2 ? Uint16Array : Uint8Array;
  const src = new Lane(bytes.buffer as ArrayBuffer, bytes.byteOffset, Math.floor(bytes.byteLength / lane));
  const dst = new Lane(out.buffer);
  const w = c.width / lane, recordLanes = size / lane, strideLanes = c.stride / lane;
  let k = 0;
  for (let i = 0; i < count; i++) {
    let at = i * recordLanes + c.offset / lane;
    for (let j = 0; j < n; j++, at += strideLanes) for (let q = 0; q < w; q++) dst[k++] = src[at + q];
  }
  return new c.array(out.buffer);
}

/** The row-major indices of element `i` of an array with dimensions `dims`: `[1][2]`. */
function indexText(i: number, dims: number[]): string {
  let text = "";
  for (let d = dims.length - 1; d >= 0; d--) {
    text = `[${i % dims[d]}]` + text;
    i = Math.floor(i / dims[d]);
  }
  return text;
}

/**
 * A layout with its nested struct fields (and arrays of structs) replaced by their members,
 * named `p.x`, `pts[1].x`, at their offsets in the outer record, so that they get columns.
 * Unions and structs not in `structs` stay as they are (their bytes go to `raw`).
 */
export function flattenLayout(layout: ManifestStruct, structs: readonly ManifestStruct[]): ManifestStruct {
  const byName = new Map(structs.map((s) => [s.name, s]));
  const expand = (fields: ManifestStruct["fields"], prefix: string, base: number): ManifestStruct["fields"] =>
    fields.flatMap((f) => {
      const { base: type, dims } = parseType(f.type);
      const inner = f.bitWidth === undefined ? byName.get(type) : undefined;
      const at = { ...f, name: prefix + f.name, offset: base + f.offset };
      if (!inner || inner.union || f.name === "") return [at];
      const n = dims.reduce((a, b) => a * b, 1);
      if (n * inner.size !== f.size) return [at];
      return Array.from({ length: n }, (_, i) => expand(inner.fields, `${at.name}${indexText(i, dims)}.`, at.offset + i * inner.size)).flat();
    });
  return { ...layout, fields: expand(layout.fields, "", 0) };
}

// ---- HDF5 -------------------------------------------------------------------------------------

type H5Module = typeof H5.default;
let h5: Promise<H5Module> | undefined;

/** Loads h5wasm once, with HDF5 errors thrown as exceptions (not printed and ignored). */
function ensureH5(): Promise<H5Module> {
  h5 ??= import("h5wasm/node").then(async ({ default: lib }) => {
    const module = await lib.ready;
    module.activate_throwing_error_handler();
    return lib;
  });
  return h5;
}

/** The useful line of an HDF5 error stack: the system's reason when there is one. */
function reason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const sys = /error message = '([^']*)'/.exec(text);
  if (sys) return sys[1];
  const lines = [...text.matchAll(/in \w+\(\): (.*)$/gm)].map((m) => m[1]);
  return lines.at(-1) ?? text.split("\n")[0];
}

/** Runs an HDF5 operation; a failure becomes an Error naming the file and what was being done. */
function guard<T>(path: string, what: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    throw new Error(`HDF5 file '${path}': cannot ${what}: ${reason(e)}`, { cause: e });
  }
}

function writeAttrs(obj: H5.Group | H5.Dataset, attrs: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === "number") obj.create_attribute(name, value, null, "<d");
    else obj.create_attribute(name, String(value));
  }
}

function readAttrs(obj: H5.Group | H5.Dataset): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, attr] of Object.entries(obj.attrs)) {
    const v = attr.value;
    out[name] = typeof v === "bigint" && Number.isSafeInteger(Number(v)) ? Number(v) : v;
  }
  return out;
}

const stepName = (step: number) => `step_${String(step).padStart(6, "0")}`;

/** An HDF5 link name for a dataset: no '/', not '.', unique within its step. */
function datasetName(name: string, taken: Set<string>): string {
  let base = name.replace(/\//g, "_");
  if (base === "" || base === "." || base === "..") base = "dataset";
  let n = base;
  for (let k = 2; taken.has(n); k++) n = `${base}_${k}`;
  taken.add(n);
  return n;
}

export class Hdf5Sink implements OutputSink {
  private stored = 0;
  private closed = false;

  private constructor(readonly path: string, private readonly file: H5.File) {}

  get bytesStored(): number {
    return this.stored;
  }

  /** Creates (or truncates) the file and writes the root attributes. */
  static async open(path: string, attrs: Record<string, string | number> = {}): Promise<Hdf5Sink> {
    const lib = await ensureH5();
    // Node's own open first: its error says why (ENOENT, EACCES, EISDIR) more plainly than HDF5's.
    try {
      await (await openFile(path, "w")).close();
    } catch (e) {
      throw new Error(`HDF5 file '${path}': cannot create it: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    const file = guard(path, "create it", () => new lib.File(path, "w"));
    guard(path, "write the root attributes", () => {
      writeAttrs(file, { enstage_format: FORMAT, ...attrs });
      file.flush();
    });
    return new Hdf5Sink(path, file);
  }

  write(out: StepOutput): void {
    if (this.closed) throw new Error(`HDF5 file '${this.path}': step ${out.step} written after close`);
    const bytes = checkStep(out);
    const name = stepName(out.step);
    if (this.file.get(name)) throw new Error(`HDF5 file '${this.path}': step ${out.step} is already written`);
    guard(this.path, `write step ${out.step}`, () => {
      const group = this.file.create_group(name);
      writeAttrs(group, out.attrs);
      const taken = new Set<string>();
      for (const d of out.datasets) this.writeDataset(group, datasetName(d.name, taken), d);
      this.file.flush();
    });
    this.stored += bytes;
  }

  private writeDataset(step: H5.Group, name: string, d: OutputDataset): void {
    const { layout, count } = d;
    const group = step.create_group(name);
    const { columns, uncovered } = planColumns(layout);
    writeAttrs(group, {
      ...(name !== d.name ? { name: d.name } : {}),
      struct: layout.name,
      record_size: layout.size,
      count,
      layout: JSON.stringify(layout),
      ...(uncovered.length > 0 ? { raw_reason: uncovered.join("; ") } : {}),
    });
    const taken = new Set<string>();
    for (const c of columns) {
      taken.add(c.name);
      const data = gather(d.bytes, count, layout.size, c);
      const ds = group.create_dataset({ name: c.name, data, shape: [count, ...c.dims] });
      writeAttrs(ds, { c_type: c.cType, offset: c.offset });
    }
    if (uncovered.length > 0) {
      const raw = datasetName("raw", taken);
      group.create_dataset({ name: raw, data: d.bytes.subarray(0, count * layout.size), shape: [count, layout.size] });
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    guard(this.path, "close it", () => this.file.close());
  }
}

export interface Hdf5Contents {
  attrs: Record<string, unknown>;
  steps: {
    step: number;
    attrs: Record<string, unknown>;
    /** Per dataset, per field: the column (flat, row-major for array fields), and `raw` if any. */
    datasets: Record<string, Record<string, ArrayLike<number | bigint>>>;
  }[];
}

/** Reads a file `Hdf5Sink` wrote: root attributes, then each step group in step order. */
export async function readHdf5(path: string): Promise<Hdf5Contents> {
  const lib = await ensureH5();
  try {
    await (await openFile(path, "r")).close();
  } catch (e) {
    throw new Error(`HDF5 file '${path}': cannot read it: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const file = guard(path, "open it", () => new lib.File(path, "r"));
  try {
    return guard(path, "read it", () => {
      const steps: Hdf5Contents["steps"] = [];
      const names = file.keys().filter((k) => /^step_\d+$/.test(k));
      names.sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
      for (const name of names) {
        const group = file.get(name) as H5.Group;
        const datasets: Record<string, Record<string, ArrayLike<number | bigint>>> = {};
        for (const dname of group.keys()) {
          const dg = group.get(dname);
          if (!(dg instanceof lib.Group)) continue;
          // Columns in field order (HDF5 lists names alphabetically), then raw.
          const layout = dg.attrs.layout?.value;
          const order = typeof layout === "string" ? (JSON.parse(layout) as ManifestStruct).fields.map((f) => f.name) : [];
          const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
          const columns: Record<string, ArrayLike<number | bigint>> = {};
          for (const cname of [...dg.keys()].sort((a, b) => rank(a) - rank(b))) {
            const ds = dg.get(cname);
            if (ds instanceof lib.Dataset) columns[cname] = ds.value as ArrayLike<number | bigint>;
          }
          datasets[dname] = columns;
        }
        steps.push({ step: Number(name.slice(5)), attrs: readAttrs(group), datasets });
      }
      return { attrs: readAttrs(file), steps };
    });
  } finally {
    file.close();
  }
}
