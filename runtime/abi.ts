// The fragment ABI, version 2: the contract between the compiler and every host.
// In: nothing (a leaf module; the runtimes bundle it, so it imports nothing from the compiler).
// Out: the memory map, the host imports with their wasm signatures, the export names, and the
// manifest types that `enstage compile` writes next to each `.wasm`.
//
// The ABI in short (the authoritative prose is this comment; `docs`/notes quote it):
//
// Values. wasm32 with one linear memory exported as "memory". C is LP64: `long`, `long long` and
// `size_t` are 8 bytes and travel as i64; `_Bool`, `char`, `short`, `int` (signed or not) and
// enums travel as i32, kept normalized (sign- or zero-extended to 32 bits per their type);
// `float` is f32; `double` and `long double` are f64 (`long double` keeps 16-byte storage and
// alignment, computed as double, its value in the first 8 bytes). Pointers OCCUPY 8 BYTES in
// memory, so struct layouts match an x86-64 C simulation byte for byte, but travel as i32
// addresses: a pointer is stored as the zero-extended i64 and loaded from its low 4 bytes.
//
// Memory map. [0, 1024) is reserved and zero (address 0 is NULL). Static data (globals, static
// locals, string literals) starts at `DATA_START`. Then the stack (`STACK_SIZE` bytes, 16-byte
// aligned frames) grows down from its top; the mutable exported global `__stack_pointer` holds
// the current top, so a host can reset it between calls or carve out space (argv, buffers) by
// lowering it. The heap starts at the exported immutable global `__heap_base`; the libc's malloc
// grows memory with memory.grow up to `maximumPages` (default `MAX_PAGES`, 1 GiB). Memory
// belongs to the module: a host writes into it only through memory it got from an export
// (malloc, a pointer a function returned) or from the stack it carved out itself.
//
// Calls. C arguments map to wasm params by the value types above. A struct/union argument is
// passed as an i32 pointer to a copy the caller made (the callee may modify it). A function
// returning a struct/union takes a hidden first i32 param (sret) pointing to space the caller
// provides, and returns that pointer. Function pointers are i32 indices into the exported table
// `__indirect_function_table` (index 0 is NULL).
//
// Variadic functions. After the fixed params comes ONE extra i32 param: the address of the
// variadic area that the caller built in its stack frame. Each variadic argument, after the
// default argument promotions (float → double, integers narrower than int → int), occupies
// ceil(sizeof(T) / 8) consecutive 8-byte slots (at least one), written with its memory
// representation at the slot start: int/unsigned i32, long i64, double f64, long double f64 in
// a 16-byte (two-slot) cell, pointers 8 bytes zero-extended, structs copied byte for byte.
// `va_list` is a `char *` into that area: `va_arg(ap, T)` loads a T at ap and advances ap by
// round_up(sizeof T, 8). The host's `__vfprintf`/`__vsnprintf` read `ap` the same way.
//
// Exports. Every C function with external linkage that the program defines, by its C name;
// "memory"; `__heap_base`; `__stack_pointer`; `__indirect_function_table`; for each fragment its
// driver (below); `enstage_fuel` when compiled with fuel; and in a module with fragments, the
// libc's `malloc` and `free`.
//
// Who owns memory. The module owns its linear memory. A host that passes record buffers to a
// fragment allocates them with the module's exported `malloc` (and releases them with `free`),
// so they never collide with the static data, the stack, or the fragment's own heap; it reads
// results back from those buffers before the next call.
//
// Imports (module "env"): only what must reach the host, listed in `HOST_IMPORTS` below. A call
// to an extern function that neither the program nor the libc defines and that is not listed
// there is a link error at compile time ("undefined reference").
//
// Fragments (version 2; notes/fragments.md). A fragment `NAME` is exported as the C function it
// is, plus a driver `enstage_run_NAME` that does a buffer's worth of work (`DRIVER_PREFIX`):
//   filter    per record: long enstage_run_f(T *buf, long n) → records kept; they are compacted
//             to the front of buf in place, in their order.
//   transform per record: long enstage_run_f(const T *in, long n, U *out, long cap) → outputs
//             written; each out slot is zeroed before the call; stops when cap outputs exist.
//   router    per record: void enstage_run_f(const T *buf, long n, int *ports) → a port per record.
// Per-buffer fragments and aggregates are their own driver (`driver` = `name` in the manifest).
// An aggregate reaches its queue through imports from module "enstage" (`ENSTAGE_MODULE`), one
// set per record type X: EVcount_X() → i64, EVdata_X(i64 index) → i32 address of the record,
// EVdiscard_X(i64 index), EVsubmit_X(i32 port, i32 address) (`queueImportSignature`).
//
// Params. `param T name;` is an imported mutable global: module "params" (`PARAMS_MODULE`),
// field `name`, of T's wasm value type. The compiled code only reads it; it is mutable so that a
// host may set new values between calls into a live instance of the generic module (a SmartTap
// runs a dependent fragment in its phase instance so: runtime/smarttap.ts). Hosts accept the
// immutable imports of modules compiled before. An integer param's value is its C value (an i32 param of
// unsigned type passes its bit pattern; char, short and _Bool params are normalized when read,
// so a wider value is harmless). `specialize` (src/specialize.ts) turns the imports into
// constants and re-optimizes; the manifest then marks those params `bound` with their `value`,
// and the module no longer imports them.
//
// Fuel. A module compiled with fuel exports the mutable i64 global `enstage_fuel`
// (`FUEL_GLOBAL`, initially `FUEL_UNLIMITED`). Every function entry and every loop iteration
// (and every `goto` target) subtracts 1 and traps (`unreachable`) when the result is negative:
// a host sets the budget before a call, and a trap with `enstage_fuel` < 0 means out of fuel.
//
// State. Every file-scope variable and `static` local of the program is state; the manifest's
// `state` lists each with its address, size and `layout` (a canonical description of its bytes).
// runtime/state.ts moves it: `extractState` makes portable bytes (a header with the module hash
// and the layout, then each variable's bytes as in memory), `installState` writes them into an
// instance of the same module or of one whose state layout is the same, else refuses.
//
// Bounds. Memory never grows past the module's declared maximum (`maximumPages`, the compile
// option `maxPages`): malloc then returns NULL. Any access outside the memory traps.

export const ABI_VERSION = 2;

/** wasm value types as they appear in signatures and the manifest. */
export type WasmType = "i32" | "i64" | "f32" | "f64";

// ---- memory map ---------------------------------------------------------------------------

export const PAGE_SIZE = 65536;
/** [0, DATA_START) stays zero so that NULL and small offsets from it never alias data. */
export const DATA_START = 1024;
/** Default stack size in bytes. */
export const STACK_SIZE = 1 << 20;
/** Stack frames and the stack top are aligned to this. */
export const STACK_ALIGN = 16;
/** Default maximum memory: 16384 pages = 1 GiB. */
export const MAX_PAGES = 16384;
/** Width of one variadic argument slot. */
export const VA_SLOT = 8;

// ---- names --------------------------------------------------------------------------------

export const IMPORT_MODULE = "env";
export const MEMORY_EXPORT = "memory";
export const STACK_POINTER = "__stack_pointer";
export const HEAP_BASE = "__heap_base";
export const FUNCTION_TABLE = "__indirect_function_table";
/** Module of the `param` globals. */
export const PARAMS_MODULE = "params";
/** Module of an aggregate's queue functions. */
export const ENSTAGE_MODULE = "enstage";
/** The fuel counter (a mutable i64 global), when the module was compiled with fuel. */
export const FUEL_GLOBAL = "enstage_fuel";
/** Fuel a module starts with: a host that never sets the budget never runs out. */
export const FUEL_UNLIMITED = (1n << 63n) - 1n;
/** A per-record fragment NAME's driver is exported as DRIVER_PREFIX + NAME. */
export const DRIVER_PREFIX = "enstage_run_";

export interface HostSignature {
  params: WasmType[];
  results: WasmType[];
}

const sig = (params: WasmType[], results: WasmType[] = []): HostSignature => ({ params, results });

const MATH_F64 = [
  "pow", "exp", "exp2", "log", "log10", "log2", "sin", "cos", "tan", "asin", "acos", "atan", "atan2",
  "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "cbrt", "hypot", "fmod", "expm1", "log1p",
];
const MATH_BINARY = new Set(["pow", "atan2", "hypot", "fmod"]);

/**
 * Everything a module may import from "env", by C name, with its wasm signature. The host
 * implements these; the compiler imports only those a program reaches.
 */
export const HOST_IMPORTS: Readonly<Record<string, HostSignature>> = {
  /** C vfprintf semantics on fd 1 (stdout) or 2 (stderr); returns the byte count. */
  __vfprintf: sig(["i32", "i32", "i32"], ["i32"]),
  /** C vsnprintf semantics: writes at most size bytes including the NUL; returns the full length. */
  __vsnprintf: sig(["i32", "i64", "i32", "i32"], ["i32"]),
  /** Writes len bytes at buf to fd; returns len or -1. */
  __write: sig(["i32", "i32", "i32"], ["i32"]),
  /** Stops the program: exit code 134, a message on stderr. */
  abort: sig([]),
  /** Stops the program with that exit code. The libc's C `exit` calls it after the atexit handlers. */
  __exit: sig(["i32"]),
  /** C exit, for a program linked without the libc. */
  exit: sig(["i32"]),
  /** Prints glibc's "file:line: func: Assertion `expr' failed." and aborts. */
  __assert_fail: sig(["i32", "i32", "i32", "i32"]),
  strtod: sig(["i32", "i32"], ["f64"]),
  ...Object.fromEntries(MATH_F64.map((n) => [n, sig(MATH_BINARY.has(n) ? ["f64", "f64"] : ["f64"], ["f64"])])),
  ...Object.fromEntries(MATH_F64.map((n) => [n + "f", sig(MATH_BINARY.has(n) ? ["f32", "f32"] : ["f32"], ["f32"])])),
};

export function isHostImport(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(HOST_IMPORTS, name);
}

/**
 * The signature of an aggregate's queue function (module "enstage"), by its C name
 * (`EVcount_particle`), with the record type's tag; undefined for any other name.
 */
export function queueImportSignature(name: string): (HostSignature & { verb: string; record: string }) | undefined {
  const m = /^EV(count|data|discard|submit)_([A-Za-z_]\w*)$/.exec(name);
  if (!m) return undefined;
  const [verb, record] = [m[1], m[2]];
  const s =
    verb === "count" ? sig([], ["i64"]) : verb === "data" ? sig(["i64"], ["i32"]) : verb === "discard" ? sig(["i64"]) : sig(["i32", "i32"]);
  return { ...s, verb, record };
}

// ---- the manifest -------------------------------------------------------------------------

/** A C value crossing the boundary: its C type as written by the compiler, and its wasm type. */
export interface ManifestValue {
  name?: string;
  /** C spelling, e.g. `const struct particle *`. */
  type: string;
  /** Absent for void results. Records travel as i32 pointers. */
  wasm?: WasmType;
}

export interface ManifestFunction {
  name: string;
  params: ManifestValue[];
  result: ManifestValue;
  variadic: boolean;
  /** Returns a struct/union: the wasm function takes a hidden first i32 (result space). */
  sret: boolean;
}

export interface ManifestImport {
  module: string;
  name: string;
  params: WasmType[];
  results: WasmType[];
}

/** One member of a struct/union, as CoD's FMField lists describe it. */
export interface ManifestField {
  name: string;
  type: string;
  offset: number;
  size: number;
  bitWidth?: number;
  bitOffset?: number;
}

export interface ManifestStruct {
  /** `struct tag`, `union tag`, or the typedef name of an anonymous record. */
  name: string;
  union: boolean;
  size: number;
  align: number;
  fields: ManifestField[];
}

/** A global variable with external linkage that the program defines. */
export interface ManifestGlobal {
  name: string;
  type: string;
  address: number;
  size: number;
}

export interface ManifestMemory {
  initialPages: number;
  maximumPages: number;
  dataStart: number;
  dataEnd: number;
  /** The stack occupies [stackLimit, stackTop). */
  stackLimit: number;
  stackTop: number;
  heapBase: number;
}

export type FragmentKind = "filter" | "transform" | "router" | "aggregate";

/** A `param` declaration. */
export interface ManifestParam {
  name: string;
  /** C spelling without qualifiers: `double`, `unsigned char`, `long`. */
  type: string;
  wasm: WasmType;
  /** Set by `specialize`: the module holds the value as a constant and no longer imports it. */
  bound?: boolean;
  /** The bound value: a number, or a string for an i64 param (decimal) and a non-finite float (`Infinity`, `-Infinity`, `NaN`). */
  value?: number | string;
}

export interface ManifestFragment {
  name: string;
  kind: FragmentKind;
  /** Per record (the driver loops over a buffer) or per buffer (the function is the driver). */
  perRecord: boolean;
  /** Record type names (`struct particle`, or a typedef name), whose layouts are in `records`. */
  input?: string;
  output?: string;
  /** An aggregate's queues: the record types whose EVcount_X/EVdata_X/... it calls. */
  queues?: string[];
  /** The export to call per buffer. */
  driver: string;
  /** The params it reads, directly or through the functions it calls. */
  params: { name: string; type: string }[];
}

/** A file-scope variable or `static` local: fragment state. */
export interface ManifestStateVar {
  /** `count` at file scope; `fn.count` for a static local of fn (`fn.count#2` for a second one). */
  name: string;
  /** C spelling. */
  type: string;
  address: number;
  size: number;
  /**
   * What the bytes mean, canonically: scalars as `i32`/`u8`/`f64`/`bool`/`ptr`, arrays as
   * `T[n]`, records as `struct{field:T@offset;...}` (bit-fields `field:T:width@offset.bit`).
   * Two modules may exchange a state variable when name, size and layout agree.
   */
  layout: string;
}

export interface Manifest {
  abiVersion: number;
  /** sha256 over the source text and the options that shaped the module (and bound param values). */
  hash: string;
  exports: ManifestFunction[];
  imports: ManifestImport[];
  globals: ManifestGlobal[];
  /** Every struct/union the program's declarations mention, with its layout. */
  structs: ManifestStruct[];
  memory: ManifestMemory;
  /** The fragments the file defines, in source order. */
  fragments: ManifestFragment[];
  /** The file's `param` declarations, in source order. */
  params: ManifestParam[];
  /** Fragment state, in address order. */
  state: ManifestStateVar[];
  /** The layouts of the fragments' record types (and the records they contain): a subset of `structs`. */
  records: ManifestStruct[];
  /** Compiled with fuel: the module exports `enstage_fuel`. */
  fuel: boolean;
  /** Present when the file has global params (spec §8.4): how its phases fit together. */
  phases?: PhaseGraph;
}

/**
 * The phase graph of a file with global params (spec §8.4). Every source runs `local` over its
 * buffer into a partial state (`partial`, a struct in `structs`); staging merges the partials
 * with `merge` in source-id order (so the result does not depend on arrival order) and calls
 * `finalize`, which writes one double per entry of `globals`; the `dependents` fragments are then
 * specialized with those values as their params.
 */
export interface PhaseGraph {
  /** The record type the local phase reads (its name in `structs`, without `struct `). */
  record: string;
  recordSize: number;
  /** `void local(const record *buf, long n, partial *out)`. */
  local: "enstage_local";
  /** `void merge(partial *acc, const partial *in)`. */
  merge: "enstage_merge";
  /** `void finalize(const partial *p, double *out)`. */
  finalize: "enstage_finalize";
  partial: "enstage_partial";
  /** One entry per global param, in the order `finalize` writes them. */
  globals: {
    param: string;
    aggregate: "count" | "sum" | "mean" | "variance" | "stddev" | "min" | "max" | "histogram";
    type: string;
    /** A histogram: `length` bins over [low, high). Its param is a read-only global array
     *  (listed in `state`), which the host fills with the merged bins before dependents run. */
    length?: number;
    low?: number;
    high?: number;
  }[];
  /** Fragments that read a global param, directly or through functions they call. */
  dependents: string[];
  /**
   * sha256 of the derived phase code (local, merge, finalize as generated C): two modules whose
   * `code` and `globals` agree compute the same partials, so a new version can take over a run
   * whose sources already compute partials with the old one.
   */
  code?: string;
}
