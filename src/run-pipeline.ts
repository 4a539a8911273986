// `enstage run PIPELINE.json`: an EnStage operation end to end on the embedded default.
// In: a pipeline file (src/pipeline.ts) and the command line's overrides. Out: the pipeline run
// on the built-in synthetic simulation, its ranks as worker threads each writing through a
// SmartTap, a CStager on this thread (runtime/local-engine.ts), each step stored as a group of
// an HDF5 file; on stdout, per operation: the global values, the bytes written by the
// simulation, moved to staging and stored, the time the simulation spent inside `write` as a
// share of its step time, where each fragment ran, faults, and the first output records; a
// progress bar on stderr while it runs (on a terminal). Exit status 0, or 1 for a bad pipeline,
// a fragment file that does not compile, or a run that failed (every problem named).

import { mkdirSync, readFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { compileProgram } from "./compile.js";
import { formatDiagnostic } from "./diagnostics.js";
import { parsePipeline, type Pipeline } from "./pipeline.js";
import { specialize } from "./specialize.js";
import type { Manifest, ManifestStruct } from "../runtime/abi.js";
import type { StagerReport, StepReport } from "../runtime/cstager.js";
import type { OutputSink, StepOutput } from "../runtime/hdf5.js";
import { runLocal } from "../runtime/local-engine.js";
import type { GlobalValue } from "../runtime/phases.js";
import { formatFault } from "../runtime/sandbox.js";

export interface RunOverrides {
  /** An HDF5 file instead of the pipeline's; `null`: store nothing (count only). */
  output?: string | null;
  /** Show the progress bar (default: when stderr is a terminal). */
  progress?: boolean;
}

/**
 * Passes each step on to the real sink (or, with none, only counts what would be stored) and
 * keeps the first records of the last step, to show.
 */
class ShowingSink implements OutputSink {
  private counted = 0;
  last?: StepOutput;
  constructor(private readonly inner?: OutputSink) {}
  get bytesStored(): number {
    return this.inner ? this.inner.bytesStored : this.counted;
  }
  async write(out: StepOutput): Promise<void> {
    this.last = { ...out, datasets: out.datasets.map((d) => ({ ...d, bytes: d.bytes.slice(0, 3 * d.layout.size) })) };
    if (this.inner) await this.inner.write(out);
    else for (const d of out.datasets) this.counted += d.bytes.byteLength;
  }
  async close(): Promise<void> {
    await this.inner?.close();
  }
}

/** Reads and validates a pipeline file, naming every problem on `err`; else an exit status (2: unreadable, 1: invalid). */
export function loadPipeline(path: string, err: (line: string) => void, command: string): Pipeline | number {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    err(`enstage: ${command}: cannot read '${path}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 2;
  }
  const { pipeline, problems } = parsePipeline(text, path);
  for (const p of problems) err(`${path}: ${p}`);
  return pipeline ?? 1;
}

/**
 * Compiles a fragment file with fuel, so that no fragment can hang a rank or a stager
 * (runtime/sandbox.ts); diagnostics on `err`, a read error after `what` (who wanted the file).
 */
export function compileFragments(file: string, err: (line: string) => void, what: string): { binary: Uint8Array; manifest: Manifest } | undefined {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (e) {
    err(`${what}: cannot read '${file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return undefined;
  }
  const compiled = compileProgram(source, basename(file), { fuel: true });
  for (const d of compiled.diagnostics) err(formatDiagnostic(d, compiled.sources.get(d.span.file)));
  if (compiled.hasErrors || !compiled.binary || !compiled.manifest) return undefined;
  return { binary: compiled.binary, manifest: compiled.manifest };
}

/** A pipeline file and its compiled fragments, each step checked to name one of them; else an exit status. */
export function preparePipeline(path: string, err: (line: string) => void, command: string): { pipeline: Pipeline; binary: Uint8Array; manifest: Manifest } | number {
  const pipeline = loadPipeline(path, err, command);
  if (typeof pipeline === "number") return pipeline;
  const module = compileFragments(pipeline.fragments, err, `${path}: fragments`);
  if (!module) return 1;
  const name = basename(pipeline.fragments);
  for (const s of pipeline.steps) {
    if (!module.manifest.fragments.some((f) => f.name === s.fragment)) {
      err(`${path}: steps: '${s.fragment}' is not a fragment of ${name} (it has ${module.manifest.fragments.map((f) => f.name).join(", ") || "none"})`);
      return 1;
    }
  }
  return { pipeline, ...module };
}

export async function runPipeline(path: string, out: (line: string) => void, err: (line: string) => void, overrides: RunOverrides = {}): Promise<number> {
  const prepared = preparePipeline(path, err, "run");
  if (typeof prepared === "number") return prepared;
  const { pipeline, manifest } = prepared;
  const name = basename(pipeline.fragments);
  const outputPath = overrides.output === undefined ? (pipeline.output ?? `out/${basename(path).replace(/\.json$/, "")}.h5`) : overrides.output;
  let inner: OutputSink | undefined;
  if (outputPath !== null) {
    try {
      mkdirSync(dirname(outputPath), { recursive: true });
      const { Hdf5Sink } = await import("../runtime/hdf5.js");
      inner = await Hdf5Sink.open(outputPath, { pipeline: basename(path), fragments: name, module: manifest.hash });
    } catch (e) {
      err(`enstage: run: cannot write '${outputPath}': ${(e as Error).message}`);
      return 1;
    }
  }
  const sink = new ShowingSink(inner);
  const { simulation: sim, runtime } = pipeline;
  const progress = overrides.progress ?? process.stderr.isTTY === true;
  const bar = progressBar(sim.steps, progress);
  const faults: string[] = [];
  const started = performance.now();
  let report: StagerReport;
  try {
    report = await runLocal({
      binary: prepared.binary, manifest, steps: pipeline.steps, params: pipeline.params, specialize, sink,
      maxPulls: runtime.pulls, policy: runtime.policy, timeoutMs: runtime.timeoutMs, placements: pipeline.placements, name,
      simulation: { ranks: sim.ranks, steps: sim.steps, particles: sim.particles, seed: sim.seed, work: sim.work, slots: runtime.slots },
      threads: runtime.threads,
      onStep: (r) => bar.update(r),
      onFault: (f) => {
        if (faults.length < 20) faults.push(formatFault(f));
      },
    });
  } catch (e) {
    bar.done();
    err(`enstage: run: ${basename(path)}: ${(e as Error).message}`);
    return 1;
  } finally {
    bar.done();
  }
  printReport(out, path, pipeline, manifest, report, performance.now() - started, outputPath, faults, sink.last);
  return 0;
}

function printReport(
  out: (line: string) => void, path: string, p: Pipeline, manifest: Manifest, r: StagerReport, ms: number,
  outputPath: string | null, faults: string[], shown?: StepOutput,
): void {
  const sim = p.simulation;
  const name = basename(p.fragments);
  out(`${basename(path)} (${name}): ${sim.ranks} rank${sim.ranks === 1 ? "" : "s"} x ${sim.particles} particles x ${sim.steps} step${sim.steps === 1 ? "" : "s"} (seed ${sim.seed}, ${sim.work} µs of work per particle), ${p.runtime.threads ? "ranks as worker threads" : "ranks on one thread"}, ${(ms / 1000).toFixed(2)} s`);
  const fmt = (v: Record<string, GlobalValue>) =>
    Object.entries(v)
      .map(([k, x]) => `${k} = ${typeof x === "number" ? x.toPrecision(6) : Array.isArray(x) ? `[${x.slice(0, 16).join(" ")}${x.length > 16 ? " …" : ""}]` : x}`)
      .join(", ");
  const lastStep = r.steps.at(-1);
  if (lastStep && Object.keys(lastStep.globals).length > 0) {
    out(`  global tags    ${fmt(lastStep.globals)}   (step ${lastStep.step})`);
    lastStep.locals.slice(0, 8).forEach((l, i) => out(`  source ${i} tags  ${fmt(l)}`));
    if (lastStep.locals.length > 8) out(`  ... and ${lastStep.locals.length - 8} more sources`);
  }
  out(`  where          ${where(p, r)}`);
  const pct = (n: number) => `${((100 * n) / Math.max(1, r.bytesWritten)).toFixed(2)}%`;
  out(`  bytes          written ${r.bytesWritten}, moved to staging ${r.bytesMoved} (${pct(r.bytesMoved)}), stored ${r.bytesStored} (${pct(r.bytesStored)})`);
  const writeMs = r.sources.reduce((n, s) => n + s.writeMs, 0);
  const runMs = r.sources.reduce((n, s) => n + s.runMs, 0);
  const stepMs = r.sources.reduce((n, s) => n + s.stepMs, 0);
  const share = (x: number) => `${((100 * x) / Math.max(stepMs, 1e-9)).toFixed(2)}%`;
  const blockedMs = r.sources.reduce((n, s) => n + s.blockedMs, 0);
  out(`  write time     ${share(writeMs)} of the simulation's step time inside write (${writeMs.toFixed(1)} of ${stepMs.toFixed(0)} ms over all ranks${blockedMs > 0.05 ? `; ${share(blockedMs)} waiting for a free buffer` : ""}); fragments run at the sources: ${share(runMs)} more`);
  out(`  faults         ${r.faults.length === 0 ? "none" : `${r.faults.length}:`}`);
  for (const f of faults) out(`    ${f}`);
  if (r.refused.length > 0) for (const x of r.refused) out(`    ${x}`);
  const recordsLine = lastStep ? `${lastStep.records} record${lastStep.records === 1 ? "" : "s"} in the last step` : "nothing";
  out(`  output         ${outputPath === null ? "not stored (--no-output)" : outputPath}: ${r.steps.length} step group${r.steps.length === 1 ? "" : "s"}, ${recordsLine}`);
  const records = shown?.datasets.find((d) => d.name === "records");
  if (records && records.count > 0) {
    for (let at = 0, i = 0; at < records.bytes.byteLength && i < 3; at += records.layout.size, i++) out(`    ${formatRecord(records.layout, records.bytes, at, manifest)}`);
  }
}

/** "bbox at source (steps 2-3), at staging (steps 0-1)" per fragment. */
function where(p: Pipeline, r: StagerReport): string {
  if (p.steps.length === 0) return "no fragments (data stored as written)";
  return p.steps
    .map((s, i) => {
      const runs: { at: string; from: number; to: number }[] = [];
      for (const st of r.steps) {
        const at = st.placement[i]?.quarantined ? "quarantine" : (st.placement[i]?.at ?? s.at);
        const lastRun = runs.at(-1);
        if (lastRun && lastRun.at === at && lastRun.to === st.step - 1) lastRun.to = st.step;
        else runs.push({ at, from: st.step, to: st.step });
      }
      const span = (x: { from: number; to: number }) => (x.from === x.to ? `step ${x.from}` : `steps ${x.from}-${x.to}`);
      const place = (at: string) => (at === "quarantine" ? "quarantined, not run" : `at ${at}`);
      return runs.length === 1 ? `${s.fragment} ${place(runs[0].at)}` : `${s.fragment} ${runs.map((x) => `${place(x.at)} (${span(x)})`).join(", ")}`;
    })
    .join("; ");
}

/** A one-line bar on stderr, redrawn per finished step; nothing when `on` is false. */
function progressBar(steps: number, on: boolean) {
  let bytes = 0;
  let shown = false;
  return {
    update(r: StepReport): void {
      bytes += r.bytesWritten;
      if (!on) return;
      const done = r.step + 1;
      const width = 30;
      const full = Math.round((width * done) / steps);
      process.stderr.write(`\r  [${"#".repeat(full)}${".".repeat(width - full)}] step ${done}/${steps}, ${(bytes / 1e6).toFixed(1)} MB written`);
      shown = true;
    },
    done(): void {
      if (shown) process.stderr.write("\n");
      shown = false;
    },
  };
}

/** A record as `{ field: value, ... }`, decoded with the manifest's layout. */
export function formatRecord(layout: ManifestStruct, bytes: Uint8Array, at: number, manifest: Manifest): string {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const scalar = (type: string, off: number): string => {
    switch (type) {
      case "double":
        return dv.getFloat64(off, true).toPrecision(6);
      case "float":
        return dv.getFloat32(off, true).toPrecision(6);
      case "long":
      case "long long":
        return dv.getBigInt64(off, true).toString();
      case "unsigned long":
      case "unsigned long long":
        return dv.getBigUint64(off, true).toString();
      case "int":
        return String(dv.getInt32(off, true));
      case "unsigned int":
        return String(dv.getUint32(off, true));
      case "short":
        return String(dv.getInt16(off, true));
      case "char":
        return String(dv.getInt8(off));
      default:
        return "…";
    }
  };
  const parts = layout.fields.map((f) => {
    const arr = /^(.*) \[(\d+)\]$/.exec(f.type);
    if (arr) {
      const n = Number(arr[2]);
      const size = f.size / n;
      const items = Array.from({ length: Math.min(n, 16) }, (_, i) => scalar(arr[1], at + f.offset + i * size));
      return `${f.name}: [${items.join(" ")}${n > 16 ? " …" : ""}]`;
    }
    const inner = manifest.structs.find((s) => s.name === f.type);
    return `${f.name}: ${inner ? formatRecord(inner, bytes, at + f.offset, manifest) : scalar(f.type, at + f.offset)}`;
  });
  return `{ ${parts.join(", ")} }`;
}
