// An EnStage operation played in one process: K sources and the staging area, step by step.
// In: a compiled fragment module (generic: params unbound) and its manifest, each source's
// record buffer, and the operation's steps (`fragment` at `source` or `staging`, source steps
// first). Out: the global values (when the file has global params), each source's local values
// (the same aggregates over its own data: the "tags" of tagged output), the final records, and
// the bytes written by the simulation, moved to staging and stored.
// The phases are: local phase at every source; merge and finalize at staging; the module
// specialized with the global values (and any fixed params); the source steps at every source on
// its buffered data; only their results move; the staging steps over the concatenated results.
// `specialize` is passed in, not imported: it needs binaryen, which the source side never loads.

import type { Manifest } from "./abi.js";
import { globalPhase, instantiateForPhases, localPhase, type GlobalValue } from "./phases.js";
import { loadModule, runFragment, FragmentError } from "./fragments.js";

export interface Step {
  fragment: string;
  at: "source" | "staging";
  /** A per-buffer transform's output capacity in records (default: one per input record). */
  cap?: number;
}

export type Specializer = (binary: Uint8Array, manifest: Manifest, values: Record<string, number | bigint>) => { binary: Uint8Array; manifest: Manifest };

export interface OperationResult {
  /** The global values by param name (empty when the file has no global param). */
  globals: Record<string, GlobalValue>;
  /** Per source, the same aggregates over its own records only. */
  locals: Record<string, GlobalValue>[];
  /** The records the last step produced (at staging: one buffer; at the sources: one per source). */
  outputs: Uint8Array[];
  bytesWritten: number;
  bytesMoved: number;
  bytesStored: number;
  /** Where each step ran. */
  placement: Step[];
}

export function runOperation(
  binary: Uint8Array,
  manifest: Manifest,
  sources: Uint8Array[],
  steps: Step[],
  specialize: Specializer,
  params: Record<string, number | bigint> = {},
): OperationResult {
  const firstStaging = steps.findIndex((s) => s.at === "staging");
  if (firstStaging >= 0 && steps.slice(firstStaging).some((s) => s.at === "source")) {
    throw new FragmentError("a source step cannot follow a staging step: data only moves toward staging");
  }
  let globals: Record<string, GlobalValue> = {};
  const locals: Record<string, GlobalValue>[] = [];
  if (manifest.phases) {
    const phase = instantiateForPhases(binary, manifest);
    const partials = sources.map((records, source) => ({ source, bytes: localPhase(phase, records) }));
    for (const p of partials) locals.push(globalPhase(phase, [p]).values);
    globals = globalPhase(phase, partials).values;
  }
  // Scalars are params, bound by specialization; histograms are arrays written at load.
  const values: Record<string, number | bigint> = { ...params };
  const arrays: Record<string, bigint[]> = {};
  for (const [name, v] of Object.entries(globals)) {
    if (Array.isArray(v)) arrays[name] = v;
    else values[name] = v;
  }
  const unbound = manifest.params.filter((p) => !p.bound && values[p.name] === undefined);
  if (unbound.length > 0) throw new FragmentError(`no value for param${unbound.length > 1 ? "s" : ""} ${unbound.map((p) => `'${p.name}'`).join(", ")}`);
  const ready = manifest.params.length > 0 ? specialize(binary, manifest, values) : { binary, manifest };

  const sourceSteps = steps.filter((s) => s.at === "source");
  const stagingSteps = steps.filter((s) => s.at === "staging");
  // At the sources: each runs its own instance on its own buffer. Inside a simulation a
  // fragment must not hang it: a module compiled with fuel gets a budget per call there.
  let moved = sources.map((records) => {
    if (sourceSteps.length === 0) return records;
    const fuel = ready.manifest.fuel ? sourceFuel(records.byteLength) : undefined;
    const fm = loadModule(ready.binary, ready.manifest, { fuel, arrays });
    let data = records;
    for (const s of sourceSteps) data = runFragment(fm, s.fragment, data, { cap: s.cap }).records;
    return data;
  });
  const bytesMoved = moved.reduce((n, b) => n + b.byteLength, 0);
  if (stagingSteps.length > 0) {
    const fm = loadModule(ready.binary, ready.manifest, { arrays });
    let data = concat(moved);
    for (const s of stagingSteps) data = runFragment(fm, s.fragment, data, { cap: s.cap }).records;
    moved = [data];
  }
  return {
    globals,
    locals,
    outputs: moved,
    bytesWritten: sources.reduce((n, b) => n + b.byteLength, 0),
    bytesMoved,
    bytesStored: moved.reduce((n, b) => n + b.byteLength, 0),
    placement: steps,
  };
}

/**
 * The fuel for one call at a source: generous for honest work (10,000 units per 64 bytes of
 * input, plus a fixed allowance), small enough that a loop that never ends stops in seconds.
 */
export function sourceFuel(inputBytes: number): bigint {
  return BigInt(Math.ceil(inputBytes / 64)) * 10_000n + 10_000_000n;
}

/** The buffers one after another (a single one is returned as it is, not copied). */
export function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, b) => n + b.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
