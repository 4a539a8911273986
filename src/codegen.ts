// Code generation: checked translation units → a validated, optimized wasm module + manifest.
// In: the program's checked unit first, then the libc units (all checked separately), the
// shared diagnostics, and options. Out: the module's bytes, optionally its text, and the
// manifest (runtime/abi.ts). Linking happens here, by name: starting from the program's
// functions with external linkage (all exported), each function is generated when first
// referenced, so only reachable libc code is emitted; a referenced name that no unit defines
// becomes an "env" import if the ABI lists it as a host function, an "enstage" import if it is
// an aggregate's queue function, else error E5001. Fragments (notes/fragments.md): `param`s
// become imported globals, the fragments' drivers (a separately checked unit made from
// src/fragments.ts's C source) are exported too, and the manifest describes fragments, params,
// state and record layouts; with `fuel`, every function entry and loop iteration spends fuel.
// Expressions: codegen-expr.ts; functions and statements: codegen-func.ts; static data:
// codegen-data.ts. Only wasm.ts touches binaryen.

import { createHash } from "node:crypto";
import type { FunctionDef, Symbol, Declaration } from "./ast.js";
import type { CheckedUnit } from "./check.js";
import type { Diagnostics } from "./diagnostics.js";
import type { Span } from "./source.js";
import { type Type, type RecordType, alignOf, isFunction, recordOf, sizeOf, typeToString, unqualified, voidType } from "./types.js";
import * as W from "./wasm.js";
import {
  ABI_VERSION, DATA_START, DRIVER_PREFIX, ENSTAGE_MODULE, FUEL_GLOBAL, FUEL_UNLIMITED, FUNCTION_TABLE, HEAP_BASE, HOST_IMPORTS,
  IMPORT_MODULE, MAX_PAGES, MEMORY_EXPORT, PAGE_SIZE, PARAMS_MODULE, STACK_ALIGN, STACK_POINTER, STACK_SIZE, isHostImport,
  queueImportSignature,
  type Manifest, type ManifestFragment, type ManifestStateVar, type ManifestStruct, type WasmType,
} from "../runtime/abi.js";
import { type ModuleContext, type Sig, emitFunction, sigOfDefinition } from "./codegen-func.js";
import { cTypeOfWasm, makeSig, wasmType } from "./codegen-expr.js";
import { StaticData, writeStaticInit } from "./codegen-data.js";

export interface GenerateOptions {
  optimize: W.OptimizeLevel;
  /** Also return the module as text (after optimization). */
  text?: boolean;
  stackSize?: number;
  maxPages?: number;
  /** The source text, for the manifest's content hash. */
  source?: string;
  /** Count fuel at function entries and loop iterations (runtime/abi.ts FUEL_GLOBAL). */
  fuel?: boolean;
  /**
   * The fragments' drivers (src/fragments.ts's source, checked): linked right after the
   * program, and their functions exported with the program's.
   */
  drivers?: CheckedUnit;
}

export interface GenerateResult {
  binary: Uint8Array;
  text?: string;
  manifest: Manifest;
}

export function generate(units: CheckedUnit[], diags: Diagnostics, options: GenerateOptions): GenerateResult {
  const all = options.drivers ? [units[0], options.drivers, ...units.slice(1)] : units;
  const gen = new ModuleGen(all, diags, options);
  try {
    return gen.run();
  } finally {
    gen.dispose();
  }
}

interface DefRef {
  def: FunctionDef;
  unit: number;
}
interface GlobalRef {
  sym: Symbol;
  unit: number;
}

/** What one emitted function reaches directly: for each fragment's list of params and queues. */
interface Reach {
  calls: Set<string>;
  params: Set<string>;
  indirect: boolean;
}

const wasmTypeName = (t: W.WasmValueType): WasmType =>
  t === W.i64 ? "i64" : t === W.f32 ? "f32" : t === W.f64 ? "f64" : "i32";

class ModuleGen implements ModuleContext {
  readonly m = W.createModule();
  readonly tableName = FUNCTION_TABLE;
  readonly heapBaseGlobal = HEAP_BASE;
  readonly stackPointerGlobal = STACK_POINTER;
  private readonly data = new StaticData();
  /** Definitions by link key: the C name, or `unit:name` for internal linkage. */
  private readonly defs = new Map<string, DefRef>();
  private readonly globalDefs = new Map<string, GlobalRef>();
  /** wasm name → signature, for functions already queued or emitted. */
  private readonly functions = new Map<string, Sig>();
  private readonly funcQueue: { ref: DefRef; name: string; sig: Sig }[] = [];
  private readonly addresses = new Map<string, number>();
  private readonly initQueue: { ref: GlobalRef; addr: number }[] = [];
  private readonly table: string[] = [];
  private readonly tableIndex = new Map<string, number>();
  private readonly imports = new Map<string, Sig>();
  /** An aggregate's queue functions, imported from "enstage". */
  private readonly queueImports = new Map<string, Sig>();
  /** The record type of each queue, by tag, as its EVdata_X/EVsubmit_X declare it. */
  private readonly queueRecords = new Map<string, RecordType>();
  /** `param` name → its imported global. */
  private readonly paramGlobals = new Map<string, { sym: Symbol; global: string }>();
  private readonly reported = new Set<string>();
  /** The function being emitted (undefined while writing static initializers). */
  private current: string | undefined;
  private readonly reach = new Map<string, Reach>();
  readonly fuelGlobal: string | undefined;
  /** How many leading units are exported: the program, and its drivers when given. */
  private readonly exportedUnits: number;

  constructor(
    private readonly units: CheckedUnit[],
    private readonly diags: Diagnostics,
    private readonly options: GenerateOptions,
  ) {
    this.fuelGlobal = options.fuel ? FUEL_GLOBAL : undefined;
    this.exportedUnits = options.drivers ? 2 : 1;
    // Memory accesses name their memory when built, so a placeholder memory exists from the
    // start; `run` sets the real limits, segments and export once the layout is known.
    this.m.setMemory(1, MAX_PAGES);
    units.forEach((cu, unit) => {
      for (const def of cu.functions) {
        if (!def.sym) continue;
        const key = this.funcKey(def.sym, def.sym.name, unit);
        if (!this.defs.has(key)) this.defs.set(key, { def, unit });
      }
      for (const sym of cu.globals) {
        if (sym.storage !== "global" && sym.storage !== "static") continue;
        const key = this.varKey(sym, unit);
        if (!this.globalDefs.has(key)) this.globalDefs.set(key, { sym, unit });
      }
    });
  }

  dispose(): void {
    W.disposeModule(this.m);
  }

  // ---- linking ----------------------------------------------------------------------------

  private funcKey(sym: Symbol, name: string, unit: number): string {
    return sym.internal ? `${unit}:${name}` : name;
  }

  private varKey(sym: Symbol, unit: number): string {
    if (sym.storage === "static" || sym.name.startsWith("__compound")) return `${unit}#${sym.id}`;
    return sym.internal ? `${unit}:${sym.name}` : sym.name;
  }

  private lookupDef(sym: Symbol, name: string, unit: number): DefRef | undefined {
    if (sym.internal) return this.defs.get(`${unit}:${name}`) ?? this.defs.get(name);
    return this.defs.get(name);
  }

  private undefinedReference(name: string, span: Span): void {
    if (this.reported.has(name)) return;
    this.reported.add(name);
    this.diags.report("E5001", span, name);
  }

  /** Queues a definition for generation (once) and returns its wasm name. */
  private ensureFunction(ref: DefRef): { name: string; sig: Sig } {
    const sym = ref.def.sym!;
    const name = sym.internal ? `${sym.name}.${ref.unit}` : sym.name;
    let sig = this.functions.get(name);
    if (!sig) {
      sig = sigOfDefinition(ref.def, makeSig);
      this.functions.set(name, sig);
      this.funcQueue.push({ ref, name, sig });
    }
    return { name, sig };
  }

  private ensureImport(name: string): Sig {
    let sig = this.imports.get(name);
    if (!sig) {
      const h = HOST_IMPORTS[name];
      const params = h.params.map((p) => cTypeOfWasm(wasmOf(p)));
      const ret = h.results.length ? cTypeOfWasm(wasmOf(h.results[0])) : voidType;
      sig = makeSig(params, ret, false);
      this.imports.set(name, sig);
    }
    return sig;
  }

  resolveCall(sym: Symbol, name: string, unit: number, span: Span): { name: string; sig: Sig } | undefined {
    const target = this.linkCall(sym, name, unit);
    if (!target) {
      this.undefinedReference(name, span);
      return undefined;
    }
    this.reachOf()?.calls.add(target.name);
    return target;
  }

  private linkCall(sym: Symbol, name: string, unit: number): { name: string; sig: Sig } | undefined {
    const ref = this.lookupDef(sym, name, unit);
    if (ref) return this.ensureFunction(ref);
    if (isHostImport(name)) return { name, sig: this.ensureImport(name) };
    const queue = this.ensureQueueImport(sym, name);
    if (queue) return { name, sig: queue };
    return undefined;
  }

  /**
   * `EVcount_X` and friends, as the checker declares them inside an aggregate: imports from
   * "enstage". A function of that name with another signature is an ordinary undefined one.
   */
  private ensureQueueImport(sym: Symbol, name: string): Sig | undefined {
    const known = this.queueImports.get(name);
    if (known) return known;
    const want = queueImportSignature(name);
    if (!want || !isFunction(sym.type) || sym.type.variadic) return undefined;
    const sig = makeSig(sym.type.params, sym.type.ret, false);
    const params = sig.wasmParams.map(wasmTypeName);
    const results = sig.result === W.none ? [] : [wasmTypeName(sig.result)];
    if (params.join() !== want.params.join() || results.join() !== want.results.join()) return undefined;
    for (const t of [sym.type.ret, ...sym.type.params]) {
      if (t.kind === "pointer" && t.to.kind === "record") this.queueRecords.set(want.record, recordOf(t.to));
    }
    this.queueImports.set(name, sig);
    return sig;
  }

  paramGlobal(sym: Symbol): string {
    let p = this.paramGlobals.get(sym.name);
    if (!p) {
      p = { sym, global: `param.${sym.name}` };
      this.paramGlobals.set(sym.name, p);
    }
    this.reachOf()?.params.add(sym.name);
    return p.global;
  }

  noteIndirectCall(): void {
    const r = this.reachOf();
    if (r) r.indirect = true;
  }

  private reachOf(): Reach | undefined {
    if (this.current === undefined) return undefined;
    let r = this.reach.get(this.current);
    if (!r) {
      r = { calls: new Set(), params: new Set(), indirect: false };
      this.reach.set(this.current, r);
    }
    return r;
  }

  functionIndex(sym: Symbol, unit: number, span: Span): number {
    const target = this.resolveCall(sym, sym.name, unit, span);
    if (!target) return 0;
    let index = this.tableIndex.get(target.name);
    if (index === undefined) {
      this.table.push(target.name);
      index = this.table.length; // index 0 stays NULL
      this.tableIndex.set(target.name, index);
    }
    return index;
  }

  globalAddress(sym: Symbol, unit: number): number {
    const key = sym.storage === "extern" ? sym.name : this.varKey(sym, unit);
    const known = this.addresses.get(key);
    if (known !== undefined) return known;
    let ref = this.globalDefs.get(key);
    if (!ref) {
      if (sym.storage === "extern") this.undefinedReference(sym.name, sym.span);
      ref = { sym, unit };
    }
    const t = ref.sym.type;
    const addr = this.data.alloc(Math.max(sizeOf(t), 1), Math.max(alignOf(t), 1));
    this.addresses.set(key, addr);
    if (ref.sym.flatInit) this.initQueue.push({ ref, addr });
    return addr;
  }

  stringAddress(bytes: Uint8Array): number {
    return this.data.stringAddress(bytes);
  }

  programDefines(name: string): boolean {
    return this.defs.get(name)?.unit === 0;
  }

  // ---- the module -------------------------------------------------------------------------

  run(): GenerateResult {
    const m = this.m;
    const program = this.units[0];
    const exported: { ref: DefRef; name: string; sig: Sig }[] = [];
    for (const cu of this.units.slice(0, this.exportedUnits)) {
      for (const def of cu.functions) {
        if (!def.sym || def.sym.internal) continue;
        const ref = this.defs.get(def.sym.name);
        if (ref?.def !== def) continue;
        const { name, sig } = this.ensureFunction(ref);
        exported.push({ ref, name, sig });
      }
    }
    // The program's own globals and static locals are all placed, so a host can find them by
    // the manifest, and state moves between modules whatever their code reaches.
    for (const sym of program?.globals ?? []) {
      if ((sym.storage === "global" || sym.storage === "static") && !sym.name.startsWith("__compound")) this.globalAddress(sym, 0);
    }
    // Every param is imported, used or not: the module's interface is the file's declarations.
    for (const sym of program?.params ?? []) {
      if (!this.paramGlobals.has(sym.name)) this.paramGlobals.set(sym.name, { sym, global: `param.${sym.name}` });
    }
    this.drainQueues();
    // Returning from main is C's exit(): a host passes main's value to the libc's `exit` so the
    // atexit handlers run (runtime/run-program.ts). Exported only when handlers can exist.
    const exitRef = this.defs.get("exit");
    if (this.programDefines("main") && this.functions.has("atexit") && exitRef && exitRef.unit !== 0) {
      exported.push({ ref: exitRef, ...this.ensureFunction(exitRef) });
      this.drainQueues();
    }
    // A fragment module's host allocates the buffers it passes with the module's own malloc,
    // so they never collide with the fragment's heap (runtime/abi.ts, "who owns memory").
    if ((program?.fragments.length ?? 0) > 0) {
      for (const name of ["malloc", "free"]) {
        const ref = this.defs.get(name);
        if (ref && ref.unit !== 0 && !exported.some((e) => e.name === name)) {
          exported.push({ ref, ...this.ensureFunction(ref) });
          this.drainQueues();
        }
      }
    }

    const stackSize = Math.ceil((this.options.stackSize ?? STACK_SIZE) / STACK_ALIGN) * STACK_ALIGN;
    const dataEnd = this.data.end;
    const stackLimit = Math.ceil(dataEnd / STACK_ALIGN) * STACK_ALIGN;
    const stackTop = stackLimit + stackSize;
    const heapBase = stackTop;
    const initialPages = Math.ceil((heapBase + PAGE_SIZE) / PAGE_SIZE);
    const maximumPages = Math.max(initialPages, this.options.maxPages ?? MAX_PAGES);

    m.addGlobal(STACK_POINTER, W.i32, true, m.i32.const(stackTop));
    m.addGlobal(HEAP_BASE, W.i32, false, m.i32.const(heapBase));
    m.addGlobalExport(STACK_POINTER, STACK_POINTER);
    m.addGlobalExport(HEAP_BASE, HEAP_BASE);
    if (this.fuelGlobal) {
      m.addGlobal(this.fuelGlobal, W.i64, true, m.i64.const(FUEL_UNLIMITED));
      m.addGlobalExport(this.fuelGlobal, this.fuelGlobal);
    }
    for (const [name, sig] of this.imports) {
      m.addFunctionImport(name, IMPORT_MODULE, name, W.tupleType(sig.wasmParams), sig.result);
    }
    for (const [name, sig] of this.queueImports) {
      m.addFunctionImport(name, ENSTAGE_MODULE, name, W.tupleType(sig.wasmParams), sig.result);
    }
    // Mutable, so that a host may run a generic module with new values without a new instance
    // (runtime/smarttap.ts); compiled code never writes them, and specialize still folds them.
    for (const [name, p] of this.paramGlobals) m.addGlobalImport(p.global, PARAMS_MODULE, name, wasmType(p.sym.type), true);
    const segments = dataSegments(this.data.image()).map((s) => ({ offset: m.i32.const(s.offset), data: s.bytes, passive: false }));
    m.setMemory(initialPages, maximumPages, MEMORY_EXPORT, segments);
    m.addTable(FUNCTION_TABLE, this.table.length + 1, this.table.length + 1);
    if (this.table.length > 0) m.addActiveElementSegment(FUNCTION_TABLE, "functions", this.table, m.i32.const(1));
    m.addTableExport(FUNCTION_TABLE, FUNCTION_TABLE);
    for (const e of exported) m.addFunctionExport(e.name, e.name);

    const manifest = this.manifest(exported, { initialPages, maximumPages, dataEnd, stackLimit, stackTop, heapBase });
    if (this.diags.hasErrors) return { binary: new Uint8Array(0), manifest };
    try {
      const out = W.finishModule(m, { optimize: this.options.optimize, text: this.options.text });
      return { ...out, manifest };
    } catch (e) {
      if (!(e instanceof W.InternalError)) throw e;
      const span = program?.unit.span ?? { file: "<unknown>", start: 0, end: 0, line: 1, col: 1 };
      this.diags.report("ICE", span, e.message);
      return { binary: new Uint8Array(0), manifest };
    }
  }

  /** Generates queued functions and writes queued initializers until nothing new is reached. */
  private drainQueues(): void {
    while (this.funcQueue.length > 0 || this.initQueue.length > 0) {
      const f = this.funcQueue.shift();
      if (f) {
        this.current = f.name;
        try {
          emitFunction(this, f.ref.unit, f.ref.def, f.name, f.sig);
        } catch (e) {
          if (!(e instanceof W.InternalError)) throw e;
          this.diags.report("ICE", f.ref.def.span, `${e.message} (in function '${f.ref.def.sym?.name}')`);
          this.m.addFunction(f.name, W.tupleType(f.sig.wasmParams), f.sig.result, [], this.m.unreachable());
        } finally {
          this.current = undefined;
        }
        continue;
      }
      const g = this.initQueue.shift()!;
      writeStaticInit(this, this.data, g.ref.unit, g.addr, g.ref.sym.flatInit ?? []);
    }
  }

  // ---- the manifest -----------------------------------------------------------------------

  private manifest(
    exported: { ref: DefRef; name: string; sig: Sig }[],
    mem: { initialPages: number; maximumPages: number; dataEnd: number; stackLimit: number; stackTop: number; heapBase: number },
  ): Manifest {
    const program = this.units[0];
    const { structs, names, byRecord } = program
      ? collectStructs(program, [...this.queueRecords.values()])
      : { structs: [], names: new Map<RecordType, string>(), byRecord: new Map<RecordType, ManifestStruct>() };
    const cType = (t: Type) => cTypeName(t, names);
    const value = (name: string | undefined, t: Type) => {
      const w = wasmType(t);
      return { ...(name !== undefined ? { name } : {}), type: cType(t), ...(w !== W.none ? { wasm: wasmTypeName(w) } : {}) };
    };
    const exports = exported.map(({ ref, name, sig }) => ({
      name,
      params: (ref.def.params ?? []).map((p, i) => value(p.name, sig.params[i] ?? p.type)),
      result: value(undefined, sig.ret),
      variadic: sig.variadic,
      sret: sig.sret,
    }));
    const imports = [...this.imports.keys()].map((name) => ({
      module: IMPORT_MODULE,
      name,
      params: [...HOST_IMPORTS[name].params],
      results: [...HOST_IMPORTS[name].results],
    }));
    for (const [name, sig] of this.queueImports) {
      imports.push({ module: ENSTAGE_MODULE, name, params: sig.wasmParams.map(wasmTypeName), results: sig.result === W.none ? [] : [wasmTypeName(sig.result)] });
    }
    for (const [name, p] of this.paramGlobals) imports.push({ module: PARAMS_MODULE, name, params: [], results: [wasmTypeName(wasmType(p.sym.type))] });
    const params = [...this.paramGlobals.values()].map(({ sym }) => ({
      name: sym.name,
      type: typeToString(unqualified(sym.type)),
      wasm: wasmTypeName(wasmType(sym.type)),
    }));
    const paramType = new Map(params.map((p) => [p.name, p.type]));
    const recordName = (t: Type) => cType(unqualified(t));
    const fragmentRecords: RecordType[] = [];
    const fragments: ManifestFragment[] = (program?.fragments ?? []).map((def) => {
      const info = def.fragment!;
      const name = def.sym!.name;
      const reached = this.reachedFrom(name);
      const queues = [...reached.queues].sort().map((tag) => {
        const r = this.queueRecords.get(tag);
        if (!r) return `struct ${tag}`; // only EVcount_X/EVdiscard_X, which do not name the type
        fragmentRecords.push(r);
        return cType(r);
      });
      for (const t of [info.input, info.output]) if (t && t.kind === "record") fragmentRecords.push(recordOf(t));
      return {
        name,
        kind: info.kind,
        perRecord: info.perRecord,
        ...(info.input ? { input: recordName(info.input) } : {}),
        ...(info.output ? { output: recordName(info.output) } : {}),
        ...(info.kind === "aggregate" ? { queues } : {}),
        driver: info.perRecord && this.functions.has(DRIVER_PREFIX + name) ? DRIVER_PREFIX + name : name,
        params: [...reached.params].sort().map((p) => ({ name: p, type: paramType.get(p) ?? "int" })),
      };
    });
    const records = reachableStructs(fragmentRecords, byRecord);
    const globals = (program?.globals ?? [])
      .filter((s) => s.storage === "global" && !s.internal && !s.name.startsWith("__compound"))
      .map((s) => ({ name: s.name, type: cType(s.type), address: this.addresses.get(s.name) ?? 0, size: sizeOf(s.type) }));
    const hash = createHash("sha256")
      .update(this.options.source ?? "")
      .update("\0")
      .update(
        JSON.stringify({ abi: ABI_VERSION, optimize: this.options.optimize, stackSize: this.options.stackSize, maxPages: this.options.maxPages, fuel: !!this.options.fuel }),
      )
      .digest("hex");
    return {
      abiVersion: ABI_VERSION,
      hash,
      exports,
      imports,
      globals,
      structs,
      memory: { ...mem, dataStart: DATA_START },
      fragments,
      params,
      state: this.stateVars(cType),
      records,
      fuel: !!this.options.fuel,
    };
  }

  /** The params and queue record tags a function reaches, through direct and indirect calls. */
  private reachedFrom(root: string): { params: Set<string>; queues: Set<string> } {
    const params = new Set<string>();
    const queues = new Set<string>();
    const seen = new Set<string>();
    const todo = [root];
    if (this.functions.has(DRIVER_PREFIX + root)) todo.push(DRIVER_PREFIX + root);
    while (todo.length > 0) {
      const f = todo.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      const q = this.queueImports.has(f) ? queueImportSignature(f) : undefined;
      if (q) queues.add(q.record);
      const r = this.reach.get(f);
      if (!r) continue;
      r.params.forEach((p) => params.add(p));
      todo.push(...r.calls);
      if (r.indirect) todo.push(...this.table);
    }
    return { params, queues };
  }

  /** Fragment state: the program's file-scope variables and static locals, by address. */
  private stateVars(cType: (t: Type) => string): ManifestStateVar[] {
    const program = this.units[0];
    if (!program) return [];
    const owner = new Map<Symbol, string>();
    for (const def of program.functions) for (const l of def.locals ?? []) if (l.storage === "static") owner.set(l, def.sym?.name ?? "?");
    const taken = new Set<string>();
    const out: ManifestStateVar[] = [];
    for (const sym of program.globals) {
      if ((sym.storage !== "global" && sym.storage !== "static") || sym.name.startsWith("__compound")) continue;
      const address = this.addresses.get(this.varKey(sym, 0));
      if (address === undefined) continue;
      const fn = owner.get(sym);
      const base = fn !== undefined ? `${fn}.${sym.name}` : sym.name;
      let name = base;
      for (let k = 2; taken.has(name); k++) name = `${base}#${k}`;
      taken.add(name);
      out.push({ name, type: cType(sym.type), address, size: sizeOf(sym.type), layout: layoutOf(sym.type) });
    }
    return out.sort((a, b) => a.address - b.address);
  }
}

/**
 * A canonical description of what an object's bytes mean (runtime/abi.ts ManifestStateVar):
 * equal layouts mean the same bytes can be copied from one module into the other.
 */
export function layoutOf(t: Type): string {
  switch (t.kind) {
    case "int":
      if (t.name === "_Bool") return "bool";
      return `${t.signed ? "i" : "u"}${t.size * 8}`;
    case "float":
      return t.size === 4 ? "f32" : t.size === 8 ? "f64" : "f64x16";
    case "pointer":
      return "ptr";
    case "array":
      return `${layoutOf(t.of)}[${t.length ?? 0}]`;
    case "record": {
      const r = recordOf(t);
      const fields = r.fields.map((f) => {
        const bits = f.bitWidth !== undefined ? `:${f.bitWidth}` : "";
        const at = f.bitWidth !== undefined ? `${f.offset}.${f.bitOffset ?? 0}` : `${f.offset}`;
        return `${f.name ?? ""}:${layoutOf(f.type)}${bits}@${at}`;
      });
      return `${r.union ? "union" : "struct"}{${fields.join(";")}}/${r.size}`;
    }
    default:
      return t.kind;
  }
}

/** The layouts of some records and of every record their fields contain, in `structs` order. */
function reachableStructs(roots: RecordType[], byRecord: Map<RecordType, ManifestStruct>): ManifestStruct[] {
  const seen = new Set<RecordType>();
  const visit = (t: Type): void => {
    if (t.kind === "array") return visit(t.of);
    if (t.kind !== "record") return;
    const r = recordOf(t);
    if (seen.has(r)) return;
    seen.add(r);
    r.fields.forEach((f) => visit(f.type));
  };
  roots.forEach(visit);
  return [...byRecord].filter(([r]) => seen.has(r)).map(([, s]) => s);
}

function wasmOf(t: WasmType): W.WasmValueType {
  return t === "i64" ? W.i64 : t === "f32" ? W.f32 : t === "f64" ? W.f64 : W.i32;
}

/** Splits the static image into segments, leaving out runs of zeros (memory starts zeroed). */
function dataSegments(image: Uint8Array): { offset: number; bytes: Uint8Array }[] {
  const out: { offset: number; bytes: Uint8Array }[] = [];
  const GAP = 32;
  let i = 0;
  while (i < image.length) {
    while (i < image.length && image[i] === 0) i++;
    if (i >= image.length) break;
    const start = i;
    let end = i;
    let zeros = 0;
    while (i < image.length && zeros < GAP) {
      if (image[i] === 0) zeros++;
      else {
        zeros = 0;
        end = i + 1;
      }
      i++;
    }
    out.push({ offset: DATA_START + start, bytes: image.slice(start, end) });
  }
  return out;
}

/**
 * C's spelling of a type for the manifest: like `typeToString`, but an anonymous struct
 * reached through a typedef is called by that name (`stats *`, not `struct <anonymous> *`).
 */
function cTypeName(t: Type, names: Map<RecordType, string>): string {
  if (t.kind === "record") {
    const r = recordOf(t);
    const name = r.tag === undefined ? names.get(r) : undefined;
    if (name) return `${t.const ? "const " : ""}${t.volatile ? "volatile " : ""}${name}`;
  }
  if (t.kind === "pointer" && (t.to.kind === "record" || t.to.kind === "pointer")) {
    const inner = cTypeName(t.to, names);
    if (!inner.includes("<anonymous>")) return `${inner} *${t.const ? " const" : ""}`;
  }
  return typeToString(t);
}

/** Every struct/union type the program's declarations mention, with its layout. */
function collectStructs(cu: CheckedUnit, roots: Type[] = []): { structs: ManifestStruct[]; names: Map<RecordType, string>; byRecord: Map<RecordType, ManifestStruct> } {
  const seen = new Map<RecordType, string | undefined>();
  const order: RecordType[] = [];
  const visit = (t: Type | undefined, typedefName?: string): void => {
    if (!t) return;
    switch (t.kind) {
      case "pointer":
        return visit(t.to);
      case "array":
        return visit(t.of);
      case "function":
        t.params.forEach((p) => visit(p));
        return visit(t.ret);
      case "record": {
        const r = recordOf(t);
        if (seen.has(r)) {
          if (typedefName && seen.get(r) === undefined && r.tag === undefined) seen.set(r, typedefName);
          return;
        }
        seen.set(r, typedefName);
        order.push(r);
        for (const f of r.fields) visit(f.type);
        return;
      }
      default:
        return;
    }
  };
  const visitDecl = (d: Declaration) => {
    for (const id of d.declarators) if (id.sym) visit(id.sym.type, d.specs.storage === "typedef" ? id.sym.name : undefined);
  };
  for (const item of cu.unit.items) {
    if (item.kind === "declaration") visitDecl(item);
    else {
      visit(item.sym?.type);
      for (const l of item.locals ?? []) visit(l.type);
    }
  }
  for (const g of cu.globals) visit(g.type);
  roots.forEach((t) => visit(t));
  const names = new Map<RecordType, string>();
  for (const [r, n] of seen) if (n !== undefined && r.tag === undefined) names.set(r, n);
  const complete = order.filter((r) => r.complete);
  const structs = complete.map((r) => {
      const kind = r.union ? "union" : "struct";
      const name = r.tag !== undefined ? `${kind} ${r.tag}` : seen.get(r) ?? `${kind} <anonymous>`;
      return {
        name,
        union: r.union,
        size: r.size,
        align: r.align,
        fields: r.fields.map((f) => ({
          name: f.name ?? "",
          type: cTypeName(f.type, names),
          offset: f.offset,
          size: sizeOf(f.type),
          ...(f.bitWidth !== undefined ? { bitWidth: f.bitWidth, bitOffset: f.bitOffset } : {}),
        })),
      };
    });
  return { structs, names, byRecord: new Map(complete.map((r, i) => [r, structs[i]])) };
}

export type { Manifest };
