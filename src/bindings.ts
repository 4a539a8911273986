// Typed TypeScript bindings for a compiled module (issue 4, "Typed bindings").
// In: the module's manifest (runtime/abi.ts) and a module name. Out: the source text of one
// self-contained TypeScript module (it needs only the standard lib's WebAssembly and DataView
// types) with, for each record type, an interface, a view class over wasm memory at the
// manifest's exact offsets and an array view; typed wrappers for the exported C functions; a
// typed runner per fragment; accessors for the program's globals; and `instantiate`, which takes
// the `param` values as a typed object.
//
// Everything is decided from the manifest alone, as `enstage compile --bindings` or a runtime
// that has only the `.manifest.json` would do: C types arrive as their C spellings, which
// `parseCType` reads back. The declarations are built with ts-morph's structure API; only
// method bodies are code text.

import { createRequire } from "node:module";
import type * as TsMorph from "ts-morph";
import type {
  ClassDeclarationStructure,
  FunctionDeclarationStructure,
  GetAccessorDeclarationStructure,
  InterfaceDeclarationStructure,
  MethodDeclarationStructure,
  OptionalKind,
  ParameterDeclarationStructure,
  PropertyDeclarationStructure,
  PropertySignatureStructure,
  SetAccessorDeclarationStructure,
  StatementStructures,
  TypeAliasDeclarationStructure,
  VariableStatementStructure,
} from "ts-morph";
import type { Manifest, ManifestField, ManifestFragment, ManifestFunction, ManifestStruct, WasmType } from "../runtime/abi.js";

export interface BindingsOptions {
  /** Names the module class (`particles` → `ParticlesModule`) and the header comment. */
  moduleName: string;
  /** The `.wasm` file the bindings belong to, exported as `WASM_FILE` when given. */
  wasmFileName?: string;
}

/**
 * What the generator reads of a manifest: all of runtime/abi.ts's `Manifest`, except that what
 * ABI v2 added (fragments, params, state, records) may be missing, as in a v1 manifest, which
 * gets bindings for its exports and structs. Record names are matched leniently (`struct
 * particle`, a typedef name, or a bare tag).
 */
export type BindingsManifest = Pick<Manifest, "abiVersion" | "hash" | "exports" | "imports" | "globals" | "memory"> &
  Partial<Pick<Manifest, "structs" | "records" | "fragments" | "params" | "state" | "fuel">>;

// ts-morph carries the whole TypeScript compiler: it is loaded on first use, so that the bundled
// command line (which includes this file) starts without it unless `--bindings` asks for it.
let tsMorph: typeof TsMorph | undefined;
let StructureKind: typeof TsMorph.StructureKind;
let Scope: typeof TsMorph.Scope;
let VariableDeclarationKind: typeof TsMorph.VariableDeclarationKind;

function loadTsMorph(): typeof TsMorph {
  if (!tsMorph) {
    tsMorph = createRequire(import.meta.url)("ts-morph") as typeof TsMorph;
    ({ StructureKind, Scope, VariableDeclarationKind } = tsMorph);
  }
  return tsMorph;
}

// ---- C types, read back from their spellings ------------------------------------------------

interface RecordInfo {
  struct: ManifestStruct;
  /** The interface, e.g. `Particle`; the view is `${ts}View`, the array view `${ts}ArrayView`. */
  ts: string;
}

type CType =
  | { kind: "int"; size: 1 | 2 | 4 | 8; signed: boolean }
  | { kind: "float"; size: 4 | 8 | 16 }
  | { kind: "pointer"; to: CType }
  | { kind: "array"; of: CType; length: number | undefined }
  | { kind: "record"; record: RecordInfo }
  | { kind: "function" }
  | { kind: "void" }
  /** A base type the manifest does not describe (or names ambiguously): raw bytes. */
  | { kind: "opaque" };

const QUALIFIERS = new Set(["const", "volatile", "restrict", "_Atomic"]);

/**
 * Reads a C type as `typeToString` (src/types.ts) spells it: specifiers, then an abstract
 * declarator (`*`, `[N]`, `(params)`, parentheses), e.g. `const struct particle *`,
 * `double [2][2]`, `int (*)(int)`. `lookup` resolves `struct tag` and typedef names.
 */
export function parseCType(spelling: string, lookup: (name: string) => RecordInfo | undefined): CType {
  const tokens = spelling.match(/<anonymous>|\.\.\.|[A-Za-z_$][\w$]*|\d+|[*()[\],]/g) ?? [];
  let pos = 0;
  const peek = (k = 0) => tokens[pos + k];

  const words: string[] = [];
  while (pos < tokens.length && /^[A-Za-z_<]/.test(tokens[pos])) words.push(tokens[pos++]);
  const base = baseType(words.filter((w) => !QUALIFIERS.has(w)), lookup);

  // An abstract declarator, returned as the function that wraps the type it applies to.
  const declarator = (): ((t: CType) => CType) => {
    let stars = 0;
    while (peek() === "*" || QUALIFIERS.has(peek() ?? "")) if (tokens[pos++] === "*") stars++;
    const direct = directDeclarator();
    return (t) => {
      for (let i = 0; i < stars; i++) t = { kind: "pointer", to: t };
      return direct(t);
    };
  };
  const directDeclarator = (): ((t: CType) => CType) => {
    let inner = (t: CType) => t;
    // `(` starts a nested declarator when what follows is one, else a parameter list.
    if (peek() === "(" && ["*", "(", "["].includes(peek(1) ?? "")) {
      pos++;
      inner = declarator();
      if (peek() === ")") pos++;
    }
    const suffixes: ((t: CType) => CType)[] = [];
    while (peek() === "[" || peek() === "(") {
      if (tokens[pos++] === "[") {
        const length = peek() !== undefined && /^\d+$/.test(peek()!) ? Number(tokens[pos++]) : undefined;
        if (peek() === "]") pos++;
        suffixes.push((t) => ({ kind: "array", of: t, length }));
      } else {
        for (let depth = 1; pos < tokens.length && depth > 0; pos++) depth += tokens[pos] === "(" ? 1 : tokens[pos] === ")" ? -1 : 0;
        suffixes.push(() => ({ kind: "function" }));
      }
    }
    // `[2][3]` is an array of 2 arrays of 3: the last suffix applies first.
    return (t) => inner(suffixes.reduceRight((acc, s) => s(acc), t));
  };
  return declarator()(base);
}

function baseType(words: string[], lookup: (name: string) => RecordInfo | undefined): CType {
  if (words[0] === "struct" || words[0] === "union") {
    const record = lookup(`${words[0]} ${words[1] ?? ""}`);
    return record ? { kind: "record", record } : { kind: "opaque" };
  }
  // Enumerations are `int` in the ABI.
  if (words[0] === "enum") return { kind: "int", size: 4, signed: true };
  const unsigned = words.includes("unsigned");
  const rest = words.filter((w) => w !== "unsigned" && w !== "signed").join(" ");
  switch (rest) {
    case "_Bool":
      return { kind: "int", size: 1, signed: false };
    case "char":
      return { kind: "int", size: 1, signed: !unsigned };
    case "short":
    case "short int":
      return { kind: "int", size: 2, signed: !unsigned };
    case "":
    case "int":
      return { kind: "int", size: 4, signed: !unsigned };
    case "long":
    case "long int":
    case "long long":
    case "long long int":
      return { kind: "int", size: 8, signed: !unsigned };
    case "float":
      return { kind: "float", size: 4 };
    case "double":
      return { kind: "float", size: 8 };
    case "long double":
      return { kind: "float", size: 16 };
    case "void":
      return { kind: "void" };
  }
  const record = words.length === 1 ? lookup(words[0]) : undefined;
  return record ? { kind: "record", record } : { kind: "opaque" };
}

function sizeOfC(t: CType): number {
  switch (t.kind) {
    case "int":
    case "float":
      return t.size;
    case "pointer":
      return 8;
    case "array":
      return (t.length ?? 0) * sizeOfC(t.of);
    case "record":
      return t.record.struct.size;
    default:
      return 0;
  }
}

function wasmOfC(t: CType): WasmType | undefined {
  if (t.kind === "int") return t.size === 8 ? "i64" : "i32";
  if (t.kind === "float") return t.size === 4 ? "f32" : "f64";
  if (t.kind === "void") return undefined;
  return "i32";
}

// ---- names ------------------------------------------------------------------------------

/** Words that cannot be a parameter or variable name in strict-mode TypeScript. */
const RESERVED = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends false finally for function if " +
    "import in instanceof new null return super switch this throw true try typeof var void while with implements interface let " +
    "package private protected public static yield await arguments eval any boolean number string symbol bigint never unknown object undefined")
    .split(" "),
);

const safeIdent = (name: string) => (RESERVED.has(name) ? `${name}_` : name);

function pascal(name: string): string {
  const s = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");
  return /^[A-Za-z]/.test(s) ? s : `R${s}`;
}

/** Hands out names that do not clash with each other or with the fixed ones. */
class NameSet {
  private used: Set<string>;
  constructor(fixed: Iterable<string>) {
    this.used = new Set(fixed);
  }
  has(name: string): boolean {
    return this.used.has(name);
  }
  take(want: string): string {
    let name = want;
    for (let i = 2; this.used.has(name); i++) name = `${want}${i}`;
    this.used.add(name);
    return name;
  }
  /** Members keep their C name when free; a clash gets a trailing underscore. */
  member(want: string): string {
    let name = want;
    while (this.used.has(name)) name += "_";
    this.used.add(name);
    return name;
  }
}

// The support code every bindings file carries: these names are taken.
const SUPPORT_NAMES = [
  "RecordView", "RecordArrayView", "FixedArray", "Address", "addressOf", "checkIndex", "readBits", "writeBits",
  "instantiate", "Params", "HostImports", "HostImportsFactory", "MANIFEST_HASH", "ABI_VERSION", "WASM_FILE",
  "STACK_LIMIT", "STACK_RESERVE", "defaultEnv", "alignUp", "QueueImports",
];

// Members of the view base class; a C field with one of these names gets a trailing `_`.
const VIEW_MEMBERS = ["memory", "address", "dv", "toObject", "assign", "constructor"];

// Members of the module class before the C functions, globals and fragment runners.
const MODULE_MEMBERS = ["instance", "memory", "exports", "fuel", "withStack", "withBuffer", "inChunks", "constructor", "dv"];

// ---- the generator ----------------------------------------------------------------------

export function generateBindings(manifest: BindingsManifest, options: BindingsOptions): string {
  loadTsMorph();
  return new BindingsGenerator(manifest, options).generate();
}

/** A field or global as the generator sees it: where it is and how to reach it in TypeScript. */
interface Slot {
  /** The C name (interface property). */
  name: string;
  /** The accessor name (the C name unless it clashes). */
  member: string;
  type: CType;
  bitField?: { offset: number; width: number };
  /** Where the member is in its record (a flattened anonymous member's: from the outer record). */
  field: ManifestField;
  /** A union's member, overlapping others: optional in the interface, written only when given. */
  overlaps?: boolean;
}

class BindingsGenerator {
  private readonly m: BindingsManifest;
  private readonly names = new NameSet(SUPPORT_NAMES);
  private readonly records: RecordInfo[] = [];
  private readonly byName = new Map<string, RecordInfo>();
  /** `union <anonymous>` names no record by itself; it is resolved by size when that is unique. */
  private readonly anonymous = new Map<string, ManifestStruct[]>();
  private readonly moduleClass: string;
  private usesBits = false;
  /** Which helpers the fragment runners need (unused ones are left out of the file). */
  private usesAlign = false;
  private usesChunks = false;
  private usesBuffers = false;
  private readonly statements: (StatementStructures | string)[] = [];

  constructor(
    manifest: BindingsManifest,
    private readonly options: BindingsOptions,
  ) {
    this.m = manifest;
    this.moduleClass = this.names.take(`${pascal(options.moduleName)}Module`);
    // `records` (ABI v2) is the fragments' subset of `structs`; bind every struct.
    const structs = manifest.structs ?? manifest.records ?? [];
    for (const s of structs) {
      if (s.name.includes("<anonymous>")) this.anonymous.set(s.name, [...(this.anonymous.get(s.name) ?? []), s]);
      const base = pascal(s.name.replace(/^(struct|union) /, "").replace("<anonymous>", s.union ? "AnonymousUnion" : "AnonymousStruct"));
      let ts = this.names.take(base);
      // The view and array-view names must be free too.
      while (this.names.has(`${ts}View`) || this.names.has(`${ts}ArrayView`)) ts = this.names.take(base);
      this.names.take(`${ts}View`);
      this.names.take(`${ts}ArrayView`);
      const info = { struct: s, ts };
      this.records.push(info);
      if (!s.name.includes("<anonymous>")) this.byName.set(s.name, info);
    }
  }

  /** `struct tag`, `union tag`, a typedef name, or a bare tag (fragment inputs may omit `struct`). */
  private lookup = (name: string, size?: number): RecordInfo | undefined => {
    const direct = this.byName.get(name) ?? this.byName.get(`struct ${name}`) ?? this.byName.get(`union ${name}`);
    if (direct) return direct;
    const candidates = (this.anonymous.get(name) ?? []).filter((s) => size === undefined || s.size === size);
    return candidates.length === 1 ? this.records.find((r) => r.struct === candidates[0]) : undefined;
  };

  /** The C type of a member, global or parameter; what the bindings cannot type is raw bytes. */
  private typeOf(spelling: string, size?: number): CType {
    return bindable(parseCType(spelling, (n) => this.lookup(n, size)));
  }

  generate(): string {
    this.header();
    this.support();
    for (const r of this.records) this.record(r);
    const fragments = this.m.fragments ?? [];
    this.paramsType();
    this.moduleClassDecl(fragments);
    this.instantiateFn();
    if (this.usesBits) this.bitHelpers();
    if (this.usesAlign) this.statements.push(fn("alignUp", [["n", "number"], ["align", "number"]], "number", "return Math.ceil(n / align) * align;"));

    const { Project, IndentationText, QuoteKind } = loadTsMorph();
    const project = new Project({
      useInMemoryFileSystem: true,
      manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
    });
    const file = project.createSourceFile("bindings.ts", { statements: this.statements });
    return file.getFullText();
  }

  // ---- the file's opening ------------------------------------------------------------------

  private header(): void {
    const m = this.m;
    this.statements.push(
      `// Generated by enstage from the manifest of '${this.options.moduleName}' (ABI ${m.abiVersion}, hash ${m.hash.slice(0, 12)}).\n` +
        `// Do not edit: run 'enstage compile --bindings' again. Needs only the standard WebAssembly and DataView types.`,
    );
    const consts: [string, string, string][] = [
      ["ABI_VERSION", String(m.abiVersion), "The fragment ABI version these bindings follow."],
      ["MANIFEST_HASH", JSON.stringify(m.hash), "The module's content hash: bindings and module belong together."],
    ];
    if (this.options.wasmFileName) consts.push(["WASM_FILE", JSON.stringify(this.options.wasmFileName), "The module file these bindings describe."]);
    const stackSize = m.memory.stackTop - m.memory.stackLimit;
    consts.push(
      ["STACK_LIMIT", String(m.memory.stackLimit), "The stack occupies [STACK_LIMIT, stack top); scratch space is carved from it."],
      ["STACK_RESERVE", String(Math.min(65536, Math.floor(stackSize / 4))), "Stack bytes always left to the called C code."],
    );
    for (const [name, init, doc] of consts) {
      this.statements.push(constStatement(name, init, doc, true));
    }
  }

  /** The view base classes and small helpers, the same in every bindings file. */
  private support(): void {
    this.statements.push({
      kind: StructureKind.TypeAlias,
      name: "Address",
      isExported: true,
      type: "number | { readonly address: number }",
      docs: ["A wasm address, or a view (its address)."],
    } satisfies TypeAliasDeclarationStructure);
    this.statements.push(fn("addressOf", [["p", "Address"]], "number", "return typeof p === \"number\" ? p : p.address;"));
    this.statements.push(
      fn(
        "checkIndex",
        [["i", "number"], ["length", "number"]],
        "number",
        "if (!Number.isInteger(i) || i < 0 || i >= length) throw new RangeError(`index ${i} out of bounds [0, ${length})`);\nreturn i;",
      ),
    );

    this.statements.push({
      kind: StructureKind.Class,
      name: "RecordView",
      isExported: true,
      isAbstract: true,
      docs: [
        "One record at a fixed address in wasm memory. The DataView is re-created when memory grows\n" +
          "(a grown memory has a new buffer), so a view stays valid across calls that allocate.",
      ],
      properties: [
        { name: "#buffer", type: "ArrayBuffer | undefined" },
        { name: "#view", type: "DataView | undefined" },
      ],
      ctors: [
        {
          parameters: [
            { name: "memory", type: "WebAssembly.Memory", scope: Scope.Public, isReadonly: true },
            { name: "address", type: "number", scope: Scope.Public, isReadonly: true },
          ],
        },
      ],
      getAccessors: [
        {
          name: "dv",
          scope: Scope.Protected,
          returnType: "DataView",
          statements: "const buffer = this.memory.buffer;\nif (buffer !== this.#buffer || !this.#view) {\n  this.#buffer = buffer;\n  this.#view = new DataView(buffer);\n}\nreturn this.#view;",
        },
      ],
    } satisfies ClassDeclarationStructure);

    this.statements.push({
      kind: StructureKind.Class,
      name: "RecordArrayView",
      isExported: true,
      typeParameters: [{ name: "T" }, { name: "V", constraint: "{ assign(value: T): void; toObject(): T }" }],
      implements: ["Iterable<V>"],
      docs: ["`length` consecutive records of one type at an address in wasm memory."],
      ctors: [
        {
          parameters: [
            { name: "memory", type: "WebAssembly.Memory", scope: Scope.Public, isReadonly: true },
            { name: "address", type: "number", scope: Scope.Public, isReadonly: true },
            { name: "length", type: "number", scope: Scope.Public, isReadonly: true },
            { name: "stride", type: "number", scope: Scope.Public, isReadonly: true },
            { name: "make", type: "(memory: WebAssembly.Memory, address: number) => V", scope: Scope.Private, isReadonly: true },
          ],
        },
      ],
      methods: [
        method("at", [["i", "number"]], "V", "return this.make(this.memory, this.address + checkIndex(i, this.length) * this.stride);", "The view of record i."),
        method("set", [["i", "number"], ["value", "T"]], "void", "this.at(i).assign(value);"),
        method(
          "assign",
          [["values", "readonly T[]"]],
          "void",
          "if (values.length > this.length) throw new RangeError(`${values.length} records do not fit in ${this.length}`);\nvalues.forEach((v, i) => this.set(i, v));",
          "Writes values[i] into record i (records past values.length are left as they are).",
        ),
        method("toArray", [], "T[]", "return Array.from(this, (v) => v.toObject());", "Every record as a plain object."),
        {
          name: "[Symbol.iterator]",
          isGenerator: true,
          returnType: "Generator<V, void, undefined>",
          statements: "for (let i = 0; i < this.length; i++) yield this.at(i);",
        },
      ],
    } satisfies ClassDeclarationStructure);

    this.statements.push({
      kind: StructureKind.Class,
      name: "FixedArray",
      isExported: true,
      typeParameters: [{ name: "E" }, { name: "V", default: "E" }],
      implements: ["Iterable<E>"],
      docs: ["A C array member (`int tags[3]`) in place: elements are read and written through the record's memory."],
      ctors: [
        {
          parameters: [
            { name: "length", type: "number", scope: Scope.Public, isReadonly: true },
            { name: "read", type: "(i: number) => E", scope: Scope.Private, isReadonly: true },
            { name: "write", type: "(i: number, value: V) => void", scope: Scope.Private, isReadonly: true },
          ],
        },
      ],
      methods: [
        method("at", [["i", "number"]], "E", "return this.read(checkIndex(i, this.length));"),
        method("set", [["i", "number"], ["value", "V"]], "void", "this.write(checkIndex(i, this.length), value);"),
        method(
          "assign",
          [["values", "readonly V[]"]],
          "void",
          "if (values.length > this.length) throw new RangeError(`${values.length} elements do not fit in ${this.length}`);\nvalues.forEach((v, i) => this.write(i, v));",
        ),
        method("toArray", [], "E[]", "return Array.from(this);"),
        {
          name: "[Symbol.iterator]",
          isGenerator: true,
          returnType: "Generator<E, void, undefined>",
          statements: "for (let i = 0; i < this.length; i++) yield this.read(i);",
        },
      ],
    } satisfies ClassDeclarationStructure);
  }

  // ---- records -----------------------------------------------------------------------------

  private slotsOf(s: ManifestStruct): { slots: Slot[]; skipped: string[] } {
    const members = new NameSet(VIEW_MEMBERS);
    const slots: Slot[] = [];
    const skipped: string[] = [];
    const visit = (fields: ManifestField[], base: number, seen: Set<ManifestStruct>, overlaps: boolean) => {
      for (const f of fields) {
        const type = this.typeOf(f.type, f.size);
        if (!f.name) {
          // A C11 anonymous struct/union: C reaches its members through this record, so do we.
          if (type.kind === "record" && !seen.has(type.record.struct)) {
            const inner = type.record.struct;
            visit(inner.fields, base + f.offset, new Set([...seen, inner]), overlaps || inner.union);
          } else if (f.bitWidth === undefined) {
            skipped.push(`an unnamed member of type '${f.type}'`);
          }
          continue;
        }
        // A flexible array member has no length to bind.
        if (type.kind === "array" && hasFlexible(type)) {
          skipped.push(`'${f.name}' (an array without a length)`);
          continue;
        }
        slots.push({
          name: f.name,
          member: members.member(f.name),
          type: type.kind === "void" ? { kind: "opaque" } : type,
          field: { ...f, offset: base + f.offset },
          ...(overlaps ? { overlaps } : {}),
          ...(f.bitWidth !== undefined ? { bitField: { offset: f.bitOffset ?? 0, width: f.bitWidth } } : {}),
        });
      }
    };
    visit(s.fields, 0, new Set([s]), s.union);
    return { slots, skipped };
  }

  private record(r: RecordInfo): void {
    const s = r.struct;
    const { slots, skipped } = this.slotsOf(s);
    const layout = (slot: Slot) => slot.field;

    // The interface: the record as plain data.
    this.statements.push({
      kind: StructureKind.Interface,
      name: r.ts,
      isExported: true,
      docs: [
        `\`${s.name}\`: ${s.size} bytes, aligned to ${s.align}.` +
          (s.union ? " A union: assigning writes the members present, in order." : "") +
          (skipped.length ? ` Not bound: ${skipped.join(", ")}.` : ""),
      ],
      properties: slots.map(
        (slot): OptionalKind<PropertySignatureStructure> => ({
          name: slot.name,
          type: this.valueTs(slot.type, slot.bitField),
          hasQuestionToken: slot.overlaps === true,
          docs: [docOf(layout(slot))],
        }),
      ),
    } satisfies InterfaceDeclarationStructure);

    // The view class: accessors at the manifest's offsets.
    const at = (offset: number) => (offset === 0 ? "this.address" : `this.address + ${offset}`);
    const getters: OptionalKind<GetAccessorDeclarationStructure>[] = [];
    const setters: OptionalKind<SetAccessorDeclarationStructure>[] = [];
    for (const slot of slots) {
      const f = layout(slot);
      const acc = this.accessor(slot, at(f.offset), f.size, "this");
      getters.push({ name: slot.member, returnType: acc.getType, statements: `return ${acc.get};`, docs: [docOf(f)] });
      setters.push({ name: slot.member, parameters: [{ name: "value", type: acc.setType }], statements: acc.set("value") });
    }
    const toObject = slots.map((slot) => `${propKey(slot.name)}: ${this.plain(slot.type, `this.${slot.member}`, 0, slot.bitField)},`);
    const assign = slots.map((slot) =>
      slot.overlaps ? `if (value.${slot.name} !== undefined) this.${slot.member} = value.${slot.name};` : `this.${slot.member} = value.${slot.name};`,
    );
    this.statements.push({
      kind: StructureKind.Class,
      name: `${r.ts}View`,
      isExported: true,
      extends: "RecordView",
      docs: [`A \`${s.name}\` in wasm memory, read and written in place.`],
      properties: [
        { name: "SIZE", isStatic: true, isReadonly: true, initializer: String(s.size) },
        { name: "ALIGN", isStatic: true, isReadonly: true, initializer: String(s.align) },
      ],
      getAccessors: getters,
      setAccessors: setters,
      methods: [
        method("toObject", [], r.ts, slots.length ? `return {\n${indent(toObject)}\n};` : "return {};", "A plain copy of the record."),
        method("assign", [["value", r.ts]], "void", assign.join("\n") || "void value;", "Writes every member of value into the record."),
      ],
    } satisfies ClassDeclarationStructure);

    this.statements.push({
      kind: StructureKind.Class,
      name: `${r.ts}ArrayView`,
      isExported: true,
      extends: `RecordArrayView<${r.ts}, ${r.ts}View>`,
      docs: [`\`length\` consecutive \`${s.name}\` records (a buffer) at an address in wasm memory.`],
      ctors: [
        {
          parameters: [
            { name: "memory", type: "WebAssembly.Memory" },
            { name: "address", type: "number" },
            { name: "length", type: "number" },
          ],
          statements: `super(memory, address, length, ${s.size}, (m, a) => new ${r.ts}View(m, a));`,
        },
      ],
    } satisfies ClassDeclarationStructure);
  }

  /** The TypeScript type of a value of C type t as plain data (interfaces, parameters). */
  private valueTs(t: CType, bitField?: Slot["bitField"]): string {
    switch (t.kind) {
      case "int":
        return t.size === 8 && !(bitField && bitField.width <= 32) ? "bigint" : "number";
      case "float":
      case "pointer":
        return "number";
      case "record":
        return t.record.ts;
      case "array": {
        const e = this.valueTs(t.of);
        return `readonly ${e.includes(" ") ? `(${e})` : e}[]`;
      }
      default:
        return "Uint8Array";
    }
  }

  /** The type a view's getter returns: views for records and arrays, values for scalars. */
  private viewTs(t: CType, bitField?: Slot["bitField"]): string {
    switch (t.kind) {
      case "record":
        return `${t.record.ts}View`;
      case "array":
        if (t.of.kind === "record") return `${t.of.record.ts}ArrayView`;
        return isScalar(t.of) ? `FixedArray<${this.viewTs(t.of)}>` : `FixedArray<${this.viewTs(t.of)}, ${this.valueTs(t.of)}>`;
      default:
        return this.valueTs(t, bitField);
    }
  }

  /**
   * How to read and write a member of type t at address expression `addr` from an object that
   * has `dv` and `memory` (`self` is `this`): the getter expression, the setter statements.
   */
  private accessor(slot: Slot, addr: string, size: number, self: string): { get: string; getType: string; set: (v: string) => string; setType: string } {
    const t = slot.type;
    const getType = this.viewTs(t, slot.bitField);
    const setType = this.valueTs(t, slot.bitField);
    if (slot.bitField && t.kind === "int") {
      this.usesBits = true;
      const { offset, width } = slot.bitField;
      const read = `readBits(${self}.dv, ${addr}, ${offset}, ${width}, ${t.signed})`;
      const big = getType === "bigint";
      return {
        get: big ? read : `Number(${read})`,
        getType,
        set: (v) => `writeBits(${self}.dv, ${addr}, ${offset}, ${width}, ${big ? v : `BigInt(Math.trunc(${v}))`});`,
        setType,
      };
    }
    if (t.kind === "opaque") {
      return {
        get: `new Uint8Array(${self}.memory.buffer, ${addr}, ${size})`,
        getType,
        set: (v) => `new Uint8Array(${self}.memory.buffer, ${addr}, ${size}).set(${v}.subarray(0, ${size}));`,
        setType,
      };
    }
    if (t.kind === "record" || t.kind === "array") {
      // The setter writes through the getter's view, member by member.
      return { get: this.viewExpr(t, addr, self, 0), getType, set: (v) => `${self}${memberRef(slot.member)}.assign(${v});`, setType };
    }
    return { get: readExpr(t, addr, `${self}.dv`), getType, set: (v) => writeStmt(t, addr, v, `${self}.dv`), setType };
  }

  /** A view over a record or array of type t at `addr`. */
  private viewExpr(t: CType, addr: string, self: string, depth: number): string {
    if (t.kind === "record") return `new ${t.record.ts}View(${self}.memory, ${addr})`;
    if (t.kind !== "array") throw new Error(`no view for ${t.kind}`);
    const n = t.length ?? 0;
    if (t.of.kind === "record") return `new ${t.of.record.ts}ArrayView(${self}.memory, ${addr}, ${n})`;
    const i = `i${depth}`;
    const v = `v${depth}`;
    const elem = `${addr} + ${i} * ${sizeOfC(t.of)}`;
    if (isScalar(t.of)) {
      const typeArgs = `<${this.viewTs(t.of)}>`;
      return `new FixedArray${typeArgs}(${n}, (${i}) => ${readExpr(t.of, elem, `${self}.dv`)}, (${i}, ${v}) => ${writeStmt(t.of, elem, v, `${self}.dv`).replace(/;$/, "")})`;
    }
    const inner = (e: string) => this.viewExpr(t.of, e, self, depth + 1);
    return `new FixedArray<${this.viewTs(t.of)}, ${this.valueTs(t.of)}>(${n}, (${i}) => ${inner(elem)}, (${i}, ${v}) => ${inner(elem)}.assign(${v}))`;
  }

  /** Converts what a getter returned (`expr`) into plain data of the interface's type. */
  private plain(t: CType, expr: string, depth: number, bitField?: Slot["bitField"]): string {
    if (bitField) return expr;
    switch (t.kind) {
      case "record":
        return `${expr}.toObject()`;
      case "array":
        if (t.of.kind === "record" || isScalar(t.of)) return `${expr}.toArray()`;
        return `Array.from(${expr}, (e${depth}) => ${this.plain(t.of, `e${depth}`, depth + 1)})`;
      case "opaque":
        return `${expr}.slice()`;
      default:
        return expr;
    }
  }

  // ---- the module --------------------------------------------------------------------------

  private paramList(): { name: string; wasm: WasmType; ts: string }[] {
    const seen = new Map<string, { name: string; wasm: WasmType; ts: string }>();
    // A param bound by `specialize` is a constant now: nothing to pass.
    const bound = new Set((this.m.params ?? []).filter((p) => p.bound).map((p) => p.name));
    const add = (p: { name: string; type: string; wasm?: WasmType }) => {
      if (seen.has(p.name) || bound.has(p.name)) return;
      const wasm = p.wasm ?? (isWasmType(p.type) ? p.type : wasmOfC(this.typeOf(p.type)) ?? "i32");
      seen.set(p.name, { name: p.name, wasm, ts: wasm === "i64" ? "bigint" : "number" });
    };
    for (const p of this.m.params ?? []) add(p);
    for (const f of this.m.fragments ?? []) for (const p of f.params ?? []) add(p);
    // Modules compiled before the manifest listed params still import them from "params".
    for (const i of this.m.imports) if (i.module === "params") add({ name: i.name, type: i.results[0] ?? i.params[0] ?? "i32" });
    return [...seen.values()];
  }

  private paramsType(): void {
    const params = this.paramList();
    this.statements.push({
      kind: StructureKind.Interface,
      name: "Params",
      isExported: true,
      docs: [
        params.length
          ? "The fragment's `param` values: constant once deployed; a generic module imports them (module \"params\")."
          : "This module declares no `param`.",
      ],
      properties: params.map((p) => ({ name: p.name, type: p.ts, isReadonly: true })),
    } satisfies InterfaceDeclarationStructure);
  }

  /** The C function's raw wasm signature, as in the exports interface. */
  private rawSignature(f: ManifestFunction): string {
    const names = new NameSet(["result", "varargs"]);
    const ps = f.params.map((p, i) => `${names.take(safeIdent(p.name || `arg${i}`))}: ${tsOfWasm(p.wasm ?? "i32")}`);
    if (f.sret) ps.unshift("result: number");
    if (f.variadic) ps.push("varargs: number");
    const ret = f.sret ? "number" : f.result.wasm ? tsOfWasm(f.result.wasm) : "void";
    return `(${ps.join(", ")}) => ${ret}`;
  }

  private moduleClassDecl(fragments: ManifestFragment[]): void {
    const cls = this.moduleClass;
    const members = new NameSet(MODULE_MEMBERS);
    const exportsName = this.names.take(`${pascal(this.options.moduleName)}Exports`);

    // The raw exports, typed by their wasm signatures.
    const rawProps: OptionalKind<PropertySignatureStructure>[] = [
      { name: "memory", type: "WebAssembly.Memory", isReadonly: true },
      { name: "__stack_pointer", type: "WebAssembly.Global", isReadonly: true },
      { name: "__heap_base", type: "WebAssembly.Global", isReadonly: true },
      this.m.fuel
        ? { name: "enstage_fuel", type: "WebAssembly.Global", isReadonly: true, docs: ["The fuel counter (mutable i64)."] }
        : { name: "enstage_fuel", type: "WebAssembly.Global", isReadonly: true, hasQuestionToken: true, docs: ["Present when the module was compiled with fuel."] },
    ];
    const exported = new Map(this.m.exports.map((f) => [f.name, f]));
    for (const f of this.m.exports) rawProps.push({ name: f.name, type: this.rawSignature(f), isReadonly: true });
    for (const fr of fragments) {
      if (exported.has(fr.driver)) continue;
      const sig = driverSignature(fr);
      if (sig) rawProps.push({ name: fr.driver, type: sig, isReadonly: true });
    }
    this.statements.push({
      kind: StructureKind.Interface,
      name: exportsName,
      isExported: true,
      docs: ["The module's exports with their wasm signatures (i64 ↔ bigint; pointers are i32 addresses)."],
      properties: rawProps,
    } satisfies InterfaceDeclarationStructure);

    const getters: OptionalKind<GetAccessorDeclarationStructure>[] = [];
    const setters: OptionalKind<SetAccessorDeclarationStructure>[] = [];
    const methods: OptionalKind<MethodDeclarationStructure>[] = [];

    if (this.m.fuel) {
      getters.push({
        name: "fuel",
        returnType: "bigint",
        docs: ["The fuel left: every call and loop iteration takes 1; a call traps when it runs out. Set it before a call."],
        statements: "return BigInt(this.exports.enstage_fuel.value);",
      });
      setters.push({ name: "fuel", parameters: [{ name: "value", type: "bigint" }], statements: "this.exports.enstage_fuel.value = value;" });
    } else {
      getters.push({
        name: "fuel",
        returnType: "bigint | undefined",
        docs: ["The fuel left (`enstage_fuel`), undefined when the module has no fuel counter."],
        statements: "const g = this.exports.enstage_fuel;\nreturn g ? BigInt(g.value) : undefined;",
      });
      setters.push({
        name: "fuel",
        parameters: [{ name: "value", type: "bigint | undefined" }],
        statements:
          'const g = this.exports.enstage_fuel;\nif (!g) throw new Error("this module was compiled without fuel");\nif (value !== undefined) g.value = value;',
      });
    }
    const dvGetter: OptionalKind<GetAccessorDeclarationStructure> = {
      name: "dv",
      scope: Scope.Private,
      returnType: "DataView",
      docs: ["As RecordView's: re-created when memory grows."],
      statements: "const buffer = this.memory.buffer;\nif (buffer !== this.#buffer || !this.#view) {\n  this.#buffer = buffer;\n  this.#view = new DataView(buffer);\n}\nreturn this.#view;",
    };

    methods.push(
      method(
        "withStack",
        [["size", "number"], ["use", "(address: number) => R"]],
        "R",
        "const sp = Number(this.exports.__stack_pointer.value);\n" +
          "const address = Math.floor((sp - size) / 16) * 16;\n" +
          "if (address < STACK_LIMIT + STACK_RESERVE) {\n" +
          "  throw new RangeError(`${size} bytes of scratch space do not fit on the wasm stack; pass records that are already in wasm memory as an array view`);\n" +
          "}\n" +
          "this.exports.__stack_pointer.value = address;\n" +
          "try {\n  return use(address);\n} finally {\n  this.exports.__stack_pointer.value = sp;\n}",
        "Runs `use` with `size` bytes of scratch space carved from the wasm stack (16-byte aligned),\n" +
          "given back afterwards: the host's way to pass data in without an allocator.",
        [{ name: "R" }],
      ),
    );
    // Record buffers for fragments: in the module's heap when it exports malloc and free (as a
    // module with fragments does, runtime/abi.ts), else carved from the stack.
    const heap = this.m.exports.some((f) => f.name === "malloc") && this.m.exports.some((f) => f.name === "free");
    const buffer = method(
      "withBuffer",
      [["size", "number"], ["use", "(address: number) => R"]],
      "R",
      heap
        ? "const address = this.exports.malloc(BigInt(Math.max(size, 1)));\n" +
            "if (address === 0) throw new RangeError(`the module cannot allocate ${size} bytes`);\n" +
            "try {\n  return use(address);\n} finally {\n  this.exports.free(address);\n}"
        : "return this.withStack(size, use);",
      heap
        ? "Runs `use` with a buffer of `size` bytes from the module's heap (its malloc), freed afterwards:\n" +
            "where a host puts the records it passes to a fragment."
        : "Runs `use` with a buffer of `size` bytes: this module exports no malloc, so it comes from the stack.",
      [{ name: "R" }],
    );
    const chunks: OptionalKind<MethodDeclarationStructure> = {
      name: "inChunks",
      scope: Scope.Private,
      parameters: params([["total", "number"], ["bytesPerItem", "number"], ["use", "(start: number, count: number, address: number) => void"]]),
      returnType: "void",
      docs: [heap ? "Runs a per-record job over total items in chunks of at most 4 MiB of buffers." : "Runs a per-record job over total items in chunks that fit in the stack's scratch space."],
      statements:
        (heap ? "const room = 4 << 20;\n" : "const room = Number(this.exports.__stack_pointer.value) - STACK_LIMIT - STACK_RESERVE - 64;\n") +
        "const per = Math.max(1, Math.floor(room / bytesPerItem));\n" +
        "for (let start = 0; start < total; start += per) {\n" +
        "  const count = Math.min(per, total - start);\n" +
        "  this.withBuffer(count * bytesPerItem + 64, (address) => use(start, count, address));\n" +
        "}",
    };

    // Fragment state (file-scope and static variables), typed, before the globals take names.
    const stateClass = this.stateClassDecl();
    if (stateClass) {
      getters.push({
        name: members.member("state"),
        returnType: stateClass,
        docs: ["The fragment's state variables in place (runtime/abi.ts: what extractState moves)."],
        statements: `return new ${stateClass}(this.memory, 0);`,
      });
    }

    // The program's globals, in place.
    for (const g of this.m.globals) {
      const type = this.typeOf(g.type, g.size);
      if (type.kind === "function" || type.kind === "void" || (type.kind === "array" && hasFlexible(type))) continue;
      const slot: Slot = { name: g.name, member: members.member(g.name), type, field: { name: g.name, type: g.type, offset: g.address, size: g.size } };
      const acc = this.accessor(slot, String(g.address), g.size, "this");
      getters.push({ name: slot.member, returnType: acc.getType, statements: `return ${acc.get};`, docs: [`The global \`${g.type} ${g.name}\` at ${g.address}.`] });
      setters.push({ name: slot.member, parameters: [{ name: "value", type: acc.setType }], statements: acc.set("value") });
    }

    // Scalar globals read through a DataView; without any, the module needs none.
    const usesDv = [...getters, ...setters].some((a) => String(a.statements).includes("this.dv"));
    if (usesDv) getters.splice(1, 0, dvGetter);

    // The exported C functions, typed from their C signatures.
    for (const f of this.m.exports) {
      const w = this.functionWrapper(f, members.member(f.name));
      if (w) methods.push(w);
    }

    // A runner per fragment.
    for (const fr of fragments) methods.push(...this.fragmentRunner(fr, members));
    if (this.usesChunks) methods.splice(1, 0, chunks);
    if (this.usesBuffers) methods.splice(1, 0, buffer);

    this.statements.push({
      kind: StructureKind.Class,
      name: cls,
      isExported: true,
      docs: [`An instance of '${this.options.moduleName}': its memory, globals, C functions and fragments, typed.`],
      properties: [
        { name: "exports", type: exportsName, isReadonly: true, docs: ["The raw exports."] },
        { name: "memory", type: "WebAssembly.Memory", isReadonly: true },
        ...(usesDv
          ? [
              { name: "#buffer", type: "ArrayBuffer | undefined" },
              { name: "#view", type: "DataView | undefined" },
            ]
          : []),
      ] satisfies OptionalKind<PropertyDeclarationStructure>[],
      ctors: [
        {
          parameters: [{ name: "instance", type: "WebAssembly.Instance", scope: Scope.Public, isReadonly: true }],
          statements:
            `this.exports = instance.exports as unknown as ${exportsName};\n` +
            "this.memory = this.exports.memory;",
        },
      ],
      getAccessors: getters,
      setAccessors: setters,
      methods,
    } satisfies ClassDeclarationStructure);
  }

  /** A view of `state` (absolute addresses from a base of 0); undefined when there is none. */
  private stateClassDecl(): string | undefined {
    const vars = (this.m.state ?? []).map((v) => ({ v, type: this.typeOf(v.type, v.size) }))
      .filter(({ type }) => type.kind !== "function" && type.kind !== "void" && !(type.kind === "array" && hasFlexible(type)));
    if (!vars.length) return undefined;
    const name = this.names.take(`${pascal(this.options.moduleName)}State`);
    const members = new NameSet(VIEW_MEMBERS);
    const slots = vars.map(({ v, type }) => ({ v, slot: { name: v.name, member: members.member(propKey(v.name)), type, field: { name: v.name, type: v.type, offset: v.address, size: v.size } } as Slot }));
    const getters: OptionalKind<GetAccessorDeclarationStructure>[] = [];
    const setters: OptionalKind<SetAccessorDeclarationStructure>[] = [];
    for (const { v, slot } of slots) {
      const acc = this.accessor(slot, String(v.address), v.size, "this");
      getters.push({ name: slot.member, returnType: acc.getType, statements: `return ${acc.get};`, docs: [`\`${v.type}\` at ${v.address} (${v.size} bytes).`] });
      setters.push({ name: slot.member, parameters: [{ name: "value", type: acc.setType }], statements: acc.set("value") });
    }
    const snapshot = slots.map(({ slot }) => `${propKey(slot.name)}: ${this.plain(slot.type, `this${memberRef(slot.member)}`, 0)},`);
    this.statements.push({
      kind: StructureKind.Class,
      name,
      isExported: true,
      extends: "RecordView",
      docs: ["The fragment's state: each file-scope or static variable where the module keeps it."],
      getAccessors: getters,
      setAccessors: setters,
      methods: [method("toObject", [], "Record<string, unknown>", `return {\n${indent(snapshot)}\n};`, "A plain copy of every state variable.")],
    } satisfies ClassDeclarationStructure);
    return name;
  }

  /**
   * A typed wrapper: i64 ↔ bigint, pointers as addresses or views, structs by value copied to
   * scratch space, struct results (sret) read back as objects. Variadic functions stay raw.
   */
  private functionWrapper(f: ManifestFunction, member: string): OptionalKind<MethodDeclarationStructure> | undefined {
    if (f.variadic) return undefined;
    const locals = new NameSet(["address"]);
    const ps: [string, string][] = [];
    const args: string[] = [];
    const copies: string[] = [];
    let frame = 0;
    let sretAt: number | undefined;
    const resultType = this.typeOf(f.result.type);
    if (f.sret && resultType.kind === "record") {
      sretAt = 0;
      frame = resultType.record.struct.size;
      args.push("address");
    } else if (f.sret) return undefined;
    f.params.forEach((p, i) => {
      const name = locals.take(safeIdent(p.name || `arg${i}`));
      const t = this.typeOf(p.type);
      if (t.kind === "record") {
        const s = t.record.struct;
        frame = Math.ceil(frame / s.align) * s.align;
        const at = frame;
        frame += s.size;
        ps.push([name, `${t.record.ts} | ${t.record.ts}View`]);
        copies.push(
          `new ${t.record.ts}View(this.memory, address + ${at}).assign(${name} instanceof ${t.record.ts}View ? ${name}.toObject() : ${name});`,
        );
        args.push(`address + ${at}`);
      } else if (t.kind === "pointer" || t.kind === "array") {
        const to = t.kind === "pointer" ? t.to : t.of;
        ps.push([name, to.kind === "record" ? `number | ${to.record.ts}View | ${to.record.ts}ArrayView` : "Address"]);
        args.push(`addressOf(${name})`);
      } else {
        ps.push([name, p.wasm === "i64" ? "bigint" : "number"]);
        args.push(name);
      }
    });
    const call = `this.exports.${f.name}(${args.join(", ")})`;
    let ret: string;
    let result: string;
    if (sretAt !== undefined && resultType.kind === "record") {
      ret = resultType.record.ts;
      result = `${call};\nreturn new ${ret}View(this.memory, address).toObject();`;
    } else if (!f.result.wasm) {
      ret = "void";
      result = `${call};`;
    } else {
      ret = tsOfWasm(f.result.wasm);
      const unsigned = resultType.kind === "int" && !resultType.signed;
      const v = unsigned ? (f.result.wasm === "i64" ? `BigInt.asUintN(64, ${call})` : `${call} >>> 0`) : call;
      result = `return ${v};`;
    }
    const body = frame > 0 ? `return this.withStack(${frame}, (address) => {\n${indent([...copies, ...result.split("\n")])}\n});` : result;
    return method(member, ps, ret, body, `\`${cSignature(f)}\``);
  }

  /** The typed runner(s) of one fragment, by kind, over its driver export. */
  private fragmentRunner(fr: ManifestFragment, members: NameSet): OptionalKind<MethodDeclarationStructure>[] {
    const input = fr.input ? this.lookup(fr.input) : undefined;
    const output = fr.output ? this.lookup(fr.output) : undefined;
    const name = members.member(`run${pascal(fr.name)}`);
    const drv = `this.exports.${fr.driver}`;
    const doc = `Runs the ${fr.perRecord ? "per-record" : "per-buffer"} ${fr.kind} \`${fr.name}\` (driver \`${fr.driver}\`).`;
    if (fr.kind === "aggregate") {
      return [method(name, [], "boolean", `return ${drv}() !== 0;`, `${doc} True when it acted.`)];
    }
    if (!input) return [];
    // A per-record fragment runs through its generated driver; a module built without drivers
    // names the function itself, which takes one record: it keeps only its plain C wrapper.
    if (fr.perRecord && fr.driver === fr.name) return [];
    this.usesBuffers = true;
    this.usesChunks ||= fr.perRecord;
    this.usesAlign ||= fr.kind === "transform" || (fr.kind === "router" && fr.perRecord);
    const T = input.ts;
    const size = input.struct.size;
    const copyIn = `new ${T}ArrayView(this.memory, address, count).assign(records.slice(start, start + count));`;
    const wholeIn = `new ${T}ArrayView(this.memory, address, records.length).assign(records);`;

    switch (fr.kind) {
      case "filter":
        if (!fr.perRecord) {
          return [
            method(
              name,
              [["records", `readonly ${T}[] | ${T}ArrayView`]],
              "boolean",
              `if (records instanceof ${T}ArrayView) return ${drv}(records.address, BigInt(records.length)) !== 0;\n` +
                `return this.withBuffer(records.length * ${size}, (address) => {\n  ${wholeIn}\n  return ${drv}(address, BigInt(records.length)) !== 0;\n});`,
              `${doc} True keeps the whole buffer.`,
            ),
          ];
        }
        return [
          overloaded(
            name,
            [
              { params: [["records", `${T}ArrayView`]], ret: `${T}ArrayView`, doc: "In place: the kept records are compacted to the front, in order; returns the view of them." },
              { params: [["records", `readonly ${T}[]`]], ret: `${T}[]`, doc: "On copies: returns the kept records." },
            ],
            [["records", `readonly ${T}[] | ${T}ArrayView`]],
            `${T}[] | ${T}ArrayView`,
            `if (records instanceof ${T}ArrayView) {\n` +
              `  const kept = Number(${drv}(records.address, BigInt(records.length)));\n` +
              `  return new ${T}ArrayView(this.memory, records.address, kept);\n}\n` +
              `const kept: ${T}[] = [];\n` +
              `this.inChunks(records.length, ${size}, (start, count, address) => {\n` +
              `  ${copyIn}\n` +
              `  const n = Number(${drv}(address, BigInt(count)));\n` +
              `  for (const record of new ${T}ArrayView(this.memory, address, n)) kept.push(record.toObject());\n});\n` +
              "return kept;",
            doc,
          ),
        ];
      case "router":
        if (!fr.perRecord) {
          return [
            method(
              name,
              [["records", `readonly ${T}[] | ${T}ArrayView`]],
              "number",
              `if (records instanceof ${T}ArrayView) return ${drv}(records.address, BigInt(records.length));\n` +
                `return this.withBuffer(records.length * ${size}, (address) => {\n  ${wholeIn}\n  return ${drv}(address, BigInt(records.length));\n});`,
              `${doc} Returns the output port of the whole buffer.`,
            ),
          ];
        }
        return [
          method(
            name,
            [["records", `readonly ${T}[] | ${T}ArrayView`]],
            "Int32Array",
            "const ports = new Int32Array(records.length);\n" +
              `if (records instanceof ${T}ArrayView) {\n` +
              "  this.inChunks(records.length, 4, (start, count, address) => {\n" +
              `    ${drv}(records.address + start * ${size}, BigInt(count), address);\n` +
              "    ports.set(new Int32Array(this.memory.buffer, address, count), start);\n  });\n" +
              "  return ports;\n}\n" +
              `this.inChunks(records.length, ${size + 4}, (start, count, address) => {\n` +
              `  ${copyIn}\n` +
              `  const at = alignUp(address + count * ${size}, 4);\n` +
              `  ${drv}(address, BigInt(count), at);\n` +
              "  ports.set(new Int32Array(this.memory.buffer, at, count), start);\n});\n" +
              "return ports;",
            `${doc} Returns the output port of each record.`,
          ),
        ];
      case "transform": {
        if (!output) return [];
        const U = output.ts;
        const usize = output.struct.size;
        const ualign = output.struct.align;
        const viewRun =
          `if (input instanceof ${T}ArrayView) {\n` +
          `  if (!output) throw new TypeError("an input view needs an output view to write into");\n` +
          `  const n = Number(${drv}(input.address, BigInt(input.length), output.address, BigInt(output.length)));\n` +
          `  return new ${U}ArrayView(this.memory, output.address, n);\n}\n`;
        const arrayRun = fr.perRecord
          ? // One output at most per input: chunks of inputs with as many output slots.
            `const out: ${U}[] = [];\n` +
            `this.inChunks(input.length, ${size + usize + ualign}, (start, count, address) => {\n` +
            `  new ${T}ArrayView(this.memory, address, count).assign(input.slice(start, start + count));\n` +
            `  const at = alignUp(address + count * ${size}, ${ualign});\n` +
            `  const n = Number(${drv}(address, BigInt(count), at, BigInt(count)));\n` +
            `  for (const record of new ${U}ArrayView(this.memory, at, n)) out.push(record.toObject());\n});\n` +
            "return out;"
          : `const cap = capacity ?? input.length;\n` +
            `return this.withBuffer(input.length * ${size} + cap * ${usize} + ${ualign}, (address) => {\n` +
            `  new ${T}ArrayView(this.memory, address, input.length).assign(input);\n` +
            `  const at = alignUp(address + input.length * ${size}, ${ualign});\n` +
            `  const n = Number(${drv}(address, BigInt(input.length), at, BigInt(cap)));\n` +
            `  return new ${U}ArrayView(this.memory, at, n).toArray();\n});`;
        const arrayParams: [string, string][] = fr.perRecord ? [["input", `readonly ${T}[]`]] : [["input", `readonly ${T}[]`], ["capacity", "number"]];
        return [
          overloaded(
            name,
            [
              {
                params: [["input", `${T}ArrayView`], ["output", `${U}ArrayView`]],
                ret: `${U}ArrayView`,
                doc: "In wasm memory: writes at most output.length records; returns the view of those written.",
              },
              {
                params: fr.perRecord ? arrayParams : [["input", `readonly ${T}[]`], ["capacity", "number", true]],
                ret: `${U}[]`,
                doc: fr.perRecord ? "On copies: returns the outputs." : "On copies, with room for capacity outputs (default input.length).",
              },
            ],
            [["input", `readonly ${T}[] | ${T}ArrayView`], [fr.perRecord ? "output" : "outputOrCapacity", fr.perRecord ? `${U}ArrayView` : `${U}ArrayView | number`, true]],
            `${U}[] | ${U}ArrayView`,
            (fr.perRecord ? "" : `const output = typeof outputOrCapacity === "number" ? undefined : outputOrCapacity;\nconst capacity = typeof outputOrCapacity === "number" ? outputOrCapacity : undefined;\n`) +
              viewRun +
              arrayRun,
            doc,
          ),
        ];
      }
      default:
        return [];
    }
  }

  private instantiateFn(): void {
    const params = this.paramList();
    const envImports = this.m.imports.filter((i) => i.module === "env");
    const queueImports = this.m.imports.filter((i) => i.module === "enstage");
    const hasParams = params.length > 0;
    if (queueImports.length) {
      this.statements.push({
        kind: StructureKind.Interface,
        name: "QueueImports",
        isExported: true,
        docs: [
          "An aggregate's queue (EVPath's multiqueue functions), per record type X: EVcount_X() → count,\n" +
            "EVdata_X(i) → address of record i in wasm memory, EVdiscard_X(i), EVsubmit_X(port, address).",
        ],
        properties: queueImports.map((i) => ({
          name: i.name,
          isReadonly: true,
          type: `(${i.params.map((w, k) => `${["index", "port", "address"][i.params.length === 1 ? 0 : k + 1]}: ${tsOfWasm(w)}`).join(", ")}) => ${i.results[0] ? tsOfWasm(i.results[0]) : "void"}`,
        })),
      } satisfies InterfaceDeclarationStructure);
    }
    this.statements.push({
      kind: StructureKind.Interface,
      name: "HostImports",
      isExported: true,
      docs: [
        'What the host provides: "env" (runtime/abi.ts HOST_IMPORTS; the math functions default to JavaScript\'s Math)\n' +
          'and "enstage" (an aggregate\'s queue functions).',
      ],
      properties: [
        { name: "env", type: "WebAssembly.ModuleImports", hasQuestionToken: true },
        { name: "enstage", type: queueImports.length ? "QueueImports" : "WebAssembly.ModuleImports", hasQuestionToken: true },
      ],
    } satisfies InterfaceDeclarationStructure);
    this.statements.push({
      kind: StructureKind.TypeAlias,
      name: "HostImportsFactory",
      isExported: true,
      type: "(memory: () => WebAssembly.Memory) => HostImports",
      docs: ["Makes the imports once the memory is known (as runtime/host.ts makeHostImports does)."],
    } satisfies TypeAliasDeclarationStructure);

    const defaults = envImports.map((i) => `${propKey(i.name)}: ${defaultImport(i.name)},`);
    this.statements.push(
      fn(
        "defaultEnv",
        [],
        "WebAssembly.ModuleImports",
        defaults.length ? `return {\n${indent(defaults)}\n};` : "return {};",
        'The "env" imports this module uses: JavaScript\'s Math where C\'s is the same, else a clear error.',
      ),
    );

    // Mutable globals, as the module imports them (runtime/abi.ts, Params).
    const paramImports = params.map((p) => `${propKey(p.name)}: new WebAssembly.Global({ value: "${p.wasm}", mutable: true }, params.${p.name}),`);
    const ps: [string, string, boolean?][] = [["source", "ArrayBuffer | ArrayBufferView | WebAssembly.Module"]];
    if (hasParams) ps.push(["params", "Params"]);
    ps.push(["host", "HostImports | HostImportsFactory", true]);
    this.statements.push({
      kind: StructureKind.Function,
      name: "instantiate",
      isExported: true,
      isAsync: true,
      parameters: ps.map(([name, type, optional]) => ({ name, type, ...(optional ? { initializer: "{}" } : {}) })),
      returnType: `Promise<${this.moduleClass}>`,
      docs: [
        `Compiles (unless given a WebAssembly.Module) and instantiates the module` +
          (hasParams ? ", with the `param` values as its \"params\" imports." : "."),
      ],
      statements:
        "let memory: WebAssembly.Memory | undefined;\n" +
        "const getMemory = (): WebAssembly.Memory => {\n" +
        '  if (!memory) throw new Error("the module\'s memory is not available before instantiation");\n' +
        "  return memory;\n};\n" +
        'const given = typeof host === "function" ? host(getMemory) : host;\n' +
        "const imports: WebAssembly.Imports = {\n" +
        "  env: { ...defaultEnv(), ...given.env },\n" +
        "  enstage: { ...given.enstage },\n" +
        (hasParams ? `  params: {\n${indent(paramImports, 4)}\n  },\n` : "") +
        "};\n" +
        "const module = source instanceof WebAssembly.Module ? source : await WebAssembly.compile(source as BufferSource);\n" +
        "const instance = await WebAssembly.instantiate(module, imports);\n" +
        "memory = instance.exports.memory as WebAssembly.Memory;\n" +
        `return new ${this.moduleClass}(instance);`,
    } satisfies FunctionDeclarationStructure);
  }

  private bitHelpers(): void {
    this.statements.push(
      fn(
        "readBits",
        [["dv", "DataView"], ["address", "number"], ["offset", "number"], ["width", "number"], ["signed", "boolean"]],
        "bigint",
        "let bits = 0n;\nconst bytes = Math.ceil((offset + width) / 8);\n" +
          "for (let i = bytes - 1; i >= 0; i--) bits = (bits << 8n) | BigInt(dv.getUint8(address + i));\n" +
          "const value = BigInt.asUintN(width, bits >> BigInt(offset));\n" +
          "return signed ? BigInt.asIntN(width, value) : value;",
        "A bit-field: width bits from bit offset of the storage unit at address (little-endian, as gcc lays them out).",
      ),
    );
    this.statements.push(
      fn(
        "writeBits",
        [["dv", "DataView"], ["address", "number"], ["offset", "number"], ["width", "number"], ["value", "bigint"]],
        "void",
        "const bytes = Math.ceil((offset + width) / 8);\nlet bits = 0n;\n" +
          "for (let i = bytes - 1; i >= 0; i--) bits = (bits << 8n) | BigInt(dv.getUint8(address + i));\n" +
          "const mask = ((1n << BigInt(width)) - 1n) << BigInt(offset);\n" +
          "bits = (bits & ~mask) | ((BigInt.asUintN(width, value) << BigInt(offset)) & mask);\n" +
          "for (let i = 0; i < bytes; i++) dv.setUint8(address + i, Number((bits >> BigInt(8 * i)) & 0xffn));",
      ),
    );
  }
}

// ---- code pieces ------------------------------------------------------------------------

/**
 * An array of something without a view (an anonymous struct the manifest cannot name, a
 * function) is bound as the bytes it occupies, as such a member itself is.
 */
function bindable(t: CType): CType {
  if (t.kind === "function") return { kind: "opaque" };
  if (t.kind !== "array") return t;
  const of = bindable(t.of);
  return of.kind === "opaque" ? of : { ...t, of };
}

function isScalar(t: CType): boolean {
  return t.kind === "int" || t.kind === "float" || t.kind === "pointer";
}

function hasFlexible(t: CType): boolean {
  return t.kind === "array" && (t.length === undefined || hasFlexible(t.of));
}

function isWasmType(s: string): s is WasmType {
  return s === "i32" || s === "i64" || s === "f32" || s === "f64";
}

function tsOfWasm(w: WasmType): string {
  return w === "i64" ? "bigint" : "number";
}

/** Reads a scalar of type t at `addr` through the DataView expression `dv` (little-endian). */
function readExpr(t: CType, addr: string, dv: string): string {
  if (t.kind === "pointer") return `${dv}.getUint32(${addr}, true)`;
  if (t.kind === "float") return `${dv}.${t.size === 4 ? "getFloat32" : "getFloat64"}(${addr}, true)`;
  if (t.kind !== "int") throw new Error(`not a scalar: ${t.kind}`);
  const name = { 1: "Int8", 2: "Int16", 4: "Int32", 8: "BigInt64" }[t.size];
  const get = `get${t.signed ? name : name.replace("Int", "Uint")}`;
  return t.size === 1 ? `${dv}.${get}(${addr})` : `${dv}.${get}(${addr}, true)`;
}

function writeStmt(t: CType, addr: string, v: string, dv: string): string {
  // A pointer occupies 8 bytes: the address, zero-extended.
  if (t.kind === "pointer") return `${dv}.setBigUint64(${addr}, BigInt(${v} >>> 0), true);`;
  if (t.kind === "float") return `${dv}.${t.size === 4 ? "setFloat32" : "setFloat64"}(${addr}, ${v}, true);`;
  if (t.kind !== "int") throw new Error(`not a scalar: ${t.kind}`);
  const name = { 1: "Int8", 2: "Int16", 4: "Int32", 8: "BigInt64" }[t.size];
  const set = `set${t.signed ? name : name.replace("Int", "Uint")}`;
  return t.size === 1 ? `${dv}.${set}(${addr}, ${v});` : `${dv}.${set}(${addr}, ${v}, true);`;
}

/** The driver's wasm signature by kind (notes/fragments.md), for a manifest that lists none. */
function driverSignature(fr: ManifestFragment): string | undefined {
  if (fr.kind === "aggregate") return "() => number";
  if (!fr.perRecord) {
    if (fr.kind === "transform") return "(input: number, n: bigint, output: number, cap: bigint) => bigint";
    return "(buffer: number, n: bigint) => number";
  }
  if (fr.kind === "filter") return "(buffer: number, n: bigint) => bigint";
  if (fr.kind === "transform") return "(input: number, n: bigint, output: number, cap: bigint) => bigint";
  if (fr.kind === "router") return "(buffer: number, n: bigint, ports: number) => void";
  return undefined;
}

const MATH_SAME = new Set(["pow", "exp", "log", "log10", "log2", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "cbrt", "hypot", "expm1", "log1p"]);

/** JavaScript for one "env" import: Math where it computes what C's libm does. */
function defaultImport(name: string): string {
  const f32 = name.endsWith("f") && MATH_SAME.has(name.slice(0, -1));
  const base = f32 ? name.slice(0, -1) : name;
  const binary = base === "pow" || base === "atan2" || base === "hypot" || base === "fmod";
  let js: string | undefined;
  if (MATH_SAME.has(base)) js = `Math.${base}`;
  else if (base === "exp2") js = "(x: number) => 2 ** x";
  else if (base === "fmod" || name === "fmodf") js = "(x: number, y: number) => x % y";
  if (js && (f32 || name === "fmodf")) return binary ? `(x: number, y: number) => Math.fround((${js})(x, y))` : `(x: number) => Math.fround((${js})(x))`;
  if (js) return js;
  return `() => {\n  throw new Error("host import env.${name} was not provided: pass it to instantiate");\n}`;
}

function cSignature(f: ManifestFunction): string {
  const ps = f.params.map((p) => `${p.type}${p.name ? ` ${p.name}` : ""}`);
  if (f.variadic) ps.push("...");
  return `${f.result.type} ${f.name}(${ps.join(", ") || "void"})`;
}

function docOf(f: ManifestField): string {
  const bits = f.bitWidth !== undefined ? `, bits ${f.bitOffset ?? 0}..${(f.bitOffset ?? 0) + f.bitWidth - 1}` : "";
  return `\`${f.type}\` at offset ${f.offset} (${f.size} bytes${bits}).`;
}

/** `.name`, or `["fn.count"]` for a member whose name is not an identifier. */
function memberRef(member: string): string {
  return member.startsWith('"') ? `[${member}]` : `.${member}`;
}

function propKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

function indent(lines: string[], n = 2): string {
  const pad = " ".repeat(n);
  return lines
    .join("\n")
    .split("\n")
    .map((l) => (l ? pad + l : l))
    .join("\n");
}

function params(ps: [string, string, boolean?][]): OptionalKind<ParameterDeclarationStructure>[] {
  return ps.map(([name, type, optional]) => ({ name, type, hasQuestionToken: optional === true }));
}

function fn(name: string, ps: [string, string][], ret: string, body: string, doc?: string): FunctionDeclarationStructure {
  return { kind: StructureKind.Function, name, parameters: params(ps), returnType: ret, statements: body, ...(doc ? { docs: [doc] } : {}) };
}

function method(
  name: string,
  ps: [string, string, boolean?][],
  ret: string,
  body: string,
  doc?: string,
  typeParameters?: { name: string }[],
): OptionalKind<MethodDeclarationStructure> {
  return { name, parameters: params(ps), returnType: ret, statements: body, ...(doc ? { docs: [doc] } : {}), ...(typeParameters ? { typeParameters } : {}) };
}

function overloaded(
  name: string,
  overloads: { params: [string, string, boolean?][]; ret: string; doc: string }[],
  ps: [string, string, boolean?][],
  ret: string,
  body: string,
  doc: string,
): OptionalKind<MethodDeclarationStructure> {
  return {
    name,
    overloads: overloads.map((o) => ({ parameters: params(o.params), returnType: o.ret, docs: [`${doc}\n${o.doc}`] })),
    parameters: params(ps),
    returnType: ret,
    statements: body,
  };
}

function constStatement(name: string, init: string, doc: string, exported: boolean): VariableStatementStructure {
  return {
    kind: StructureKind.VariableStatement,
    isExported: exported,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name, initializer: init }],
    docs: [doc],
  };
}
