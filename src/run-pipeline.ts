// `enstage run PIPELINE.json`: an EnStage operation end to end, in one process.
// In: a pipeline file (src/pipeline.ts). Out: on stdout, the global values, each source's local
// values, the bytes written by the simulation, moved to staging and stored, where each step ran,
// and the first output records decoded by the manifest's layouts; an exit status (0, or 1 for a
// bad pipeline or fragment file, with every problem named).
// The sources are the built-in synthetic particle simulation (runtime/synthetic.ts); SmartTap
// and CStager as separate runtimes come with the runtime issues.

import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { compileProgram } from "./compile.js";
import { formatDiagnostic } from "./diagnostics.js";
import { parsePipeline } from "./pipeline.js";
import { specialize } from "./specialize.js";
import type { Manifest, ManifestStruct } from "../runtime/abi.js";
import { runOperation } from "../runtime/operation.js";
import type { GlobalValue } from "../runtime/phases.js";
import { particles } from "../runtime/synthetic.js";

export function runPipeline(path: string, out: (line: string) => void, err: (line: string) => void): number {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    err(`enstage: run: cannot read '${path}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 2;
  }
  const { pipeline, problems } = parsePipeline(text, path);
  if (!pipeline) {
    for (const p of problems) err(`${path}: ${p}`);
    return 1;
  }
  let source: string;
  try {
    source = readFileSync(pipeline.fragments, "utf8");
  } catch (e) {
    err(`${path}: fragments: cannot read '${pipeline.fragments}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 1;
  }
  const name = basename(pipeline.fragments);
  // Fuel is on: source-side steps run with a budget per call (runtime/operation.ts).
  const compiled = compileProgram(source, name, { fuel: true });
  for (const d of compiled.diagnostics) err(formatDiagnostic(d, compiled.sources.get(d.span.file)));
  if (compiled.hasErrors || !compiled.binary || !compiled.manifest) return 1;
  const manifest = compiled.manifest;
  for (const s of pipeline.steps) {
    if (!manifest.fragments.some((f) => f.name === s.fragment)) {
      err(`${path}: steps: '${s.fragment}' is not a fragment of ${name} (it has ${manifest.fragments.map((f) => f.name).join(", ") || "none"})`);
      return 1;
    }
  }
  const { ranks, particles: count, seed } = pipeline.simulation;
  const sources = Array.from({ length: ranks }, (_, rank) => particles(rank, 0, count, seed));
  const started = performance.now();
  let result;
  try {
    result = runOperation(compiled.binary, manifest, sources, pipeline.steps, specialize, pipeline.params);
  } catch (e) {
    err(`enstage: run: ${(e as Error).message}`);
    return 1;
  }
  const ms = performance.now() - started;
  out(`${name}: ${ranks} sources x ${count} particles (seed ${seed}), ${ms.toFixed(0)} ms`);
  const fmt = (v: Record<string, GlobalValue>) =>
    Object.entries(v)
      .map(([k, x]) => `${k} = ${typeof x === "number" ? x.toPrecision(6) : Array.isArray(x) ? `[${x.slice(0, 16).join(" ")}${x.length > 16 ? " …" : ""}]` : x}`)
      .join(", ");
  if (Object.keys(result.globals).length > 0) {
    out(`  global tags    ${fmt(result.globals)}`);
    result.locals.forEach((l, i) => out(`  source ${i} tags  ${fmt(l)}`));
  }
  out(`  steps          ${pipeline.steps.map((s) => `${s.fragment} at ${s.at}`).join(", ") || "none (data unchanged)"}`);
  const pct = (n: number) => `${((100 * n) / result.bytesWritten).toFixed(2)}%`;
  out(`  bytes          written ${result.bytesWritten}, moved to staging ${result.bytesMoved} (${pct(result.bytesMoved)}), stored ${result.bytesStored} (${pct(result.bytesStored)})`);
  const last = pipeline.steps.at(-1);
  const fragment = last && manifest.fragments.find((f) => f.name === last.fragment);
  const type = fragment ? (fragment.kind === "transform" ? fragment.output : fragment.input) : `struct ${manifest.phases?.record ?? "particle"}`;
  const layout = manifest.structs.find((s) => s.name === type);
  if (layout) {
    const records = result.outputs.reduce((n, b) => n + b.byteLength, 0) / layout.size;
    out(`  output         ${records} ${type} record${records === 1 ? "" : "s"}${records > 3 ? ", the first 3:" : ":"}`);
    let shown = 0;
    for (const buf of result.outputs) {
      for (let at = 0; at < buf.byteLength && shown < 3; at += layout.size, shown++) out(`    ${formatRecord(layout, buf, at, manifest)}`);
    }
  }
  return 0;
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
