// The staging side's output sinks (runtime/hdf5.ts): HDF5 files written through h5wasm, read back
// with readHdf5 and, independently, with the HDF5 command line tools (Debian's hdf5-tools) when
// they are installed; the memory sink; errors that name the file; and the write throughput.
// Expected values come from the record bytes read field by field with a DataView, not from the
// sink's own column code.

import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ManifestField, ManifestStruct } from "../runtime/abi.js";
import { FORMAT, Hdf5Sink, MemorySink, flattenLayout, planColumns, readHdf5, type OutputDataset, type StepOutput } from "../runtime/hdf5.js";
import { particleId, particles } from "../runtime/synthetic.js";
import { compileProgram } from "../src/compile.js";

const dir = mkdtempSync(join(tmpdir(), "enstage-hdf5-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function structsOf(text: string, file: string): ManifestStruct[] {
  const r = compileProgram(text, file);
  if (!r.manifest) throw new Error(`${file} does not compile: ${r.diagnostics.map((d) => d.code).join(" ")}`);
  return r.manifest.structs;
}
const subsample = structsOf(readFileSync(new URL("../examples/enstage/subsample.cod", import.meta.url), "utf8"), "subsample.cod");
const particle = subsample.find((s) => s.name === "struct particle")!;
const histogram = subsample.find((s) => s.name === "struct histogram")!;

// ---- the oracle: a field's values and bytes, straight from the records ------------------------

const readers: Record<string, [number, (dv: DataView, at: number) => number | bigint]> = {
  double: [8, (dv, at) => dv.getFloat64(at, true)],
  float: [4, (dv, at) => dv.getFloat32(at, true)],
  long: [8, (dv, at) => dv.getBigInt64(at, true)],
  "unsigned long long": [8, (dv, at) => dv.getBigUint64(at, true)],
  int: [4, (dv, at) => dv.getInt32(at, true)],
  "enum color": [4, (dv, at) => dv.getInt32(at, true)],
  short: [2, (dv, at) => dv.getInt16(at, true)],
  char: [1, (dv, at) => dv.getInt8(at)],
  "unsigned char": [1, (dv, at) => dv.getUint8(at)],
  _Bool: [1, (dv, at) => dv.getUint8(at)],
};

/** Every value of field `f` in record order (array elements row-major), read with a DataView. */
function expectedValues(bytes: Uint8Array, count: number, size: number, f: ManifestField): (number | bigint)[] {
  const base = f.type.replace(/\s*\[.*$/, "");
  const [width, read] = readers[base];
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: (number | bigint)[] = [];
  for (let i = 0; i < count; i++) for (let j = 0; j < f.size / width; j++) out.push(read(dv, i * size + f.offset + j * width));
  return out;
}

/** The field's bytes, record after record: a column must hold exactly these (NaN payloads too). */
function expectedBytes(bytes: Uint8Array, count: number, size: number, f: ManifestField): Uint8Array {
  const out = new Uint8Array(count * f.size);
  for (let i = 0; i < count; i++) out.set(bytes.subarray(i * size + f.offset, i * size + f.offset + f.size), i * f.size);
  return out;
}

function bytesOf(column: ArrayLike<number | bigint>): Uint8Array {
  const v = column as unknown as ArrayBufferView;
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

function expectColumns(got: Record<string, ArrayLike<number | bigint>>, d: OutputDataset, fields = d.layout.fields): void {
  for (const f of fields) {
    const column = got[f.name];
    expect(column, `column ${f.name}`).toBeDefined();
    expect(Array.from(column), `values of ${f.name}`).toEqual(expectedValues(d.bytes, d.count, d.layout.size, f));
    expect(bytesOf(column), `bytes of ${f.name}`).toEqual(expectedBytes(d.bytes, d.count, d.layout.size, f));
  }
}

// ---- the data ---------------------------------------------------------------------------------

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.byteLength));
  return out;
};

/** Two sources' particles, with awkward doubles in the first record. */
function particleRecords(step: number, perSource: number): OutputDataset {
  const bytes = concat([particles(0, step, perSource, 7), particles(1, step, perSource, 7)]);
  const dv = new DataView(bytes.buffer);
  dv.setUint32(0, 0x00001234, true); // x: a NaN with a payload
  dv.setUint32(4, 0x7ff80000, true);
  dv.setFloat64(8, -0, true); // y
  dv.setFloat64(16, -Infinity, true); // z
  dv.setFloat64(24, 5e-324, true); // vx: the smallest subnormal
  return { name: "records", layout: particle, bytes, count: 2 * perSource };
}

/** Per-source histograms with bins that only 64-bit integers hold. */
function histogramRecords(step: number): OutputDataset {
  const count = 2;
  const bytes = new Uint8Array(count * histogram.size);
  const dv = new DataView(bytes.buffer);
  for (let i = 0; i < count; i++) {
    const at = i * histogram.size;
    dv.setFloat64(at, 0.001 * (step + 1), true);
    dv.setFloat64(at + 8, 2.5 + i, true);
    dv.setBigInt64(at + 16, BigInt(1000 * step + i), true);
    for (let b = 0; b < 64; b++) dv.setBigInt64(at + 24 + 8 * b, BigInt(b * (i + 1) + step) * (b === 63 ? 1n << 58n : 1n) - (b === 0 ? 1n << 62n : 0n), true);
  }
  return { name: "histogram", layout: histogram, bytes, count };
}

function step(s: number, perSource = 500): StepOutput {
  const datasets = [particleRecords(s, perSource), histogramRecords(s)];
  // Step 1 had a fault that passed nothing on; step 2's fault passed 5 records on unprocessed.
  if (s === 1) datasets.push({ name: "unprocessed", layout: particle, bytes: new Uint8Array(0), count: 0 });
  if (s === 2) datasets.push({ name: "unprocessed", layout: particle, bytes: particles(3, s, 5), count: 5 });
  return {
    step: s,
    datasets,
    attrs: { fragments: "energy_histogram", module: "9f2c".repeat(16), mu: 0.97 + s / 8, sigma: 0.1 * (s + 1), "param bins": 64, placement: `energy_histogram@${s === 0 ? "source" : "staging"}` },
  };
}

const recordBytes = (out: StepOutput) => out.datasets.reduce((n, d) => n + d.count * d.layout.size, 0);

// ---- tests ------------------------------------------------------------------------------------

describe("the subsample layouts", () => {
  it("are what the synthetic particles and the histogram fragment use", () => {
    expect(particle.size).toBe(64);
    expect(particle.fields.map((f) => `${f.type} ${f.name}@${f.offset}`)).toEqual([
      "double x@0", "double y@8", "double z@16", "double vx@24", "double vy@32", "double vz@40", "double energy@48", "long id@56",
    ]);
    expect(histogram.fields.find((f) => f.name === "bins")).toMatchObject({ type: "long [64]", offset: 24, size: 512 });
    expect(planColumns(histogram)).toMatchObject({ uncovered: [] });
  });
});

describe("Hdf5Sink and readHdf5", () => {
  const file = join(dir, "subsample.h5");
  const written = [0, 1, 2].map((s) => step(s));

  it("write three steps that read back value for value", async () => {
    const sink = await Hdf5Sink.open(file, { pipeline: "subsample", sources: 2 });
    for (const out of written) await sink.write(out);
    await sink.close();
    expect(sink.bytesStored).toBe(written.reduce((n, o) => n + recordBytes(o), 0));

    const back = await readHdf5(file);
    expect(back.attrs).toEqual({ enstage_format: FORMAT, pipeline: "subsample", sources: 2 });
    expect(back.steps.map((s) => s.step)).toEqual([0, 1, 2]);
    for (const [i, out] of written.entries()) {
      const got = back.steps[i];
      expect(got.attrs).toEqual(out.attrs);
      expect(Object.keys(got.datasets).sort()).toEqual(out.datasets.map((d) => d.name).sort());
      for (const d of out.datasets) {
        // Columns come back in field order, with the C types' widths.
        expect(Object.keys(got.datasets[d.name])).toEqual(d.layout.fields.map((f) => f.name));
        expectColumns(got.datasets[d.name], d);
      }
      expect(got.datasets.records.id).toBeInstanceOf(BigInt64Array);
      expect(got.datasets.records.id[999]).toBe(particleId(1, out.step, 499));
      expect(got.datasets.histogram.bins).toHaveLength(2 * 64);
    }
    expect(Object.is(back.steps[0].datasets.records.y[0], -0)).toBe(true);
    expect(back.steps[1].datasets.unprocessed.energy).toHaveLength(0);
  });

  it("keeps fields without a column as raw record bytes, and flattens nested structs on request", async () => {
    const structs = structsOf(
      `enum color { RED, GREEN = 7 };
       struct pt { double x; float w; };
       struct odd { int a; struct pt p; unsigned u : 3; int s : 5; char name[6]; float m[2][3];
                    struct pt pts[2]; long double ld; enum color c; _Bool ok; unsigned char uc; short sh;
                    unsigned long long ull; double *ptr; };
       struct odd one;`,
      "odd.c",
    );
    const odd = structs.find((s) => s.name === "struct odd")!;
    const { uncovered } = planColumns(odd);
    expect(uncovered.join("; ")).toMatch(/'p' of type 'struct pt'.*bit-field 'u'.*bit-field 's'.*'pts' of type 'struct pt \[2\]'/);

    const count = 9;
    const bytes = new Uint8Array(count * odd.size);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 17) & 0xff; // every byte distinct-ish, odd NaNs included
    const flat = flattenLayout(odd, structs);
    expect(flat.fields.map((f) => f.name)).toEqual(expect.arrayContaining(["p.x", "p.w", "pts[0].x", "pts[1].w"]));
    expect(flat.fields.find((f) => f.name === "pts[1].w")!.offset).toBe(odd.fields.find((f) => f.name === "pts")!.offset + 16 + 8);

    const path = join(dir, "odd.h5");
    const sink = await Hdf5Sink.open(path);
    await sink.write({
      step: 7,
      attrs: {},
      datasets: [
        { name: "records", layout: odd, bytes, count },
        { name: "flat", layout: flat, bytes, count },
      ],
    });
    await sink.close();
    const got = (await readHdf5(path)).steps[0];
    expect(got.step).toBe(7);
    const d = { name: "records", layout: odd, bytes, count };
    expect(Array.from(got.datasets.records.raw)).toEqual(Array.from(bytes));
    const plain = (f: ManifestField) => f.type.replace(/\s*\[.*$/, "") in readers && f.bitWidth === undefined;
    expectColumns(got.datasets.records, d, odd.fields.filter(plain));
    // Flattened: the nested members have columns; the bit-fields still need raw.
    expectColumns(got.datasets.flat, { ...d, layout: flat }, flat.fields.filter(plain));
    expect(got.datasets.flat.raw).toHaveLength(bytes.length);
    // long double: the value's 8 bytes; a pointer: its 8 stored bytes.
    const ld = odd.fields.find((f) => f.name === "ld")!;
    expect(bytesOf(got.datasets.records.ld)).toEqual(expectedBytes(bytes, count, odd.size, { ...ld, size: 8 }));
    const ptr = odd.fields.find((f) => f.name === "ptr")!;
    expect(bytesOf(got.datasets.records.ptr)).toEqual(expectedBytes(bytes, count, odd.size, ptr));
  });

  it("reports an unwritable or unreadable path as an Error naming it", async () => {
    const missingDir = join(dir, "no-such-dir", "out.h5");
    await expect(Hdf5Sink.open(missingDir)).rejects.toThrow(`HDF5 file '${missingDir}': cannot create it: ENOENT`);
    const notADir = join(dir, "plain-file");
    writeFileSync(notADir, "");
    await expect(Hdf5Sink.open(join(notADir, "out.h5"))).rejects.toThrow(`'${join(notADir, "out.h5")}': cannot create it: ENOTDIR`);
    await expect(readHdf5(join(dir, "absent.h5"))).rejects.toThrow(`HDF5 file '${join(dir, "absent.h5")}': cannot read it`);
    // A file that is not HDF5: HDF5's own error, still naming the file.
    await expect(readHdf5(notADir)).rejects.toThrow(`HDF5 file '${notADir}': cannot open it`);
  });

  it("refuses a step written twice, a short buffer and a write after close", async () => {
    const path = join(dir, "misuse.h5");
    const sink = await Hdf5Sink.open(path);
    await sink.write(step(0, 2));
    expect(() => sink.write(step(0, 2))).toThrow(`HDF5 file '${path}': step 0 is already written`);
    const short = step(1, 2);
    short.datasets[0].count = 5;
    expect(() => sink.write(short)).toThrow(/dataset 'records': 5 records of 64 bytes need 320 bytes, got 256/);
    await sink.close();
    expect(() => sink.write(step(3, 2))).toThrow(`HDF5 file '${path}': step 3 written after close`);
    expect((await readHdf5(path)).steps.map((s) => s.step)).toEqual([0]);
  });
});

const h5dump = spawnSync("h5dump", ["--version"], { encoding: "utf8" });
const noH5dump = h5dump.error ? `h5dump not found (${h5dump.error.message}); install it with: apt-get install -y hdf5-tools` : "";

describe("h5dump (HDF5's own tools) reads the file", () => {
  const dump = (...args: string[]) => {
    const r = spawnSync("h5dump", args, { encoding: "utf8", maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`h5dump ${args.join(" ")} failed: ${r.stderr}`);
    return r.stdout;
  };
  /** The numbers of an `h5dump -d` listing, without the `(i,j):` positions. */
  const values = (text: string) =>
    /DATA \{([^}]*)\}/.exec(text)![1].replace(/\(\d+(,\d+)*\):/g, " ").split(/[\s,]+/).filter((t) => t !== "");

  it.skipIf(noH5dump !== "")(noH5dump ? `SKIPPED: ${noH5dump}` : "while the run writes and after it closes", async () => {
    const path = join(dir, "dumped.h5");
    const out = [step(0, 50), step(1, 50)];
    const sink = await Hdf5Sink.open(path, { pipeline: "subsample" });
    await sink.write(out[0]);

    // The run is still going: the flushed step is there.
    const during = dump("-A", path);
    expect(during).toContain('GROUP "step_000000"');
    expect(during).not.toContain('GROUP "step_000001"');
    expect(during).toMatch(/ATTRIBUTE "pipeline" \{[^}]*\}\s*DATASPACE\s+SCALAR\s+DATA \{\s*\(0\): "subsample"/);

    await sink.write(out[1]);
    await sink.close();

    const header = dump("-H", path);
    for (const name of ["step_000000", "step_000001"]) expect(header).toContain(`GROUP "${name}"`);
    expect(header).toMatch(/DATASET "bins" \{\s*DATATYPE\s+H5T_STD_I64LE\s+DATASPACE\s+SIMPLE \{ \( 2, 64 \) \/ \( 2, 64 \) \}/);
    expect(header).toMatch(/DATASET "energy" \{\s*DATATYPE\s+H5T_IEEE_F64LE\s+DATASPACE\s+SIMPLE \{ \( 100 \) \/ \( 100 \) \}/);
    expect(header).toMatch(/DATASET "id" \{\s*DATATYPE\s+H5T_STD_I64LE/);

    const attrs = dump("-A", "-g", "/step_000001", path);
    expect(attrs).toMatch(/ATTRIBUTE "mu" \{\s*DATATYPE\s+H5T_IEEE_F64LE\s+DATASPACE\s+SCALAR\s+DATA \{\s*\(0\): 1.095\s/);
    expect(attrs).toMatch(/ATTRIBUTE "placement" \{[^}]*\}\s*DATASPACE\s+SCALAR\s+DATA \{\s*\(0\): "energy_histogram@staging"/);
    expect(attrs).toMatch(/ATTRIBUTE "struct" \{[^}]*\}\s*DATASPACE\s+SCALAR\s+DATA \{\s*\(0\): "struct histogram"/);

    // Values, printed with enough digits to round-trip, against the records themselves.
    const records = out[1].datasets[0];
    const energy = values(dump("-m", "%.17g", "-d", "/step_000001/records/energy", path)).map(Number);
    expect(energy).toEqual(expectedValues(records.bytes, records.count, 64, particle.fields[6]));
    const ids = values(dump("-d", "/step_000001/records/id", path)).map(BigInt);
    expect(ids).toEqual(expectedValues(records.bytes, records.count, 64, particle.fields[7]));
    const hist = out[1].datasets[1];
    const bins = values(dump("-d", "/step_000001/histogram/bins", path)).map(BigInt);
    expect(bins).toEqual(expectedValues(hist.bytes, hist.count, histogram.size, histogram.fields[3]));
    expect(bins[0]).toBe(-(1n << 62n) + 1n);
  });
});

describe("MemorySink", () => {
  it("keeps copies, so the caller may reuse its buffers at once", () => {
    const sink = new MemorySink();
    const out = step(2, 3);
    sink.write(out);
    const kept = out.datasets.map((d) => d.bytes.slice());
    for (const d of out.datasets) d.bytes.fill(0xee);
    out.attrs.mu = -1;
    expect(sink.steps).toHaveLength(1);
    expect(sink.steps[0].datasets.map((d) => d.bytes)).toEqual(kept);
    expect(sink.steps[0].attrs.mu).toBe(0.97 + 2 / 8);
    expect(sink.bytesStored).toBe(recordBytes(out));
    sink.close();
    expect(() => sink.write(step(3, 1))).toThrow(/closed/);
  });
});

describe("write throughput", () => {
  it("10 steps of 100k particles (figure printed, never fails on time)", async () => {
    const path = join(dir, "throughput.h5");
    const steps = Array.from({ length: 10 }, (_, s) => particles(0, s, 100_000, 3));
    const sink = await Hdf5Sink.open(path, { pipeline: "throughput" });
    const started = performance.now();
    for (const [s, bytes] of steps.entries()) await sink.write({ step: s, attrs: { source: 0 }, datasets: [{ name: "records", layout: particle, bytes, count: 100_000 }] });
    await sink.close();
    const seconds = (performance.now() - started) / 1000;
    const mb = sink.bytesStored / 1e6;
    console.log(`HDF5 write: ${mb.toFixed(1)} MB of records in ${seconds.toFixed(2)} s = ${(mb / seconds).toFixed(0)} MB/s (10 steps x 100k particles, columnar, flushed each step)`);
    expect(sink.bytesStored).toBe(10 * 100_000 * 64);
    expect(statSync(path).size).toBeGreaterThan(sink.bytesStored);
    const back = await readHdf5(path);
    expect(back.steps[9].datasets.records.id[99_999]).toBe(particleId(0, 9, 99_999));
  }, 60_000);
});
