// Guarded loading and fault isolation: what the SmartTap and the CStager put between a module
// they were sent and the data of a running simulation.
// In: module bytes, its manifest, and the host's limits (expected hash, record layouts, memory
// pages, fuel per call, param values). Out: `loadGuarded`, which checks everything a host can
// check before any of the module's code runs and refuses with a `ModuleRefused` naming the check;
// and `runGuarded`, which runs one fragment and turns a trap, running out of fuel, or a refusal of
// the buffer into a `FragmentFault` (data, never an exception), leaving the input as it was.
// No compiler imports: a staging node without the compiler loads modules through this file.

import { createHash } from "node:crypto";
import {
  ABI_VERSION, DRIVER_PREFIX, ENSTAGE_MODULE, FUEL_GLOBAL, IMPORT_MODULE, MAX_PAGES, MEMORY_EXPORT, PAGE_SIZE, PARAMS_MODULE,
  STACK_POINTER, isHostImport, HOST_IMPORTS, queueImportSignature,
  type HostSignature, type Manifest, type WasmType,
} from "./abi.js";
import { FragmentError, loadModule, runFragment, type FragmentModule, type FragmentOutput, type LoadOptions } from "./fragments.js";
import { ProgramAbort, ProgramExit } from "./host.js";
import { concat } from "./operation.js";
import { checkRecordLayouts, type HostRecord } from "./records.js";

/** The checks of `loadGuarded`, in the order it makes them. */
export type LoadCheck = "wasm" | "hash" | "abi" | "imports" | "memory" | "records" | "params" | "instantiate";

export class ModuleRefused extends Error {
  readonly check: LoadCheck;
  constructor(check: LoadCheck, message: string) {
    super(message);
    this.name = "ModuleRefused";
    this.check = check;
  }
}

/** sha256 hex of the module bytes: a module's identity (content address). */
export function moduleHash(binary: Uint8Array): string {
  return createHash("sha256").update(binary).digest("hex");
}

export interface GuardOptions {
  /** Refuse (check "hash") when moduleHash(binary) differs. */
  expectedHash?: string;
  /** The host's record layouts: refuse (check "records") a module that expects others. */
  records?: HostRecord[];
  /** The host's memory limit in 64 KiB pages (default MAX_PAGES): refuse (check "memory") a module that may grow past it. */
  maxPages?: number;
  /** Fuel budget per call, from the input's size, for modules compiled with fuel (manifest.fuel). */
  fuel?: (inputBytes: number) => bigint;
  /** Values for the module's unbound params. */
  params?: Record<string, number | bigint>;
  /** Global histograms (spec §8.4): the values of their read-only arrays, by name. */
  arrays?: Record<string, bigint[]>;
  /** Instantiate into this memory instead of a new one (see `ReusedMemory`). */
  memory?: ReusedMemory;
}

export interface GuardedModule {
  hash: string;
  /** The instance. After a trap `runGuarded` replaces it with a fresh one (see there). */
  fragment: FragmentModule;
  /** Present when the module counts fuel and the host gave a budget. */
  fuel?: (inputBytes: number) => bigint;
}

// Bytes that passed the "wasm" check, by hash, parsed and (when loaded) compiled: a module
// loaded again and again (one whose specialization does not change, pulled at every step) is
// checked against its manifest and the options each time, but not validated, parsed and
// compiled again. Content-addressed, so other bytes never hit. A few: most recent last.
interface CheckedBytes {
  parsed: ParsedModule;
  compiled?: WebAssembly.Module;
  /** Compiled with its memory imported (`importMemory`). */
  importing?: WebAssembly.Module;
}
const checkedBytes = new Map<string, CheckedBytes>();
const CHECKED_LIMIT = 16;

function remember(hash: string, c: CheckedBytes): void {
  checkedBytes.delete(hash);
  checkedBytes.set(hash, c);
  if (checkedBytes.size > CHECKED_LIMIT) checkedBytes.delete(checkedBytes.keys().next().value!);
}

// What it takes to instantiate a guarded module again after a trap.
const recipes = new WeakMap<GuardedModule, () => FragmentModule>();

/** The import a module rewritten by `importMemory` takes its memory from: no module sent may import it. */
const REUSED_MEMORY = { module: "enstage-host", name: "memory" };

/**
 * One linear memory that the instances of a host take in turn, instead of each getting a new
 * one. A new WebAssembly.Memory has no pages behind it yet: copying a 6.4 MB buffer into it
 * takes some 1600 page faults, which cost more than compiling, instantiating and running a small
 * fragment together (a SmartTap that loads the specialized module of every step paid it at every
 * step). A module loaded with one is rewritten to import its memory (the checks are made on the
 * bytes as sent), and the memory is zeroed each time an instance takes it, so the instance starts
 * as a new one would: zeros, then its data segments. What differs is memory.size at the start:
 * the pages earlier instances grew it to stay (the libc's malloc then need not grow it); the
 * maximum is the module's own. Taking the memory wipes the previous instance's, so only the
 * instance that took it last may be used.
 */
export class ReusedMemory {
  private memory?: WebAssembly.Memory;
  private maximum = -1;

  /** The memory, zeroed, with at least `initial` pages and `maximum` as its limit. */
  take(initial: number, maximum: number): WebAssembly.Memory {
    if (!this.memory || this.maximum !== maximum) {
      this.memory = new WebAssembly.Memory({ initial, maximum });
      this.maximum = maximum;
      return this.memory;
    }
    new Uint8Array(this.memory.buffer).fill(0);
    const pages = this.memory.buffer.byteLength / PAGE_SIZE;
    if (pages < initial) this.memory.grow(initial - pages);
    return this.memory;
  }
}

/**
 * Every check in order: wasm validation (once per content: see `checkedBytes`), hash, ABI (version
 * and the exports it promises), imports (only the ABI's), memory maximum, record layouts, params,
 * then instantiation. Each failure throws ModuleRefused with the check and a message a user can
 * act on. No code of the module runs before the last check (fragment modules have no start
 * function; the abi check makes sure).
 */
export function loadGuarded(binary: Uint8Array, manifest: Manifest, options: GuardOptions = {}): GuardedModule {
  const hash = moduleHash(binary);
  let known = checkedBytes.get(hash);
  if (known) remember(hash, known);
  else {
    if (!WebAssembly.validate(binary as BufferSource)) {
      throw new ModuleRefused("wasm", `the module (${binary.byteLength} bytes) is not valid WebAssembly: it was damaged in transit or is not a compiled fragment module`);
    }
    try {
      known = { parsed: parseModule(binary) };
    } catch (e) {
      throw new ModuleRefused("wasm", `the module uses WebAssembly this host does not accept: ${(e as Error).message}`);
    }
    remember(hash, known);
  }
  const { parsed } = known;

  if (options.expectedHash !== undefined && options.expectedHash.toLowerCase() !== hash) {
    throw new ModuleRefused("hash", `the module's hash is ${short(hash)}, not the expected ${short(options.expectedHash)}: these are not the bytes that were deployed; send the module again`);
  }

  checkAbi(parsed, manifest);
  checkImports(parsed, manifest);
  checkMemory(parsed, options.maxPages ?? MAX_PAGES);

  if (options.records) {
    try {
      checkRecordLayouts(manifest, options.records);
    } catch (e) {
      throw new ModuleRefused("records", `${(e as Error).message}; recompile the fragments with the host's records (enstage compile --records)`);
    }
  }

  checkParams(manifest, options);

  // Compiled here, once per content: loadModule would validate and compile the bytes again.
  const load: LoadOptions = { params: options.params, arrays: options.arrays };
  let instantiate: () => FragmentModule;
  let fragment: FragmentModule;
  try {
    const reused = options.memory;
    if (reused) {
      const compiled = (known.importing ??= new WebAssembly.Module(importMemory(binary) as BufferSource));
      const { initial, maximum } = parsed.memories[0];
      instantiate = () => loadModule(binary, manifest, { ...load, compiled, memory: { ...REUSED_MEMORY, memory: reused.take(initial, maximum!) } });
    } else {
      const compiled = (known.compiled ??= new WebAssembly.Module(binary as BufferSource));
      instantiate = () => loadModule(binary, manifest, { ...load, compiled });
    }
    fragment = instantiate();
  } catch (e) {
    throw new ModuleRefused("instantiate", (e as Error).message);
  }
  const m: GuardedModule = { hash, fragment, ...(manifest.fuel && options.fuel ? { fuel: options.fuel } : {}) };
  recipes.set(m, instantiate);
  return m;
}

function checkAbi(parsed: ParsedModule, manifest: Manifest): void {
  const refuse = (why: string) => new ModuleRefused("abi", `${why}; recompile it with this enstage (fragment ABI ${ABI_VERSION})`);
  if (manifest.abiVersion !== ABI_VERSION) throw refuse(`the module was built for fragment ABI ${manifest.abiVersion}; this runtime speaks ${ABI_VERSION}`);
  if (parsed.hasStart) throw refuse("the module has a start function, which would run code while loading");
  const exports = new Map(parsed.exports.map((e) => [e.name, e.kind]));
  const need = (name: string, kind: ExternKind, what: string) => {
    if (exports.get(name) !== kind) throw refuse(`the module does not export ${what} '${name}' that the ABI requires`);
  };
  need(MEMORY_EXPORT, "memory", "its memory as");
  if (manifest.fuel) need(FUEL_GLOBAL, "global", "the fuel counter");
  const buffered = manifest.fragments.filter((f) => f.kind !== "aggregate");
  if (buffered.length > 0) {
    need("malloc", "function", "the function");
    need("free", "function", "the function");
  }
  for (const f of manifest.fragments) {
    if (f.perRecord && f.driver !== DRIVER_PREFIX + f.name) throw refuse(`the manifest names '${f.driver}' as the driver of '${f.name}', not '${DRIVER_PREFIX}${f.name}'`);
    need(f.driver, "function", `the driver of fragment '${f.name}',`);
  }
}

function checkImports(parsed: ParsedModule, manifest: Manifest): void {
  const unbound = new Map(manifest.params.filter((p) => !p.bound).map((p) => [p.name, p]));
  for (const imp of parsed.imports) {
    const what = `'${imp.module}.${imp.name}'`;
    const refuse = (why: string) => new ModuleRefused("imports", `the module imports ${what}, ${why}; this host provides only the ABI's imports (runtime/abi.ts)`);
    if (imp.module === IMPORT_MODULE) {
      if (!isHostImport(imp.name)) throw refuse(`which is not a host function of the fragment ABI`);
      if (imp.kind !== "function" || !sameSignature(imp.signature, HOST_IMPORTS[imp.name])) {
        throw refuse(`as ${describeImport(imp)}, but the host's is a function ${formatSignature(HOST_IMPORTS[imp.name])}`);
      }
    } else if (imp.module === PARAMS_MODULE) {
      const p = unbound.get(imp.name);
      if (!p) {
        const bound = manifest.params.some((x) => x.name === imp.name);
        throw refuse(bound ? `but the manifest says that param is bound (specialized)` : `but the manifest declares no param of that name`);
      }
      // Mutable since the host may set them between calls; immutable in modules built before.
      if (imp.kind !== "global" || imp.global?.type !== p.wasm) {
        throw refuse(`as ${describeImport(imp)}, but param '${p.name}' (${p.type}) is an ${p.wasm} global`);
      }
    } else if (imp.module === ENSTAGE_MODULE) {
      const q = queueImportSignature(imp.name);
      if (!q) throw refuse(`which is not a queue function (EVcount_X, EVdata_X, EVdiscard_X, EVsubmit_X)`);
      if (imp.kind !== "function" || !sameSignature(imp.signature, q)) throw refuse(`as ${describeImport(imp)}, but the queue function is ${formatSignature(q)}`);
    } else {
      throw refuse(`from a module other than '${IMPORT_MODULE}', '${PARAMS_MODULE}' and '${ENSTAGE_MODULE}'`);
    }
  }
}

function checkMemory(parsed: ParsedModule, maxPages: number): void {
  const mib = (pages: number) => `${(pages * PAGE_SIZE) / (1 << 20)} MiB`;
  if (parsed.memories.length !== 1) throw new ModuleRefused("memory", `the module defines ${parsed.memories.length} memories; a fragment module defines exactly one`);
  const mem = parsed.memories[0];
  if (mem.memory64 || mem.shared) throw new ModuleRefused("memory", `the module's memory is ${mem.memory64 ? "64-bit" : "shared"}; a fragment module's is a plain 32-bit memory`);
  if (mem.maximum === undefined) {
    throw new ModuleRefused("memory", `the module's memory has no maximum, so it could grow without bound; this host allows ${maxPages} pages (${mib(maxPages)}): recompile with --max-pages ${maxPages} or less`);
  }
  if (mem.maximum > maxPages) {
    throw new ModuleRefused("memory", `the module's memory may grow to ${mem.maximum} pages (${mib(mem.maximum)}); this host allows ${maxPages} pages (${mib(maxPages)}): recompile with --max-pages ${maxPages} or less`);
  }
}

function checkParams(manifest: Manifest, options: GuardOptions): void {
  const given = options.params ?? {};
  for (const p of manifest.params) {
    if (p.bound) continue;
    const v = given[p.name];
    const refuse = (why: string) => new ModuleRefused("params", `param '${p.name}' (${p.type}) ${why}: give its value, or specialize the module (enstage specialize --set ${p.name}=VALUE)`);
    if (v === undefined) throw refuse("has no value");
    if (p.wasm === "i32" || p.wasm === "i64") {
      const bits = p.wasm === "i32" ? 32n : 64n;
      if (typeof v === "number" && !Number.isInteger(v)) throw refuse(`is an integer, not ${v}`);
      const b = BigInt(v);
      // Signed or unsigned: the ABI passes an unsigned param's bit pattern.
      if (b < -(1n << (bits - 1n)) || b >= 1n << bits) throw refuse(`cannot hold ${b} in ${bits} bits`);
    } else if (typeof v !== "number") {
      throw refuse(`is a floating-point value; ${v} was given as a bigint`);
    }
  }
  for (const [name, values] of Object.entries(options.arrays ?? {})) {
    const s = manifest.state.find((x) => x.name === name);
    const size = s && values.length > 0 && s.size % values.length === 0 ? s.size / values.length : 0;
    if (size !== 4 && size !== 8) {
      throw new ModuleRefused("params", `the module has no array '${name}' of ${values.length} 32- or 64-bit integers to receive a global histogram`);
    }
  }
}

// ---- running ------------------------------------------------------------------------------

export interface FragmentFault {
  fragment: string;
  hash: string;
  step: number;
  source: number | "staging";
  reason: "trap" | "fuel" | "error";
  message: string;
}

export type GuardedRun = { ok: true; output: FragmentOutput } | { ok: false; fault: FragmentFault };

/**
 * Runs one fragment under a fresh fuel budget (m.fuel(input.byteLength)). A trap, running out
 * of fuel, abort()/exit() from the fragment, or a FragmentError (a buffer the fragment cannot
 * take, a transform claiming more outputs than its capacity) becomes a fault; `input` is never
 * modified (the fragment works on a copy in its own memory). Never throws for a fragment's
 * misbehaviour.
 *
 * A trap can land anywhere, inside the libc's malloc too, so the instance's heap and stack may be
 * left mid-update: after any fault that interrupted the module's code, `m.fragment` is replaced by
 * a fresh instance of the same module (its fragments' static state starts over).
 */
export function runGuarded(
  m: GuardedModule,
  fragment: string,
  input: Uint8Array,
  where: { step: number; source: number | "staging"; cap?: number },
): GuardedRun {
  const fm = m.fragment;
  const fault = (reason: FragmentFault["reason"], message: string): GuardedRun => ({
    ok: false,
    fault: { fragment, hash: m.hash, step: where.step, source: where.source, reason, message },
  });
  let budget: bigint | undefined;
  try {
    budget = m.fuel?.(input.byteLength);
  } catch (e) {
    return fault("error", `the host's fuel budget failed: ${(e as Error).message}`);
  }
  fm.fuel = budget;
  try {
    return { ok: true, output: runFragment(fm, fragment, input, { cap: where.cap }) };
  } catch (e) {
    // A FragmentError is raised by the runtime around the call, on a sound instance.
    if (e instanceof FragmentError) return fault("error", e.message);
    const f = describeFault(e, fm, budget);
    renew(m);
    return fault(f.reason, f.message);
  }
}

function describeFault(e: unknown, fm: FragmentModule, budget: bigint | undefined): { reason: FragmentFault["reason"]; message: string } {
  if (e instanceof WebAssembly.RuntimeError) {
    // The fuel code traps with `unreachable` once the counter drops below zero (runtime/abi.ts).
    const counter = fm.instance.exports[FUEL_GLOBAL];
    if (fm.manifest.fuel && counter instanceof WebAssembly.Global && (counter.value as bigint) < 0n) {
      return { reason: "fuel", message: `spent its budget of ${budget ?? "unlimited"} fuel units` };
    }
    return { reason: "trap", message: e.message };
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) return { reason: "trap", message: "stack overflow (recursion too deep)" };
  if (e instanceof ProgramAbort) return { reason: "trap", message: "abort() called (or an assertion failed)" };
  if (e instanceof ProgramExit) return { reason: "error", message: `the fragment called exit(${e.code})` };
  return { reason: "error", message: e instanceof Error ? e.message : String(e) };
}

/** Replaces the instance after a fault interrupted its code; keeps the old one if that fails. */
function renew(m: GuardedModule): void {
  const instantiate = recipes.get(m);
  if (!instantiate) {
    // Not ours to reinstantiate: at least give the next call its whole stack back.
    const sp = m.fragment.instance.exports[STACK_POINTER];
    if (sp instanceof WebAssembly.Global) sp.value = m.fragment.manifest.memory.stackTop;
    return;
  }
  try {
    m.fragment = instantiate();
  } catch {
    // It instantiated once with the same bytes and options; leave things as they are.
  }
}

/** Short one-line text of a fault: "fragment 'f' (hash abcd1234…) trapped at step 3 on source 2: unreachable". */
export function formatFault(f: FragmentFault): string {
  const verb = f.reason === "trap" ? "trapped" : f.reason === "fuel" ? "ran out of fuel" : "failed";
  const where = f.source === "staging" ? "on staging" : `on source ${f.source}`;
  return `fragment '${f.fragment}' (hash ${short(f.hash)}) ${verb} at step ${f.step} ${where}: ${f.message}`;
}

function short(hash: string): string {
  return hash.length > 8 ? `${hash.slice(0, 8)}…` : hash;
}

// ---- the few sections a host checks -------------------------------------------------------
// A reader for the binary format (WebAssembly core spec §5), only as far as types, imports,
// memories, exports and the start function; the engine has validated the module already.

type ExternKind = "function" | "table" | "memory" | "global" | "tag";
type ValType = WasmType | "other";

interface ParsedImport {
  module: string;
  name: string;
  kind: ExternKind;
  /** A function's (or tag's) type; undefined when the type is not a plain function type. */
  signature?: { params: ValType[]; results: ValType[] };
  global?: { type: ValType; mutable: boolean };
}

interface ParsedMemory {
  initial: number;
  maximum?: number;
  shared: boolean;
  memory64: boolean;
}

interface ParsedModule {
  imports: ParsedImport[];
  memories: ParsedMemory[];
  exports: { name: string; kind: ExternKind }[];
  hasStart: boolean;
}

const KINDS: ExternKind[] = ["function", "table", "memory", "global", "tag"];
const VALTYPES: Record<number, WasmType> = { 0x7f: "i32", 0x7e: "i64", 0x7d: "f32", 0x7c: "f64" };

function parseModule(bytes: Uint8Array): ParsedModule {
  let at = 8; // magic and version, checked by validation
  const byte = (): number => {
    if (at >= bytes.length) throw new Error("unexpected end of the module");
    return bytes[at++];
  };
  // Unsigned LEB128, by multiplication so that 64-bit limits do not wrap.
  const uleb = (): number => {
    let result = 0;
    let scale = 1;
    for (;;) {
      const b = byte();
      result += (b & 0x7f) * scale;
      if (!(b & 0x80)) return result;
      scale *= 128;
    }
  };
  const name = (): string => {
    const n = uleb();
    const s = new TextDecoder().decode(bytes.subarray(at, at + n));
    at += n;
    return s;
  };
  const valtype = (): ValType => {
    const b = byte();
    if (b === 0x63 || b === 0x64) uleb(); // (ref null? ht): skip the heap type
    return VALTYPES[b] ?? "other";
  };
  const kind = (): ExternKind => {
    const k = byte();
    if (k >= KINDS.length) throw new Error(`an import or export of kind 0x${k.toString(16)}`);
    return KINDS[k];
  };
  const limits = (): ParsedMemory => {
    const flags = byte();
    if (flags & ~7) throw new Error(`memory or table limits with flags 0x${flags.toString(16)}`);
    const initial = uleb();
    const maximum = flags & 1 ? uleb() : undefined;
    return { initial, maximum, shared: (flags & 2) !== 0, memory64: (flags & 4) !== 0 };
  };

  const types: ({ params: ValType[]; results: ValType[] } | undefined)[] = [];
  const out: ParsedModule = { imports: [], memories: [], exports: [], hasStart: false };
  while (at < bytes.length) {
    const id = byte();
    const size = uleb();
    const end = at + size;
    if (id === 1) {
      for (let n = uleb(); n > 0; n--) {
        if (bytes[at] !== 0x60) throw new Error("a type section with other than plain function types");
        at++;
        const params = Array.from({ length: uleb() }, valtype);
        const results = Array.from({ length: uleb() }, valtype);
        types.push({ params, results });
      }
    } else if (id === 2) {
      for (let n = uleb(); n > 0; n--) {
        const imp: ParsedImport = { module: name(), name: name(), kind: kind() };
        if (imp.kind === "function") {
          imp.signature = types[uleb()];
        } else if (imp.kind === "table") {
          valtype();
          limits();
        } else if (imp.kind === "memory") {
          limits();
        } else if (imp.kind === "global") {
          imp.global = { type: valtype(), mutable: byte() !== 0 };
        } else {
          byte(); // a tag's attribute
          imp.signature = types[uleb()];
        }
        out.imports.push(imp);
      }
    } else if (id === 5) {
      for (let n = uleb(); n > 0; n--) out.memories.push(limits());
    } else if (id === 7) {
      for (let n = uleb(); n > 0; n--) {
        const exportName = name();
        out.exports.push({ name: exportName, kind: kind() });
        uleb();
      }
    } else if (id === 8) {
      out.hasStart = true;
    }
    at = end;
  }
  return out;
}

/**
 * The module with its one memory imported (REUSED_MEMORY) instead of defined, with the same
 * limits; it stays memory 0, as a module sent imports no memory (checkImports, checkMemory).
 * Sections are copied as they are, with the import appended to the import section (made,
 * after the type section, if there is none) and the memory section left out.
 */
function importMemory(bytes: Uint8Array): Uint8Array {
  const sections: { id: number; body: Uint8Array }[] = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at++];
    const [size, n] = readUleb(bytes, at);
    at += n;
    sections.push({ id, body: bytes.subarray(at, at + size) });
    at += size;
  }
  const memory = sections.find((s) => s.id === 5);
  if (!memory || memory.body[0] !== 1) throw new Error("a module without exactly one memory cannot import it");
  const text = (x: string) => {
    const b = new TextEncoder().encode(x);
    return [...uleb(b.length), ...b];
  };
  const entry = [...text(REUSED_MEMORY.module), ...text(REUSED_MEMORY.name), 2, ...memory.body.subarray(1)];
  const imports = sections.find((s) => s.id === 2);
  if (imports) {
    const [count, n] = readUleb(imports.body, 0);
    const body = new Uint8Array(imports.body.length - n + uleb(count + 1).length + entry.length);
    body.set(uleb(count + 1));
    body.set(imports.body.subarray(n), uleb(count + 1).length);
    body.set(entry, body.length - entry.length);
    imports.body = body;
  } else {
    const next = sections.findIndex((s) => s.id !== 0 && s.id !== 1);
    sections.splice(next < 0 ? sections.length : next, 0, { id: 2, body: new Uint8Array([1, ...entry]) });
  }
  const kept = sections.filter((s) => s.id !== 5);
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  for (const s of kept) parts.push(new Uint8Array([s.id, ...uleb(s.body.length)]), s.body);
  return concat(parts);
}

function readUleb(bytes: Uint8Array, at: number): [value: number, length: number] {
  let value = 0;
  let scale = 1;
  for (let i = at; ; i++) {
    const b = bytes[i];
    value += (b & 0x7f) * scale;
    if (!(b & 0x80)) return [value, i - at + 1];
    scale *= 128;
  }
}

function uleb(value: number): number[] {
  const out: number[] = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return out;
}

function sameSignature(a: { params: ValType[]; results: ValType[] } | undefined, b: HostSignature): boolean {
  return !!a && a.params.join() === b.params.join() && a.results.join() === b.results.join();
}

function formatSignature(s: { params: readonly string[]; results: readonly string[] }): string {
  return `(${s.params.join(", ")}) -> (${s.results.join(", ") || "void"})`;
}

function describeImport(imp: ParsedImport): string {
  if (imp.kind === "function") return imp.signature ? `a function ${formatSignature(imp.signature)}` : "a function of an unknown type";
  if (imp.kind === "global") return `a ${imp.global?.mutable ? "mutable" : "immutable"} ${imp.global?.type} global`;
  return `a ${imp.kind}`;
}
