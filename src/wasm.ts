// The only module that imports binaryen.
// In: calls from code generation. Out: a binaryen module (whose instruction builders code
// generation calls directly, through the `Module` type re-exported here), value-type constants,
// a few helpers binaryen lacks (reusing an operand, capturing validator messages), and
// `finishModule`, which validates, optimizes and emits. A module that fails validation is a bug
// in enstage: `finishModule` throws an `InternalError` carrying binaryen's message, which the
// pipeline reports as an ICE, never as a user error.

import binaryen from "binaryen";

export type Module = binaryen.Module;
export type ExprRef = binaryen.ExpressionRef;
export type WasmValueType = binaryen.Type;
export type FunctionRef = binaryen.FunctionRef;
export type Relooper = binaryen.Relooper;
export type RelooperBlock = binaryen.RelooperBlockRef;

export const none: WasmValueType = binaryen.none;
export const i32: WasmValueType = binaryen.i32;
export const i64: WasmValueType = binaryen.i64;
export const f32: WasmValueType = binaryen.f32;
export const f64: WasmValueType = binaryen.f64;
export const unreachableType: WasmValueType = binaryen.unreachable;

export type OptimizeLevel = 0 | 1 | 2 | 3 | "s";

/** A bug in enstage (never a user error); the pipeline reports it as an ICE. */
export class InternalError extends Error {}

/**
 * A fresh module with the post-MVP features every engine since 2021 ships: sign extension
 * (char/short normalization), non-trapping float→int (C casts must not trap), bulk memory
 * (struct copies, zeroing) and exported mutable globals (the stack pointer).
 */
export function createModule(): Module {
  const m = new binaryen.Module();
  m.setFeatures(
    binaryen.Features.MutableGlobals |
      binaryen.Features.SignExt |
      binaryen.Features.NontrappingFPToInt |
      binaryen.Features.BulkMemory |
      binaryen.Features.BulkMemoryOpt,
  );
  return m;
}

export const tupleType = (types: WasmValueType[]): WasmValueType => binaryen.createType(types);
export const typeOfExpr = (e: ExprRef): WasmValueType => binaryen.getExpressionType(e);

/**
 * Binaryen IR is a tree: an expression node may appear only once. Returns a function that
 * makes fresh copies of `e` if it is a constant or a local read (cheap to repeat), else
 * undefined: the caller then stores the value in a temporary local.
 */
export function repeatable(m: Module, e: ExprRef): (() => ExprRef) | undefined {
  const id = binaryen.getExpressionId(e);
  if (id !== binaryen.LocalGetId && id !== binaryen.ConstId && id !== binaryen.GlobalGetId) return undefined;
  let first = true;
  return () => {
    if (first) {
      first = false;
      return e;
    }
    return m.copyExpression(e);
  };
}

/** The i32 value of a constant expression, if `e` is one. */
export function constI32Value(e: ExprRef): number | undefined {
  if (binaryen.getExpressionId(e) !== binaryen.ConstId || binaryen.getExpressionType(e) !== binaryen.i32) return undefined;
  return (binaryen.getExpressionInfo(e) as binaryen.ConstInfo).value as number;
}

/**
 * `i32.load` as an unsigned access. binaryen.js builds every 4-byte i32 load with its
 * `signed` flag set, meaningless for a full-width load until optimize-instructions folds
 * `i64.extend_i32_u(i32.load)` into `i64.load32` and keeps the flag: a zero-extension would
 * silently become a sign-extension. Clearing the flag makes the fold correct.
 */
export function loadI32(m: Module, offset: number, ptr: ExprRef): ExprRef {
  const e = m.i32.load(offset, 4, ptr);
  (binaryen as unknown as { Load: { setSigned(e: ExprRef, s: boolean): void } }).Load.setSigned(e, false);
  return e;
}

/** `i64.load`, unsigned for the same reason as `loadI32`. */
export function loadI64(m: Module, offset: number, ptr: ExprRef): ExprRef {
  const e = m.i64.load(offset, 8, ptr);
  (binaryen as unknown as { Load: { setSigned(e: ExprRef, s: boolean): void } }).Load.setSigned(e, false);
  return e;
}

export function createRelooper(m: Module): Relooper {
  return new binaryen.Relooper(m);
}

/** Runs `fn` with stdout/stderr captured: binaryen's validator prints instead of returning. */
function captureOutput<T>(fn: () => T): { result: T; output: string } {
  const out = process.stdout.write;
  const err = process.stderr.write;
  let output = "";
  const grab = (chunk: string | Uint8Array): boolean => {
    output += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
    return true;
  };
  process.stdout.write = grab as typeof process.stdout.write;
  process.stderr.write = grab as typeof process.stderr.write;
  try {
    return { result: fn(), output };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

/** Throws an InternalError with binaryen's messages if the module is invalid. */
export function validateModule(m: Module): void {
  const { result, output } = captureOutput(() => m.validate());
  if (!result) throw new InternalError(`generated module does not validate: ${output.slice(0, 2000).trim()}`);
  if (process.env.ENSTAGE_CHECK_TREE) checkTree(m);
}

/**
 * Binaryen's release validator does not notice an expression used twice, but its optimizer
 * rewrites nodes in place, so a shared node miscompiles silently. This walk finds one; the
 * tests turn it on (ENSTAGE_CHECK_TREE=1), normal compiles skip its cost.
 */
const WALKED = new Set<number>([
  binaryen.BlockId, binaryen.IfId, binaryen.LoopId, binaryen.BreakId, binaryen.SwitchId, binaryen.CallId,
  binaryen.CallIndirectId, binaryen.LocalSetId, binaryen.GlobalSetId, binaryen.UnaryId, binaryen.DropId,
  binaryen.ReturnId, binaryen.LoadId, binaryen.StoreId, binaryen.BinaryId, binaryen.SelectId, binaryen.MemoryGrowId,
  binaryen.MemoryCopyId, binaryen.MemoryFillId,
]);

export function checkTree(m: Module): void {
  for (let i = 0; i < m.getNumFunctions(); i++) {
    const info = binaryen.getFunctionInfo(m.getFunctionByIndex(i));
    const seen = new Set<number>();
    const walk = (e: ExprRef): void => {
      if (!e) return;
      if (seen.has(e)) throw new InternalError(`expression used twice in '${info.name}': ${binaryen.emitText(e).slice(0, 300)}`);
      seen.add(e);
      const id = binaryen.getExpressionId(e);
      if (!WALKED.has(id)) return;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const x = binaryen.getExpressionInfo(e) as any;
      const kids: ExprRef[] = [];
      switch (id) {
        case binaryen.BlockId: kids.push(...x.children); break;
        case binaryen.IfId: kids.push(x.condition, x.ifTrue, x.ifFalse); break;
        case binaryen.LoopId: kids.push(x.body); break;
        case binaryen.BreakId: case binaryen.SwitchId: kids.push(x.condition, x.value); break;
        case binaryen.CallId: kids.push(...x.operands); break;
        case binaryen.CallIndirectId: kids.push(x.target, ...x.operands); break;
        case binaryen.LocalSetId: case binaryen.GlobalSetId: case binaryen.UnaryId: case binaryen.DropId: case binaryen.ReturnId:
          kids.push(x.value); break;
        case binaryen.LoadId: kids.push(x.ptr); break;
        case binaryen.StoreId: kids.push(x.ptr, x.value); break;
        case binaryen.BinaryId: kids.push(x.left, x.right); break;
        case binaryen.SelectId: kids.push(x.ifTrue, x.ifFalse, x.condition); break;
        case binaryen.MemoryGrowId: kids.push(x.delta); break;
        case binaryen.MemoryCopyId: kids.push(x.dest, x.source, x.size); break;
        case binaryen.MemoryFillId: kids.push(x.dest, x.value, x.size); break;
      }
      kids.forEach(walk);
    };
    walk(info.body);
  }
}

/**
 * Validates, optimizes at the given level, and emits. Validation runs before optimization:
 * what we generated is our responsibility; what binaryen's passes make of it is theirs.
 */
export function finishModule(
  m: Module,
  options: { optimize: OptimizeLevel; text?: boolean },
): { binary: Uint8Array; text?: string } {
  validateModule(m);
  const level = options.optimize;
  // Debug info on keeps the name section in the binary: a trap's stack trace then names the C
  // function (runtime/run-program.ts reports it). It costs ~100 bytes and changes no code.
  binaryen.setDebugInfo(true);
  if (level !== 0) {
    binaryen.setOptimizeLevel(level === "s" ? 2 : level);
    binaryen.setShrinkLevel(level === "s" ? 1 : 0);
    // [0, 1024) is reserved (abi.ts), so binaryen may fold small constants into load offsets.
    binaryen.setLowMemoryUnused(true);
    m.optimize();
  }
  const binary = m.emitBinary();
  const text = options.text ? m.emitText() : undefined;
  return { binary, text };
}

// ---- reading and rewriting compiled modules (specialization) ---------------------------------

/** A module read back from its bytes, with the features `createModule` enables. */
export function readModule(bytes: Uint8Array): Module {
  const m = binaryen.readBinary(bytes);
  m.setFeatures(
    binaryen.Features.MutableGlobals |
      binaryen.Features.SignExt |
      binaryen.Features.NontrappingFPToInt |
      binaryen.Features.BulkMemory |
      binaryen.Features.BulkMemoryOpt,
  );
  return m;
}

export interface GlobalImport {
  /** The global's name inside the module. */
  name: string;
  module: string;
  base: string;
  type: WasmValueType;
}

/** The module's imported globals. */
export function globalImports(m: Module): GlobalImport[] {
  const out: GlobalImport[] = [];
  for (let i = 0; i < m.getNumGlobals(); i++) {
    const g = binaryen.getGlobalInfo(m.getGlobalByIndex(i));
    if (g.module) out.push({ name: g.name, module: g.module, base: g.base ?? "", type: g.type });
  }
  return out;
}

/**
 * Turns an imported global (a param: mutable for the host, never written by the code) into a
 * defined immutable one holding `value` (a number, or a
 * bigint for i64): every `global.get` of it now reads a constant the optimizer can fold.
 */
export function defineImportedGlobal(m: Module, name: string, type: WasmValueType, value: number | bigint): void {
  m.removeGlobal(name);
  const init =
    type === i64 ? m.i64.const(BigInt.asIntN(64, BigInt(value)))
    : type === f32 ? m.f32.const(Number(value))
    : type === f64 ? m.f64.const(Number(value))
    : m.i32.const(Number(value) | 0);
  m.addGlobal(name, type, false, init);
}

/**
 * Re-optimizes a module whose globals became constants, at -O3 but only where it matters:
 * simplify-globals propagates the constants and runs the whole function pipeline (precompute,
 * branch and dead-code removal, ...) on the functions that read them; then the functions made
 * small enough are inlined and those no longer called are dropped. The rest of the module was
 * optimized when compiled: running binaryen's full pipeline again costs several times more and
 * changes nothing there. Validates the result.
 */
export function reoptimize(m: Module, options: { text?: boolean } = {}): { binary: Uint8Array; text?: string } {
  binaryen.setDebugInfo(true);
  binaryen.setOptimizeLevel(3);
  binaryen.setShrinkLevel(0);
  binaryen.setLowMemoryUnused(true);
  m.runPasses(["simplify-globals-optimizing", "inlining-optimizing", "remove-unused-module-elements"]);
  validateModule(m);
  return { binary: m.emitBinary(), text: options.text ? m.emitText() : undefined };
}

/** The module as text, for tests and `--wat`. */
export function moduleText(bytes: Uint8Array): string {
  const m = readModule(bytes);
  try {
    return m.emitText();
  } finally {
    m.dispose();
  }
}

/** Names a local for readable `.wat` (params and vars share one index space). */
export function nameLocal(m: Module, func: FunctionRef, index: number, name: string): void {
  // binaryen's typings put `Function` on Module; at run time it hangs off the namespace.
  (binaryen as unknown as { Function: { setLocalName(f: FunctionRef, i: number, n: string): void } }).Function.setLocalName(func, index, name);
}

export function disposeModule(m: Module): void {
  m.dispose();
}
