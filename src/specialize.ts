// Run-time specialization (notes/fragments.md): binding a module's `param`s to values.
// In: a compiled module's bytes, its manifest, and a value for every unbound param. Out: a new
// validated module in which each param import (module "params") is a constant global and
// binaryen has re-optimized the code at -O3, so arithmetic on params is folded, branches on
// them are gone and loops with param bounds are simplified; its manifest, with the params
// marked `bound` (with their values), their imports gone and a new hash. No source is needed:
// this runs on the staging side, where only the module and its manifest are.
//
// Results are cached by (the module's bytes' sha256, the canonical values): asking again
// returns the same object. Bad values (missing, unknown, already bound, of the wrong type or out
// of the param's range) throw a `SpecializeError` naming the param: the caller's error, not ours.

import { createHash } from "node:crypto";
import * as W from "./wasm.js";
import { PARAMS_MODULE, type Manifest, type ManifestParam, type WasmType } from "../runtime/abi.js";

export type ParamValues = Record<string, number | bigint>;

export interface SpecializeOptions {
  /** Also return the specialized module as text. */
  text?: boolean;
  /** Skip the cache (a benchmark measuring the work itself). */
  noCache?: boolean;
}

export interface Specialized {
  binary: Uint8Array;
  manifest: Manifest;
  /** The new manifest's hash (covers the original module and the values). */
  hash: string;
  text?: string;
}

/** Values that do not fit the module's params. */
export class SpecializeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SpecializeError";
  }
}

const CACHE_LIMIT = 64;
/** Most recently used last; the oldest entry goes when the cache is full. */
const cache = new Map<string, Specialized>();

export function specialize(binary: Uint8Array, manifest: Manifest, values: ParamValues, options: SpecializeOptions = {}): Specialized {
  const bound = bindValues(manifest, values);
  const canonical = bound.map(({ param, value }) => `${param.name}=${canonicalValue(param, value)}`).join(";");
  const key = `${createHash("sha256").update(binary).digest("hex")}\0${canonical}\0${options.text ? "text" : ""}`;
  const hit = options.noCache ? undefined : cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }

  const m = W.readModule(binary);
  let out: { binary: Uint8Array; text?: string };
  try {
    const imported = new Map(W.globalImports(m).filter((g) => g.module === PARAMS_MODULE).map((g) => [g.base, g]));
    for (const name of imported.keys()) {
      if (!manifest.params.some((p) => p.name === name)) throw new SpecializeError(`the module imports param '${name}', which its manifest does not list: they do not belong together`);
    }
    for (const { param, value } of bound) {
      // The optimizer may have dropped the import of a param no code reads.
      const g = imported.get(param.name);
      if (g) W.defineImportedGlobal(m, g.name, g.type, value);
    }
    out = W.reoptimize(m, { text: options.text });
  } finally {
    W.disposeModule(m);
  }

  const hash = createHash("sha256").update(manifest.hash).update("\0").update(canonical).digest("hex");
  const valueOf = new Map(bound.map(({ param, value }) => [param.name, value]));
  const params = manifest.params.map((p): ManifestParam => {
    const v = valueOf.get(p.name);
    if (v === undefined) return p;
    // JSON has no bigint and no non-finite number: those values are strings.
    return { ...p, bound: true, value: typeof v === "bigint" || !Number.isFinite(v) ? String(v) : v };
  });
  const result: Specialized = {
    binary: out.binary,
    ...(out.text !== undefined ? { text: out.text } : {}),
    hash,
    manifest: {
      ...manifest,
      hash,
      params,
      imports: manifest.imports.filter((i) => !(i.module === PARAMS_MODULE && valueOf.has(i.name))),
    },
  };
  if (!options.noCache) {
    cache.set(key, result);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  }
  return result;
}

/** Empties the specialization cache. */
export function clearSpecializeCache(): void {
  cache.clear();
}

/**
 * Checks `values` against the manifest's unbound params and converts each to what its wasm
 * global holds; in the manifest's param order, so equal values give equal cache keys.
 */
function bindValues(manifest: Manifest, values: ParamValues): { param: ManifestParam; value: number | bigint }[] {
  const params = manifest.params ?? [];
  const byName = new Map(params.map((p) => [p.name, p]));
  for (const name of Object.keys(values)) {
    const p = byName.get(name);
    if (!p) {
      const names = params.filter((q) => !q.bound).map((q) => q.name);
      throw new SpecializeError(`'${name}' is not a param of this module (${names.length ? `its params: ${names.join(", ")}` : "it has no unbound param"})`);
    }
    if (p.bound) throw new SpecializeError(`param '${name}' is already bound (to ${p.value})`);
  }
  const out: { param: ManifestParam; value: number | bigint }[] = [];
  for (const p of params) {
    if (p.bound) continue;
    if (!Object.prototype.hasOwnProperty.call(values, p.name)) throw new SpecializeError(`missing a value for param '${p.name}' (${p.type})`);
    out.push({ param: p, value: convertValue(p, values[p.name]) });
  }
  return out;
}

/** A value as the param's wasm global holds it, or a SpecializeError saying why it cannot be. */
function convertValue(p: ManifestParam, v: unknown): number | bigint {
  const bad = (why: string): never => {
    throw new SpecializeError(`param '${p.name}' (${p.type}) ${why}, not ${typeof v === "bigint" ? `${v}n` : JSON.stringify(v) ?? String(v)}`);
  };
  if (typeof v !== "number" && typeof v !== "bigint") return bad("takes a number");
  if (p.wasm === "f32" || p.wasm === "f64") {
    if (typeof v === "bigint") {
      // A bigint is fine for a floating param when the conversion is exact.
      if (BigInt(Number(v)) !== v) return bad("takes a number that a double holds exactly");
      v = Number(v);
    }
    return p.wasm === "f32" ? Math.fround(v as number) : (v as number);
  }
  if (typeof v === "number" && !Number.isInteger(v)) return bad("takes an integer");
  const x = BigInt(v);
  const [lo, hi] = integerRange(p.type, p.wasm);
  if (x < lo || x > hi) return bad(`takes an integer in [${lo}, ${hi}]`);
  if (p.wasm === "i64") return BigInt.asIntN(64, x);
  return Number(BigInt.asIntN(32, x));
}

/** The values an integer param's C type holds (an enum: anything its i32 can carry). */
function integerRange(type: string, wasm: WasmType): [bigint, bigint] {
  const words = type.split(/\s+/);
  if (words.includes("_Bool")) return [0n, 1n];
  const bits = words.includes("char") ? 8 : words.includes("short") ? 16 : words.includes("long") ? 64 : wasm === "i64" ? 64 : 32;
  if (words.includes("enum")) return [-(1n << 31n), (1n << 32n) - 1n];
  if (words.includes("unsigned")) return [0n, (1n << BigInt(bits)) - 1n];
  return [-(1n << BigInt(bits - 1)), (1n << BigInt(bits - 1)) - 1n];
}

/** One spelling per value: the cache key and the new hash depend only on what is bound. */
function canonicalValue(p: ManifestParam, v: number | bigint): string {
  if (typeof v === "bigint") return `${v}`;
  if (p.wasm === "f32" || p.wasm === "f64") return Object.is(v, -0) ? "-0" : Number.isNaN(v) ? "NaN" : `${v}`;
  return `${v}`;
}
