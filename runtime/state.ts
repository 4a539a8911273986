// Fragment state and its movement between hosts (notes/fragments.md, "State").
// In: an instance of a compiled module and its manifest (runtime/abi.ts), whose `state` lists
// every file-scope variable and static local with its address, size and layout. Out:
// `extractState`, the portable bytes of that state, and `installState`, which writes such bytes
// into another instance: of the same module, or of another one (a new version, a specialized
// or fuel-instrumented build) whose state has the same layout; otherwise it refuses, naming the
// first variable that differs.
//
// The bytes: a header, then each variable's bytes as they are in linear memory (wasm memory is
// little-endian, so they are portable as they are).
//   "ENST"  u32 format version  32 bytes: the module hash  u32 n  n bytes: the layout, JSON
//   [{ name, size, layout }] in the order of the bytes that follow  then the variables' bytes.
// The layout travels with the bytes so that a receiver with another module can decide alone.
// Pointers in state are moved as they are: they mean the same only in the same module.
//
// Imports nothing from the compiler: the runtimes bundle this file.

import { MEMORY_EXPORT, type Manifest } from "./abi.js";

const MAGIC = [0x45, 0x4e, 0x53, 0x54]; // "ENST"
const FORMAT_VERSION = 1;
const HEADER = 4 + 4 + 32 + 4;

/** Bytes that cannot be installed here: another layout, or not state bytes at all. */
export class StateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StateError";
  }
}

interface StateEntry {
  name: string;
  size: number;
  layout: string;
}

/** Anything with the module's exports: an instance, or what a host wraps it in. */
export type HasExports = { exports: WebAssembly.Exports };

function memoryOf(instance: HasExports): WebAssembly.Memory {
  const memory = instance.exports[MEMORY_EXPORT];
  if (!(memory instanceof WebAssembly.Memory)) throw new StateError("the instance exports no memory");
  return memory;
}

/** The instance's state as portable bytes (header, layout, then each variable's bytes). */
export function extractState(instance: HasExports, manifest: Manifest): Uint8Array {
  const memory = new Uint8Array(memoryOf(instance).buffer);
  const vars = manifest.state ?? [];
  const layout = new TextEncoder().encode(JSON.stringify(vars.map((v): StateEntry => ({ name: v.name, size: v.size, layout: v.layout }))));
  const total = vars.reduce((n, v) => n + v.size, 0);
  const out = new Uint8Array(HEADER + layout.length + total);
  const dv = new DataView(out.buffer);
  out.set(MAGIC, 0);
  dv.setUint32(4, FORMAT_VERSION, true);
  out.set(hashBytes(manifest.hash), 8);
  dv.setUint32(40, layout.length, true);
  out.set(layout, HEADER);
  let at = HEADER + layout.length;
  for (const v of vars) {
    out.set(memory.subarray(v.address, v.address + v.size), at);
    at += v.size;
  }
  return out;
}

/**
 * Writes state bytes from `extractState` into an instance. Bytes from the same module install
 * as they are; from another module only if its state has the same variables with the same
 * sizes and layouts (matched by name), else a StateError names the first difference.
 */
export function installState(instance: HasExports, manifest: Manifest, bytes: Uint8Array): void {
  const { hash, entries, data } = readState(bytes);
  const from = hash === manifest.hash ? "" : ` (the state comes from module ${hash.slice(0, 12)}, this is ${manifest.hash.slice(0, 12)})`;
  const here = new Map((manifest.state ?? []).map((v) => [v.name, v]));
  const there = new Set(entries.map((e) => e.name));
  for (const e of entries) {
    const v = here.get(e.name);
    if (!v) throw new StateError(`state variable '${e.name}' does not exist in this module${from}`);
    if (v.size !== e.size) throw new StateError(`state variable '${e.name}' is ${v.size} bytes here and ${e.size} in the state${from}`);
    if (v.layout !== e.layout) throw new StateError(`state variable '${e.name}' has layout ${v.layout} here and ${e.layout} in the state${from}`);
  }
  for (const v of manifest.state ?? []) {
    if (!there.has(v.name)) throw new StateError(`state variable '${v.name}' is missing from the state${from}`);
  }
  const memory = new Uint8Array(memoryOf(instance).buffer);
  let at = 0;
  for (const e of entries) {
    const v = here.get(e.name)!;
    if (v.address + v.size > memory.length) throw new StateError(`state variable '${e.name}' lies outside the instance's memory`);
    memory.set(data.subarray(at, at + e.size), v.address);
    at += e.size;
  }
}

/** The parts of state bytes, checked for shape. */
function readState(bytes: Uint8Array): { hash: string; entries: StateEntry[]; data: Uint8Array } {
  const notState = (why: string) => new StateError(`these bytes are not enstage state: ${why}`);
  if (bytes.length < HEADER || MAGIC.some((b, i) => bytes[i] !== b)) throw notState("no ENST header");
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint32(4, true);
  if (version !== FORMAT_VERSION) throw notState(`format version ${version}, expected ${FORMAT_VERSION}`);
  const hash = Array.from(bytes.subarray(8, 40), (b) => b.toString(16).padStart(2, "0")).join("");
  const n = dv.getUint32(40, true);
  if (HEADER + n > bytes.length) throw notState("truncated layout");
  let entries: StateEntry[];
  try {
    entries = JSON.parse(new TextDecoder().decode(bytes.subarray(HEADER, HEADER + n)));
  } catch {
    throw notState("unreadable layout");
  }
  const ok = Array.isArray(entries) && entries.every((e) => typeof e?.name === "string" && Number.isInteger(e?.size) && e.size >= 0 && typeof e?.layout === "string");
  if (!ok) throw notState("unreadable layout");
  const data = bytes.subarray(HEADER + n);
  const total = entries.reduce((s, e) => s + e.size, 0);
  if (data.length !== total) throw notState(`${data.length} bytes of values where the layout says ${total}`);
  return { hash, entries, data };
}

function hashBytes(hex: string): Uint8Array {
  const out = new Uint8Array(32);
  if (/^[0-9a-f]{64}$/i.test(hex)) for (let i = 0; i < 32; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}
