// Code generation for expressions.
// In: checked expressions (every node typed, every conversion an explicit `cast`), and the
// function context `FnCtx` (wasm locals, the stack frame) from `codegen-func.ts`. Out: binaryen
// expressions. Value representation follows the fragment ABI (runtime/abi.ts): integers up to
// int and pointers are i32 (sub-word values kept sign/zero-extended per their type), long is
// i64, float f32, double f64; an expression of struct, union or array type evaluates to the
// ADDRESS of its bytes. Lvalues are locals, memory addresses (`Addr`: a pointer plus a constant
// offset folded into the load/store), or bit-fields inside a storage unit.

import type { Expr, ExprOf, Symbol } from "./ast.js";
import {
  type Field, type FunctionType, type IntType, type Type,
  doubleType, floatType, intType, isArray, isFloat, isFunction, isInteger, isPointer, isRecord,
  isVoid, longType, sizeOf, alignOf, uintType, ulongType,
} from "./types.js";
import * as W from "./wasm.js";
import type { FnCtx, Sig } from "./codegen-func.js";
import { emitBlockItems, emitLocalInit } from "./codegen-func.js";

type Ex = W.ExprRef;

/** A memory address: `ptr + offset`, the constant part kept for the load/store immediate. */
export interface Addr {
  ptr: Ex;
  offset: number;
}

export type LValue =
  | { kind: "local"; index: number; type: Type }
  | { kind: "mem"; addr: Addr; type: Type }
  | { kind: "bits"; addr: Addr; type: Type; field: Field };

// ---- types --------------------------------------------------------------------------------

/** The wasm value type of a C type; records, arrays and functions travel as i32 addresses. */
export function wasmType(t: Type): W.WasmValueType {
  switch (t.kind) {
    case "void":
      return W.none;
    case "int":
      return t.size === 8 ? W.i64 : W.i32;
    case "float":
      return t.size === 4 ? W.f32 : W.f64;
    default:
      return W.i32;
  }
}

/** A C type standing for a wasm value type (for host imports, which are typed in wasm terms). */
export function cTypeOfWasm(t: W.WasmValueType): Type {
  if (t === W.i64) return longType;
  if (t === W.f32) return floatType;
  if (t === W.f64) return doubleType;
  return intType;
}

const isSigned = (t: Type): boolean => t.kind === "int" && t.signed;
const isBool = (t: Type): boolean => t.kind === "int" && t.name === "_Bool";
/** Aggregates are handled by address. */
export const isAggregate = (t: Type): boolean => isRecord(t) || isArray(t);

export function ice(message: string): never {
  throw new W.InternalError(message);
}

// ---- small builders -----------------------------------------------------------------------

export function constOf(cx: FnCtx, t: W.WasmValueType, v: number | bigint): Ex {
  const m = cx.m;
  if (t === W.i64) return m.i64.const(BigInt.asIntN(64, BigInt(v)));
  if (t === W.f32) return m.f32.const(Number(v));
  if (t === W.f64) return m.f64.const(Number(v));
  return m.i32.const(Number(BigInt.asIntN(32, BigInt(v))));
}

export const zeroOf = (cx: FnCtx, t: Type): Ex => constOf(cx, wasmType(t), 0);

export function addrValue(cx: FnCtx, a: Addr): Ex {
  return a.offset === 0 ? a.ptr : cx.m.i32.add(a.ptr, cx.m.i32.const(a.offset));
}

/** Lets an i32 value be used twice: a cheap copy if it is a constant or local, else a temp. */
export function share(cx: FnCtx, e: Ex, t: W.WasmValueType): { pre: Ex[]; get: () => Ex } {
  const rep = W.repeatable(cx.m, e);
  if (rep) return { pre: [], get: rep };
  const tmp = cx.addLocal(t);
  return { pre: [cx.m.local.set(tmp, e)], get: () => cx.m.local.get(tmp, t) };
}

function shareAddr(cx: FnCtx, a: Addr): { pre: Ex[]; get: () => Addr } {
  const s = share(cx, a.ptr, W.i32);
  return { pre: s.pre, get: () => ({ ptr: s.get(), offset: a.offset }) };
}

/** `pre...; value` as one expression. */
export function seq(cx: FnCtx, pre: Ex[], value: Ex, t: W.WasmValueType): Ex {
  return pre.length === 0 ? value : cx.m.block(null, [...pre, value], t);
}

// ---- memory access ------------------------------------------------------------------------

export function loadScalar(cx: FnCtx, t: Type, a: Addr): Ex {
  const m = cx.m;
  switch (t.kind) {
    case "int":
      switch (t.size) {
        case 1:
          return t.signed ? m.i32.load8_s(a.offset, 1, a.ptr) : m.i32.load8_u(a.offset, 1, a.ptr);
        case 2:
          return t.signed ? m.i32.load16_s(a.offset, 2, a.ptr) : m.i32.load16_u(a.offset, 2, a.ptr);
        case 4:
          return W.loadI32(m, a.offset, a.ptr);
        case 8:
          return W.loadI64(m, a.offset, a.ptr);
      }
      break;
    case "float":
      return t.size === 4 ? m.f32.load(a.offset, 4, a.ptr) : m.f64.load(a.offset, 8, a.ptr);
    case "pointer":
      // Pointers occupy 8 bytes; the address is the low half (little-endian).
      return W.loadI32(m, a.offset, a.ptr);
    case "void":
      return m.nop();
  }
  return addrValue(cx, a); // records, arrays, functions: the address itself
}

export function storeScalar(cx: FnCtx, t: Type, a: Addr, v: Ex): Ex {
  const m = cx.m;
  switch (t.kind) {
    case "int":
      switch (t.size) {
        case 1:
          return m.i32.store8(a.offset, 1, a.ptr, v);
        case 2:
          return m.i32.store16(a.offset, 2, a.ptr, v);
        case 4:
          return m.i32.store(a.offset, 4, a.ptr, v);
        case 8:
          return m.i64.store(a.offset, 8, a.ptr, v);
      }
      break;
    case "float":
      return t.size === 4 ? m.f32.store(a.offset, 4, a.ptr, v) : m.f64.store(a.offset, 8, a.ptr, v);
    case "pointer":
      return m.i64.store(a.offset, 8, a.ptr, m.i64.extend_u(v));
    case "record":
    case "array":
      return copyMemory(cx, a, v, sizeOf(t));
  }
  return ice(`cannot store a value of kind ${t.kind}`);
}

/** Copies up to this many bytes with loads and stores; larger copies use memory.copy. */
const INLINE_COPY_MAX = 64;

/**
 * Copies `size` bytes from the address `src` to `dst` (a struct assignment or argument). Engines
 * run memory.copy out of line, which costs more than the copy itself for a small record (the
 * record a fragment's driver moves per kept record), so small copies are inline 8-byte loads and
 * stores. C forbids partially overlapping struct copies; an exact overlap copies each chunk onto
 * itself.
 */
export function copyMemory(cx: FnCtx, dst: Addr, src: Ex, size: number): Ex {
  const m = cx.m;
  if (size > INLINE_COPY_MAX) return m.memory.copy(addrValue(cx, dst), src, m.i32.const(size));
  const d = shareAddr(cx, dst);
  const s = share(cx, src, W.i32);
  const out: Ex[] = [...d.pre, ...s.pre];
  let at = 0;
  // Alignment immediates are hints; a misaligned record copies correctly, if a little slower.
  const chunk = (width: number, copy: (from: number, to: Addr) => Ex) => {
    for (; size - at >= width; at += width) {
      const to = d.get();
      out.push(copy(at, { ptr: to.ptr, offset: to.offset + at }));
    }
  };
  chunk(8, (from, to) => m.i64.store(to.offset, 8, to.ptr, W.loadI64(m, from, s.get())));
  chunk(4, (from, to) => m.i32.store(to.offset, 4, to.ptr, W.loadI32(m, from, s.get())));
  chunk(2, (from, to) => m.i32.store16(to.offset, 2, to.ptr, m.i32.load16_u(from, 2, s.get())));
  chunk(1, (from, to) => m.i32.store8(to.offset, 1, to.ptr, m.i32.load8_u(from, 1, s.get())));
  return out.length === 0 ? m.nop() : out.length === 1 ? out[0] : m.block(null, out);
}

// ---- conversions --------------------------------------------------------------------------

/** Re-normalizes an i32 holding a value of a sub-word integer type. */
export function normalize(cx: FnCtx, v: Ex, t: IntType): Ex {
  const m = cx.m;
  if (t.name === "_Bool") return m.i32.ne(v, m.i32.const(0));
  if (t.size === 1) return t.signed ? m.i32.extend8_s(v) : m.i32.and(v, m.i32.const(0xff));
  if (t.size === 2) return t.signed ? m.i32.extend16_s(v) : m.i32.and(v, m.i32.const(0xffff));
  return v;
}

/** A nonzero i32 when the scalar `v` of type `t` is true (not necessarily 1). */
export function truthy(cx: FnCtx, v: Ex, t: Type): Ex {
  const m = cx.m;
  const w = wasmType(t);
  if (w === W.i64) return m.i64.ne(v, m.i64.const(0n));
  if (w === W.f32) return m.f32.ne(v, m.f32.const(0));
  if (w === W.f64) return m.f64.ne(v, m.f64.const(0));
  return v;
}

/** C's conversion of a scalar value between types (C11 6.3.1), wasm-level. */
export function convert(cx: FnCtx, v: Ex, from: Type, to: Type): Ex {
  const m = cx.m;
  if (isVoid(to)) return wasmType(from) === W.none ? v : m.drop(v);
  if (isAggregate(to) || isAggregate(from) || isFunction(from)) return v;
  if (isBool(to)) {
    if (isBool(from)) return v;
    const t = truthy(cx, v, from);
    return wasmType(from) === W.i32 ? m.i32.ne(t, m.i32.const(0)) : t;
  }
  const fw = wasmType(from);
  const tw = wasmType(to);
  if (isFloat(to)) {
    if (isFloat(from)) {
      if (fw === tw) return v;
      return tw === W.f64 ? m.f64.promote(v) : m.f32.demote(v);
    }
    const unsigned = !isSigned(from);
    if (tw === W.f32) {
      if (fw === W.i64) return unsigned ? m.f32.convert_u.i64(v) : m.f32.convert_s.i64(v);
      return unsigned ? m.f32.convert_u.i32(v) : m.f32.convert_s.i32(v);
    }
    if (fw === W.i64) return unsigned ? m.f64.convert_u.i64(v) : m.f64.convert_s.i64(v);
    return unsigned ? m.f64.convert_u.i32(v) : m.f64.convert_s.i32(v);
  }
  // To an integer or a pointer.
  if (isFloat(from)) {
    const unsigned = !isSigned(to);
    const f64 = fw === W.f64;
    if (tw === W.i64) {
      return unsigned ? (f64 ? m.i64.trunc_u_sat.f64(v) : m.i64.trunc_u_sat.f32(v)) : f64 ? m.i64.trunc_s_sat.f64(v) : m.i64.trunc_s_sat.f32(v);
    }
    if (to.kind === "int" && to.size < 4) {
      return normalize(cx, f64 ? m.i32.trunc_s_sat.f64(v) : m.i32.trunc_s_sat.f32(v), to);
    }
    return unsigned ? (f64 ? m.i32.trunc_u_sat.f64(v) : m.i32.trunc_u_sat.f32(v)) : f64 ? m.i32.trunc_s_sat.f64(v) : m.i32.trunc_s_sat.f32(v);
  }
  let x = v;
  if (fw === W.i64 && tw === W.i32) x = m.i32.wrap(x);
  else if (fw === W.i32 && tw === W.i64) return isSigned(from) ? m.i64.extend_s(x) : m.i64.extend_u(x);
  if (to.kind === "int" && to.size < 4) {
    const fits =
      from.kind === "int" && fw === W.i32 && (from.size < to.size ? !from.signed || to.signed : from.size === to.size && from.signed === to.signed);
    if (!fits) x = normalize(cx, x, to);
  }
  return x;
}

// ---- expressions --------------------------------------------------------------------------

const COMPARISONS = new Set(["<", ">", "<=", ">=", "==", "!="]);

/** A condition: an i32 that is nonzero when `e` is true. */
export function emitCond(cx: FnCtx, e: Expr): Ex {
  if (e.kind === "unary" && e.op === "!") return cx.m.i32.eqz(emitCond(cx, e.operand));
  return truthy(cx, emitExpr(cx, e), e.type!);
}

/** A C truth value: i32 0 or 1. */
function emitBool01(cx: FnCtx, e: Expr): Ex {
  if (isProducing01(e)) return emitExpr(cx, e);
  const v = emitExpr(cx, e);
  const w = wasmType(e.type!);
  return w === W.i32 ? cx.m.i32.ne(v, cx.m.i32.const(0)) : truthy(cx, v, e.type!);
}

function isProducing01(e: Expr): boolean {
  if (e.kind === "binary") return COMPARISONS.has(e.op) || e.op === "&&" || e.op === "||";
  if (e.kind === "unary") return e.op === "!";
  return isBool(e.type!);
}

/** The value of an expression: a scalar, or the address of an aggregate. */
export function emitExpr(cx: FnCtx, e: Expr): Ex {
  const m = cx.m;
  const t = e.type!;
  switch (e.kind) {
    case "int":
      return constOf(cx, wasmType(t) === W.none ? W.i32 : wasmType(t), e.value);
    case "float":
      return wasmType(t) === W.f32 ? m.f32.const(Math.fround(e.value)) : m.f64.const(e.value);
    case "string":
      return m.i32.const(cx.gen.stringAddress(e.bytes));
    case "ident":
      return emitIdent(cx, e);
    case "unary":
      return emitUnary(cx, e);
    case "incdec":
      return emitIncDec(cx, e, true);
    case "binary":
      return emitBinary(cx, e);
    case "assign":
      return emitAssign(cx, e, true);
    case "cond":
      return m.if(emitCond(cx, e.cond), emitValueAs(cx, e.then, t), emitValueAs(cx, e.else, t));
    case "call":
      return emitCall(cx, e);
    case "member": {
      const lv = emitLValue(cx, e);
      return readLValue(cx, lv);
    }
    case "cast":
      return emitCast(cx, e);
    case "sizeof":
    case "alignof": {
      const ty = e.typeName?.type ?? e.operand?.type;
      if (!ty) return ice("unfolded sizeof");
      return constOf(cx, wasmType(t), e.kind === "sizeof" ? sizeOf(ty) : alignOf(ty));
    }
    case "compound": {
      const a = emitCompoundAddr(cx, e);
      if (isAggregate(t)) return addrValue(cx, a);
      return loadScalar(cx, t, a);
    }
    case "stmtexpr":
      return emitStmtExpr(cx, e);
    case "index":
      return ice("index expression was not lowered by the checker");
  }
}

/** Evaluates `e` as a value of type `t` (the checker already converted; this guards wasm types). */
function emitValueAs(cx: FnCtx, e: Expr, t: Type): Ex {
  const v = emitExpr(cx, e);
  if (isVoid(t)) return wasmType(e.type!) === W.none ? v : cx.m.drop(v);
  if (wasmType(e.type!) !== wasmType(t)) return convert(cx, v, e.type!, t);
  return v;
}

/** Evaluates `e` for its side effects only. */
export function emitDiscard(cx: FnCtx, e: Expr): Ex {
  const m = cx.m;
  switch (e.kind) {
    case "assign":
      return emitAssign(cx, e, false);
    case "incdec":
      return emitIncDec(cx, e, false);
    case "binary":
      if (e.op === ",") return m.block(null, [emitDiscard(cx, e.left), emitDiscard(cx, e.right)]);
      break;
    case "cast":
      if (isVoid(e.type!) && !(e.operand.kind === "call" && isVaArgCall(e.operand))) return emitDiscard(cx, e.operand);
      break;
    case "cond":
      return m.if(emitCond(cx, e.cond), emitDiscard(cx, e.then), emitDiscard(cx, e.else));
  }
  const v = emitExpr(cx, e);
  return W.typeOfExpr(v) === W.none || W.typeOfExpr(v) === W.unreachableType ? v : m.drop(v);
}

function emitIdent(cx: FnCtx, e: ExprOf<"ident">): Ex {
  const sym = e.sym;
  if (!sym) return ice(`unresolved identifier '${e.name}'`);
  if (sym.kind === "func") return cx.m.i32.const(cx.gen.functionIndex(sym, cx.unit, e.span));
  // A `param` is an imported global the code never writes (runtime/abi.ts), a constant once specialized.
  // A host may pass a char or short param un-normalized (300 for a char): normalize on read,
  // which costs nothing once specialized.
  if (sym.storage === "fragmentParam") {
    const v = cx.m.global.get(cx.gen.paramGlobal(sym), wasmType(sym.type));
    return sym.type.kind === "int" && sym.type.size < 4 ? normalize(cx, v, sym.type) : v;
  }
  const lv = symLValue(cx, sym);
  return readLValue(cx, lv);
}

/** Where a variable lives, as an lvalue of its type. */
export function symLValue(cx: FnCtx, sym: Symbol): LValue {
  if (sym.storage === "fragmentParam") {
    // `&mu`: a param has no address of its own, so point at a copy in the frame. It is const,
    // so no one can tell the copy from the original (except by comparing addresses).
    const m = cx.m;
    const off = cx.allocFrame(sizeOf(sym.type), alignOf(sym.type));
    const store = storeScalar(cx, sym.type, cx.frameAddr(off), m.global.get(cx.gen.paramGlobal(sym), wasmType(sym.type)));
    return { kind: "mem", addr: { ptr: m.block(null, [store, addrValue(cx, cx.frameAddr(off))], W.i32), offset: 0 }, type: sym.type };
  }
  const place = cx.placeOf(sym);
  switch (place.kind) {
    case "local":
      return { kind: "local", index: place.index, type: sym.type };
    case "frame":
      return { kind: "mem", addr: cx.frameAddr(place.offset), type: sym.type };
    case "byRef":
      return { kind: "mem", addr: { ptr: cx.m.local.get(place.index, W.i32), offset: 0 }, type: sym.type };
    case "static":
      return { kind: "mem", addr: { ptr: cx.m.i32.const(cx.gen.globalAddress(sym, cx.unit)), offset: 0 }, type: sym.type };
  }
}

// ---- lvalues ------------------------------------------------------------------------------

export function emitLValue(cx: FnCtx, e: Expr): LValue {
  switch (e.kind) {
    case "ident":
      if (!e.sym || e.sym.kind !== "var") return ice(`'${e.name}' is not a variable`);
      return symLValue(cx, e.sym);
    case "member": {
      const base = e.arrow ? { ptr: emitExpr(cx, e.base), offset: 0 } : emitAddr(cx, e.base);
      const addr = { ptr: base.ptr, offset: base.offset + (e.offset ?? 0) };
      if (e.field?.bitWidth !== undefined) return { kind: "bits", addr, type: e.type!, field: e.field };
      return { kind: "mem", addr, type: e.type! };
    }
    default:
      return { kind: "mem", addr: emitAddr(cx, e), type: e.type! };
  }
}

/** The address of an lvalue or of an aggregate rvalue. */
export function emitAddr(cx: FnCtx, e: Expr): Addr {
  const m = cx.m;
  switch (e.kind) {
    case "ident": {
      if (e.sym?.kind === "func") return { ptr: m.i32.const(cx.gen.functionIndex(e.sym, cx.unit, e.span)), offset: 0 };
      const lv = emitLValue(cx, e);
      if (lv.kind !== "mem") return ice(`'${e.name}' has no address`);
      return lv.addr;
    }
    case "unary":
      if (e.op === "*") return pointerAddr(cx, e.operand);
      break;
    case "member": {
      const lv = emitLValue(cx, e);
      if (lv.kind === "local") return ice("member of a local");
      return lv.addr;
    }
    case "string":
      return { ptr: m.i32.const(cx.gen.stringAddress(e.bytes)), offset: 0 };
    case "compound":
      return emitCompoundAddr(cx, e);
    case "cast":
      if (isAggregate(e.type!) && isAggregate(e.operand.type!)) return emitAddr(cx, e.operand);
      break;
  }
  // An aggregate rvalue (call result, assignment, ?:, statement expression): its value is its address.
  return { ptr: emitExpr(cx, e), offset: 0 };
}

/** The address a pointer expression points to, folding `p + constant` into the offset. */
function pointerAddr(cx: FnCtx, p: Expr): Addr {
  if (p.kind === "binary" && (p.op === "+" || p.op === "-") && isPointer(p.left.type!)) {
    const k = constInt(p.right);
    if (k !== undefined) {
      const scale = BigInt(elemSize(p.left.type!));
      const off = (p.op === "+" ? k : -k) * scale;
      if (off >= 0n && off < 0x40000000n) {
        const base = pointerAddr(cx, p.left);
        return { ptr: base.ptr, offset: base.offset + Number(off) };
      }
    }
  }
  return { ptr: emitExpr(cx, p), offset: 0 };
}

/** The value of an integer literal, looking through integer casts. */
function constInt(e: Expr): bigint | undefined {
  if (e.kind === "int") return e.value;
  if (e.kind === "cast" && isInteger(e.type!) && isInteger(e.operand.type!) && sizeOf(e.type!) >= sizeOf(e.operand.type!)) {
    const v = constInt(e.operand);
    if (v === undefined) return undefined;
    return (e.operand.type as IntType).signed ? v : BigInt.asUintN(sizeOf(e.operand.type!) * 8, v);
  }
  return undefined;
}

/** The step of pointer arithmetic: the pointee's size (void and functions step by 1, as gcc). */
function elemSize(pt: Type): number {
  if (!isPointer(pt)) return 1;
  const to = pt.to;
  if (isVoid(to) || isFunction(to)) return 1;
  return Math.max(1, sizeOf(to));
}

export function readLValue(cx: FnCtx, lv: LValue): Ex {
  switch (lv.kind) {
    case "local":
      return cx.m.local.get(lv.index, wasmType(lv.type));
    case "mem":
      return loadScalar(cx, lv.type, lv.addr);
    case "bits":
      return readBits(cx, lv.field, lv.addr);
  }
}

/** Stores `v` (a value of the lvalue's type) and, if wanted, yields the stored value. */
export function writeLValue(cx: FnCtx, lv: LValue, v: Ex, wantValue: boolean): Ex {
  const m = cx.m;
  const w = wasmType(lv.type);
  switch (lv.kind) {
    case "local":
      return wantValue ? m.local.tee(lv.index, v, w) : m.local.set(lv.index, v);
    case "mem": {
      if (isAggregate(lv.type)) {
        if (!wantValue) return storeScalar(cx, lv.type, lv.addr, v);
        const d = shareAddr(cx, lv.addr);
        return m.block(null, [...d.pre, storeScalar(cx, lv.type, d.get(), v), addrValue(cx, d.get())], W.i32);
      }
      if (!wantValue) return storeScalar(cx, lv.type, lv.addr, v);
      const tmp = cx.addLocal(w);
      return m.block(null, [storeScalar(cx, lv.type, lv.addr, m.local.tee(tmp, v, w)), m.local.get(tmp, w)], w);
    }
    case "bits":
      return writeBits(cx, lv.field, lv.addr, v, wantValue);
  }
}

/** Splits an lvalue so it can be read and then written with one evaluation of its address. */
function dupLValue(cx: FnCtx, lv: LValue): { pre: Ex[]; a: LValue; b: LValue } {
  if (lv.kind === "local") return { pre: [], a: lv, b: lv };
  const d = shareAddr(cx, lv.addr);
  return { pre: d.pre, a: { ...lv, addr: d.get() }, b: { ...lv, addr: d.get() } };
}

// ---- bit-fields ---------------------------------------------------------------------------

/** The storage unit read and written for a bit-field: its type's size, widened if it straddles. */
function bitUnit(f: Field): { size: 1 | 2 | 4 | 8; wide: boolean } {
  let size = sizeOf(f.type);
  while ((f.bitOffset ?? 0) + (f.bitWidth ?? 0) > size * 8 && size < 8) size *= 2;
  return { size: size as 1 | 2 | 4 | 8, wide: size === 8 };
}

function loadUnit(cx: FnCtx, size: number, a: Addr): Ex {
  const m = cx.m;
  if (size === 1) return m.i32.load8_u(a.offset, 1, a.ptr);
  if (size === 2) return m.i32.load16_u(a.offset, 2, a.ptr);
  if (size === 4) return W.loadI32(m, a.offset, a.ptr);
  return W.loadI64(m, a.offset, a.ptr);
}

function storeUnit(cx: FnCtx, size: number, a: Addr, v: Ex): Ex {
  const m = cx.m;
  if (size === 1) return m.i32.store8(a.offset, 1, a.ptr, v);
  if (size === 2) return m.i32.store16(a.offset, 2, a.ptr, v);
  if (size === 4) return m.i32.store(a.offset, 4, a.ptr, v);
  return m.i64.store(a.offset, 8, a.ptr, v);
}

/** Integer ops of one width, so bit-field code is written once for i32 and i64. */
function intOps(cx: FnCtx, wide: boolean) {
  const m = cx.m;
  const I = wide ? m.i64 : m.i32;
  return {
    c: (v: bigint) => (wide ? m.i64.const(BigInt.asIntN(64, v)) : m.i32.const(Number(BigInt.asIntN(32, v)))),
    shl: (a: Ex, b: number) => (b === 0 ? a : I.shl(a, wide ? m.i64.const(BigInt(b)) : m.i32.const(b))),
    shrU: (a: Ex, b: number) => (b === 0 ? a : I.shr_u(a, wide ? m.i64.const(BigInt(b)) : m.i32.const(b))),
    shrS: (a: Ex, b: number) => (b === 0 ? a : I.shr_s(a, wide ? m.i64.const(BigInt(b)) : m.i32.const(b))),
    and: (a: Ex, b: Ex) => I.and(a, b),
    or: (a: Ex, b: Ex) => I.or(a, b),
    bits: wide ? 64 : 32,
  };
}

/** Sign- or zero-extends the low `width` bits of an integer of the given width. */
function extendBits(cx: FnCtx, v: Ex, width: number, signed: boolean, wide: boolean): Ex {
  const o = intOps(cx, wide);
  if (width >= o.bits) return v;
  if (signed) return o.shrS(o.shl(v, o.bits - width), o.bits - width);
  return o.and(v, o.c((1n << BigInt(width)) - 1n));
}

function readBits(cx: FnCtx, f: Field, a: Addr): Ex {
  const { size, wide } = bitUnit(f);
  const off = f.bitOffset ?? 0;
  const width = f.bitWidth ?? 0;
  const o = intOps(cx, wide);
  const signed = isSigned(f.type);
  const unit = loadUnit(cx, size, a);
  let v: Ex;
  if (signed) v = o.shrS(o.shl(unit, o.bits - off - width), o.bits - width);
  else v = off + width === o.bits ? o.shrU(unit, off) : o.and(o.shrU(unit, off), o.c((1n << BigInt(width)) - 1n));
  const fw = wasmType(f.type);
  if (wide && fw === W.i32) return cx.m.i32.wrap(v);
  if (!wide && fw === W.i64) return signed ? cx.m.i64.extend_s(v) : cx.m.i64.extend_u(v);
  return v;
}

function writeBits(cx: FnCtx, f: Field, a: Addr, v: Ex, wantValue: boolean): Ex {
  const m = cx.m;
  const { size, wide } = bitUnit(f);
  const off = f.bitOffset ?? 0;
  const width = f.bitWidth ?? 0;
  const o = intOps(cx, wide);
  const fw = wasmType(f.type);
  const pre: Ex[] = [];
  // The value is computed before the storage unit is read: it may itself store into the same
  // unit (`st.a = (st.b = 5, 3)`), and reading first would write the stale neighbour back.
  const s = share(cx, v, fw);
  pre.push(...s.pre);
  let value = s.get();
  const getValue: (() => Ex) | undefined = wantValue ? s.get : undefined;
  let unitValue = value;
  if (wide && fw === W.i32) unitValue = m.i64.extend_u(unitValue);
  else if (!wide && fw === W.i64) unitValue = m.i32.wrap(unitValue);
  const mask = (1n << BigInt(width)) - 1n;
  const d = shareAddr(cx, a);
  pre.push(...d.pre);
  const old = loadUnit(cx, size, d.get());
  const cleared = o.and(old, o.c(~(mask << BigInt(off))));
  const inserted = o.shl(o.and(unitValue, o.c(mask)), off);
  const store = storeUnit(cx, size, d.get(), o.or(cleared, inserted));
  if (!getValue) return pre.length ? m.block(null, [...pre, store]) : store;
  // The value of the assignment is the field's new value: truncated to its width.
  const result = extendBits(cx, getValue(), width, isSigned(f.type), fw === W.i64);
  return m.block(null, [...pre, store, result], fw);
}

// ---- operators ----------------------------------------------------------------------------

function emitUnary(cx: FnCtx, e: ExprOf<"unary">): Ex {
  const m = cx.m;
  const t = e.type!;
  switch (e.op) {
    case "&": {
      const op = e.operand;
      if (isFunction(op.type!) && op.kind === "ident" && op.sym) return m.i32.const(cx.gen.functionIndex(op.sym, cx.unit, op.span));
      return addrValue(cx, emitAddr(cx, op));
    }
    case "*": {
      const a = pointerAddr(cx, e.operand);
      return isAggregate(t) || isFunction(t) ? addrValue(cx, a) : loadScalar(cx, t, a);
    }
    case "+":
      return emitExpr(cx, e.operand);
    case "-": {
      const v = emitExpr(cx, e.operand);
      const w = wasmType(t);
      if (w === W.f32) return m.f32.neg(v);
      if (w === W.f64) return m.f64.neg(v);
      if (w === W.i64) return m.i64.sub(m.i64.const(0n), v);
      return m.i32.sub(m.i32.const(0), v);
    }
    case "~": {
      const v = emitExpr(cx, e.operand);
      return wasmType(t) === W.i64 ? m.i64.xor(v, m.i64.const(-1n)) : m.i32.xor(v, m.i32.const(-1));
    }
    case "!":
      return m.i32.eqz(emitCond(cx, e.operand));
  }
}

/** An arithmetic, bitwise or shift operation on two values of wasm type `w`. */
export function arith(cx: FnCtx, op: string, a: Ex, b: Ex, t: Type): Ex {
  const m = cx.m;
  const w = wasmType(t);
  const unsigned = !isSigned(t);
  if (w === W.f32 || w === W.f64) {
    const F = w === W.f32 ? m.f32 : m.f64;
    switch (op) {
      case "+": return F.add(a, b);
      case "-": return F.sub(a, b);
      case "*": return F.mul(a, b);
      case "/": return F.div(a, b);
    }
    return ice(`operator ${op} on floating values`);
  }
  const I = w === W.i64 ? m.i64 : m.i32;
  switch (op) {
    case "+": return I.add(a, b);
    case "-": return I.sub(a, b);
    case "*": return I.mul(a, b);
    case "/": return unsigned ? I.div_u(a, b) : I.div_s(a, b);
    case "%": return unsigned ? I.rem_u(a, b) : I.rem_s(a, b);
    case "&": return I.and(a, b);
    case "|": return I.or(a, b);
    case "^": return I.xor(a, b);
    case "<<": return I.shl(a, b);
    case ">>": return unsigned ? I.shr_u(a, b) : I.shr_s(a, b);
  }
  return ice(`unknown operator ${op}`);
}

function compare(cx: FnCtx, op: string, a: Ex, b: Ex, t: Type): Ex {
  const m = cx.m;
  const w = wasmType(t);
  if (w === W.f32 || w === W.f64) {
    const F = w === W.f32 ? m.f32 : m.f64;
    switch (op) {
      case "<": return F.lt(a, b);
      case ">": return F.gt(a, b);
      case "<=": return F.le(a, b);
      case ">=": return F.ge(a, b);
      case "==": return F.eq(a, b);
      case "!=": return F.ne(a, b);
    }
  }
  const I = w === W.i64 ? m.i64 : m.i32;
  const unsigned = !isSigned(t); // pointers compare unsigned
  switch (op) {
    case "<": return unsigned ? I.lt_u(a, b) : I.lt_s(a, b);
    case ">": return unsigned ? I.gt_u(a, b) : I.gt_s(a, b);
    case "<=": return unsigned ? I.le_u(a, b) : I.le_s(a, b);
    case ">=": return unsigned ? I.ge_u(a, b) : I.ge_s(a, b);
    case "==": return I.eq(a, b);
    case "!=": return I.ne(a, b);
  }
  return ice(`unknown comparison ${op}`);
}

/** A shift count converted to the shifted value's wasm type. */
function shiftCount(cx: FnCtx, v: Ex, countType: Type, valueType: Type): Ex {
  const cw = wasmType(countType);
  const vw = wasmType(valueType);
  if (cw === vw) return v;
  return vw === W.i64 ? cx.m.i64.extend_u(v) : cx.m.i32.wrap(v);
}

/** `p + n` / `p - n`: n (long or int) scaled by the pointee size, computed in 32 bits. */
function pointerOffset(cx: FnCtx, p: Ex, n: Ex, nType: Type, scale: number, subtract: boolean): Ex {
  const m = cx.m;
  let idx = wasmType(nType) === W.i64 ? m.i32.wrap(n) : n;
  const k = W.constI32Value(idx);
  if (k !== undefined) idx = m.i32.const(Math.imul(k, scale));
  else if (scale !== 1) idx = m.i32.mul(idx, m.i32.const(scale));
  return subtract ? m.i32.sub(p, idx) : m.i32.add(p, idx);
}

function emitBinary(cx: FnCtx, e: ExprOf<"binary">): Ex {
  const m = cx.m;
  const t = e.type!;
  const lt = e.left.type!;
  const rt = e.right.type!;
  switch (e.op) {
    case "&&":
      return m.if(emitCond(cx, e.left), emitBool01(cx, e.right), m.i32.const(0));
    case "||":
      return m.if(emitCond(cx, e.left), m.i32.const(1), emitBool01(cx, e.right));
    case ",": {
      const right = emitExpr(cx, e.right);
      return m.block(null, [emitDiscard(cx, e.left), right], W.typeOfExpr(right) === W.unreachableType ? W.unreachableType : wasmType(t));
    }
  }
  if (COMPARISONS.has(e.op)) {
    const a = emitExpr(cx, e.left);
    let b = emitExpr(cx, e.right);
    if (wasmType(lt) !== wasmType(rt)) b = convert(cx, b, rt, lt);
    return compare(cx, e.op, a, b, lt);
  }
  if (isPointer(t) && (e.op === "+" || e.op === "-")) {
    if (isPointer(lt)) return pointerOffset(cx, emitExpr(cx, e.left), emitExpr(cx, e.right), rt, elemSize(lt), e.op === "-");
    return pointerOffset(cx, emitExpr(cx, e.right), emitExpr(cx, e.left), lt, elemSize(rt), false);
  }
  if (e.op === "-" && isPointer(lt) && isPointer(rt)) {
    const diff = m.i64.extend_s(m.i32.sub(emitExpr(cx, e.left), emitExpr(cx, e.right)));
    const scale = elemSize(lt);
    const r = scale === 1 ? diff : m.i64.div_s(diff, m.i64.const(BigInt(scale)));
    return convert(cx, r, longType, t);
  }
  const a = emitExpr(cx, e.left);
  let b = emitExpr(cx, e.right);
  if (e.op === "<<" || e.op === ">>") return arith(cx, e.op, a, shiftCount(cx, b, rt, lt), lt);
  if (wasmType(lt) !== wasmType(rt)) b = convert(cx, b, rt, lt);
  return arith(cx, e.op, a, b, t);
}

// ---- assignment ---------------------------------------------------------------------------

function emitAssign(cx: FnCtx, e: ExprOf<"assign">, wantValue: boolean): Ex {
  const m = cx.m;
  const tt = e.target.type!;
  const lv = emitLValue(cx, e.target);
  if (e.op === "=") {
    let v = emitExpr(cx, e.value);
    if (!isAggregate(tt) && wasmType(e.value.type!) !== wasmType(tt)) v = convert(cx, v, e.value.type!, tt);
    return writeLValue(cx, lv, v, wantValue);
  }
  const op = e.op.slice(0, -1);
  const d = dupLValue(cx, lv);
  const old = readLValue(cx, d.a);
  let nv: Ex;
  if (isPointer(tt)) {
    nv = pointerOffset(cx, old, emitExpr(cx, e.value), e.value.type!, elemSize(tt), op === "-");
  } else {
    const opType = e.opType ?? tt;
    const a = convert(cx, old, tt, opType);
    let b = emitExpr(cx, e.value);
    if (op === "<<" || op === ">>") b = shiftCount(cx, b, e.value.type!, opType);
    else if (wasmType(e.value.type!) !== wasmType(opType)) b = convert(cx, b, e.value.type!, opType);
    nv = convert(cx, arith(cx, op, a, b, opType), opType, tt);
  }
  const w = writeLValue(cx, d.b, nv, wantValue);
  return seq(cx, d.pre, w, wantValue ? wasmType(tt) : W.none);
}

function emitIncDec(cx: FnCtx, e: ExprOf<"incdec">, wantValue: boolean): Ex {
  const m = cx.m;
  const t = e.operand.type!;
  const w = wasmType(t);
  const lv = emitLValue(cx, e.operand);
  const d = dupLValue(cx, lv);
  const step = (v: Ex): Ex => {
    const sub = e.op === "--";
    if (isPointer(t)) return pointerOffset(cx, v, m.i32.const(1), intType, elemSize(t), sub);
    if (w === W.f32) return sub ? m.f32.sub(v, m.f32.const(1)) : m.f32.add(v, m.f32.const(1));
    if (w === W.f64) return sub ? m.f64.sub(v, m.f64.const(1)) : m.f64.add(v, m.f64.const(1));
    if (w === W.i64) return sub ? m.i64.sub(v, m.i64.const(1n)) : m.i64.add(v, m.i64.const(1n));
    const r = sub ? m.i32.sub(v, m.i32.const(1)) : m.i32.add(v, m.i32.const(1));
    return t.kind === "int" ? normalize(cx, r, t) : r;
  };
  const old = readLValue(cx, d.a);
  if (!wantValue || e.prefix) {
    return seq(cx, d.pre, writeLValue(cx, d.b, step(old), wantValue), wantValue ? w : W.none);
  }
  const tmp = cx.addLocal(w);
  return m.block(
    null,
    [...d.pre, m.local.set(tmp, old), writeLValue(cx, d.b, step(m.local.get(tmp, w)), false), m.local.get(tmp, w)],
    w,
  );
}

// ---- casts --------------------------------------------------------------------------------

function isVaArgCall(e: ExprOf<"call">): boolean {
  return e.callee.kind === "ident" && e.callee.name === "__builtin_va_arg";
}

function emitCast(cx: FnCtx, e: ExprOf<"cast">): Ex {
  const op = e.operand;
  const from = op.type!;
  const to = e.type!;
  // Array → pointer decay: the array's address. Function → pointer: its table index.
  if (isArray(from)) return addrValue(cx, emitAddr(cx, op));
  if (isFunction(from)) {
    if (op.kind === "ident" && op.sym) return cx.m.i32.const(cx.gen.functionIndex(op.sym, cx.unit, op.span));
    return emitExpr(cx, op);
  }
  return convert(cx, emitExpr(cx, op), from, to);
}

// ---- compound literals and statement expressions ------------------------------------------

function emitCompoundAddr(cx: FnCtx, e: ExprOf<"compound">): Addr {
  const sym = e.sym;
  if (!sym) return ice("compound literal without storage");
  if (sym.storage !== "local") return { ptr: cx.m.i32.const(cx.gen.globalAddress(sym, cx.unit)), offset: 0 };
  const lv = symLValue(cx, sym);
  if (lv.kind !== "mem") return ice("compound literal not in memory");
  const init = emitLocalInit(cx, sym, e.flatInit ?? []);
  const d = shareAddr(cx, lv.addr);
  return { ptr: cx.m.block(null, [...d.pre, ...init, addrValue(cx, d.get())], W.i32), offset: 0 };
}

function emitStmtExpr(cx: FnCtx, e: ExprOf<"stmtexpr">): Ex {
  const items = e.body.items;
  const last = items[items.length - 1];
  const t = e.type!;
  if (isVoid(t) || !last || last.kind !== "expr" || !last.expr) {
    return cx.m.block(null, emitBlockItems(cx, items));
  }
  const body = emitBlockItems(cx, items.slice(0, -1));
  const value = emitValueAs(cx, last.expr, t);
  return cx.m.block(null, [...body, value], wasmType(t));
}

// ---- calls --------------------------------------------------------------------------------

function emitCall(cx: FnCtx, e: ExprOf<"call">): Ex {
  const m = cx.m;
  const callee = e.callee;
  if (callee.kind === "ident" && callee.sym?.kind === "func" && isFunction(callee.type!)) {
    const name = callee.name;
    if (name.startsWith("__builtin_")) {
      const b = emitBuiltin(cx, e, name);
      if (b !== undefined) return b;
    }
    const plain = name.startsWith("__builtin_") ? name.slice(10) : name;
    const intrinsic = MATH_INTRINSICS[plain];
    if (intrinsic && !cx.gen.programDefines(plain) && e.args.length === intrinsic.arity) {
      const args = e.args.map((a) => convert(cx, emitExpr(cx, a), a.type!, intrinsic.f32 ? floatType : doubleType));
      return convert(cx, intrinsic.emit(cx, args), intrinsic.f32 ? floatType : doubleType, e.type!);
    }
    const target = cx.gen.resolveCall(callee.sym, plain, cx.unit, callee.span);
    if (!target) return m.block(null, [...e.args.map((a) => emitDiscard(cx, a)), m.unreachable()], W.unreachableType);
    const { pre, operands } = emitArgs(cx, e.args, target.sig, callee.type as FunctionType);
    const call = m.call(target.name, operands, target.sig.result);
    return seq(cx, pre, callResult(cx, call, target.sig, e.type!), wasmType(e.type!));
  }
  // Indirect: the callee is a function pointer (a table index).
  const pt = callee.type!;
  const ft = (isPointer(pt) && isFunction(pt.to) ? pt.to : isFunction(pt) ? pt : undefined) as FunctionType | undefined;
  if (!ft) return ice("call through a non-function");
  const sig = sigOfType(ft, e.args);
  const target = emitExpr(cx, callee);
  const { pre, operands } = emitArgs(cx, e.args, sig, ft);
  cx.gen.noteIndirectCall();
  const call = m.call_indirect(cx.gen.tableName, target, operands, W.tupleType(sig.wasmParams), sig.result);
  return seq(cx, pre, callResult(cx, call, sig, e.type!), wasmType(e.type!));
}

/** The call's value converted to the type the caller expects (they differ only on mismatched declarations). */
function callResult(cx: FnCtx, call: Ex, sig: Sig, want: Type): Ex {
  if (isVoid(want)) return sig.result === W.none ? call : cx.m.drop(call);
  if (sig.result === W.none) return cx.m.block(null, [call, zeroOf(cx, want)], wasmType(want));
  if (isAggregate(want) || isAggregate(sig.ret)) return call;
  if (wasmType(sig.ret) !== wasmType(want)) return convert(cx, call, sig.ret, want);
  return call;
}

/** The signature a call through a pointer of function type `ft` uses. */
export function sigOfType(ft: FunctionType, args: Expr[]): Sig {
  const params = ft.unprototyped ? args.map((a) => a.type!) : ft.params;
  return makeSig(params, ft.ret, ft.variadic && !ft.unprototyped);
}

export function makeSig(params: Type[], ret: Type, variadic: boolean): Sig {
  const sret = isRecord(ret);
  const wasmParams: W.WasmValueType[] = [];
  if (sret) wasmParams.push(W.i32);
  for (const p of params) wasmParams.push(wasmType(p));
  if (variadic) wasmParams.push(W.i32);
  return { params, ret, sret, variadic, wasmParams, result: sret ? W.i32 : wasmType(ret) };
}

/**
 * The wasm operands of a call: the sret space, the fixed arguments converted to the
 * callee's parameter types (structs copied), then the variadic area (runtime/abi.ts).
 */
function emitArgs(cx: FnCtx, args: Expr[], sig: Sig, callType: FunctionType): { pre: Ex[]; operands: Ex[] } {
  const m = cx.m;
  const operands: Ex[] = [];
  const pre: Ex[] = [];
  if (sig.sret) {
    const off = cx.allocFrame(sizeOf(sig.ret), Math.max(8, alignOf(sig.ret)));
    operands.push(addrValue(cx, cx.frameAddr(off)));
  }
  const nFixed = sig.params.length;
  for (let i = 0; i < nFixed; i++) {
    const pt = sig.params[i];
    const a = args[i];
    if (!a) {
      operands.push(zeroOf(cx, pt)); // too few arguments to an unprototyped function: UB in C
      continue;
    }
    operands.push(emitArgValue(cx, a, pt));
  }
  const rest = args.slice(nFixed);
  if (sig.variadic) operands.push(emitVaArea(cx, rest));
  else for (const a of rest) pre.push(emitDiscard(cx, a)); // extra arguments: evaluated, ignored
  void callType;
  return { pre, operands };
}

/** One argument: a scalar converted to the parameter type, or the address of a struct copy. */
function emitArgValue(cx: FnCtx, a: Expr, pt: Type): Ex {
  const m = cx.m;
  const at = a.type!;
  if (isRecord(pt) || isRecord(at)) {
    const size = sizeOf(isRecord(pt) ? pt : at);
    const off = cx.allocFrame(size, Math.max(8, alignOf(isRecord(pt) ? pt : at)));
    const dst = cx.frameAddr(off);
    return m.block(null, [copyMemory(cx, dst, emitExpr(cx, a), size), addrValue(cx, cx.frameAddr(off))], W.i32);
  }
  return convert(cx, emitExpr(cx, a), at, pt);
}

/** Builds the variadic area in the frame: each argument in ceil(size/8) 8-byte slots. */
function emitVaArea(cx: FnCtx, args: Expr[]): Ex {
  const m = cx.m;
  if (args.length === 0) return m.i32.const(0);
  const offsets: number[] = [];
  let size = 0;
  for (const a of args) {
    offsets.push(size);
    size += Math.max(8, Math.ceil(sizeOf(a.type!) / 8) * 8);
  }
  const base = cx.allocFrame(size, 16);
  const stores = args.map((a, i) => {
    const at = a.type!;
    const slot = cx.frameAddr(base + offsets[i]);
    if (isRecord(at)) return copyMemory(cx, slot, emitExpr(cx, a), sizeOf(at));
    if (isArray(at) || isFunction(at)) return storeScalar(cx, ulongType, slot, m.i64.extend_u(emitExpr(cx, a)));
    return storeScalar(cx, at, slot, emitExpr(cx, a));
  });
  return m.block(null, [...stores, addrValue(cx, cx.frameAddr(base))], W.i32);
}

// ---- builtins -----------------------------------------------------------------------------

interface Intrinsic {
  arity: number;
  f32: boolean;
  emit: (cx: FnCtx, a: Ex[]) => Ex;
}

/** libc math functions that are single wasm instructions (when the program does not define them). */
const MATH_INTRINSICS: Record<string, Intrinsic> = (() => {
  const table: Record<string, Intrinsic> = {};
  const unary = {
    sqrt: "sqrt", fabs: "abs", floor: "floor", ceil: "ceil", trunc: "trunc", nearbyint: "nearest", rint: "nearest",
  } as const;
  for (const [c, op] of Object.entries(unary)) {
    table[c] = { arity: 1, f32: false, emit: (cx, a) => cx.m.f64[op](a[0]) };
    table[c + "l"] = { arity: 1, f32: false, emit: (cx, a) => cx.m.f64[op](a[0]) };
    table[c + "f"] = { arity: 1, f32: true, emit: (cx, a) => cx.m.f32[op](a[0]) };
  }
  table.copysign = { arity: 2, f32: false, emit: (cx, a) => cx.m.f64.copysign(a[0], a[1]) };
  table.copysignl = table.copysign;
  table.copysignf = { arity: 2, f32: true, emit: (cx, a) => cx.m.f32.copysign(a[0], a[1]) };
  return table;
})();

/** The compiler's own builtins; undefined for a `__builtin_X` that is just libc's X. */
function emitBuiltin(cx: FnCtx, e: ExprOf<"call">, name: string): Ex | undefined {
  const m = cx.m;
  const args = e.args;
  const arg = (i: number): Ex => emitExpr(cx, args[i]);
  const t = e.type!;
  switch (name) {
    case "__builtin_va_start": {
      const lv = emitLValue(cx, args[0]);
      const area = cx.vaArea !== undefined ? m.local.get(cx.vaArea, W.i32) : m.i32.const(0);
      return writeLValue(cx, lv, area, false);
    }
    case "__builtin_va_end":
      return m.nop();
    case "__builtin_va_copy":
      return writeLValue(cx, emitLValue(cx, args[0]), emitExpr(cx, args[1]), false);
    case "__builtin_va_arg":
      return emitVaArg(cx, e);
    case "__builtin_expect":
      return convert(cx, arg(0), args[0].type!, t);
    case "__builtin_unreachable":
    case "__builtin_trap":
      return m.unreachable();
    case "__builtin_wasm_memory_size":
      return m.i64.extend_u(m.memory.size());
    case "__builtin_wasm_memory_grow":
      return m.i64.extend_s(m.memory.grow(convert(cx, arg(1), args[1].type!, uintType)));
    case "__builtin_heap_base":
      return m.global.get(cx.gen.heapBaseGlobal, W.i32);
    case "__builtin_constant_p":
      return m.i32.const(0);
    case "__builtin_inf":
    case "__builtin_inff":
    case "__builtin_huge_val":
    case "__builtin_huge_valf":
      return wasmType(t) === W.f32 ? m.f32.const(Infinity) : m.f64.const(Infinity);
    case "__builtin_nan":
    case "__builtin_nanf":
      return wasmType(t) === W.f32 ? m.f32.const(NaN) : m.f64.const(NaN);
    case "__builtin_isnan":
    case "__builtin_isinf":
    case "__builtin_isinf_sign":
    case "__builtin_isfinite":
    case "__builtin_signbit":
      return emitFloatClass(cx, name, args[0]);
    case "__builtin_popcount":
    case "__builtin_popcountl":
    case "__builtin_popcountll":
    case "__builtin_clz":
    case "__builtin_clzl":
    case "__builtin_clzll":
    case "__builtin_ctz":
    case "__builtin_ctzl":
    case "__builtin_ctzll": {
      const v = arg(0);
      const wide = wasmType(args[0].type!) === W.i64;
      const kind = name.includes("popcount") ? "popcnt" : name.includes("clz") ? "clz" : "ctz";
      const r = wide ? m.i64[kind](v) : m.i32[kind](v);
      return wide ? m.i32.wrap(r) : r;
    }
    case "__builtin_ffs": {
      // ffs(x) = x ? ctz(x) + 1 : 0
      const s = share(cx, arg(0), W.i32);
      // binaryen.js's select takes the condition first.
      return seq(cx, s.pre, m.select(s.get(), m.i32.add(m.i32.ctz(s.get()), m.i32.const(1)), m.i32.const(0)), W.i32);
    }
    case "__builtin_bswap16": {
      const s = share(cx, arg(0), W.i32);
      const v = m.i32.and(m.i32.or(m.i32.shl(s.get(), m.i32.const(8)), m.i32.shr_u(s.get(), m.i32.const(8))), m.i32.const(0xffff));
      return seq(cx, s.pre, v, W.i32);
    }
    case "__builtin_bswap32": {
      const s = share(cx, arg(0), W.i32);
      return seq(cx, s.pre, bswap32(cx, s.get, s.get), W.i32);
    }
    case "__builtin_bswap64": {
      const s = share(cx, arg(0), W.i64);
      const lo = share(cx, m.i32.wrap(s.get()), W.i32);
      const hi = share(cx, m.i32.wrap(m.i64.shr_u(s.get(), m.i64.const(32n))), W.i32);
      const v = m.i64.or(
        m.i64.shl(m.i64.extend_u(bswap32(cx, lo.get, lo.get)), m.i64.const(32n)),
        m.i64.extend_u(bswap32(cx, hi.get, hi.get)),
      );
      return seq(cx, [...s.pre, ...lo.pre, ...hi.pre], v, W.i64);
    }
    case "__builtin_abort":
      return undefined;
  }
  return undefined;
}

function bswap32(cx: FnCtx, a: () => Ex, b: () => Ex): Ex {
  const m = cx.m;
  return m.i32.or(
    m.i32.rotl(m.i32.and(a(), m.i32.const(0xff00ff00 | 0)), m.i32.const(8)),
    m.i32.rotr(m.i32.and(b(), m.i32.const(0x00ff00ff)), m.i32.const(8)),
  );
}

function emitFloatClass(cx: FnCtx, name: string, a: Expr): Ex {
  const m = cx.m;
  let at = a.type!;
  let v = emitExpr(cx, a);
  if (!isFloat(at)) {
    v = convert(cx, v, at, doubleType);
    at = doubleType;
  }
  const f32 = wasmType(at) === W.f32;
  const F = f32 ? m.f32 : m.f64;
  const s = share(cx, v, f32 ? W.f32 : W.f64);
  const inf = f32 ? m.f32.const(Infinity) : m.f64.const(Infinity);
  let r: Ex;
  switch (name) {
    case "__builtin_isnan":
      r = F.ne(s.get(), s.get());
      break;
    case "__builtin_isinf":
      r = F.eq(F.abs(s.get()), inf);
      break;
    case "__builtin_isinf_sign":
      r = m.select(
        F.eq(F.abs(s.get()), f32 ? m.f32.const(Infinity) : m.f64.const(Infinity)),
        m.select(signBit(cx, s.get(), f32), m.i32.const(-1), m.i32.const(1)),
        m.i32.const(0),
      );
      break;
    case "__builtin_isfinite":
      r = F.lt(F.abs(s.get()), inf);
      break;
    default:
      r = signBit(cx, s.get(), f32);
  }
  return seq(cx, s.pre, r, W.i32);
}

function signBit(cx: FnCtx, v: Ex, f32: boolean): Ex {
  const m = cx.m;
  return f32 ? m.i32.shr_u(m.i32.reinterpret(v), m.i32.const(31)) : m.i32.wrap(m.i64.shr_u(m.i64.reinterpret(v), m.i64.const(63n)));
}

/** `va_arg(ap, T)`: load a T at ap, advance ap by round_up(sizeof T, 8). */
function emitVaArg(cx: FnCtx, e: ExprOf<"call">): Ex {
  const m = cx.m;
  const t = e.type!;
  const lv = emitLValue(cx, e.args[0]);
  const d = dupLValue(cx, lv);
  const p = cx.addLocal(W.i32);
  const size = Math.max(8, Math.ceil(sizeOf(t) / 8) * 8);
  const value = isVoid(t) ? m.nop() : loadScalar(cx, t, { ptr: m.local.get(p, W.i32), offset: 0 });
  return m.block(
    null,
    [
      ...d.pre,
      m.local.set(p, readLValue(cx, d.a)),
      writeLValue(cx, d.b, m.i32.add(m.local.get(p, W.i32), m.i32.const(size)), false),
      value,
    ],
    wasmType(t),
  );
}

