// Loading a fragment module and running its fragments over buffers: the shared host core that
// SmartTap (source side) and CStager (staging side) build on, and the in-process driver of the
// EnStage operations. No compiler imports: a host receives compiled (usually specialized)
// modules and their manifests.
// In: module bytes + manifest (+ param values for a generic module, a fuel budget per call).
// Out: `runFragment` results: the kept records of a filter (compacted, in order), a transform's
// output records, a router's ports. The input bytes are never modified: a fragment works on a
// copy in its own memory, so a trap leaves the caller's data as it was.

import {
  ABI_VERSION, ENSTAGE_MODULE, FUEL_GLOBAL, MEMORY_EXPORT, PARAMS_MODULE,
  type Manifest, type ManifestFragment,
} from "./abi.js";
import { makeHostImports } from "./host.js";
import { checkRecordLayouts, type HostRecord } from "./records.js";

export class FragmentError extends Error {}

export interface LoadOptions {
  /** Values for the module's unbound params (a specialized module has none left). */
  params?: Record<string, number | bigint>;
  /** Fuel per call, for modules compiled with fuel: a fragment that spends it all traps. */
  fuel?: bigint;
  stdout?: (bytes: Uint8Array) => void;
  stderr?: (bytes: Uint8Array) => void;
  /** The host's description of its records: a module that expects another layout is refused. */
  records?: HostRecord[];
  /** Global histograms (spec §8.4): values written into their read-only arrays, by name. */
  arrays?: Record<string, bigint[]>;
  /** `binary` already compiled (so validated), e.g. by runtime/sandbox.ts: not compiled again. */
  compiled?: WebAssembly.Module;
  /**
   * For a module rewritten to import its memory (runtime/sandbox.ts, `ReusedMemory`): the
   * import's module and name, and the memory to give it, zeroed by the caller.
   */
  memory?: { module: string; name: string; memory: WebAssembly.Memory };
}

export interface FragmentModule {
  manifest: Manifest;
  instance: WebAssembly.Instance;
  memory: WebAssembly.Memory;
  fuel?: bigint;
  /** The globals given for its unbound params (mutable unless the module imports them immutable). */
  params?: Record<string, WebAssembly.Global>;
}

export interface FragmentOutput {
  /** Output records: a filter's kept records, a transform's outputs (else the input, unchanged). */
  records: Uint8Array;
  /** How many records `records` holds. */
  count: number;
  /** A per-record router's port for each input record; a per-buffer router's single port. */
  ports?: Int32Array;
  port?: number;
}

/** Validates the manifest against this runtime and instantiates the module. */
export function loadModule(binary: Uint8Array, manifest: Manifest, options: LoadOptions = {}): FragmentModule {
  if (manifest.abiVersion !== ABI_VERSION) {
    throw new FragmentError(`the module was built for fragment ABI ${manifest.abiVersion}; this runtime speaks ${ABI_VERSION}`);
  }
  if (!options.compiled && !WebAssembly.validate(binary as BufferSource)) throw new FragmentError("the module is not valid WebAssembly");
  if (options.records) {
    try {
      checkRecordLayouts(manifest, options.records);
    } catch (e) {
      throw new FragmentError((e as Error).message);
    }
  }
  // Mutable globals (ABI: the host may set them between calls, `setParams`); a module compiled
  // before params were mutable imports them immutable, and gets immutable ones on a second try.
  const makeParams = (mutable: boolean) => {
    const params: Record<string, WebAssembly.Global> = {};
    for (const p of manifest.params) {
      if (p.bound) continue;
      const v = options.params?.[p.name];
      if (v === undefined) throw new FragmentError(`no value for param '${p.name}' (${p.type})`);
      const wasm = p.wasm as "i32" | "i64" | "f32" | "f64";
      params[p.name] = new WebAssembly.Global({ value: wasm, mutable }, wasm === "i64" ? BigInt(v) : Number(v));
    }
    return params;
  };
  let params = makeParams(true);
  let memory: WebAssembly.Memory | undefined;
  const host = makeHostImports({ memory: () => memory!, stdout: options.stdout ?? (() => {}), stderr: options.stderr ?? (() => {}) });
  // Aggregates' queues are served by the hosts that run aggregates; here they are empty.
  const queue = new Proxy({}, { get: (_t, name) => (String(name).startsWith("EVcount_") ? () => 0n : () => 0) });
  const compiled = options.compiled ?? new WebAssembly.Module(binary as BufferSource);
  const imports = () => ({
    ...host,
    [PARAMS_MODULE]: params,
    [ENSTAGE_MODULE]: queue,
    ...(options.memory ? { [options.memory.module]: { [options.memory.name]: options.memory.memory } } : {}),
  });
  let instance: WebAssembly.Instance;
  try {
    try {
      instance = new WebAssembly.Instance(compiled, imports());
    } catch (e) {
      if (!(e instanceof WebAssembly.LinkError) || Object.keys(params).length === 0 || !/mutab/i.test(e.message)) throw e;
      params = makeParams(false);
      instance = new WebAssembly.Instance(compiled, imports());
    }
  } catch (e) {
    throw new FragmentError(`the module does not instantiate: ${(e as Error).message}`);
  }
  memory = instance.exports[MEMORY_EXPORT] as WebAssembly.Memory;
  for (const [name, values] of Object.entries(options.arrays ?? {})) {
    const v = manifest.state.find((x) => x.name === name);
    if (!v || values.length === 0 || v.size % values.length !== 0) {
      throw new FragmentError(`the module has no array '${name}' of ${values.length} elements to receive a global histogram`);
    }
    const dv = new DataView(memory.buffer);
    const size = v.size / values.length;
    values.forEach((x, i) => {
      if (size === 8) dv.setBigInt64(v.address + 8 * i, x, true);
      else if (size === 4) dv.setInt32(v.address + 4 * i, Number(x), true);
      else throw new FragmentError(`a global histogram needs 32- or 64-bit integer bins, not ${size}-byte ones ('${name}')`);
    });
  }
  return { manifest, instance, memory, fuel: options.fuel, params };
}

/**
 * Sets the values of a generic module's params in a live instance, so its fragments compute
 * what the module specialized with those values would (src/specialize.ts converts the same way:
 * an f32 rounds, an integer wraps to its wasm type). Throws a FragmentError for a param the
 * instance does not import mutable, or a missing value.
 */
export function setParams(fm: FragmentModule, values: Record<string, number | bigint>): void {
  for (const p of fm.manifest.params) {
    if (p.bound) continue;
    const v = values[p.name];
    const g = fm.params?.[p.name];
    if (v === undefined) throw new FragmentError(`no value for param '${p.name}' (${p.type})`);
    if (!g) throw new FragmentError(`the instance has no param '${p.name}' to set`);
    try {
      g.value = p.wasm === "i64" ? BigInt.asIntN(64, BigInt(v)) : Number(v);
    } catch (e) {
      throw new FragmentError(`param '${p.name}' cannot be set in this instance: ${(e as Error).message}`);
    }
  }
}

function fragmentOf(fm: FragmentModule, name: string): ManifestFragment {
  const f = fm.manifest.fragments.find((x) => x.name === name);
  if (!f) throw new FragmentError(`the module has no fragment '${name}' (it has ${fm.manifest.fragments.map((x) => x.name).join(", ") || "none"})`);
  return f;
}

/** The size of a record type named in the manifest. */
export function recordSize(manifest: Manifest, name: string | undefined): number {
  const r = manifest.records.find((x) => x.name === name) ?? manifest.structs.find((x) => x.name === name);
  if (!r) throw new FragmentError(`the manifest does not describe the record type '${name}'`);
  return r.size;
}

type Fn = (...args: (number | bigint)[]) => number | bigint | undefined;

function exported(fm: FragmentModule, name: string): Fn {
  const f = fm.instance.exports[name];
  if (typeof f !== "function") throw new FragmentError(`the module does not export '${name}'`);
  return f as Fn;
}

/**
 * Runs fragment `name` over a buffer of its input records. The buffer is copied into the
 * module's memory (allocated with its `malloc`) and released afterwards.
 */
export function runFragment(fm: FragmentModule, name: string, input: Uint8Array, options: { cap?: number } = {}): FragmentOutput {
  const f = fragmentOf(fm, name);
  if (f.kind === "aggregate") throw new FragmentError(`'${name}' is an aggregate: it runs on a queue, not on a buffer`);
  const inSize = recordSize(fm.manifest, f.input);
  if (input.byteLength % inSize !== 0) {
    throw new FragmentError(`a buffer of ${input.byteLength} bytes is not a whole number of ${inSize}-byte ${f.input} records`);
  }
  const n = input.byteLength / inSize;
  const malloc = exported(fm, "malloc");
  const free = exported(fm, "free");
  const outSize = f.kind === "transform" ? recordSize(fm.manifest, f.output) : 0;
  const cap = f.kind === "transform" ? (options.cap ?? n) : 0;
  const extra = f.kind === "transform" ? cap * outSize : f.kind === "router" && f.perRecord ? 4 * n : 0;
  // The budget is set before malloc, which spends fuel too: what the last call left (negative
  // after it ran out) must not decide whether this one can allocate its buffer.
  if (fm.fuel !== undefined) (fm.instance.exports[FUEL_GLOBAL] as WebAssembly.Global).value = fm.fuel;
  const buf = Number(malloc(BigInt(Math.max(1, input.byteLength))));
  const out = extra > 0 ? Number(malloc(BigInt(extra))) : 0;
  if (buf === 0 || (extra > 0 && out === 0)) throw new FragmentError(`the module's memory cannot hold a buffer of ${n} records`);
  // After a trap the instance is not used again (a host quarantines it), so nothing is freed then.
  const result = ((): FragmentOutput => {
    new Uint8Array(fm.memory.buffer).set(input, buf);
    const call = exported(fm, f.driver);
    const mem = () => new Uint8Array(fm.memory.buffer);
    switch (f.kind) {
      case "filter": {
        if (f.perRecord) {
          const kept = Number(call(buf, BigInt(n)));
          return { records: mem().slice(buf, buf + kept * inSize), count: kept };
        }
        const keep = Number(call(buf, BigInt(n))) !== 0;
        return keep ? { records: input.slice(), count: n } : { records: new Uint8Array(0), count: 0 };
      }
      case "transform": {
        if (!f.perRecord) mem().fill(0, out, out + cap * outSize); // the output starts zeroed
        const produced = Number(call(buf, BigInt(n), out, BigInt(cap)));
        if (produced < 0 || produced > cap) throw new FragmentError(`transform '${name}' reported ${produced} outputs for a capacity of ${cap}`);
        return { records: mem().slice(out, out + produced * outSize), count: produced };
      }
      case "router": {
        if (f.perRecord) {
          call(buf, BigInt(n), out);
          const ports = new Int32Array(mem().slice(out, out + 4 * n).buffer);
          return { records: input.slice(), count: n, ports };
        }
        return { records: input.slice(), count: n, port: Number(call(buf, BigInt(n))) };
      }
    }
    throw new FragmentError(`unknown fragment kind of '${name}'`);
  })();
  free(buf);
  if (out) free(out);
  return result;
}
