// The global phase of a two-phase operation (spec §8.4), as a host plays it.
// In: a compiled module with a phase graph in its manifest, and the sources' record buffers.
// Out: each source's partial state (`localPhase`), and at staging the merged partial and the
// finalized global values, by param name (`globalPhase`), ready to specialize the dependent
// fragments with. No compiler imports: this runs where only compiled modules are.
//
// Partials are merged in source-id order whatever order they arrived in, so the values are the
// same bits on every run (floating-point merging is not associative).

import type { Manifest, PhaseGraph } from "./abi.js";
import { loadModule } from "./fragments.js";

export class PhaseError extends Error {}

export interface Partial {
  /** The source's id: merges happen in increasing id order. */
  source: number;
  bytes: Uint8Array;
}

interface PhaseInstance {
  instance: WebAssembly.Instance;
  memory: WebAssembly.Memory;
  graph: PhaseGraph;
  partialSize: number;
  heapBase: number;
  /** The first byte after what the host keeps in the heap (a pool, `reservePool`): scratch goes there. */
  free: number;
}

/**
 * An instance for running phase functions. The phase functions read no param, so the generic
 * module's param imports are bound to zero here.
 */
export function instantiateForPhases(binary: Uint8Array, manifest: Manifest): PhaseInstance {
  const graph = manifest.phases;
  if (!graph) throw new PhaseError("the module has no global params: its manifest has no phase graph");
  const partial = manifest.structs.find((s) => s.name === `struct ${graph.partial}`);
  if (!partial) throw new PhaseError(`the manifest does not describe struct ${graph.partial}`);
  const zeros = Object.fromEntries(manifest.params.map((p) => [p.name, p.wasm === "i64" ? 0n : 0]));
  const { instance, memory } = loadModule(binary, manifest, { params: zeros });
  const heapBase = manifest.memory.heapBase;
  return { instance, memory, graph, partialSize: partial.size, heapBase, free: heapBase };
}

/** Room for `bytes` of scratch at the start of the free heap (the phase functions allocate nothing themselves). */
function reserve(p: PhaseInstance, bytes: number): number {
  const need = p.free + bytes;
  const have = p.memory.buffer.byteLength;
  if (need > have) p.memory.grow(Math.ceil((need - have) / 65536));
  return p.free;
}

const align16 = (n: number) => Math.ceil(n / 16) * 16;

/**
 * Room for `count` buffers of `bytes` each in the instance's memory, for the host to keep
 * there for good: their offsets (16-aligned), or undefined when the memory cannot grow that far
 * (its maximum). Records written there go to the local phase without a copy (`localPhaseAt`).
 * The memory grows once, here, so views of it stay valid while only the local phase runs.
 */
export function reservePool(p: PhaseInstance, count: number, bytes: number): number[] | undefined {
  const base = align16(p.free);
  const stride = align16(bytes);
  const end = base + count * stride;
  // Scratch for the local phase's partial state stays after the pool.
  const need = end + align16(p.partialSize) + 16;
  const have = p.memory.buffer.byteLength;
  if (need > have) {
    try {
      p.memory.grow(Math.ceil((need - have) / 65536));
    } catch {
      return undefined;
    }
  }
  p.free = end;
  return Array.from({ length: count }, (_, i) => base + i * stride);
}

function call(p: PhaseInstance, name: string, ...args: (number | bigint)[]): void {
  const f = p.instance.exports[name];
  if (typeof f !== "function") throw new PhaseError(`the module does not export ${name}`);
  (f as (...a: (number | bigint)[]) => unknown)(...args);
}

/** The local phase at one source: its records in, its partial state out. */
export function localPhase(p: PhaseInstance, records: Uint8Array): Uint8Array {
  const n = recordCount(p, records.byteLength);
  const base = reserve(p, records.byteLength + p.partialSize + 16);
  new Uint8Array(p.memory.buffer).set(records, base);
  return runLocal(p, base, n, base + align16(records.byteLength));
}

/** The local phase over `bytes` bytes of records already in the instance's memory at `at` (in a pool, `reservePool`). */
export function localPhaseAt(p: PhaseInstance, at: number, bytes: number): Uint8Array {
  if (at < p.heapBase || at + bytes > p.free) throw new PhaseError(`bytes ${at}..${at + bytes} are not in memory a pool reserved`);
  return runLocal(p, at, recordCount(p, bytes), reserve(p, p.partialSize + 16));
}

function recordCount(p: PhaseInstance, bytes: number): number {
  const size = p.graph.recordSize;
  if (bytes % size !== 0) throw new PhaseError(`a buffer of ${bytes} bytes is not a whole number of ${size}-byte ${p.graph.record} records`);
  return bytes / size;
}

function runLocal(p: PhaseInstance, at: number, n: number, out: number): Uint8Array {
  call(p, p.graph.local, at, BigInt(n), out);
  return new Uint8Array(p.memory.buffer).slice(out, out + p.partialSize);
}

/**
 * At staging: merges the partials in source-id order and finalizes. Returns the global
 * values by param name (a `bigint` for 64-bit integer params) and the merged partial.
 */
export type GlobalValue = number | bigint | bigint[];

export function globalPhase(p: PhaseInstance, partials: Partial[]): { values: Record<string, GlobalValue>; merged: Uint8Array } {
  const ordered = [...partials].sort((a, b) => a.source - b.source);
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i].source === ordered[i - 1].source) throw new PhaseError(`two partial states from source ${ordered[i].source}`);
  }
  for (const q of ordered) {
    if (q.bytes.byteLength !== p.partialSize) {
      throw new PhaseError(`the partial state of source ${q.source} has ${q.bytes.byteLength} bytes, not ${p.partialSize}`);
    }
  }
  const k = p.graph.globals.reduce((n, g) => n + (g.length ?? 1), 0);
  const base = reserve(p, 2 * p.partialSize + 8 * k + 32);
  const acc = base;
  const next = base + Math.ceil(p.partialSize / 16) * 16;
  const out = next + Math.ceil(p.partialSize / 16) * 16;
  const mem = () => new Uint8Array(p.memory.buffer);
  mem().fill(0, acc, acc + p.partialSize); // count 0: the merge's identity
  for (const q of ordered) {
    mem().set(q.bytes, next);
    call(p, p.graph.merge, acc, next);
  }
  call(p, p.graph.finalize, acc, out);
  const dv = new DataView(p.memory.buffer);
  const values: Record<string, GlobalValue> = {};
  let at = out;
  for (const g of p.graph.globals) {
    if (g.length !== undefined) {
      values[g.param] = Array.from({ length: g.length }, (_, i) => BigInt(dv.getFloat64(at + 8 * i, true)));
      at += 8 * g.length;
      continue;
    }
    const v = dv.getFloat64(at, true);
    at += 8;
    const integral = /^(unsigned )?(char|short|int|long|long long|_Bool)$/.test(g.type);
    values[g.param] = integral ? (/long/.test(g.type) ? BigInt(Math.round(v)) : Math.round(v)) : v;
  }
  return { values, merged: mem().slice(acc, acc + p.partialSize) };
}
