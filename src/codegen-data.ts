// Static data: the bytes of globals, static locals and string literals.
// In: checked initializers of objects with static storage (constants only: the checker folded
// them to literals, string literals, or address constants `(T)((char *)&sym + k)`), and the
// module's address assignment (`StaticContext`). Out: a byte image laid out from DATA_START,
// written into wasm data segments by `codegen.ts`. Addresses are known as soon as an object is
// placed, so an address constant is just a number here; a function's address is its index in
// the function table.

import type { Expr, FlatInit, Symbol } from "./ast.js";
import type { Span } from "./source.js";
import { type Field, type Type, isArray, isFloat, isFunction, isInteger, isPointer, isRecord, sizeOf } from "./types.js";
import { DATA_START } from "../runtime/abi.js";

export interface StaticContext {
  globalAddress(sym: Symbol, unit: number): number;
  functionIndex(sym: Symbol, unit: number, span: Span): number;
  stringAddress(bytes: Uint8Array): number;
}

/** A growable image of memory from DATA_START. */
export class StaticData {
  private buf = new Uint8Array(1024);
  private view = new DataView(this.buf.buffer);
  end = DATA_START;
  private readonly strings = new Map<string, number>();

  alloc(size: number, align: number): number {
    const a = Math.max(1, align);
    const at = Math.ceil(this.end / a) * a;
    this.end = at + size;
    this.ensure(this.end);
    return at;
  }

  private ensure(end: number): void {
    const need = end - DATA_START;
    if (need <= this.buf.length) return;
    let n = this.buf.length;
    while (n < need) n *= 2;
    const next = new Uint8Array(n);
    next.set(this.buf);
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  /** The address of a NUL-terminated copy of `bytes`; identical literals share one copy. */
  stringAddress(bytes: Uint8Array): number {
    const key = String.fromCharCode(...bytes);
    const known = this.strings.get(key);
    if (known !== undefined) return known;
    const at = this.alloc(bytes.length + 1, 1);
    this.buf.set(bytes, at - DATA_START);
    this.strings.set(key, at);
    return at;
  }

  /** The image from DATA_START to the end of the last object. */
  image(): Uint8Array {
    return this.buf.subarray(0, this.end - DATA_START);
  }

  writeBytes(addr: number, bytes: Uint8Array): void {
    this.buf.set(bytes, addr - DATA_START);
  }

  writeInt(addr: number, size: number, v: bigint): void {
    let x = BigInt.asUintN(size * 8, v);
    for (let i = 0; i < size; i++) {
      this.buf[addr - DATA_START + i] = Number(x & 0xffn);
      x >>= 8n;
    }
  }

  readInt(addr: number, size: number): bigint {
    let x = 0n;
    for (let i = size - 1; i >= 0; i--) x = (x << 8n) | BigInt(this.buf[addr - DATA_START + i]);
    return x;
  }

  writeFloat(addr: number, size: number, v: number): void {
    if (size === 4) this.view.setFloat32(addr - DATA_START, v, true);
    else this.view.setFloat64(addr - DATA_START, v, true);
  }
}

type ConstValue = bigint | number;

/** Writes the initializer of a static object placed at `base`. Memory starts zeroed. */
export function writeStaticInit(cx: StaticContext, data: StaticData, unit: number, base: number, inits: FlatInit[]): void {
  for (const fi of inits) writeStaticItem(cx, data, unit, base + fi.offset, fi);
}

function writeStaticItem(cx: StaticContext, data: StaticData, unit: number, addr: number, fi: FlatInit): void {
  const e = fi.expr;
  if (isArray(fi.type) && e.kind === "string") {
    const n = Math.min(e.bytes.length + 1, sizeOf(fi.type));
    const bytes = new Uint8Array(n);
    bytes.set(e.bytes.subarray(0, Math.min(n, e.bytes.length)));
    data.writeBytes(addr, bytes);
    return;
  }
  if (isRecord(fi.type) || isArray(fi.type)) {
    // A struct initialized from a compound literal (GNU): its own stores, here.
    if (e.kind === "compound" && e.flatInit) writeStaticInit(cx, data, unit, addr, e.flatInit);
    return;
  }
  const v = evalConst(cx, unit, e);
  if (v === undefined) return; // the checker reported a non-constant initializer
  if (fi.bitField) {
    writeBitField(data, addr, fi.bitField, toInt(v));
    return;
  }
  writeScalar(data, addr, fi.type, v);
}

function toInt(v: ConstValue): bigint {
  if (typeof v === "bigint") return v;
  return Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
}

function writeScalar(data: StaticData, addr: number, t: Type, v: ConstValue): void {
  if (isFloat(t)) data.writeFloat(addr, t.size === 4 ? 4 : 8, typeof v === "bigint" ? Number(v) : v);
  else if (isPointer(t)) data.writeInt(addr, 8, BigInt.asUintN(32, toInt(v)));
  else if (isInteger(t)) data.writeInt(addr, t.size, t.name === "_Bool" ? (toInt(v) !== 0n ? 1n : 0n) : toInt(v));
}

function writeBitField(data: StaticData, addr: number, f: Field, v: bigint): void {
  let size = sizeOf(f.type);
  const off = f.bitOffset ?? 0;
  const width = f.bitWidth ?? 0;
  while (off + width > size * 8 && size < 8) size *= 2;
  const mask = (1n << BigInt(width)) - 1n;
  const old = data.readInt(addr, size);
  data.writeInt(addr, size, (old & ~(mask << BigInt(off))) | ((v & mask) << BigInt(off)));
}

/** The value of a constant initializer expression: an integer (addresses too) or a float. */
function evalConst(cx: StaticContext, unit: number, e: Expr): ConstValue | undefined {
  const t = e.type!;
  switch (e.kind) {
    case "int":
      return e.value;
    case "float":
      return e.value;
    case "string":
      return BigInt(cx.stringAddress(e.bytes));
    case "sizeof":
    case "alignof":
      return undefined;
    case "ident":
      if (e.sym?.kind === "func") return BigInt(cx.functionIndex(e.sym, unit, e.span));
      return undefined;
    case "compound":
      return e.sym ? BigInt(cx.globalAddress(e.sym, unit)) : undefined;
    case "cast": {
      const from = e.operand.type!;
      const v = isArray(from) || isFunction(from) ? evalAddr(cx, unit, e.operand) : evalConst(cx, unit, e.operand);
      if (v === undefined) return undefined;
      return castConst(v, t);
    }
    case "unary": {
      if (e.op === "&") return evalAddr(cx, unit, e.operand);
      const v = evalConst(cx, unit, e.operand);
      if (v === undefined) return undefined;
      if (e.op === "-") return typeof v === "bigint" ? castConst(-v, t) : -v;
      if (e.op === "~") return typeof v === "bigint" ? castConst(~v, t) : undefined;
      if (e.op === "!") return (typeof v === "bigint" ? v === 0n : v === 0) ? 1n : 0n;
      return v;
    }
    case "binary": {
      const a = evalConst(cx, unit, e.left);
      const b = evalConst(cx, unit, e.right);
      if (a === undefined || b === undefined) return undefined;
      if (isPointer(t) && (e.op === "+" || e.op === "-")) {
        const [p, n, pt] = isPointer(e.left.type!) ? [a, b, e.left.type!] : [b, a, e.right.type!];
        const step = BigInt(isPointer(pt) ? Math.max(1, sizeOf(pt.to)) : 1);
        return BigInt.asUintN(32, e.op === "+" ? toInt(p) + toInt(n) * step : toInt(p) - toInt(n) * step);
      }
      if (typeof a === "number" || typeof b === "number") {
        const x = Number(a);
        const y = Number(b);
        switch (e.op) {
          case "+": return castConst(x + y, t);
          case "-": return castConst(x - y, t);
          case "*": return castConst(x * y, t);
          case "/": return castConst(x / y, t);
        }
        return undefined;
      }
      switch (e.op) {
        case "+": return castConst(a + b, t);
        case "-": return castConst(a - b, t);
        case "*": return castConst(a * b, t);
        case "&": return castConst(a & b, t);
        case "|": return castConst(a | b, t);
        case "^": return castConst(a ^ b, t);
      }
      return undefined;
    }
    case "cond": {
      const c = evalConst(cx, unit, e.cond);
      if (c === undefined) return undefined;
      return evalConst(cx, unit, (typeof c === "bigint" ? c !== 0n : c !== 0) ? e.then : e.else);
    }
    default:
      return undefined;
  }
}

function castConst(v: ConstValue, t: Type): ConstValue {
  if (isFloat(t)) {
    const n = typeof v === "bigint" ? Number(v) : v;
    return t.size === 4 ? Math.fround(n) : n;
  }
  if (isInteger(t)) {
    const x = toInt(v);
    if (t.name === "_Bool") return (typeof v === "number" ? v !== 0 : x !== 0n) ? 1n : 0n;
    return t.signed ? BigInt.asIntN(t.size * 8, x) : BigInt.asUintN(t.size * 8, x);
  }
  if (isPointer(t)) return BigInt.asUintN(32, toInt(v));
  return v;
}

/** The address of a static lvalue. */
function evalAddr(cx: StaticContext, unit: number, e: Expr): bigint | undefined {
  switch (e.kind) {
    case "ident":
      if (!e.sym) return undefined;
      if (e.sym.kind === "func") return BigInt(cx.functionIndex(e.sym, unit, e.span));
      return BigInt(cx.globalAddress(e.sym, unit));
    case "string":
      return BigInt(cx.stringAddress(e.bytes));
    case "compound":
      return e.sym ? BigInt(cx.globalAddress(e.sym, unit)) : undefined;
    case "member": {
      const base = e.arrow ? evalConst(cx, unit, e.base) : evalAddr(cx, unit, e.base);
      return base === undefined ? undefined : toInt(base) + BigInt(e.offset ?? 0);
    }
    case "unary":
      if (e.op === "*") {
        const p = evalConst(cx, unit, e.operand);
        return p === undefined ? undefined : toInt(p);
      }
      return undefined;
    case "cast":
      return evalAddr(cx, unit, e.operand);
    default:
      return undefined;
  }
}
