// Code generation for functions and statements.
// In: a checked function definition, its wasm signature, and the module-level services
// (`ModuleContext`: symbol addresses, string literals, call resolution) from `codegen.ts`.
// Out: a binaryen function added to the module. Statements are emitted as structured wasm
// (blocks, loops, br_table) when the function has no `goto` and every `case` label sits at the
// top level of its switch; otherwise the whole body becomes a control-flow graph that
// binaryen's Relooper turns back into structured code (gotos into loops, Duff's device).
//
// The stack frame (locals whose address is taken, arrays, structs, call temporaries) is
// carved from `__stack_pointer` on entry and released on the single exit: every `return`
// branches to one outer block, after which the epilogue restores the stack pointer.

import type { Declaration, Expr, FlatInit, FunctionDef, Stmt, Symbol } from "./ast.js";
import type { Span } from "./source.js";
import { type Type, type FunctionType, isArray, isRecord, sizeOf, alignOf, isInteger, isFloat, doubleType, intType } from "./types.js";
import * as W from "./wasm.js";
import { STACK_ALIGN } from "../runtime/abi.js";
import {
  type Addr, addrValue, constOf, convert, copyMemory, emitCond, emitDiscard, emitExpr, ice, isAggregate, storeScalar, symLValue,
  wasmType, writeLValue, zeroOf,
} from "./codegen-expr.js";

type Ex = W.ExprRef;

/** A wasm-level signature with the C types it was made from. */
export interface Sig {
  /** C types of the declared parameters (records included; they travel as pointers). */
  params: Type[];
  ret: Type;
  /** A hidden first i32 parameter points to the result space of a struct-returning function. */
  sret: boolean;
  /** One extra trailing i32 parameter: the variadic area. */
  variadic: boolean;
  wasmParams: W.WasmValueType[];
  result: W.WasmValueType;
}

/** What a function body needs from the module being generated. */
export interface ModuleContext {
  readonly m: W.Module;
  readonly tableName: string;
  readonly heapBaseGlobal: string;
  readonly stackPointerGlobal: string;
  stringAddress(bytes: Uint8Array): number;
  globalAddress(sym: Symbol, unit: number): number;
  functionIndex(sym: Symbol, unit: number, span: Span): number;
  /** The wasm function a direct call goes to, or undefined (an undefined reference, reported). */
  resolveCall(sym: Symbol, name: string, unit: number, span: Span): { name: string; sig: Sig } | undefined;
  /** Whether the program (not the libc) defines a function of this name. */
  programDefines(name: string): boolean;
  /** The wasm global a `param` is read from (an import from module "params"). */
  paramGlobal(sym: Symbol): string;
  /** The function being emitted calls through a pointer (it may reach any table entry). */
  noteIndirectCall(): void;
  /** The fuel counter's global when compiling with fuel. */
  readonly fuelGlobal: string | undefined;
}

export type Place =
  | { kind: "local"; index: number }
  | { kind: "frame"; offset: number }
  /** Struct parameters: the wasm param holds the address of the caller's copy. */
  | { kind: "byRef"; index: number }
  | { kind: "static" };

/** Per-function state: wasm locals, the frame layout, branch targets. */
export class FnCtx {
  readonly m: W.Module;
  readonly vars: W.WasmValueType[] = [];
  readonly nParams: number;
  /** Local holding the frame base (the lowered stack pointer). */
  readonly fp: number;
  frameSize = 0;
  vaArea: number | undefined;
  sret: number | undefined;
  readonly retType: Type;
  readonly retWasm: W.WasmValueType;
  readonly retLabel = "return";
  readonly breaks: string[] = [];
  readonly continues: string[] = [];
  readonly prologue: Ex[] = [];
  readonly localNames = new Map<number, string>();
  cfg: Cfg | undefined;
  /** In Relooper mode, returns store their value here and branch to the exit block. */
  retLocal: number | undefined;
  private readonly places = new Map<Symbol, Place>();
  private labelCount = 0;

  constructor(
    readonly gen: ModuleContext,
    readonly unit: number,
    readonly def: FunctionDef,
    readonly sig: Sig,
  ) {
    this.m = gen.m;
    this.nParams = sig.wasmParams.length;
    this.retType = sig.ret;
    this.retWasm = sig.result;
    this.fp = this.addLocal(W.i32, "__fp");
    let idx = 0;
    if (sig.sret) {
      this.sret = idx++;
      this.localNames.set(this.sret, "__sret");
    }
    const params = def.params ?? [];
    params.forEach((p, i) => {
      const index = idx + i;
      const passed = sig.params[i] ?? p.type;
      this.localNames.set(index, p.name);
      if (isAggregate(p.type)) {
        this.places.set(p, { kind: "byRef", index });
      } else if (p.addressTaken) {
        const offset = this.allocFrame(sizeOf(p.type), alignOf(p.type));
        this.places.set(p, { kind: "frame", offset });
        const v = convert(this, this.m.local.get(index, wasmType(passed)), passed, p.type);
        this.prologue.push(storeScalar(this, p.type, this.frameAddr(offset), v));
      } else if (wasmType(passed) !== wasmType(p.type)) {
        // A K&R `float` parameter arrives promoted to double.
        const local = this.addLocal(wasmType(p.type), p.name);
        this.places.set(p, { kind: "local", index: local });
        this.prologue.push(this.m.local.set(local, convert(this, this.m.local.get(index, wasmType(passed)), passed, p.type)));
      } else {
        this.places.set(p, { kind: "local", index });
      }
    });
    if (sig.variadic) {
      this.vaArea = idx + params.length;
      this.localNames.set(this.vaArea, "__va_area");
    }
  }

  addLocal(t: W.WasmValueType, name?: string): number {
    this.vars.push(t);
    const index = this.nParams + this.vars.length - 1;
    if (name) this.localNames.set(index, name);
    return index;
  }

  allocFrame(size: number, align: number): number {
    const a = Math.min(Math.max(align, 1), STACK_ALIGN);
    this.frameSize = Math.ceil(this.frameSize / a) * a;
    const offset = this.frameSize;
    this.frameSize += Math.max(size, 1);
    return offset;
  }

  frameAddr(offset: number): Addr {
    return { ptr: this.m.local.get(this.fp, W.i32), offset };
  }

  /** Where a variable lives; a local gets its wasm local or frame slot on first use. */
  placeOf(sym: Symbol): Place {
    const known = this.places.get(sym);
    if (known) return known;
    let place: Place;
    if (sym.storage !== "local" && sym.storage !== "param") place = { kind: "static" };
    else if (isAggregate(sym.type) || sym.addressTaken) place = { kind: "frame", offset: this.allocFrame(sizeOf(sym.type), alignOf(sym.type)) };
    else place = { kind: "local", index: this.addLocal(wasmType(sym.type), sym.name) };
    this.places.set(sym, place);
    return place;
  }

  newLabel(prefix: string): string {
    return `${prefix}${this.labelCount++}`;
  }
}

// ---- functions ----------------------------------------------------------------------------

/** Emits one function definition into the module under `name`. */
export function emitFunction(gen: ModuleContext, unit: number, def: FunctionDef, name: string, sig: Sig): void {
  const cx = new FnCtx(gen, unit, def, sig);
  const m = cx.m;
  let stmts: Ex[];
  // Falling off the end: main returns 0 (C11 5.1.2.2.3); elsewhere the value is undefined, and
  // zero is kinder than a trap.
  const fall: Ex[] = [];
  if (needsRelooper(def.body)) {
    const cfg = new Cfg(cx);
    cx.cfg = cfg;
    if (cx.retWasm !== W.none && cx.sret === undefined) cx.retLocal = cx.addLocal(cx.retWasm, "__return");
    cfg.lowerItems(def.body.items);
    stmts = [cfg.render()];
    if (cx.retLocal !== undefined) fall.push(m.local.get(cx.retLocal, cx.retWasm));
  } else {
    stmts = emitBlockItems(cx, def.body.items);
  }
  if (cx.retWasm !== W.none && fall.length === 0) fall.push(cx.sret !== undefined ? m.local.get(cx.sret, W.i32) : zeroOf(cx, cx.retType));
  let body = m.block(cx.retLabel, [...emitFuel(cx), ...cx.prologue, ...stmts, ...fall], cx.retWasm);
  if (cx.frameSize > 0) {
    const size = Math.ceil(cx.frameSize / STACK_ALIGN) * STACK_ALIGN;
    const sp = gen.stackPointerGlobal;
    const enter = [
      m.local.set(cx.fp, m.i32.sub(m.global.get(sp, W.i32), m.i32.const(size))),
      m.global.set(sp, m.local.get(cx.fp, W.i32)),
    ];
    const leave = m.global.set(sp, m.i32.add(m.local.get(cx.fp, W.i32), m.i32.const(size)));
    if (cx.retWasm === W.none) body = m.block(null, [...enter, body, leave]);
    else {
      const r = cx.addLocal(cx.retWasm, "__result");
      body = m.block(null, [...enter, m.local.set(r, body), leave, m.local.get(r, cx.retWasm)], cx.retWasm);
    }
  }
  const fn = m.addFunction(name, W.tupleType(sig.wasmParams), sig.result, cx.vars, body);
  const used = new Set<string>();
  for (const [index, local] of cx.localNames) {
    let n = local;
    for (let k = 1; used.has(n); k++) n = `${local}_${k}`;
    used.add(n);
    W.nameLocal(m, fn, index, n);
  }
}

/** The wasm signature of a definition: its parameters' types (promoted for K&R definitions). */
export function sigOfDefinition(def: FunctionDef, makeSig: (params: Type[], ret: Type, variadic: boolean) => Sig): Sig {
  const ft = def.sym!.type as FunctionType;
  const kr = def.oldStyleDecls.length > 0;
  const params = (def.params ?? []).map((p) => (kr ? defaultPromote(p.type) : p.type));
  return makeSig(params, ft.ret, ft.variadic && !ft.unprototyped);
}

function defaultPromote(t: Type): Type {
  if (isFloat(t) && t.size === 4) return doubleType;
  if (isInteger(t) && t.size < 4) return intType;
  return t;
}

/**
 * One unit of fuel (runtime/abi.ts): spent at function entry and at the head of every loop
 * iteration, so any run that does not end spends without bound and traps. A global
 * subtract-and-test is a few instructions, cheap next to a loop body that touches memory.
 */
function emitFuel(cx: FnCtx): Ex[] {
  const g = cx.gen.fuelGlobal;
  if (!g) return [];
  const m = cx.m;
  return [
    m.global.set(g, m.i64.sub(m.global.get(g, W.i64), m.i64.const(1n))),
    m.if(m.i64.lt_s(m.global.get(g, W.i64), m.i64.const(0n)), m.unreachable()),
  ];
}

// ---- declarations -------------------------------------------------------------------------

export function emitDeclaration(cx: FnCtx, d: Declaration): Ex[] {
  const out: Ex[] = [];
  for (const id of d.declarators) {
    const sym = id.sym;
    if (!sym || sym.kind !== "var" || sym.storage !== "local") continue;
    if (!id.flatInit) {
      cx.placeOf(sym);
      continue;
    }
    out.push(...emitLocalInit(cx, sym, id.flatInit));
  }
  return out;
}

/** Initializes a local object: zero an aggregate unless the stores cover it, then the stores. */
export function emitLocalInit(cx: FnCtx, sym: Symbol, inits: FlatInit[]): Ex[] {
  const m = cx.m;
  const place = cx.placeOf(sym);
  if (place.kind === "local") {
    const fi = inits.find((i) => i.offset === 0);
    if (!fi) return [m.local.set(place.index, zeroOf(cx, sym.type))];
    let v = emitExpr(cx, fi.expr);
    if (wasmType(fi.expr.type!) !== wasmType(sym.type)) v = convert(cx, v, fi.expr.type!, sym.type);
    return [m.local.set(place.index, v)];
  }
  const at = (offset: number): Addr => {
    const lv = symLValue(cx, sym);
    if (lv.kind === "local") return ice("local initializer");
    return { ptr: lv.kind === "mem" || lv.kind === "bits" ? lv.addr.ptr : ice("bad place"), offset: lv.addr.offset + offset };
  };
  const out: Ex[] = [];
  const size = sizeOf(sym.type);
  if (isAggregate(sym.type) && !coversAll(inits, size)) {
    out.push(m.memory.fill(addrValue(cx, at(0)), m.i32.const(0), m.i32.const(size)));
  }
  for (const fi of inits) out.push(emitInitStore(cx, at(fi.offset), fi));
  return out;
}

/** Whether the stores write every byte of an object (then it need not be zeroed first). */
function coversAll(inits: FlatInit[], size: number): boolean {
  const spans = inits
    .map((fi) => {
      if (fi.bitField) return undefined;
      if (fi.expr.kind === "string" && isArray(fi.type)) return [fi.offset, fi.offset + Math.min(fi.expr.bytes.length + 1, sizeOf(fi.type))];
      return [fi.offset, fi.offset + sizeOf(fi.type)];
    })
    .sort((a, b) => (a && b ? a[0] - b[0] : 0));
  let end = 0;
  for (const s of spans) {
    if (!s || s[0] > end) return false;
    end = Math.max(end, s[1]);
  }
  return end >= size;
}

function emitInitStore(cx: FnCtx, a: Addr, fi: FlatInit): Ex {
  const m = cx.m;
  const e = fi.expr;
  if (fi.bitField) {
    const v = convert(cx, emitExpr(cx, e), e.type!, fi.bitField.type);
    return writeLValue(cx, { kind: "bits", addr: a, type: fi.bitField.type, field: fi.bitField }, v, false);
  }
  if (isArray(fi.type) && e.kind === "string") {
    const n = Math.min(e.bytes.length + 1, sizeOf(fi.type));
    return m.memory.copy(addrValue(cx, a), m.i32.const(cx.gen.stringAddress(e.bytes)), m.i32.const(n));
  }
  if (isRecord(fi.type) || isArray(fi.type)) {
    return copyMemory(cx, a, emitExpr(cx, e), sizeOf(fi.type));
  }
  return storeScalar(cx, fi.type, a, convert(cx, emitExpr(cx, e), e.type!, fi.type));
}

// ---- structured statements ----------------------------------------------------------------

export function emitBlockItems(cx: FnCtx, items: (Stmt | Declaration)[]): Ex[] {
  const out: Ex[] = [];
  for (const it of items) {
    if (it.kind === "declaration") out.push(...emitDeclaration(cx, it));
    else out.push(emitStmt(cx, it));
  }
  return out;
}

export function emitStmt(cx: FnCtx, s: Stmt): Ex {
  const m = cx.m;
  switch (s.kind) {
    case "block":
      return m.block(null, emitBlockItems(cx, s.items));
    case "expr":
      return s.expr ? emitDiscard(cx, s.expr) : m.nop();
    case "if":
      return m.if(emitCond(cx, s.cond), emitStmt(cx, s.then), s.else ? emitStmt(cx, s.else) : undefined);
    case "loop":
      return emitLoop(cx, s);
    case "switch":
      return emitSwitch(cx, s);
    case "break": {
      const target = cx.breaks[cx.breaks.length - 1];
      return target ? m.br(target) : ice("break outside a loop");
    }
    case "continue": {
      const target = cx.continues[cx.continues.length - 1];
      return target ? m.br(target) : ice("continue outside a loop");
    }
    case "return":
      return emitReturn(cx, s.value);
    case "label":
      return emitStmt(cx, s.body); // no goto in this function: a label is just its statement
    case "case":
    case "default":
    case "goto":
      return ice(`'${s.kind}' in structured code`);
  }
}

/**
 * The stores a `return` makes before leaving (Relooper mode): the value into the result
 * local, or a struct into the caller's result space.
 */
function emitReturnValue(cx: FnCtx, value: Expr | undefined): Ex[] {
  const m = cx.m;
  if (!value) return [];
  if (cx.sret !== undefined) return [copyMemory(cx, { ptr: m.local.get(cx.sret, W.i32), offset: 0 }, emitExpr(cx, value), sizeOf(cx.retType))];
  if (cx.retLocal === undefined) return [emitDiscard(cx, value)];
  let v = emitExpr(cx, value);
  if (wasmType(value.type!) !== cx.retWasm) v = convert(cx, v, value.type!, cx.retType);
  return [m.local.set(cx.retLocal, v)];
}

export function emitReturn(cx: FnCtx, value: Expr | undefined): Ex {
  const m = cx.m;
  const label = cx.retLabel;
  if (cx.sret !== undefined) {
    const ptr = () => m.local.get(cx.sret!, W.i32);
    if (!value) return m.br(label, undefined, ptr());
    const copy = copyMemory(cx, { ptr: ptr(), offset: 0 }, emitExpr(cx, value), sizeOf(cx.retType));
    return m.block(null, [copy, m.br(label, undefined, ptr())]);
  }
  if (cx.retWasm === W.none) return value ? m.block(null, [emitDiscard(cx, value), m.br(label)]) : m.br(label);
  if (!value) return m.br(label, undefined, zeroOf(cx, cx.retType));
  let v = emitExpr(cx, value);
  if (wasmType(value.type!) !== cx.retWasm) v = convert(cx, v, value.type!, cx.retType);
  return m.br(label, undefined, v);
}

function emitInit(cx: FnCtx, init: Expr | Declaration | undefined): Ex[] {
  if (!init) return [];
  if (init.kind === "declaration") return emitDeclaration(cx, init);
  return [emitDiscard(cx, init)];
}

function emitLoop(cx: FnCtx, s: Extract<Stmt, { kind: "loop" }>): Ex {
  const m = cx.m;
  const brk = cx.newLabel("break");
  const cont = cx.newLabel("continue");
  const top = cx.newLabel("loop");
  const out = emitInit(cx, s.init);
  cx.breaks.push(brk);
  cx.continues.push(cont);
  const body = m.block(cont, [emitStmt(cx, s.body)]);
  cx.breaks.pop();
  cx.continues.pop();
  const loopBody: Ex[] = emitFuel(cx);
  if (s.test === "before") {
    if (s.cond) loopBody.push(m.br(brk, m.i32.eqz(emitCond(cx, s.cond))));
    loopBody.push(body);
    if (s.step) loopBody.push(emitDiscard(cx, s.step));
    loopBody.push(m.br(top));
  } else {
    loopBody.push(body);
    if (s.step) loopBody.push(emitDiscard(cx, s.step));
    loopBody.push(s.cond ? m.br(top, emitCond(cx, s.cond)) : m.br(top));
  }
  out.push(m.block(brk, [m.loop(top, m.block(null, loopBody))]));
  return out.length === 1 ? out[0] : m.block(null, out);
}

type SwitchStmt = Extract<Stmt, { kind: "switch" }>;

/** The case values of a switch as (value or range) → target, for dispatch. */
interface CaseTarget {
  low: bigint;
  high: bigint;
  target: string;
}

/**
 * A switch whose labels are all at the top level of its body: nested blocks, one per
 * segment of statements between labels; the dispatch (br_table when the values are dense,
 * compares otherwise) exits the block just before the chosen segment.
 */
function emitSwitch(cx: FnCtx, s: SwitchStmt): Ex {
  const m = cx.m;
  const items = s.body.kind === "block" ? s.body.items : [s.body];
  const segs: { ids: number[]; items: (Stmt | Declaration)[] }[] = [{ ids: [], items: [] }];
  for (const it of items) {
    if (it.kind === "case" || it.kind === "default") {
      const ids: number[] = [];
      let x: Stmt = it;
      while (x.kind === "case" || x.kind === "default") {
        if (x.id !== undefined) ids.push(x.id);
        x = x.body;
      }
      segs.push({ ids, items: [x] });
    } else segs[segs.length - 1].items.push(it);
  }
  const brk = cx.newLabel("switch");
  const labels = segs.map((_, k) => (k === 0 ? "" : cx.newLabel("case")));
  const targetOf = new Map<number, string>();
  segs.forEach((seg, k) => seg.ids.forEach((id) => targetOf.set(id, labels[k])));
  const cases: CaseTarget[] = [];
  let defaultTarget = brk;
  for (const c of s.cases ?? []) {
    const target = targetOf.get(c.id) ?? brk;
    if (c.isDefault) defaultTarget = target;
    else cases.push({ low: c.low, high: c.high, target });
  }
  const dispatch = emitDispatch(cx, s.expr, cases, defaultTarget);
  cx.breaks.push(brk);
  const dead = emitBlockItems(cx, segs[0].items);
  if (segs.length === 1) {
    cx.breaks.pop();
    return m.block(brk, [...dispatch, ...dead]);
  }
  let b = m.block(labels[1], [...dispatch, ...dead]);
  for (let k = 1; k < segs.length; k++) {
    const name = k + 1 < segs.length ? labels[k + 1] : brk;
    b = m.block(name, [b, ...emitBlockItems(cx, segs[k].items)]);
  }
  cx.breaks.pop();
  return b;
}

function emitDispatch(cx: FnCtx, scrutinee: Expr, cases: CaseTarget[], defaultTarget: string): Ex[] {
  const m = cx.m;
  const t = scrutinee.type!;
  const w = wasmType(t);
  const tmp = cx.addLocal(w);
  const out: Ex[] = [m.local.set(tmp, emitExpr(cx, scrutinee))];
  const get = () => m.local.get(tmp, w);
  const k = (v: bigint) => constOf(cx, w, v);
  // Dense single values (ranges expanded when small): one br_table.
  const singles: { v: bigint; target: string }[] = [];
  let expandable = true;
  for (const c of cases) {
    if (c.high - c.low > 256n) expandable = false;
    else for (let v = c.low; v <= c.high && expandable; v++) singles.push({ v, target: c.target });
  }
  if (expandable && singles.length >= 4) {
    const asSigned = (v: bigint) => (w === W.i64 ? BigInt.asIntN(64, v) : BigInt.asIntN(32, v));
    const vals = singles.map((s) => asSigned(s.v));
    const min = vals.reduce((a, b) => (b < a ? b : a));
    const max = vals.reduce((a, b) => (b > a ? b : a));
    const span = Number(max - min) + 1;
    if (span <= Math.max(16, singles.length * 3) && span <= 4096) {
      const table: string[] = new Array(span).fill(defaultTarget);
      const filled = new Array(span).fill(false);
      singles.forEach((s, i) => {
        const at = Number(vals[i] - min);
        if (!filled[at]) {
          table[at] = s.target;
          filled[at] = true;
        }
      });
      if (w === W.i64) {
        const idx = m.i64.sub(get(), k(min));
        out.push(m.br(defaultTarget, m.i64.gt_u(idx, m.i64.const(BigInt(span - 1)))));
        out.push(m.switch(table, defaultTarget, m.i32.wrap(m.i64.sub(get(), k(min)))));
      } else {
        out.push(m.switch(table, defaultTarget, min === 0n ? get() : m.i32.sub(get(), k(min))));
      }
      return out;
    }
  }
  const I = w === W.i64 ? m.i64 : m.i32;
  for (const c of cases) {
    const cond = c.low === c.high ? I.eq(get(), k(c.low)) : I.le_u(I.sub(get(), k(c.low)), k(c.high - c.low));
    out.push(m.br(c.target, cond));
  }
  out.push(m.br(defaultTarget));
  return out;
}

// ---- unstructured control flow: the Relooper ----------------------------------------------

/** Whether a body needs the Relooper: a `goto`, or a `case` label below its switch's top level. */
function needsRelooper(body: Stmt): boolean {
  let found = false;
  const visit = (s: Stmt | Declaration): void => {
    if (found || s.kind === "declaration") return;
    switch (s.kind) {
      case "goto":
        found = true;
        return;
      case "block":
        s.items.forEach(visit);
        return;
      case "if":
        visit(s.then);
        if (s.else) visit(s.else);
        return;
      case "loop":
        visit(s.body);
        return;
      case "label":
      case "case":
      case "default":
        visit(s.body);
        return;
      case "switch": {
        const items = s.body.kind === "block" ? s.body.items : [s.body];
        let top = 0;
        for (const it of items) {
          let x: Stmt | Declaration = it;
          while (x.kind === "case" || x.kind === "default") {
            top++;
            x = x.body;
          }
          visit(x);
        }
        if (top !== (s.cases?.length ?? 0)) found = true;
        return;
      }
      default:
        return;
    }
  };
  visit(body);
  return found;
}

interface CfgBlock {
  code: Ex[];
  branches: { to: number; cond: Ex | undefined }[];
}

/**
 * Lowers statements to basic blocks and branches, for the Relooper. Invariant: the current
 * block has no branches yet; every statement that branches away starts a fresh block.
 */
class Cfg {
  private readonly blocks: CfgBlock[] = [];
  private cur: number;
  private readonly labels = new Map<string, number>();
  private readonly breaks: number[] = [];
  private readonly continues: number[] = [];
  private readonly caseBlocks: Map<number, number>[] = [];

  private readonly exit: number;

  constructor(private readonly cx: FnCtx) {
    this.cur = this.newBlock();
    this.exit = this.newBlock();
  }

  private newBlock(): number {
    this.blocks.push({ code: [], branches: [] });
    return this.blocks.length - 1;
  }

  private emit(...e: Ex[]): void {
    this.blocks[this.cur].code.push(...e);
  }

  private jump(to: number, cond?: Ex): void {
    const b = this.blocks[this.cur];
    if (b.branches.some((x) => x.to === to)) {
      if (cond) this.emit(this.cx.m.drop(cond));
      return;
    }
    b.branches.push({ to, cond });
  }

  private labelBlock(name: string): number {
    let b = this.labels.get(name);
    if (b === undefined) {
      b = this.newBlock();
      this.labels.set(name, b);
    }
    return b;
  }

  lowerItems(items: (Stmt | Declaration)[]): void {
    for (const it of items) {
      if (it.kind === "declaration") this.emit(...emitDeclaration(this.cx, it));
      else this.lower(it);
    }
  }

  private lower(s: Stmt): void {
    const cx = this.cx;
    switch (s.kind) {
      case "block":
        this.lowerItems(s.items);
        return;
      case "expr":
        if (s.expr) this.emit(emitDiscard(cx, s.expr));
        return;
      case "if": {
        const thenB = this.newBlock();
        const join = this.newBlock();
        const elseB = s.else ? this.newBlock() : join;
        this.jump(thenB, emitCond(cx, s.cond));
        this.jump(elseB);
        this.cur = thenB;
        this.lower(s.then);
        this.jump(join);
        if (s.else) {
          this.cur = elseB;
          this.lower(s.else);
          this.jump(join);
        }
        this.cur = join;
        return;
      }
      case "loop": {
        this.emit(...emitInit(cx, s.init));
        const bodyB = this.newBlock();
        const next = this.newBlock(); // the step (while/for) or the test (do-while)
        const exit = this.newBlock();
        if (s.test === "before") {
          const head = this.newBlock();
          this.jump(head);
          this.cur = head;
          this.emit(...emitFuel(cx));
          if (s.cond) this.jump(bodyB, emitCond(cx, s.cond));
          this.jump(s.cond ? exit : bodyB);
          this.breaks.push(exit);
          this.continues.push(next);
          this.cur = bodyB;
          this.lower(s.body);
          this.jump(next);
          this.cur = next;
          if (s.step) this.emit(emitDiscard(cx, s.step));
          this.jump(head);
        } else {
          this.jump(bodyB);
          this.breaks.push(exit);
          this.continues.push(next);
          this.cur = bodyB;
          this.emit(...emitFuel(cx));
          this.lower(s.body);
          this.jump(next);
          this.cur = next;
          if (s.step) this.emit(emitDiscard(cx, s.step));
          if (s.cond) {
            this.jump(bodyB, emitCond(cx, s.cond));
            this.jump(exit);
          } else this.jump(bodyB);
        }
        this.breaks.pop();
        this.continues.pop();
        this.cur = exit;
        return;
      }
      case "switch": {
        const m = cx.m;
        const w = wasmType(s.expr.type!);
        const tmp = cx.addLocal(w);
        this.emit(m.local.set(tmp, emitExpr(cx, s.expr)));
        const exit = this.newBlock();
        const blocks = new Map<number, number>();
        let defaultBlock = exit;
        for (const c of s.cases ?? []) {
          const b = this.newBlock();
          blocks.set(c.id, b);
          if (c.isDefault) defaultBlock = b;
        }
        const I = w === W.i64 ? m.i64 : m.i32;
        const get = () => m.local.get(tmp, w);
        for (const c of s.cases ?? []) {
          if (c.isDefault) continue;
          const cond =
            c.low === c.high ? I.eq(get(), constOf(cx, w, c.low)) : I.le_u(I.sub(get(), constOf(cx, w, c.low)), constOf(cx, w, c.high - c.low));
          this.jump(blocks.get(c.id)!, cond);
        }
        this.jump(defaultBlock);
        this.breaks.push(exit);
        this.caseBlocks.push(blocks);
        this.cur = this.newBlock(); // statements before the first label are unreachable
        this.lower(s.body);
        this.jump(exit);
        this.breaks.pop();
        this.caseBlocks.pop();
        this.cur = exit;
        return;
      }
      case "case":
      case "default": {
        const blocks = this.caseBlocks[this.caseBlocks.length - 1];
        const b = s.id !== undefined ? blocks?.get(s.id) : undefined;
        if (b === undefined) return ice("case label outside a switch");
        this.jump(b);
        this.cur = b;
        this.lower(s.body);
        return;
      }
      case "break":
      case "continue": {
        const stack = s.kind === "break" ? this.breaks : this.continues;
        const target = stack[stack.length - 1];
        if (target === undefined) return ice(`${s.kind} outside a loop`);
        this.jump(target);
        this.cur = this.newBlock();
        return;
      }
      case "goto":
        this.jump(this.labelBlock(s.label));
        this.cur = this.newBlock();
        return;
      case "label": {
        const b = this.labelBlock(s.label);
        this.jump(b);
        this.cur = b;
        // A backward goto makes a loop without a loop statement: its target pays too.
        this.emit(...emitFuel(cx));
        this.lower(s.body);
        return;
      }
      case "return":
        // A branch to the exit block, not a `br` out of the Relooper's code: binaryen's
        // Relooper fails on some graphs whose dead-end blocks leave that way.
        this.emit(...emitReturnValue(cx, s.value));
        this.jump(this.exit);
        this.cur = this.newBlock();
        return;
    }
  }

  render(): Ex {
    const m = this.cx.m;
    this.jump(this.exit); // falling off the end of the body
    const codes = this.blocks.map((b) => (b.code.length === 1 ? b.code[0] : m.block(null, b.code)));
    const label = this.cx.addLocal(W.i32, "__label");
    try {
      const r = W.createRelooper(m);
      const refs = codes.map((c) => r.addBlock(c));
      this.blocks.forEach((b, i) => {
        for (const br of b.branches) r.addBranch(refs[i], refs[br.to], br.cond ?? 0, 0);
      });
      return r.renderAndDispose(refs[0], label);
    } catch {
      // binaryen's Relooper aborts on a few graphs whose blocks branch out of the relooped
      // region (a `return` inside a statement expression); a dispatch loop is always correct.
      return this.renderDispatch(codes, label);
    }
  }

  /**
   * The graph as a loop around a br_table on a block-number local: slower than what the
   * Relooper makes, but it handles any graph.
   */
  private renderDispatch(codes: Ex[], label: number): Ex {
    const m = this.cx.m;
    const names = this.blocks.map((_, i) => `cfg${i}`);
    const setLabel = (to: number) => m.local.set(label, m.i32.const(to));
    let inner = m.block(names[0], [m.switch(names, names[0], m.local.get(label, W.i32))]);
    this.blocks.forEach((b, i) => {
      const tail: Ex[] = [codes[i]];
      for (const br of b.branches) {
        const go = m.block(null, [setLabel(br.to), m.br("cfg.dispatch")]);
        tail.push(br.cond ? m.if(br.cond, go) : go);
      }
      if (!b.branches.some((br) => !br.cond)) tail.push(m.br("cfg.out"));
      inner = m.block(i + 1 < names.length ? names[i + 1] : null, [inner, ...tail]);
    });
    return m.block("cfg.out", [m.local.set(label, m.i32.const(0)), m.loop("cfg.dispatch", inner)]);
  }
}
