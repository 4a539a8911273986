// The type checker.
// In: the AST from `build-ast.ts`. Out: the same tree, decided: every expression has its
// `type`, every identifier its `sym`, every declarator its `sym` and checked `flatInit`;
// implicit conversions are explicit `cast` nodes (`implicit: true`), `a[i]` is `*(a + i)`,
// `sizeof`/`_Alignof` and enum constants are literals. Plus the lists code generation needs
// (`CheckedUnit`). C's rules throughout (C11 §6.3 conversions, §6.5 expressions, §6.7
// declarations), with gcc's leniencies where gcc only warns (implicit declarations,
// pointer/integer mixing), because ordinary test programs rely on them.
// User errors are recorded in `diags`; a bad expression becomes a placeholder of type `int`
// that is remembered as poisoned, so one mistake does not cascade into many reports.

import { exprChildren } from "./ast.js";
import type {
  FragmentInfo, FragmentKind, GlobalAggregate,
  Block, Declaration, DeclSpecs, Declarator, Designator, Expr, ExprOf, FlatInit, FunctionDef, InitDeclarator,
  Initializer, InitItem, ParamDeclaration, Stmt, Symbol, TranslationUnit, TypeName, TypeSpecifier, CaseInfo,
} from "./ast.js";
import type { Diagnostics, DiagnosticCode } from "./diagnostics.js";
import type { Span } from "./source.js";
import {
  type ArrayType, type FieldDecl, type PointerType, type FunctionType, type IntType, type RecordType, type Type,
  alignOf, arrayOf, boolType, charType, decay, doubleType, findField, floatType, functionType, intType,
  isArithmetic, isArray, isComplete, isFloat, isFunction, isInteger, isPointer, isRecord, isScalar, isVoid,
  layoutRecord, ldoubleType, llongType, longType, makeRecord, pointerTo, promote, recordOf, sameType,
  shortType, sizeOf, typeToString, uintType, ullongType, ulongType, unqualified, usualArithmetic, voidType,
  withQuals, ucharType, ushortType, scharType, sizeType, ptrdiffType,
} from "./types.js";

export interface CheckedUnit {
  unit: TranslationUnit;
  /** Definitions with bodies, in source order. */
  functions: FunctionDef[];
  /** File-scope variables and `static` locals, with their constant `flatInit`. */
  globals: Symbol[];
  /** Functions and variables used here but defined elsewhere (libc, host). */
  externs: Symbol[];
  /** Fragment definitions (spec §8.1), each with its `fragment` info. */
  fragments: FunctionDef[];
  /** `param` declarations (spec §8.2), in source order. */
  params: Symbol[];
}

export interface CheckOptions {
  /** The prototype of a libc function called without a declaration (gcc's built-ins). */
  implicitFunction?: (name: string) => FunctionType | undefined;
}

/** Types of the compiler's own `__builtin_` functions (the libc ones map to their libc name). */
const builtinTypes: Record<string, () => FunctionType> = {
  __builtin_va_start: () => functionType(voidType, [], true),
  __builtin_va_end: () => functionType(voidType, [], true),
  __builtin_va_copy: () => functionType(voidType, [], true),
  __builtin_va_arg: () => functionType(voidType, [], true),
  __builtin_expect: () => functionType(longType, [longType, longType]),
  __builtin_unreachable: () => functionType(voidType, []),
  __builtin_trap: () => functionType(voidType, []),
  __builtin_wasm_memory_size: () => functionType(ulongType, [intType]),
  __builtin_wasm_memory_grow: () => functionType(longType, [intType, ulongType]),
  __builtin_heap_base: () => functionType(pointerTo(charType), []),
  __builtin_isnan: () => functionType(intType, [], true),
  __builtin_isinf: () => functionType(intType, [], true),
  __builtin_isinf_sign: () => functionType(intType, [], true),
  __builtin_isfinite: () => functionType(intType, [], true),
  __builtin_signbit: () => functionType(intType, [], true),
  __builtin_popcount: () => functionType(intType, [uintType]),
  __builtin_popcountl: () => functionType(intType, [ulongType]),
  __builtin_popcountll: () => functionType(intType, [ullongType]),
  __builtin_clz: () => functionType(intType, [uintType]),
  __builtin_clzl: () => functionType(intType, [ulongType]),
  __builtin_clzll: () => functionType(intType, [ullongType]),
  __builtin_ctz: () => functionType(intType, [uintType]),
  __builtin_ctzl: () => functionType(intType, [ulongType]),
  __builtin_ctzll: () => functionType(intType, [ullongType]),
  __builtin_ffs: () => functionType(intType, [intType]),
  __builtin_bswap16: () => functionType(ushortType, [ushortType]),
  __builtin_bswap32: () => functionType(uintType, [uintType]),
  __builtin_bswap64: () => functionType(ulongType, [ulongType]),
  __builtin_constant_p: () => functionType(intType, [], true),
  __builtin_inf: () => functionType(doubleType, []),
  __builtin_inff: () => functionType(floatType, []),
  __builtin_huge_val: () => functionType(doubleType, []),
  __builtin_huge_valf: () => functionType(floatType, []),
  __builtin_nan: () => functionType(doubleType, [pointerTo(withQuals(charType, { const: true }))]),
  __builtin_nanf: () => functionType(floatType, [pointerTo(withQuals(charType, { const: true }))]),
};

/** `va_list` and CoD's `string` are predefined typedefs. */
const vaListType = pointerTo(charType);

interface Scope {
  parent: Scope | undefined;
  names: Map<string, Symbol>;
  tags: Map<string, { type: RecordType | IntType; span: Span; isEnum: boolean }>;
}

/** Per-function state, passed along rather than kept in globals. */
interface FnState {
  def: FunctionDef;
  sym: Symbol;
  ret: Type;
  locals: Symbol[];
  labels: Map<string, Span>;
  gotos: { label: string; span: Span }[];
  loops: number;
  switches: { cases: CaseInfo[]; hasDefault: boolean; type: Type }[];
  breakables: number;
}

type Const = { kind: "int"; value: bigint } | { kind: "float"; value: number } | { kind: "addr"; sym?: Symbol; str?: Expr; offset: bigint };

export function check(unit: TranslationUnit, diags: Diagnostics, options: CheckOptions = {}): CheckedUnit {
  return new Checker(diags, options).checkUnit(unit);
}

class Checker {
  /** The predefined names live outside file scope, so a program may declare its own `string`. */
  private readonly builtinScope: Scope = { parent: undefined, names: new Map(), tags: new Map() };
  private scope: Scope = { parent: this.builtinScope, names: new Map(), tags: new Map() };
  private readonly fileScope = this.scope;
  private fn: FnState | undefined;
  private nextId = 1;
  private readonly functions: FunctionDef[] = [];
  private readonly globals: Symbol[] = [];
  private readonly externs = new Map<string, Symbol>();
  private readonly params: Symbol[] = [];
  /** The one record type the file's global aggregates range over (§8.4). */
  private globalRecord: Type | undefined;
  /** Placeholders standing for an expression that already produced an error. */
  private readonly poisoned = new WeakSet<Expr>();
  private compoundCount = 0;

  constructor(
    private readonly diags: Diagnostics,
    private readonly options: CheckOptions,
  ) {
    for (const [name, type] of [["string", pointerTo(charType)], ["__builtin_va_list", vaListType]] as const) {
      this.builtinScope.names.set(name, this.makeSym(name, "typedef", type, { file: "<builtin>", start: 0, end: 0, line: 0, col: 0 }, "global"));
    }
  }

  // ---- driver -------------------------------------------------------------------------

  checkUnit(unit: TranslationUnit): CheckedUnit {
    for (const item of unit.items) {
      if (item.kind === "function") this.checkFunction(item);
      else this.checkDeclaration(item, true);
    }
    const externs: Symbol[] = [];
    for (const sym of this.fileScope.names.values()) {
      if (sym.kind === "var" && sym.storage === "global" && !this.globals.includes(sym)) this.globals.push(sym);
    }
    // A definition whose type never became complete has no storage size (a tentative
    // definition may be completed by a later declaration, so this waits for the end).
    for (const sym of this.globals) {
      if (sym.storage === "global" && sym.kind === "var" && !isArray(sym.type) && !isVoid(sym.type) && !isComplete(sym.type)) {
        this.report("E3011", sym.span, sym.name, typeToString(sym.type));
      }
    }
    for (const sym of this.externs.values()) if (!sym.defined && sym.used) externs.push(sym);
    const fragments = this.functions.filter((f) => f.fragment);
    return { unit, functions: this.functions, globals: this.globals, externs, fragments, params: this.params };
  }

  private report(code: DiagnosticCode, span: Span, ...args: (string | number | bigint)[]): void {
    this.diags.report(code, span, ...args);
  }

  private makeSym(name: string, kind: Symbol["kind"], type: Type, span: Span, storage: Symbol["storage"]): Symbol {
    return { id: this.nextId++, name, kind, type, span, storage };
  }

  private pushScope(): void {
    this.scope = { parent: this.scope, names: new Map(), tags: new Map() };
  }
  private popScope(): void {
    this.warnUnused(this.scope);
    this.scope = this.scope.parent ?? this.fileScope;
  }
  private warnUnused(scope: Scope): void {
    if (scope === this.fileScope) return;
    for (const s of scope.names.values()) {
      if (s.kind === "var" && !s.used && (s.storage === "local" || s.storage === "static") && !s.name.startsWith("__")) {
        this.report("W0001", s.span, s.name);
      }
    }
  }
  private lookup(name: string): Symbol | undefined {
    for (let s: Scope | undefined = this.scope; s; s = s.parent) {
      const sym = s.names.get(name);
      if (sym) return sym;
    }
    return undefined;
  }
  private lookupTag(name: string) {
    for (let s: Scope | undefined = this.scope; s; s = s.parent) {
      const t = s.tags.get(name);
      if (t) return t;
    }
    return undefined;
  }

  // ---- types from syntax --------------------------------------------------------------

  /** The base type named by declaration specifiers (before any declarator). */
  private resolveSpecs(specs: DeclSpecs, declarator?: Declarator): Type {
    let t: Type;
    const ts = specs.type;
    if (!ts) {
      const name = declarator ? declaratorName(declarator) : undefined;
      this.report("W0007", declarator ? nameSpan(declarator) : specs.span, name ?? "");
      t = intType;
    } else if (ts.kind === "record" && (specs.packed || specs.aligned)) {
      // `struct s {…} __attribute__((packed))`: the attribute after the body lands in the specifiers.
      t = this.resolveRecord({ ...ts, packed: ts.packed || specs.packed, aligned: Math.max(ts.aligned ?? 1, specs.aligned ?? 1) });
    } else t = this.resolveTypeSpecifier(ts);
    return withQuals(t, { const: specs.const, volatile: specs.volatile });
  }

  private resolveTypeSpecifier(ts: TypeSpecifier): Type {
    switch (ts.kind) {
      case "builtin":
        return this.resolveBuiltinWords(ts.words, ts.span);
      case "typedefName": {
        const sym = this.lookup(ts.name);
        if (!sym || sym.kind !== "typedef") {
          this.report("E2011", ts.span, ts.name);
          return intType;
        }
        sym.used = true;
        return sym.type;
      }
      case "record":
        return this.resolveRecord(ts);
      case "enum":
        return this.resolveEnum(ts);
      case "typeof": {
        if (ts.typeName) return this.resolveTypeName(ts.typeName);
        if (ts.expr) {
          const e = this.checkExpr(ts.expr);
          return e.type ?? intType;
        }
        return intType;
      }
    }
  }

  private resolveBuiltinWords(words: string[], span: Span): Type {
    const count = (w: string) => words.filter((x) => x === w).length;
    const has = (w: string) => words.includes(w);
    const bad = () => {
      this.report("E2013", span, words.join(" "));
      return intType;
    };
    const signedness = has("unsigned") ? "u" : has("signed") ? "s" : "";
    if (has("unsigned") && has("signed")) return bad();
    const longs = count("long");
    const base = words.filter((w) => w !== "unsigned" && w !== "signed" && w !== "long" && w !== "int");
    const hasInt = has("int");
    if (base.length > 1 || count("int") > 1 || longs > 2) return bad();
    const b = base[0];
    if (b === "void") return hasInt || longs || signedness ? bad() : voidType;
    if (b === "_Bool") return hasInt || longs || signedness ? bad() : boolType;
    if (b === "float") return hasInt || longs || signedness ? bad() : floatType;
    if (b === "double") return hasInt || signedness || longs > 1 ? bad() : longs ? ldoubleType : doubleType;
    if (b === "char") return hasInt || longs ? bad() : signedness === "u" ? ucharType : signedness === "s" ? scharType : charType;
    if (b === "short") return longs ? bad() : signedness === "u" ? ushortType : shortType;
    if (b !== undefined) return bad();
    if (longs === 2) return signedness === "u" ? ullongType : llongType;
    if (longs === 1) return signedness === "u" ? ulongType : longType;
    return signedness === "u" ? uintType : intType;
  }

  private resolveRecord(ts: Extract<TypeSpecifier, { kind: "record" }>): Type {
    const kindWord = ts.union ? "union" : "struct";
    let rec: RecordType | undefined;
    if (ts.tag !== undefined) {
      const existing = ts.fields ? this.scope.tags.get(ts.tag) : this.lookupTag(ts.tag);
      if (existing) {
        if (existing.isEnum || (existing.type as RecordType).union !== ts.union) {
          const before = existing.isEnum ? "enum" : (existing.type as RecordType).union ? "union" : "struct";
          this.report("E2016", ts.tagSpan ?? ts.span, ts.tag, kindWord, before);
        } else rec = existing.type as RecordType;
      }
      if (rec && ts.fields && rec.complete) {
        this.report("E2002", ts.tagSpan ?? ts.span, `${kindWord} ${ts.tag}`);
        rec = undefined;
      }
      if (!rec) {
        rec = makeRecord(ts.union, ts.tag);
        // `struct s;` or a definition declares the tag in the current scope; a mere use of an
        // unknown tag (`struct s *p`) declares it too, as C does.
        this.scope.tags.set(ts.tag, { type: rec, span: ts.span, isEnum: false });
      }
    } else rec = makeRecord(ts.union, undefined);
    if (ts.fields) {
      const decls: FieldDecl[] = [];
      const names = new Set<string>();
      for (const fd of ts.fields) {
        const base = this.resolveSpecs(fd.specs);
        if (fd.declarators.length === 0) {
          // An anonymous struct/union member: its fields are reached through the parent.
          if (isRecord(base) && recordOf(base).tag === undefined) {
            for (const f of recordOf(base).fields) if (f.name !== undefined) names.add(f.name);
            decls.push({ name: undefined, type: base });
          }
          continue;
        }
        for (const d of fd.declarators) {
          const r = d.declarator ? this.resolveDeclarator(d.declarator, base) : { type: base, name: undefined, span: d.span };
          let bitWidth: number | undefined;
          if (d.bitWidth) {
            const w = this.constInt(d.bitWidth);
            const max = isInteger(r.type) ? r.type.size * 8 : 0;
            if (w === undefined) {
              if (!this.poisoned.has(d.bitWidth)) this.report("E3019", d.bitWidth.span);
            } else if (w < 0n || w > BigInt(max) || (w === 0n && r.name !== undefined) || !isInteger(r.type)) {
              this.report("E3026", d.bitWidth.span, r.name ?? "<anonymous>", w === undefined ? "?" : w);
            } else bitWidth = Number(w);
          }
          if (r.name !== undefined) {
            if (names.has(r.name)) this.report("E2007", r.span, r.name);
            names.add(r.name);
          }
          if (isVoid(r.type)) {
            this.report("E3024", r.span, r.name ?? "<anonymous>");
            continue;
          }
          const isLast = fd === ts.fields[ts.fields.length - 1] && d === fd.declarators[fd.declarators.length - 1];
          if (!isComplete(r.type) && !(isArray(r.type) && r.type.length === undefined && isLast)) {
            this.report("E3011", r.span, r.name ?? "<anonymous>", typeToString(r.type));
            continue;
          }
          decls.push({ name: r.name, type: r.type, bitWidth, align: fd.specs.aligned });
        }
      }
      layoutRecord(rec, decls, ts.packed, ts.aligned);
    }
    return rec;
  }

  private resolveEnum(ts: Extract<TypeSpecifier, { kind: "enum" }>): Type {
    if (ts.tag !== undefined && !ts.items) {
      const existing = this.lookupTag(ts.tag);
      if (existing?.isEnum) return existing.type;
      if (existing) {
        this.report("E2016", ts.tagSpan ?? ts.span, ts.tag, "enum", (existing.type as RecordType).union ? "union" : "struct");
        return intType;
      }
      const t: IntType = { ...uintType, enumTag: ts.tag };
      this.scope.tags.set(ts.tag, { type: t, span: ts.span, isEnum: true });
      return t;
    }
    let next = 0n;
    let min = 0n;
    let max = 0n;
    const syms: Symbol[] = [];
    for (const item of ts.items ?? []) {
      if (item.value) {
        const v = this.constInt(item.value);
        if (v === undefined) {
          if (!this.poisoned.has(item.value)) this.report("E3019", item.value.span);
        } else next = v;
      }
      const sym = this.makeSym(item.name, "enumConst", intType, item.span, "global");
      sym.value = next;
      syms.push(sym);
      this.declareName(sym, item.span);
      if (next < min) min = next;
      if (next > max) max = next;
      next += 1n;
    }
    // gcc: unsigned int when no value is negative, int otherwise, wider when they do not fit.
    let base: IntType = min < 0n ? intType : uintType;
    if (min < -(2n ** 31n) || max >= 2n ** 32n || (min < 0n && max >= 2n ** 31n)) base = min < 0n ? longType : ulongType;
    for (const s of syms) if (s.value! >= 2n ** 31n || s.value! < -(2n ** 31n)) s.type = base;
    const t: IntType = { ...base, enumTag: ts.tag ?? "<anonymous>" };
    if (ts.tag !== undefined) {
      const prev = this.scope.tags.get(ts.tag);
      if (prev) {
        if (prev.isEnum) this.report("E2002", ts.tagSpan ?? ts.span, `enum ${ts.tag}`);
        else this.report("E2016", ts.tagSpan ?? ts.span, ts.tag, "enum", (prev.type as RecordType).union ? "union" : "struct");
      }
      this.scope.tags.set(ts.tag, { type: t, span: ts.span, isEnum: true });
    }
    return t;
  }

  resolveTypeName(tn: TypeName): Type {
    const base = this.resolveSpecs(tn.specs);
    const t = this.resolveDeclarator(tn.declarator, base).type;
    tn.type = t;
    return t;
  }

  /**
   * Walks a declarator outside-in, building the declared type around `base`. Also returns
   * the parameters of the function declarator applied directly to the name, which a function
   * definition needs.
   */
  private resolveDeclarator(
    d: Declarator,
    base: Type,
  ): { type: Type; name?: string; span: Span; params?: ParamDeclaration[]; fnDecl?: Extract<Declarator, { kind: "function" }> } {
    switch (d.kind) {
      case "name":
        return { type: base, name: d.name, span: d.span };
      case "pointer":
        return this.resolveDeclarator(d.inner, withQuals(pointerTo(base), { const: d.const, volatile: d.volatile }));
      case "array": {
        let length: number | undefined;
        if (d.size) {
          const v = this.constInt(d.size);
          if (v === undefined) {
            if (this.poisoned.has(d.size)) length = 1;
            else {
              const integral = d.size.type !== undefined && isInteger(d.size.type);
              this.report(this.fn && integral ? "E3031" : "E3017", d.size.span);
              length = 1;
            }
          } else if (v < 0n) {
            this.report("E3017", d.size.span);
            length = 1;
          } else length = Number(v);
        }
        if (isFunction(base)) this.report("E3025", d.span, "an array of functions");
        else if (!isComplete(base)) this.report("E3011", d.span, "array element", typeToString(base));
        return this.resolveDeclarator(d.inner, arrayOf(base, length));
      }
      case "function": {
        if (isArray(base)) this.report("E3025", d.span, "an array");
        if (isFunction(base)) this.report("E3025", d.span, "a function");
        const params: Type[] = [];
        const list = d.params;
        const isVoidList = list.length === 1 && list[0].declarator.kind === "name" && !list[0].declarator.name &&
          list[0].specs.type?.kind === "builtin" && list[0].specs.type.words.length === 1 && list[0].specs.type.words[0] === "void";
        if (!isVoidList) {
          for (const p of list) {
            if (p.specs.storage !== undefined && p.specs.storage !== "register") this.report("E2014", p.specs.span, p.specs.storage);
            const pt = this.resolveDeclarator(p.declarator, this.resolveSpecs(p.specs, p.declarator)).type;
            params.push(adjustParam(pt));
          }
        }
        const unprototyped = d.unprototyped || (d.oldStyleNames !== undefined && d.oldStyleNames.length > 0);
        const ft = functionType(base, params, d.variadic, unprototyped);
        const r = this.resolveDeclarator(d.inner, ft);
        if (d.inner.kind === "name") return { ...r, params: isVoidList ? [] : list, fnDecl: d };
        return r;
      }
    }
  }

  // ---- declarations -------------------------------------------------------------------

  private declareName(sym: Symbol, span: Span): void {
    const prev = this.scope.names.get(sym.name);
    if (prev && !(prev.kind === "typedef" && sym.kind === "typedef" && sameType(prev.type, sym.type))) {
      this.report(prev.kind === sym.kind ? "E2002" : "E2012", span, sym.name);
    }
    this.scope.names.set(sym.name, sym);
  }

  private checkDeclaration(decl: Declaration, atFileScope: boolean): void {
    const specs = decl.specs;
    if (atFileScope && (specs.storage === "auto" || specs.storage === "register")) {
      this.report("E2014", specs.span, specs.storage);
    }
    const base = this.resolveSpecs(specs, decl.declarators[0]?.declarator);
    for (const id of decl.declarators) {
      const r = this.resolveDeclarator(id.declarator, base);
      if (r.name === undefined) continue;
      if (specs.storage === "typedef") {
        const sym = this.makeSym(r.name, "typedef", r.type, r.span, atFileScope ? "global" : "local");
        this.declareName(sym, r.span);
        id.sym = sym;
        continue;
      }
      if (specs.param && id.global?.aggregate === "histogram" && atFileScope) {
        id.sym = this.declareHistogramParam(r.name, r.type, r.span);
        this.checkGlobalAggregate(id.sym, id.global);
        continue;
      }
      if (specs.param) {
        id.sym = this.declareParam(r.name, r.type, r.span, atFileScope);
        if (id.init) this.report("E3037", id.init.span);
        if (id.global) this.checkGlobalAggregate(id.sym, id.global);
        continue;
      }
      if (id.global) this.report("E3033", id.global.span, "global outside a param declaration");
      if (isFunction(r.type)) {
        if (id.init) this.report("E3030", id.init.span, typeToString(r.type));
        id.sym = this.declareFunction(r.name, r.type, r.span, specs.storage === "static", false);
        continue;
      }
      if (atFileScope) this.declareGlobal(id, r.name, r.type, r.span, specs);
      else this.declareLocal(id, r.name, r.type, r.span, specs);
    }
  }

  /**
   * `param double mu;` (spec §8.2): a read-only value the deployment supplies. Code generation
   * imports it; specialization later replaces the import by the constant.
   */
  private declareParam(name: string, type: Type, span: Span, atFileScope: boolean): Symbol {
    if (!atFileScope) this.report("E2014", span, "param");
    if (!isArithmetic(type)) this.report("E3035", span, typeToString(type));
    const sym = this.makeSym(name, "var", withQuals(unqualified(type), { const: true }), span, "fragmentParam");
    sym.defined = true;
    this.declareName(sym, span);
    if (atFileScope) this.params.push(sym);
    return sym;
  }

  /**
   * `param long bins[64] = global histogram(particle.energy, 0.0, 10.0);` (spec §8.4): a
   * read-only array in the module's memory, which the host fills with the merged bins before
   * the dependent fragments run (an array cannot be an imported global).
   */
  private declareHistogramParam(name: string, type: Type, span: Span): Symbol {
    const ok = isArray(type) && type.length !== undefined && type.length > 0 && isInteger(type.of);
    if (!ok) this.report("E3042", span, typeToString(type));
    const t = ok ? type : arrayOf(longType, 1);
    const sym = this.makeSym(name, "var", withQuals(t, { const: true }), span, "global");
    sym.defined = true;
    sym.used = true;
    this.declareName(sym, span);
    this.globals.push(sym);
    return sym;
  }

  /**
   * `param double mu = global mean(particle.energy);` (spec §8.4). In the argument, the struct
   * tag stands for each record the aggregate ranges over; it must be the only record type, and
   * the expression must not use another globally computed param (that would need another phase).
   */
  private checkGlobalAggregate(sym: Symbol, g: GlobalAggregate): void {
    const kinds = ["count", "sum", "mean", "variance", "stddev", "min", "max", "histogram"] as const;
    const aggregate = kinds.find((k) => k === g.aggregate);
    if (!aggregate) {
      this.report("E3038", g.aggregateSpan, g.aggregate);
      return;
    }
    sym.global = g;
    let bounds: { low: number; high: number; bins: number } | undefined;
    if (aggregate === "histogram") {
      if (g.args.length !== 3) {
        this.report("E3039", g.span, g.aggregate);
        return;
      }
      const [low, high] = g.args.slice(1).map((a) => {
        const c = this.evalConst(this.checkExpr(a));
        return c?.kind === "float" ? c.value : c?.kind === "int" ? Number(c.value) : undefined;
      });
      if (low === undefined || high === undefined || !(low < high)) {
        this.report("E3043", g.args[1].span);
        return;
      }
      bounds = { low, high, bins: isArray(sym.type) ? sym.type.length ?? 1 : 1 };
    } else if (g.args.length !== 1) {
      this.report("E3039", g.span, g.aggregate);
      return;
    }
    // Bind each struct tag named in the expression as a variable: "the record".
    const tags = new Set<string>();
    const collect = (e: Expr): void => {
      if (e.kind === "ident" && !this.lookup(e.name) && this.lookupTag(e.name) && !this.lookupTag(e.name)!.isEnum) tags.add(e.name);
      for (const child of exprChildren(e)) collect(child);
    };
    collect(g.args[0]);
    if (tags.size !== 1) {
      this.report("E3039", g.args[0].span, g.aggregate);
      return;
    }
    const [recordName] = tags;
    const record = this.lookupTag(recordName)!.type;
    if (this.globalRecord && !sameType(this.globalRecord, record)) {
      this.report("E3041", g.args[0].span, typeToString(this.globalRecord), typeToString(record));
      return;
    }
    this.globalRecord = record;
    this.pushScope();
    const each = this.makeSym(recordName, "var", withQuals(record, { const: true }), g.args[0].span, "local");
    each.used = true;
    this.scope.names.set(recordName, each);
    const arg = this.rvalue(this.checkExpr(g.args[0]));
    this.scope = this.scope.parent!;
    g.args[0] = arg;
    if (this.poisoned.has(arg)) return;
    if (!isArithmetic(arg.type!) && aggregate !== "count") {
      this.report("E3039", arg.span, g.aggregate);
      return;
    }
    let dependency: Symbol | undefined;
    const visit = (e: Expr): void => {
      if (e.kind === "ident" && e.sym?.global && !dependency) dependency = e.sym;
      for (const child of exprChildren(e)) visit(child);
    };
    visit(arg);
    if (dependency) {
      this.report("E3040", arg.span, g.aggregate, sym.name, dependency.name);
      return;
    }
    const recordRefs: Span[] = [];
    const refs = (e: Expr): void => {
      if (e.kind === "ident" && e.sym === each) recordRefs.push(e.span);
      for (const child of exprChildren(e)) refs(child);
    };
    refs(arg);
    g.info = { aggregate, record, recordName, exprSpan: arg.span, recordRefs, ...bounds };
  }

  private declareFunction(name: string, type: FunctionType, span: Span, isStatic: boolean, defining: boolean): Symbol {
    let prev = this.lookup(name);
    // A block-scope prototype still names the file-scope function.
    if (prev && prev.kind === "func" && this.scope !== this.fileScope) {
      this.scope.names.set(name, prev);
    }
    if (!prev || prev.kind !== "func") {
      if (prev && this.scope.names.get(name) === prev) this.report("E2012", span, name);
      prev = this.externs.get(name);
    }
    if (prev) {
      if (!sameType(prev.type, type)) {
        this.report("E2003", span, name);
      } else if (defining || (isFunction(prev.type) && prev.type.unprototyped && !type.unprototyped)) {
        // Keep the most informative type: a prototype over `int f()`, the definition's over all.
        if (!(defining && type.unprototyped && !(prev.type as FunctionType).unprototyped)) prev.type = type;
      }
      if (defining && prev.defined) this.report("E4004", span, name);
      if (isStatic) prev.internal = true;
      this.scope.names.set(name, prev);
      if (this.scope !== this.fileScope && !this.fileScope.names.has(name)) this.fileScope.names.set(name, prev);
      return prev;
    }
    const sym = this.makeSym(name, "func", type, span, "extern");
    sym.internal = isStatic;
    this.externs.set(name, sym);
    this.scope.names.set(name, sym);
    return sym;
  }

  private declareGlobal(id: InitDeclarator, name: string, type: Type, span: Span, specs: DeclSpecs): void {
    const isExtern = specs.storage === "extern";
    let sym = this.fileScope.names.get(name) ?? this.externs.get(name);
    if (sym && sym.kind !== "var") {
      this.report("E2012", span, name);
      sym = undefined;
    }
    if (sym) {
      if (!sameType(sym.type, type)) this.report("E2003", span, name);
      else if (isArray(sym.type) && sym.type.length === undefined) sym.type = type;
      if (id.init && sym.flatInit) this.report("E2002", span, name);
    } else {
      sym = this.makeSym(name, "var", type, span, isExtern ? "extern" : "global");
      this.externs.set(name, sym);
    }
    if (specs.storage === "static") sym.internal = true;
    this.fileScope.names.set(name, sym);
    id.sym = sym;
    if (!isExtern || id.init) {
      sym.storage = "global";
      sym.defined = true;
      if (!this.globals.includes(sym)) this.globals.push(sym);
    }
    if (isVoid(type)) this.report("E3024", span, name);
    if (id.init) {
      sym.flatInit = this.checkInitializer(sym, id.init, true);
      id.flatInit = sym.flatInit;
    } else if (sym.defined && !isComplete(sym.type) && !isArray(sym.type) && !isExtern) {
      // A tentative definition of incomplete type may be completed later; checked at use.
    }
  }

  private declareLocal(id: InitDeclarator, name: string, type: Type, span: Span, specs: DeclSpecs): void {
    const fn = this.fn!;
    if (specs.storage === "extern") {
      const sym = this.externs.get(name) ?? this.makeSym(name, "var", type, span, "extern");
      if (!this.externs.has(name)) this.externs.set(name, sym);
      if (!this.fileScope.names.has(name)) this.fileScope.names.set(name, sym);
      this.declareName(sym, span);
      id.sym = sym;
      return;
    }
    const isStatic = specs.storage === "static";
    const sym = this.makeSym(name, "var", type, span, isStatic ? "static" : "local");
    if (specs.storage === "register") sym.register = true;
    if (isVoid(type)) this.report("E3024", span, name);
    this.declareName(sym, span);
    id.sym = sym;
    fn.locals.push(sym);
    if (isStatic) this.globals.push(sym);
    if (id.init) {
      const flat = this.checkInitializer(sym, id.init, isStatic);
      id.flatInit = flat;
      if (isStatic) sym.flatInit = flat;
    } else if (!isComplete(type) && !isVoid(type)) {
      this.report("E3011", span, name, typeToString(type));
    }
  }

  // ---- functions ----------------------------------------------------------------------

  private checkFunction(def: FunctionDef): void {
    if (def.fragmentKind && def.specs.type) {
      this.report("E3036", def.specs.type.span, def.specs.type.kind === "builtin" ? def.specs.type.words.join(" ") : "type");
    }
    const base = def.fragmentKind ? fragmentReturnType(def) : this.resolveSpecs(def.specs, def.declarator);
    let r = this.resolveDeclarator(def.declarator, base);
    if (!isFunction(r.type) || r.name === undefined || !r.fnDecl) {
      this.report("E1003", def.span, "function definition");
      return;
    }
    const fname = r.name;
    let ftype = r.type;
    // K&R definitions: parameter types come from the declarations between `)` and `{`.
    const oldNames = r.fnDecl.oldStyleNames;
    const oldTypes = new Map<string, { type: Type; span: Span }>();
    if (oldNames && oldNames.length > 0) {
      for (const d of def.oldStyleDecls) {
        const b = this.resolveSpecs(d.specs);
        for (const id of d.declarators) {
          const pr = this.resolveDeclarator(id.declarator, b);
          if (pr.name === undefined) continue;
          if (!oldNames.some((n) => n.name === pr.name)) this.report("E2015", pr.span, pr.name);
          oldTypes.set(pr.name, { type: adjustParam(pr.type), span: pr.span });
        }
      }
      const params = oldNames.map((n) => oldTypes.get(n.name)?.type ?? intType);
      ftype = functionType(ftype.ret, params.map((p) => defaultPromote(p)), false, true);
      r = { ...r, type: ftype };
    }
    const sym = this.declareFunction(fname, ftype, r.span, def.specs.storage === "static", true);
    sym.defined = true;
    if (def.fragmentKind) def.fragment = this.checkFragmentSignature(def.fragmentKind, fname, ftype, r.span);
    sym.storage = "global";
    def.sym = sym;
    if (isArray(ftype.ret) || isFunction(ftype.ret)) this.report("E3025", r.span, isArray(ftype.ret) ? "an array" : "a function");
    const fn: FnState = {
      def, sym, ret: ftype.ret, locals: [], labels: new Map(), gotos: [], loops: 0, switches: [], breakables: 0,
    };
    this.fn = fn;
    this.pushScope();
    const params: Symbol[] = [];
    if (oldNames && oldNames.length > 0) {
      for (const n of oldNames) {
        const t = oldTypes.get(n.name)?.type ?? intType;
        const ps = this.makeSym(n.name, "var", t, oldTypes.get(n.name)?.span ?? n.span, "param");
        ps.used = true;
        this.declareName(ps, n.span);
        params.push(ps);
      }
    } else {
      for (const p of r.params ?? []) {
        const pt = adjustParam(this.resolveDeclarator(p.declarator, this.resolveSpecs(p.specs)).type);
        const pname = declaratorName(p.declarator);
        const ps = this.makeSym(pname ?? `__param${params.length}`, "var", pt, p.span, "param");
        if (p.specs.storage === "register") ps.register = true;
        ps.used = true; // unused parameters are normal in C; no warning
        if (pname !== undefined) this.declareName(ps, p.span);
        if (!isComplete(pt) && !isVoid(pt)) this.report("E3011", p.span, pname ?? "parameter", typeToString(pt));
        p.sym = ps;
        params.push(ps);
      }
    }
    fn.locals.push(...params);
    def.params = params;
    // The body shares the parameters' scope, as C says.
    this.checkBlockItems(def.body, false);
    this.popScope();
    for (const g of fn.gotos) if (!fn.labels.has(g.label)) this.report("E2004", g.span, g.label);
    def.locals = fn.locals;
    this.functions.push(def);
    this.fn = undefined;
  }

  /** Which of the signatures of spec §8.1 a fragment has; E3034 names the expected one. */
  private checkFragmentSignature(kind: FragmentKind, name: string, t: FunctionType, span: Span): FragmentInfo | undefined {
    const recordPtr = (p: Type | undefined): Type | undefined =>
      p && isPointer(p) && isRecord(p.to) ? unqualified(p.to) : undefined;
    const isLong = (p: Type | undefined) => p !== undefined && isInteger(p) && p.size === 8;
    const ps = t.params;
    const fail = (expected: string) => {
      this.report("E3034", span, kind, name, expected);
      return undefined;
    };
    if (t.variadic) return fail("a function with a fixed parameter list");
    switch (kind) {
      case "filter":
      case "router": {
        const input = recordPtr(ps[0]);
        if (input && ps.length === 1) return { kind, perRecord: true, input };
        if (input && ps.length === 2 && isLong(ps[1])) return { kind, perRecord: false, input };
        return fail(`${kind} ${name}(const T *record) or ${kind} ${name}(const T *buffer, long n), T a struct`);
      }
      case "transform": {
        const input = recordPtr(ps[0]);
        if (input && ps.length === 2 && recordPtr(ps[1]) && !(ps[1] as PointerType).to.const) return { kind, perRecord: true, input, output: recordPtr(ps[1]) };
        if (input && ps.length === 4 && isLong(ps[1]) && recordPtr(ps[2]) && isLong(ps[3])) {
          return { kind, perRecord: false, input, output: recordPtr(ps[2]) };
        }
        return fail(`transform ${name}(const T *in, U *out) or transform ${name}(const T *in, long n, U *out, long cap)`);
      }
      case "aggregate":
        if (ps.length === 0) return { kind, perRecord: false };
        return fail(`aggregate ${name}(void)`);
    }
  }

  // ---- statements ---------------------------------------------------------------------

  private checkBlockItems(block: Block, newScope = true): void {
    if (newScope) this.pushScope();
    for (const item of block.items) {
      if (item.kind === "declaration") this.checkDeclaration(item, false);
      else this.checkStmt(item);
    }
    if (newScope) this.popScope();
  }

  private checkStmt(s: Stmt): void {
    const fn = this.fn!;
    switch (s.kind) {
      case "block":
        return this.checkBlockItems(s);
      case "expr":
        if (s.expr) s.expr = this.checkExpr(s.expr);
        return;
      case "if":
        s.cond = this.checkCondition(s.cond);
        this.checkStmt(s.then);
        if (s.else) this.checkStmt(s.else);
        return;
      case "loop": {
        this.pushScope();
        if (s.init) {
          if (s.init.kind === "declaration") this.checkDeclaration(s.init, false);
          else s.init = this.checkExpr(s.init);
        }
        if (s.cond) s.cond = this.checkCondition(s.cond);
        if (s.step) s.step = this.checkExpr(s.step);
        fn.loops++;
        fn.breakables++;
        this.checkStmt(s.body);
        fn.loops--;
        fn.breakables--;
        this.popScope();
        return;
      }
      case "switch": {
        let e = this.rvalue(this.checkExpr(s.expr));
        if (!isInteger(e.type!)) {
          if (!this.poisoned.has(e)) this.report("E3022", e.span, typeToString(e.type!));
          e = this.placeholder(e.span);
        }
        e = this.convert(e, promote(e.type!));
        s.expr = e;
        const sw = { cases: [] as CaseInfo[], hasDefault: false, type: e.type! };
        fn.switches.push(sw);
        fn.breakables++;
        this.checkStmt(s.body);
        fn.breakables--;
        fn.switches.pop();
        s.cases = sw.cases;
        return;
      }
      case "case":
      case "default": {
        const sw = fn.switches[fn.switches.length - 1];
        if (!sw) {
          this.report("E4003", s.span, s.kind);
        } else if (s.kind === "default") {
          if (sw.hasDefault) this.report("E2009", s.span);
          sw.hasDefault = true;
          s.id = sw.cases.length;
          sw.cases.push({ id: s.id, low: 0n, high: 0n, isDefault: true });
        } else {
          const lo = this.caseValue(s.value, sw.type);
          const hi = s.last ? this.caseValue(s.last, sw.type) : lo;
          if (lo !== undefined && hi !== undefined) {
            const dup = sw.cases.find((c) => !c.isDefault && c.low <= hi && lo <= c.high);
            if (dup) this.report("E2008", s.span, lo);
            s.id = sw.cases.length;
            sw.cases.push({ id: s.id, low: lo, high: hi, isDefault: false });
          }
        }
        this.checkStmt(s.body);
        return;
      }
      case "break":
        if (fn.breakables === 0) this.report("E4001", s.span);
        return;
      case "continue":
        if (fn.loops === 0) this.report("E4002", s.span);
        return;
      case "return": {
        if (s.value) {
          let v = this.checkExpr(s.value);
          if (isVoid(fn.ret)) {
            if (!isVoid(v.type!)) this.report("E3015", s.span, fn.sym.name);
          } else v = this.assignConvert(v, fn.ret, "return");
          s.value = v;
        } else if (!isVoid(fn.ret) && fn.sym.name !== "main") {
          // gcc accepts a bare `return;` in a non-void function with a warning; so do we.
          this.report("W0006", s.span, fn.sym.name);
        }
        return;
      }
      case "goto":
        fn.gotos.push({ label: s.label, span: s.span });
        return;
      case "label":
        if (fn.labels.has(s.label)) this.report("E2005", s.span, s.label);
        else fn.labels.set(s.label, s.span);
        this.checkStmt(s.body);
        return;
    }
  }

  private caseValue(e: Expr, t: Type): bigint | undefined {
    const v = this.constInt(e);
    if (v === undefined) {
      if (!this.poisoned.has(e)) this.report("E3019", e.span);
      return undefined;
    }
    return wrapInt(v, t as IntType);
  }

  private checkCondition(e: Expr): Expr {
    const c = this.rvalue(this.checkExpr(e));
    if (!isScalar(c.type!) && !this.poisoned.has(c)) {
      this.report(isVoid(c.type!) ? "E3010" : "E3021", c.span, typeToString(c.type!));
      return this.placeholder(c.span);
    }
    return c;
  }

  // ---- expressions --------------------------------------------------------------------

  private placeholder(span: Span, type: Type = intType): Expr {
    const e: Expr = { kind: "int", value: 0n, suffix: "", radix: 10, span, type };
    this.poisoned.add(e);
    return e;
  }

  private intLit(value: bigint, type: Type, span: Span): Expr {
    return { kind: "int", value, suffix: "", radix: 10, span, type };
  }

  /** An explicit conversion node, or `e` itself when no conversion is needed. */
  private convert(e: Expr, to: Type): Expr {
    const from = e.type!;
    if (sameType(unqualified(from), unqualified(to)) && from.kind === to.kind && !isArray(from) && !isFunction(from)) {
      if (from.kind !== "int" || (from as IntType).enumTag === (to as IntType).enumTag) return e;
    }
    const c: Expr = { kind: "cast", operand: e, implicit: true, span: e.span, type: unqualified(to) };
    if (this.poisoned.has(e)) this.poisoned.add(c);
    return c;
  }

  /** Array-to-pointer and function-to-pointer decay (C11 6.3.2.1), as explicit conversions. */
  private rvalue(e: Expr): Expr {
    const t = e.type!;
    const narrow = bitFieldPromotion(e);
    if (narrow) return this.convert(e, narrow);
    if (isArray(t) || isFunction(t)) {
      if (isArray(t) && e.kind === "ident" && e.sym) e.sym.addressTaken = true;
      return this.convert(e, decay(t));
    }
    return e;
  }

  private isNullConstant(e: Expr): boolean {
    let x = e;
    while (x.kind === "cast" && (isInteger(x.type!) || (isPointer(x.type!) && isVoid(x.type!.to)))) x = x.operand;
    return isInteger(x.type!) && this.constInt(x) === 0n;
  }

  /** Conversion as by assignment (C11 6.5.16.1): arguments, returns, initializers, `=`. */
  private assignConvert(e0: Expr, to: Type, context: "assign" | "return" | "init" | { arg: number; fn: string }): Expr {
    const e = this.rvalue(e0);
    const from = e.type!;
    const target = unqualified(to);
    if (this.poisoned.has(e)) return this.convert(e, target);
    const incompatible = () => {
      if (typeof context === "object") {
        this.report("E3007", e.span, context.arg, context.fn, typeToString(from), typeToString(target));
      } else this.report("E3002", e.span, typeToString(from), typeToString(target));
      return this.placeholder(e.span, target);
    };
    if (isVoid(from)) {
      this.report("E3010", e.span);
      return this.placeholder(e.span, target);
    }
    if (isArithmetic(target) && isArithmetic(from)) {
      this.warnNarrowing(e, target);
      return this.convert(e, target);
    }
    if (isPointer(target)) {
      if (isPointer(from)) {
        const a = target.to;
        const b = from.to;
        if (!isVoid(a) && !isVoid(b) && !sameType(unqualified(a), unqualified(b))) {
          this.report("W0005", e.span, typeToString(from), typeToString(target));
        } else if (b.const && !a.const) this.report("W0009", e.span, typeToString(from), typeToString(target));
        return this.convert(e, target);
      }
      if (isInteger(from)) {
        if (!this.isNullConstant(e)) this.report("W0004", e.span, typeToString(from), typeToString(target));
        return this.convert(e, target);
      }
      return incompatible();
    }
    if (isInteger(target) && isPointer(from)) {
      if (target.name !== "_Bool") this.report("W0004", e.span, typeToString(from), typeToString(target));
      return this.convert(e, target);
    }
    if (isRecord(target) && isRecord(from) && sameType(target, from)) return e;
    return incompatible();
  }

  /** gcc's default-on conversion warnings: a constant that does not fit, a float to an integer. */
  private warnNarrowing(e: Expr, to: Type): void {
    const from = e.type!;
    if (isInteger(to) && isFloat(from)) {
      this.report("W0002", e.span, typeToString(from), typeToString(to));
      return;
    }
    if (isInteger(to) && isInteger(from) && to.size < from.size && to.name !== "_Bool") {
      const v = this.constInt(e);
      if (v !== undefined && wrapInt(v, to) !== v && wrapInt(v, { ...to, signed: !to.signed }) !== v) {
        this.report("W0002", e.span, typeToString(from), typeToString(to));
      }
    }
  }

  private isLvalue(e: Expr): boolean {
    switch (e.kind) {
      case "ident":
        return e.sym?.kind === "var";
      case "unary":
        return e.op === "*";
      case "member":
        return e.arrow || this.isLvalue(e.base) || isRecord(e.base.type!);
      case "compound":
      case "string":
        return true;
      default:
        return false;
    }
  }

  private checkAssignable(e: Expr): boolean {
    if (this.poisoned.has(e)) return false;
    if (!this.isLvalue(e) || e.kind === "string") {
      this.report("E3003", e.span);
      return false;
    }
    const t = e.type!;
    if (isArray(t)) {
      this.report("E3029", e.span, typeToString(t));
      return false;
    }
    if (t.const || (isRecord(t) && recordOf(t).fields.some((f) => f.type.const))) {
      this.report("E3004", e.span, exprName(e));
      return false;
    }
    return true;
  }

  /** Checks an expression and returns it (or its replacement) with `type` set. */
  checkExpr(e: Expr): Expr {
    switch (e.kind) {
      case "int":
        e.type = e.isChar ? intType : intLiteralType(e.value, e.suffix, e.radix);
        if (!e.isChar) e.value = wrapInt(e.value, e.type as IntType);
        return e;
      case "float":
        e.type = e.suffix === "f" ? floatType : e.suffix === "l" ? ldoubleType : doubleType;
        if (e.suffix === "f") e.value = Math.fround(e.value);
        return e;
      case "string":
        e.type = arrayOf(charType, e.bytes.length + 1);
        return e;
      case "ident":
        return this.checkIdent(e);
      case "unary":
        return this.checkUnary(e);
      case "incdec": {
        const op = this.checkExpr(e.operand);
        e.operand = op;
        const t = op.type!;
        if (!this.poisoned.has(op) && !isScalar(t)) {
          this.report("E3016", e.span, e.op, typeToString(t));
          return this.placeholder(e.span);
        }
        if (isPointer(t) && !isComplete(t.to) && !isVoid(t.to)) this.report("E3011", e.span, "pointee", typeToString(t.to));
        this.checkAssignable(op);
        e.type = unqualified(t);
        return e;
      }
      case "binary":
        return this.checkBinary(e);
      case "assign":
        return this.checkAssign(e);
      case "cond":
        return this.checkCond(e);
      case "call":
        return this.checkCall(e);
      case "index": {
        // a[i] is *(a + i), whichever of the two is the pointer.
        const base = this.rvalue(this.checkExpr(e.base));
        const index = this.rvalue(this.checkExpr(e.index));
        const [p, i] = isPointer(base.type!) ? [base, index] : [index, base];
        if (!isPointer(p.type!) || !isInteger(i.type!)) {
          if (!this.poisoned.has(base) && !this.poisoned.has(index)) this.report("E3008", e.base.span, typeToString(base.type!));
          return this.placeholder(e.span);
        }
        const sum: Expr = { kind: "binary", op: "+", left: p, right: this.convert(i, longType), span: e.span, type: p.type };
        return this.deref(sum, e.span);
      }
      case "member":
        return this.checkMember(e);
      case "cast":
        return this.checkCast(e);
      case "sizeof":
      case "alignof": {
        let t: Type;
        if (e.typeName) t = this.resolveTypeName(e.typeName);
        else {
          const op = this.checkExpr(e.operand!);
          if (op.kind === "member" && op.field?.bitWidth !== undefined) {
            this.report("E3023", e.span, e.kind, "bit-field");
            return this.placeholder(e.span, sizeType);
          }
          t = op.type!;
        }
        if (!isComplete(t) && !isVoid(t) && !isFunction(t)) {
          this.report("E3023", e.span, e.kind, typeToString(t));
          return this.placeholder(e.span, sizeType);
        }
        return this.intLit(BigInt(e.kind === "sizeof" ? sizeOf(t) : alignOf(t)), sizeType, e.span);
      }
      case "compound": {
        const t = this.resolveTypeName(e.typeName);
        const sym = this.makeSym(`__compound${this.compoundCount++}`, "var", t, e.span, this.fn ? "local" : "global");
        sym.used = true;
        sym.addressTaken = true;
        e.flatInit = this.checkInitializer(sym, e.init, !this.fn);
        if (this.fn) this.fn.locals.push(sym);
        else {
          sym.flatInit = e.flatInit;
          sym.defined = true;
          this.globals.push(sym);
        }
        e.sym = sym;
        e.type = sym.type;
        return e;
      }
      case "stmtexpr": {
        if (!this.fn) {
          this.report("E4005", e.span);
          return this.placeholder(e.span);
        }
        this.checkBlockItems(e.body);
        const last = e.body.items[e.body.items.length - 1];
        e.type = last && last.kind === "expr" && last.expr ? this.rvalueType(last.expr) : voidType;
        if (last && last.kind === "expr" && last.expr) last.expr = this.rvalue(last.expr);
        return e;
      }
    }
  }

  private rvalueType(e: Expr): Type {
    return unqualified(decay(e.type!));
  }

  private checkIdent(e: ExprOf<"ident">): Expr {
    let sym = this.lookup(e.name);
    if (!sym) {
      if ((e.name === "__func__" || e.name === "__FUNCTION__" || e.name === "__PRETTY_FUNCTION__") && this.fn) {
        const bytes = new TextEncoder().encode(this.fn.sym.name);
        return this.checkExpr({ kind: "string", bytes, span: e.span });
      }
      if (builtinTypes[e.name]) {
        sym = this.makeSym(e.name, "func", builtinTypes[e.name](), e.span, "extern");
        this.fileScope.names.set(e.name, sym);
        this.externs.set(e.name, sym);
      } else {
        this.report("E2001", e.span, e.name);
        return this.placeholder(e.span);
      }
    }
    if (sym.kind === "typedef") {
      this.report("E2010", e.span, e.name);
      return this.placeholder(e.span);
    }
    sym.used = true;
    if (sym.kind === "enumConst") return this.intLit(sym.value!, sym.type, e.span);
    e.sym = sym;
    e.type = sym.type;
    return e;
  }

  private deref(p: Expr, span: Span): Expr {
    const t = p.type as Extract<Type, { kind: "pointer" }>;
    return { kind: "unary", op: "*", operand: p, span, type: t.to };
  }

  private checkUnary(e: ExprOf<"unary">): Expr {
    if (e.op === "&") {
      const op = this.checkExpr(e.operand);
      e.operand = op;
      if (this.poisoned.has(op)) return this.placeholder(e.span, pointerTo(op.type!));
      if (op.kind === "member" && op.field?.bitWidth !== undefined) {
        this.report("E3012", e.span, "a bit-field");
        return this.placeholder(e.span, pointerTo(op.type!));
      }
      if (op.kind === "ident" && op.sym?.register) {
        this.report("E3012", e.span, `register variable '${op.name}'`);
        return this.placeholder(e.span, pointerTo(op.type!));
      }
      if (!this.isLvalue(op) && !isFunction(op.type!)) {
        this.report("E3012", e.span, "an rvalue");
        return this.placeholder(e.span, pointerTo(op.type!));
      }
      markAddressTaken(op);
      e.type = pointerTo(op.type!);
      return e;
    }
    const op = this.rvalue(this.checkExpr(e.operand));
    e.operand = op;
    const t = op.type!;
    if (this.poisoned.has(op)) return this.placeholder(e.span);
    switch (e.op) {
      case "*":
        if (!isPointer(t)) {
          this.report("E3013", e.span, typeToString(t));
          return this.placeholder(e.span);
        }
        if (isFunction(t.to)) return op; // *f is f for a function pointer
        return this.deref(op, e.span);
      case "+":
      case "-":
        if (!isArithmetic(t)) break;
        e.operand = this.convert(op, promote(t));
        e.type = e.operand.type;
        return e;
      case "~":
        if (!isInteger(t)) break;
        e.operand = this.convert(op, promote(t));
        e.type = e.operand.type;
        return e;
      case "!":
        if (!isScalar(t)) break;
        e.type = intType;
        return e;
    }
    this.report("E3016", e.span, e.op, typeToString(t));
    return this.placeholder(e.span);
  }

  private checkBinary(e: ExprOf<"binary">): Expr {
    let l = this.rvalue(this.checkExpr(e.left));
    let r = this.rvalue(this.checkExpr(e.right));
    e.left = l;
    e.right = r;
    if (this.poisoned.has(l) || this.poisoned.has(r)) return this.placeholder(e.span);
    const lt = l.type!;
    const rt = r.type!;
    const bad = () => {
      this.report("E3001", e.span, e.op, typeToString(lt), typeToString(rt));
      return this.placeholder(e.span);
    };
    switch (e.op) {
      case ",":
        e.type = rt;
        return e;
      case "&&":
      case "||":
        if (!isScalar(lt) || !isScalar(rt)) return bad();
        e.type = intType;
        return e;
      case "*":
      case "/":
      case "%":
      case "&":
      case "|":
      case "^": {
        const intOnly = e.op !== "*" && e.op !== "/";
        if (intOnly ? !isInteger(lt) || !isInteger(rt) : !isArithmetic(lt) || !isArithmetic(rt)) return bad();
        const ct = usualArithmetic(lt, rt);
        e.left = this.convert(l, ct);
        e.right = this.convert(r, ct);
        e.type = ct;
        return e;
      }
      case "<<":
      case ">>":
        if (!isInteger(lt) || !isInteger(rt)) return bad();
        e.left = this.convert(l, promote(lt));
        e.right = this.convert(r, promote(rt));
        e.type = e.left.type;
        return e;
      case "+":
      case "-": {
        if (isArithmetic(lt) && isArithmetic(rt)) {
          const ct = usualArithmetic(lt, rt);
          e.left = this.convert(l, ct);
          e.right = this.convert(r, ct);
          e.type = ct;
          return e;
        }
        if (isPointer(lt) && isPointer(rt) && e.op === "-") {
          if (!sameType(unqualified(lt.to), unqualified(rt.to))) return bad();
          e.type = ptrdiffType;
          return e;
        }
        if (isPointer(lt) && isInteger(rt)) {
          if (!isComplete(lt.to) && !isVoid(lt.to) && !isFunction(lt.to)) this.report("E3011", e.span, "pointee", typeToString(lt.to));
          e.right = this.convert(r, longType);
          e.type = lt;
          return e;
        }
        if (e.op === "+" && isInteger(lt) && isPointer(rt)) {
          e.left = this.convert(l, longType);
          e.type = rt;
          return e;
        }
        return bad();
      }
      case "<":
      case ">":
      case "<=":
      case ">=":
      case "==":
      case "!=": {
        e.type = intType;
        if (isArithmetic(lt) && isArithmetic(rt)) {
          const ct = usualArithmetic(lt, rt);
          e.left = this.convert(l, ct);
          e.right = this.convert(r, ct);
          return e;
        }
        if (isPointer(lt) && isPointer(rt)) {
          const eq = e.op === "==" || e.op === "!=";
          if (!isVoid(lt.to) && !isVoid(rt.to) && !sameType(unqualified(lt.to), unqualified(rt.to)) && !(eq && (this.isNullConstant(l) || this.isNullConstant(r)))) {
            this.report("W0005", e.span, typeToString(lt), typeToString(rt));
          }
          return e;
        }
        if (isPointer(lt) && isInteger(rt)) {
          if (!this.isNullConstant(r)) this.report("W0010", e.span);
          e.right = this.convert(r, lt);
          return e;
        }
        if (isInteger(lt) && isPointer(rt)) {
          if (!this.isNullConstant(l)) this.report("W0010", e.span);
          e.left = this.convert(l, rt);
          return e;
        }
        return bad();
      }
    }
  }

  private checkAssign(e: ExprOf<"assign">): Expr {
    const target = this.checkExpr(e.target);
    let value = this.checkExpr(e.value);
    e.target = target;
    if (this.poisoned.has(target) || this.poisoned.has(value)) {
      this.checkAssignable(target);
      return this.placeholder(e.span, target.type);
    }
    const ok = this.checkAssignable(target);
    const tt = unqualified(target.type!);
    e.type = tt;
    if (e.op === "=") {
      e.value = ok ? this.assignConvert(value, tt, "assign") : value;
      return e;
    }
    value = this.rvalue(value);
    const vt = value.type!;
    const op = e.op.slice(0, -1);
    if ((op === "+" || op === "-") && isPointer(tt) && isInteger(vt)) {
      e.opType = tt;
      e.value = this.convert(value, longType);
      return e;
    }
    const intOnly = op === "%" || op === "&" || op === "|" || op === "^" || op === "<<" || op === ">>";
    if (intOnly ? !isInteger(tt) || !isInteger(vt) : !isArithmetic(tt) || !isArithmetic(vt)) {
      this.report("E3001", e.span, e.op, typeToString(tt), typeToString(vt));
      return this.placeholder(e.span, tt);
    }
    const lt = bitFieldPromotion(target) ?? tt;
    if (op === "<<" || op === ">>") {
      e.opType = promote(lt);
      e.value = this.convert(value, promote(vt));
    } else {
      e.opType = usualArithmetic(lt, vt);
      e.value = this.convert(value, e.opType);
    }
    return e;
  }

  private checkCond(e: ExprOf<"cond">): Expr {
    e.cond = this.checkCondition(e.cond);
    let a = this.rvalue(this.checkExpr(e.then));
    let b = this.rvalue(this.checkExpr(e.else));
    if (this.poisoned.has(a) || this.poisoned.has(b)) return this.placeholder(e.span);
    const at = a.type!;
    const bt = b.type!;
    let t: Type;
    if (isArithmetic(at) && isArithmetic(bt)) t = usualArithmetic(at, bt);
    else if (isVoid(at) && isVoid(bt)) t = voidType;
    else if (isRecord(at) && isRecord(bt) && sameType(at, bt)) t = unqualified(at);
    else if (isPointer(at) && isPointer(bt)) {
      if (this.isNullConstant(b)) t = at;
      else if (this.isNullConstant(a)) t = bt;
      else if (isVoid(at.to)) t = at;
      else if (isVoid(bt.to)) t = bt;
      else {
        if (!sameType(unqualified(at.to), unqualified(bt.to))) this.report("W0005", e.span, typeToString(at), typeToString(bt));
        t = at;
      }
    } else if (isPointer(at) && isInteger(bt)) {
      if (!this.isNullConstant(b)) this.report("W0004", b.span, typeToString(bt), typeToString(at));
      t = at;
    } else if (isInteger(at) && isPointer(bt)) {
      if (!this.isNullConstant(a)) this.report("W0004", a.span, typeToString(at), typeToString(bt));
      t = bt;
    } else {
      this.report("E3001", e.span, "?:", typeToString(at), typeToString(bt));
      return this.placeholder(e.span);
    }
    e.then = isVoid(t) || isRecord(t) ? a : this.convert(a, t);
    e.else = isVoid(t) || isRecord(t) ? b : this.convert(b, t);
    e.type = t;
    return e;
  }

  private checkCall(e: ExprOf<"call">): Expr {
    let callee: Expr;
    const queueFn = e.callee.kind === "ident" && !this.lookup(e.callee.name) ? this.queueFunction(e.callee.name) : undefined;
    if (queueFn && e.callee.kind === "ident") {
      const sym = this.declareFunctionAtFileScope(e.callee.name, queueFn, e.callee.span);
      sym.used = true;
      e.callee = { ...e.callee, sym, type: queueFn };
    }
    if (e.callee.kind === "ident" && !this.lookup(e.callee.name) && !builtinTypes[e.callee.name]) {
      // C89's implicit declaration, which gcc still accepts: `f(x)` declares `int f()`.
      // A libc function gets its real prototype, as gcc's built-ins do.
      const name = e.callee.name;
      const libName = name.startsWith("__builtin_") ? name.slice(10) : name;
      const known = this.options.implicitFunction?.(libName);
      if (!name.startsWith("__builtin_")) this.report("W0003", e.callee.span, name);
      const sym = this.declareFunctionAtFileScope(libName, known ?? functionType(intType, [], false, true), e.callee.span);
      sym.used = true;
      callee = { ...e.callee, name: libName, sym, type: sym.type };
    } else callee = this.checkExpr(e.callee);
    const args = e.args.map((a) => this.checkExpr(a));
    if (this.poisoned.has(callee)) return this.placeholder(e.span);
    let ft: FunctionType | undefined;
    const ct = callee.type!;
    if (isFunction(ct)) ft = ct;
    else if (isPointer(ct) && isFunction(ct.to)) ft = ct.to;
    if (!ft) {
      this.report("E3005", callee.span, typeToString(ct));
      return this.placeholder(e.span);
    }
    if (!isFunction(ct)) callee = this.rvalue(callee);
    e.callee = callee;
    const name = callee.kind === "ident" ? callee.name : "function";
    const special = callee.kind === "ident" && callee.name.startsWith("__builtin_") ? callee.name : undefined;
    if (special === "__builtin_va_start" || special === "__builtin_va_end" || special === "__builtin_va_copy" || special === "__builtin_va_arg") {
      e.args = args.map((a, i) => (i === 0 || special === "__builtin_va_copy" ? a : this.rvalue(a)));
      if (args[0] && !this.poisoned.has(args[0])) this.checkAssignable(args[0]);
      if (special === "__builtin_va_start" && this.fn && !(this.fn.sym.type as FunctionType).variadic) {
        this.report("E3033", e.span, "va_start in a function without '...'");
      }
      e.type = voidType;
      return e;
    }
    if (!ft.unprototyped) {
      const n = ft.params.length;
      if (args.length < n || (args.length > n && !ft.variadic)) {
        this.report("E3006", callee.span, args.length < n ? "few" : "many", name, n, args.length);
        e.args = args.map((a) => this.rvalue(a));
        e.type = ft.ret;
        return this.poisonIfVoid(e);
      }
    }
    e.args = args.map((a, i) => {
      if (!ft!.unprototyped && i < ft!.params.length) return this.assignConvert(a, ft!.params[i], { arg: i + 1, fn: name });
      const v = this.rvalue(a);
      if (isVoid(v.type!)) {
        this.report("E3010", v.span);
        return this.placeholder(v.span);
      }
      // The type-generic builtins take their argument unconverted.
      if (special && /^__builtin_(isnan|isinf|isinf_sign|isfinite|signbit|constant_p)$/.test(special)) return v;
      return this.convert(v, defaultPromote(v.type!));
    });
    e.type = unqualified(ft.ret);
    return e;
  }

  /**
   * EVPath's multiqueue functions, inside an aggregate only (spec §8.1): for a struct tag X,
   * `EVcount_X`, `EVdata_X`, `EVdiscard_X`, `EVsubmit_X`. They are host imports.
   */
  private queueFunction(name: string): FunctionType | undefined {
    const m = /^EV(count|data|discard|submit)_([A-Za-z_]\w*)$/.exec(name);
    if (!m || this.fn?.def.fragmentKind !== "aggregate") return undefined;
    const tag = this.lookupTag(m[2]);
    if (!tag || tag.isEnum) return undefined;
    const rec = tag.type as RecordType;
    switch (m[1]) {
      case "count":
        return functionType(longType, []);
      case "data":
        return functionType(pointerTo(rec), [longType]);
      case "discard":
        return functionType(voidType, [longType]);
      default:
        return functionType(voidType, [intType, pointerTo(withQuals(rec, { const: true }))]);
    }
  }

  private poisonIfVoid(e: Expr): Expr {
    return e;
  }

  private declareFunctionAtFileScope(name: string, type: FunctionType, span: Span): Symbol {
    const existing = this.externs.get(name);
    if (existing) {
      this.scope.names.set(name, existing);
      return existing;
    }
    const sym = this.makeSym(name, "func", type, span, "extern");
    this.externs.set(name, sym);
    this.fileScope.names.set(name, sym);
    return sym;
  }

  private checkMember(e: ExprOf<"member">): Expr {
    let base = this.checkExpr(e.base);
    if (this.poisoned.has(base)) return this.placeholder(e.span);
    let rt: Type = base.type!;
    if (e.arrow) {
      base = this.rvalue(base);
      rt = base.type!;
      if (!isPointer(rt) || !isRecord(rt.to)) {
        this.report("E3027", e.span, typeToString(rt));
        return this.placeholder(e.span);
      }
      rt = rt.to;
    } else if (!isRecord(rt)) {
      this.report("E3009", e.span, e.name, typeToString(rt));
      return this.placeholder(e.span);
    }
    e.base = base;
    const rec = rt as RecordType;
    if (!isComplete(rec)) {
      this.report("E3011", e.span, exprName(e.base), typeToString(rec));
      return this.placeholder(e.span);
    }
    const found = findField(rec, e.name);
    if (!found) {
      this.report("E2006", e.span, rec.union ? "union" : "struct", rec.tag ?? "<anonymous>", e.name);
      return this.placeholder(e.span);
    }
    e.field = found.field;
    e.offset = found.offset;
    e.type = withQuals(found.field.type, { const: rec.const, volatile: rec.volatile });
    return e;
  }

  private checkCast(e: ExprOf<"cast">): Expr {
    if (e.implicit) return e; // already checked (a re-visit through a shared node)
    const to = e.typeName ? this.resolveTypeName(e.typeName) : e.type!;
    // `__builtin_va_arg(ap, T)` arrives as a cast of the va_arg call to T.
    if (e.operand.kind === "call" && e.operand.callee.kind === "ident" && e.operand.callee.name === "__builtin_va_arg") {
      const call = this.checkExpr(e.operand);
      call.type = to;
      e.operand = call;
      e.type = to;
      return e;
    }
    const op = this.rvalue(this.checkExpr(e.operand));
    e.operand = op;
    e.type = unqualified(to);
    if (this.poisoned.has(op)) return this.placeholder(e.span, e.type);
    const from = op.type!;
    if (isVoid(to)) return e;
    const ok =
      (isScalar(to) && isScalar(from) && !(isFloat(to) && isPointer(from)) && !(isPointer(to) && isFloat(from))) ||
      (isRecord(to) && isRecord(from) && sameType(to, from));
    if (!ok) {
      this.report(isVoid(from) ? "E3010" : "E3014", e.span, typeToString(from), typeToString(to));
      return this.placeholder(e.span, e.type);
    }
    return e;
  }

  // ---- initializers (C11 6.7.9) -------------------------------------------------------

  /** Checked initializer expressions, so brace elision can look at one before deciding. */
  private readonly initCache = new WeakMap<Initializer, Expr>();

  private initExpr(init: Extract<Initializer, { kind: "expr" }>): Expr {
    let e = this.initCache.get(init);
    if (!e) {
      e = this.checkExpr(init.expr);
      init.expr = e;
      this.initCache.set(init, e);
    }
    return e;
  }

  /**
   * Flattens an initializer into scalar stores at byte offsets. Unmentioned parts of an
   * aggregate are zero (code generation zeroes the object first). An incomplete array takes
   * its length from the initializer. Static storage requires constants, folded here.
   */
  private checkInitializer(sym: Symbol, init: Initializer, isStatic: boolean): FlatInit[] {
    const out: FlatInit[] = [];
    const t = sym.type;
    if (isArray(t) && t.length === undefined) {
      let length = 0;
      init = bracedString(t, init) ?? init;
      if (init.kind === "list") length = this.initList(t, init.items, { i: 0 }, 0, out, true);
      else if (init.expr.kind === "string" && isInteger(t.of) && t.of.size === 1) {
        length = init.expr.bytes.length + 1;
        sym.type = arrayOf(t.of, length);
        this.initValue(sym.type, init, 0, out);
        return this.finishStatic(out, isStatic);
      } else this.report("E3030", init.span, typeToString(t));
      sym.type = withQuals(arrayOf(t.of, length), { const: t.const });
    } else {
      if (!isComplete(t)) {
        this.report("E3011", sym.span, sym.name, typeToString(t));
        return out;
      }
      this.initValue(t, init, 0, out);
    }
    return this.finishStatic(out, isStatic);
  }

  private finishStatic(out: FlatInit[], isStatic: boolean): FlatInit[] {
    if (!isStatic) return out;
    for (const item of out) {
      if (item.expr.kind === "string" && isArray(item.type)) continue;
      if (this.poisoned.has(item.expr)) continue;
      const c = this.evalConst(item.expr);
      if (!c && this.reportDivisionByZero(item.expr)) continue;
      if (!c || (c.kind === "addr" && isRecord(item.type))) {
        this.report("E3020", item.expr.span);
        continue;
      }
      item.expr = this.constToExpr(c, item.type, item.expr.span);
    }
    return out;
  }

  /** A canonical node for a folded constant: a literal, or `(T)((char *)&sym + offset)`. */
  private constToExpr(c: Const, type: Type, span: Span): Expr {
    if (c.kind === "int") return isFloat(type) ? { kind: "float", value: Number(c.value), suffix: "", span, type } : this.intLit(c.value, type, span);
    if (c.kind === "float") return { kind: "float", value: type.kind === "float" && type.size === 4 ? Math.fround(c.value) : c.value, suffix: "", span, type };
    let base: Expr;
    if (c.str) base = c.str;
    else if (c.sym) {
      const ident: Expr = { kind: "ident", name: c.sym.name, sym: c.sym, span, type: c.sym.type };
      base = { kind: "unary", op: "&", operand: ident, span, type: pointerTo(c.sym.type) };
    } else return this.intLit(c.offset, isPointer(type) ? ulongType : type, span);
    const charPtr = pointerTo(charType);
    let e: Expr = { kind: "cast", operand: base, implicit: true, span, type: charPtr };
    if (c.offset !== 0n) e = { kind: "binary", op: "+", left: e, right: this.intLit(c.offset, longType, span), span, type: charPtr };
    return { kind: "cast", operand: e, implicit: true, span, type };
  }

  private initValue(t: Type, init: Initializer, offset: number, out: FlatInit[], bitField?: FlatInit["bitField"]): void {
    const braced = bracedString(t, init);
    if (braced) return this.initValue(t, braced, offset, out);
    if (init.kind === "list") {
      if (isArray(t) || isRecord(t)) {
        this.initList(t, init.items, { i: 0 }, offset, out, true);
        return;
      }
      if (init.items.length === 0) {
        out.push({ offset, type: t, expr: this.intLit(0n, isScalar(t) ? t : intType, init.span), bitField });
        return;
      }
      if (init.items.length > 1) this.report("E3018", init.items[1].span, "scalar");
      this.initValue(t, init.items[0].init, offset, out, bitField);
      return;
    }
    const e = this.initExpr(init);
    if (isArray(t)) {
      if (e.kind === "string" && isInteger(t.of) && t.of.size === 1) {
        if (t.length !== undefined && e.bytes.length > t.length) this.report("E3018", e.span, "char array");
        out.push({ offset, type: t, expr: e });
      } else this.report("E3030", e.span, typeToString(t));
      return;
    }
    if (isRecord(t)) {
      if (isRecord(e.type!) && sameType(e.type!, t)) out.push({ offset, type: unqualified(t), expr: e });
      else if (!this.poisoned.has(e)) this.report("E3002", e.span, typeToString(e.type!), typeToString(t));
      return;
    }
    out.push({ offset, type: unqualified(t), expr: this.assignConvert(e, t, "init"), bitField });
  }

  /** Fills an aggregate from `items[cur.i…]`; returns the array length reached (arrays). */
  private initList(t: Type, items: InitItem[], cur: { i: number }, offset: number, out: FlatInit[], braced: boolean): number {
    let pos = 0;
    let max = 0;
    if (isArray(t)) {
      const esz = sizeOf(t.of);
      while (cur.i < items.length) {
        const item = items[cur.i];
        if (item.designators.length > 0) {
          if (!braced) break;
          pos = this.initDesignated(t, item.designators, items, cur, offset, out);
          max = Math.max(max, pos);
          continue;
        }
        if (t.length !== undefined && pos >= t.length) {
          if (!braced) break;
          this.report("E3018", item.span, "array");
          cur.i = items.length;
          break;
        }
        this.initElement(t.of, items, cur, offset + pos * esz, out);
        pos++;
        max = Math.max(max, pos);
      }
      return max;
    }
    const rec = recordOf(t as RecordType);
    const fields = rec.fields;
    while (cur.i < items.length) {
      const item = items[cur.i];
      if (item.designators.length > 0) {
        if (!braced) break;
        pos = this.initDesignated(t, item.designators, items, cur, offset, out);
        continue;
      }
      if (pos >= fields.length || (rec.union && pos >= 1)) {
        if (!braced) break;
        this.report("E3018", item.span, rec.tag ? `${rec.union ? "union" : "struct"} ${rec.tag}` : "struct");
        cur.i = items.length;
        break;
      }
      const f = fields[pos];
      this.initElement(f.type, items, cur, offset + f.offset, out, f.bitWidth !== undefined ? f : undefined);
      pos++;
    }
    return 0;
  }

  /** One element of an aggregate: braced, a matching value, or (brace elision) a sub-list. */
  private initElement(t: Type, items: InitItem[], cur: { i: number }, offset: number, out: FlatInit[], bitField?: FlatInit["bitField"]): void {
    const item = items[cur.i];
    if (item.init.kind === "list" || isScalar(t)) {
      cur.i++;
      this.initValue(t, item.init, offset, out, bitField);
      return;
    }
    const e = this.initExpr(item.init);
    const direct =
      (isArray(t) && e.kind === "string" && isInteger(t.of) && t.of.size === 1) ||
      (isRecord(t) && isRecord(e.type!) && sameType(e.type!, t)) ||
      this.poisoned.has(e);
    if (direct || (!isArray(t) && !isRecord(t))) {
      cur.i++;
      this.initValue(t, item.init, offset, out, bitField);
      return;
    }
    this.initList(t, items, cur, offset, out, false);
  }

  /** Applies `.a[2].b = …`; returns the position after the first designator, where a list resumes. */
  private initDesignated(t: Type, ds: Designator[], items: InitItem[], cur: { i: number }, offset: number, out: FlatInit[]): number {
    const d = ds[0];
    const rest = ds.slice(1);
    const inner = (sub: Type, subOffset: number, bitField?: FlatInit["bitField"]) => {
      if (rest.length > 0) this.initDesignated(sub, rest, items, cur, subOffset, out);
      else this.initElement(sub, items, cur, subOffset, out, bitField);
    };
    if (d.kind === "index") {
      if (!isArray(t)) {
        this.report("E3008", d.span, typeToString(t));
        cur.i++;
        return 0;
      }
      const lo = this.constInt(d.index);
      const hi = d.last ? this.constInt(d.last) : lo;
      if (lo === undefined || hi === undefined || lo < 0n || hi < lo) {
        this.report("E3019", d.span);
        cur.i++;
        return 0;
      }
      if (t.length !== undefined && hi >= BigInt(t.length)) {
        this.report("E3018", d.span, "array");
        cur.i++;
        return 0;
      }
      const esz = sizeOf(t.of);
      const start = cur.i;
      for (let k = lo; k <= hi; k++) {
        cur.i = start;
        inner(t.of, offset + Number(k) * esz);
      }
      return Number(hi) + 1;
    }
    if (!isRecord(t)) {
      this.report("E3009", d.span, d.name, typeToString(t));
      cur.i++;
      return 0;
    }
    const fields = recordOf(t).fields;
    const idx = fields.findIndex((f) => f.name === d.name);
    if (idx >= 0) {
      const f = fields[idx];
      inner(f.type, offset + f.offset, f.bitWidth !== undefined ? f : undefined);
      return idx + 1;
    }
    // A member of an anonymous struct/union: designate into that member.
    const anon = fields.findIndex((f) => f.name === undefined && isRecord(f.type) && findField(f.type, d.name));
    if (anon >= 0) {
      this.initDesignated(fields[anon].type, ds, items, cur, offset + fields[anon].offset, out);
      return anon + 1;
    }
    this.report("E2006", d.span, recordOf(t).union ? "union" : "struct", recordOf(t).tag ?? "<anonymous>", d.name);
    cur.i++;
    return 0;
  }

  // ---- constant expressions (C11 6.6) -------------------------------------------------

  /** Checks `e` if it has not been, and evaluates it as an integer constant expression. */
  private constInt(e: Expr): bigint | undefined {
    const c = e.type ? e : this.checkExpr(e);
    const v = this.evalConst(c);
    if (!v) this.reportDivisionByZero(c);
    if (this.poisoned.has(c)) this.poisoned.add(e);
    return v?.kind === "int" && isInteger(c.type!) ? v.value : undefined;
  }

  /**
   * A constant expression that failed to fold because it divides by zero gets E3032 (and is
   * poisoned, so the caller's "not a constant" is not reported on top). In code that runs,
   * `x / 0` is only undefined behaviour when executed, so it is not an error there.
   */
  private reportDivisionByZero(e: Expr): boolean {
    if (this.poisoned.has(e)) return true;
    let found = false;
    const visit = (x: Expr): void => {
      if (found) return;
      if (x.kind === "binary") {
        if ((x.op === "/" || x.op === "%") && isInteger(x.type!)) {
          const d = this.evalConst(x.right);
          if (d?.kind === "int" && d.value === 0n && this.evalConst(x.left)) {
            this.report("E3032", x.span);
            found = true;
            return;
          }
        }
        visit(x.left);
        visit(x.right);
      } else if (x.kind === "cast" || x.kind === "unary") visit(x.operand);
      else if (x.kind === "cond") [x.cond, x.then, x.else].forEach(visit);
    };
    visit(e);
    if (found) this.poisoned.add(e);
    return found;
  }

  private evalConst(e: Expr): Const | undefined {
    const t = e.type!;
    switch (e.kind) {
      case "int":
        return { kind: "int", value: e.value };
      case "float":
        return { kind: "float", value: e.value };
      case "cast": {
        const from = e.operand.type!;
        if (isArray(from) || isFunction(from)) return this.lvalueAddress(e.operand);
        const v = this.evalConst(e.operand);
        if (!v) return undefined;
        if (isVoid(t)) return undefined;
        if (isInteger(t)) {
          if (v.kind === "int") return { kind: "int", value: wrapInt(v.value, t) };
          if (v.kind === "float") {
            if (!Number.isFinite(v.value)) return undefined;
            if (t.name === "_Bool") return { kind: "int", value: v.value !== 0 ? 1n : 0n };
            return { kind: "int", value: wrapInt(BigInt(Math.trunc(v.value)), t) };
          }
          if (v.sym === undefined && v.str === undefined) return { kind: "int", value: wrapInt(v.offset, t) };
          return t.size === 8 ? v : undefined; // an address fits only a 64-bit integer
        }
        if (isFloat(t)) {
          if (v.kind === "addr") return undefined;
          const n = v.kind === "int" ? Number(v.value) : v.value;
          return { kind: "float", value: t.size === 4 ? Math.fround(n) : n };
        }
        if (isPointer(t)) {
          if (v.kind === "int") return { kind: "addr", offset: v.value };
          if (v.kind === "addr") return v;
        }
        return undefined;
      }
      case "unary": {
        if (e.op === "&") return this.lvalueAddress(e.operand);
        if (e.op === "*") return undefined;
        const v = this.evalConst(e.operand);
        if (!v || v.kind === "addr") return e.op === "!" && v?.kind === "addr" && v.sym ? { kind: "int", value: 0n } : undefined;
        if (e.op === "!") return { kind: "int", value: (v.kind === "int" ? v.value === 0n : v.value === 0) ? 1n : 0n };
        if (v.kind === "float") return { kind: "float", value: e.op === "-" ? -v.value : v.value };
        if (e.op === "-") return { kind: "int", value: wrapInt(-v.value, t as IntType) };
        if (e.op === "~") return { kind: "int", value: wrapInt(~v.value, t as IntType) };
        return v;
      }
      case "binary":
        return this.evalBinary(e);
      case "cond": {
        const c = this.evalConst(e.cond);
        if (!c) return undefined;
        const truthy = c.kind === "int" ? c.value !== 0n : c.kind === "float" ? c.value !== 0 : true;
        return this.evalConst(truthy ? e.then : e.else);
      }
      default:
        return undefined;
    }
  }

  private evalBinary(e: ExprOf<"binary">): Const | undefined {
    const t = e.type!;
    if (e.op === "&&" || e.op === "||") {
      const a = this.evalConst(e.left);
      if (!a) return undefined;
      const at = a.kind === "int" ? a.value !== 0n : a.kind === "float" ? a.value !== 0 : true;
      if (e.op === "&&" && !at) return { kind: "int", value: 0n };
      if (e.op === "||" && at) return { kind: "int", value: 1n };
      const b = this.evalConst(e.right);
      if (!b) return undefined;
      const bt = b.kind === "int" ? b.value !== 0n : b.kind === "float" ? b.value !== 0 : true;
      return { kind: "int", value: bt ? 1n : 0n };
    }
    if (e.op === ",") return undefined;
    const a = this.evalConst(e.left);
    const b = this.evalConst(e.right);
    if (!a || !b) return undefined;
    if (a.kind === "addr" || b.kind === "addr") {
      if (isPointer(t) && (e.op === "+" || e.op === "-")) {
        const [p, n, pe] = a.kind === "addr" ? [a, b, e.left] : [b, a, e.right];
        if (n.kind !== "int" || p.kind !== "addr") return undefined;
        const step = BigInt(sizeOf((pe.type as Extract<Type, { kind: "pointer" }>).to));
        return { ...p, offset: e.op === "+" ? p.offset + n.value * step : p.offset - n.value * step };
      }
      if (a.kind === "addr" && b.kind === "addr" && e.op === "-" && a.sym === b.sym && a.str === b.str) {
        const step = BigInt(sizeOf((e.left.type as Extract<Type, { kind: "pointer" }>).to)) || 1n;
        return { kind: "int", value: (a.offset - b.offset) / step };
      }
      if (a.kind === "addr" && b.kind === "addr" && a.sym === undefined && b.sym === undefined && a.str === undefined && b.str === undefined) {
        return this.evalArith(e.op, { kind: "int", value: a.offset }, { kind: "int", value: b.offset }, ulongType, e.left.type!);
      }
      return undefined;
    }
    return this.evalArith(e.op, a, b, t, e.left.type!);
  }

  private evalArith(op: string, a: Const, b: Const, t: Type, operandType: Type): Const | undefined {
    if (a.kind === "float" || b.kind === "float") {
      const x = a.kind === "float" ? a.value : Number((a as { value: bigint }).value);
      const y = b.kind === "float" ? b.value : Number((b as { value: bigint }).value);
      const f = (v: number): Const => ({ kind: "float", value: t.kind === "float" && t.size === 4 ? Math.fround(v) : v });
      switch (op) {
        case "+": return f(x + y);
        case "-": return f(x - y);
        case "*": return f(x * y);
        case "/": return f(x / y);
        case "<": return { kind: "int", value: x < y ? 1n : 0n };
        case ">": return { kind: "int", value: x > y ? 1n : 0n };
        case "<=": return { kind: "int", value: x <= y ? 1n : 0n };
        case ">=": return { kind: "int", value: x >= y ? 1n : 0n };
        case "==": return { kind: "int", value: x === y ? 1n : 0n };
        case "!=": return { kind: "int", value: x !== y ? 1n : 0n };
      }
      return undefined;
    }
    if (a.kind !== "int" || b.kind !== "int") return undefined;
    const x = a.value;
    const y = b.value;
    const it = (isInteger(t) ? t : intType) as IntType;
    const w = (v: bigint): Const => ({ kind: "int", value: wrapInt(v, it) });
    const ot = (isInteger(operandType) ? operandType : longType) as IntType;
    switch (op) {
      case "+": return w(x + y);
      case "-": return w(x - y);
      case "*": return w(x * y);
      case "/": return y === 0n ? undefined : w(x / y);
      case "%": return y === 0n ? undefined : w(x % y);
      case "&": return w(x & y);
      case "|": return w(x | y);
      case "^": return w(x ^ y);
      case "<<": return y < 0n || y >= BigInt(it.size * 8) ? undefined : w(x << y);
      case ">>": return y < 0n || y >= BigInt(it.size * 8) ? undefined : w(x >> y);
      case "<": return { kind: "int", value: wrapInt(x, ot) < wrapInt(y, ot) ? 1n : 0n };
      case ">": return { kind: "int", value: wrapInt(x, ot) > wrapInt(y, ot) ? 1n : 0n };
      case "<=": return { kind: "int", value: wrapInt(x, ot) <= wrapInt(y, ot) ? 1n : 0n };
      case ">=": return { kind: "int", value: wrapInt(x, ot) >= wrapInt(y, ot) ? 1n : 0n };
      case "==": return { kind: "int", value: x === y ? 1n : 0n };
      case "!=": return { kind: "int", value: x !== y ? 1n : 0n };
    }
    return undefined;
  }

  /** The address of a static lvalue, for address constants (`&g.f`, `arr + 2`, `"s"`). */
  private lvalueAddress(e: Expr): Const | undefined {
    switch (e.kind) {
      case "ident":
        if (e.sym && (e.sym.kind === "func" || e.sym.storage === "global" || e.sym.storage === "static" || e.sym.storage === "extern")) {
          return { kind: "addr", sym: e.sym, offset: 0n };
        }
        return undefined;
      case "string":
        return { kind: "addr", str: e, offset: 0n };
      case "compound":
        return e.sym && e.sym.storage === "global" ? { kind: "addr", sym: e.sym, offset: 0n } : undefined;
      case "member": {
        const base = e.arrow ? this.evalConst(e.base) : this.lvalueAddress(e.base);
        if (!base || base.kind !== "addr") return undefined;
        return { ...base, offset: base.offset + BigInt(e.offset ?? 0) };
      }
      case "unary":
        if (e.op === "*") {
          const p = this.evalConst(e.operand);
          return p?.kind === "addr" ? p : undefined;
        }
        return undefined;
      default:
        return undefined;
    }
  }
}

// ---- helpers ----------------------------------------------------------------------------

/** A fragment's implied return type: `long` for a per-buffer transform, `int` otherwise. */
function fragmentReturnType(def: FunctionDef): Type {
  const fn = innermostFunction(def.declarator);
  return def.fragmentKind === "transform" && fn?.params.length === 4 ? longType : intType;
}

function innermostFunction(d: Declarator): Extract<Declarator, { kind: "function" }> | undefined {
  if (d.kind === "name") return undefined;
  if (d.kind === "function" && d.inner.kind === "name") return d;
  return innermostFunction(d.inner);
}

/**
 * A bit-field narrower than `int` promotes to `int`, whatever its declared type (gcc's rule,
 * and C11 6.3.1.1p2 for the `int`/`unsigned` kinds): `unsigned u : 3; u - 5` is negative.
 */
function bitFieldPromotion(e: Expr): Type | undefined {
  // An assignment or ++/-- has its target's type: a bit-field's, which promotes the same way.
  const target = e.kind === "assign" ? e.target : e.kind === "incdec" ? e.operand : e;
  if (target.kind !== "member" || target.field?.bitWidth === undefined || !isInteger(e.type!)) return undefined;
  return target.field.bitWidth < 32 ? intType : undefined;
}

/** `char s[] = { "text" }`: a character array's string initializer may be in braces (6.7.9p14). */
function bracedString(t: Type, init: Initializer): Initializer | undefined {
  if (init.kind !== "list" || !isArray(t) || !isInteger(t.of) || t.of.size !== 1 || init.items.length !== 1) return undefined;
  const only = init.items[0];
  return only.designators.length === 0 && only.init.kind === "expr" && only.init.expr.kind === "string" ? only.init : undefined;
}

/** Parameter types adjust: arrays become pointers, functions become function pointers. */
function adjustParam(t: Type): Type {
  if (isArray(t)) return withQuals(pointerTo(t.of), { const: t.const });
  if (isFunction(t)) return pointerTo(t);
  return t;
}

/** The default argument promotions (C11 6.5.2.2): for `...` and unprototyped calls. */
function defaultPromote(t: Type): Type {
  if (isFloat(t) && t.size === 4) return doubleType;
  if (isInteger(t)) return promote(t);
  return unqualified(t);
}

/** Wraps a value to an integer type's width, as the machine does. */
export function wrapInt(v: bigint, t: IntType): bigint {
  if (t.name === "_Bool") return v !== 0n ? 1n : 0n;
  return t.signed ? BigInt.asIntN(t.size * 8, v) : BigInt.asUintN(t.size * 8, v);
}

/** The type of an integer literal (C11 6.4.4.1): the first of a list in which it fits. */
function intLiteralType(value: bigint, suffix: string, radix: number): Type {
  const fitsInt = value <= 0x7fffffffn;
  const fitsUint = value <= 0xffffffffn;
  const fitsLong = value <= 0x7fffffffffffffffn;
  const u = suffix.includes("u");
  const l = suffix.includes("l");
  const ll = suffix.includes("ll");
  const decimal = radix === 10;
  if (u) {
    if (!l && fitsUint) return uintType;
    return ll ? ullongType : ulongType;
  }
  if (!l) {
    if (fitsInt) return intType;
    if (!decimal && fitsUint) return uintType;
  }
  if (fitsLong) return ll ? llongType : longType;
  return ll ? ullongType : ulongType;
}

function nameSpan(d: Declarator): Span {
  return d.kind === "name" ? d.span : nameSpan(d.inner);
}

function declaratorName(d: Declarator): string | undefined {
  return d.kind === "name" ? d.name : declaratorName(d.inner);
}

function exprName(e: Expr): string {
  if (e.kind === "ident") return e.name;
  if (e.kind === "member") return `${exprName(e.base)}${e.arrow ? "->" : "."}${e.name}`;
  if (e.kind === "unary" && e.op === "*") return `*${exprName(e.operand)}`;
  return "expression";
}

function markAddressTaken(e: Expr): void {
  if (e.kind === "ident" && e.sym) e.sym.addressTaken = true;
  else if (e.kind === "member" && !e.arrow) markAddressTaken(e.base);
}
