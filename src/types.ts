// C types, with the sizes and alignments of the 64-bit Linux ABI (LP64).
// In: nothing (a leaf module). Out: the type singletons (`int`, `double`, …), constructors
// (`pointerTo`, `arrayOf`, `functionType`, `makeRecord`), predicates, the integer promotions and
// usual arithmetic conversions, struct/union layout (bit-fields included), and `typeToString`.
// Fragments read a C simulation's records byte-for-byte, so layout here must match gcc's.

export type IntName = "_Bool" | "char" | "short" | "int" | "long" | "long long";

export interface Quals {
  const?: boolean;
  volatile?: boolean;
}

export interface VoidType extends Quals {
  kind: "void";
}
export interface IntType extends Quals {
  kind: "int";
  name: IntName;
  size: 1 | 2 | 4 | 8;
  signed: boolean;
  /** Set for enum types, which behave as `int` (gcc: `unsigned int` when no value is negative). */
  enumTag?: string;
}
export interface FloatType extends Quals {
  kind: "float";
  /** `long double` is computed as `double` but keeps gcc's 16-byte storage. */
  name: "float" | "double" | "long double";
  size: 4 | 8 | 16;
}
export interface PointerType extends Quals {
  kind: "pointer";
  to: Type;
}
export interface ArrayType extends Quals {
  kind: "array";
  of: Type;
  /** undefined for an incomplete array (`int a[]`, a flexible array member). */
  length: number | undefined;
}
export interface FunctionType extends Quals {
  kind: "function";
  ret: Type;
  params: Type[];
  variadic: boolean;
  /** `int f()`: no prototype, so calls are not checked against `params` (C's old style). */
  unprototyped: boolean;
}
export interface Field {
  name: string | undefined;
  type: Type;
  offset: number;
  /** For bit-fields: width in bits and bit offset within the storage unit at `offset`. */
  bitWidth?: number;
  bitOffset?: number;
}
export interface RecordType extends Quals {
  kind: "record";
  union: boolean;
  tag: string | undefined;
  /** A unique id, so two distinct `struct s` in different scopes are different types. */
  id: number;
  fields: Field[];
  size: number;
  align: number;
  complete: boolean;
}

export type Type = VoidType | IntType | FloatType | PointerType | ArrayType | FunctionType | RecordType;

// ---- singletons -------------------------------------------------------------------------

const int_ = (name: IntName, size: 1 | 2 | 4 | 8, signed: boolean): IntType => ({ kind: "int", name, size, signed });
export const voidType: VoidType = { kind: "void" };
export const boolType = int_("_Bool", 1, false);
export const charType = int_("char", 1, true); // char is signed on x86-64 Linux
export const scharType = int_("char", 1, true);
export const ucharType = int_("char", 1, false);
export const shortType = int_("short", 2, true);
export const ushortType = int_("short", 2, false);
export const intType = int_("int", 4, true);
export const uintType = int_("int", 4, false);
export const longType = int_("long", 8, true);
export const ulongType = int_("long", 8, false);
export const llongType = int_("long long", 8, true);
export const ullongType = int_("long long", 8, false);
export const floatType: FloatType = { kind: "float", name: "float", size: 4 };
export const doubleType: FloatType = { kind: "float", name: "double", size: 8 };
export const ldoubleType: FloatType = { kind: "float", name: "long double", size: 16 };

/** `size_t` and `ptrdiff_t` on LP64. */
export const sizeType = ulongType;
export const ptrdiffType = longType;

// ---- constructors -----------------------------------------------------------------------

export const pointerTo = (to: Type): PointerType => ({ kind: "pointer", to });
export const arrayOf = (of: Type, length: number | undefined): ArrayType => ({ kind: "array", of, length });
export const functionType = (ret: Type, params: Type[], variadic = false, unprototyped = false): FunctionType => ({
  kind: "function",
  ret,
  params,
  variadic,
  unprototyped,
});

let nextRecordId = 1;
/** An incomplete struct/union; `layoutRecord` completes it. */
export function makeRecord(union: boolean, tag: string | undefined): RecordType {
  return { kind: "record", union, tag, id: nextRecordId++, fields: [], size: 0, align: 1, complete: false };
}

export function withQuals<T extends Type>(t: T, q: Quals): T {
  if (!q.const && !q.volatile) return t;
  if (t.kind === "record") {
    // Records keep their identity (they are completed in place), so qualify through a view.
    return Object.assign(Object.create(t), { const: q.const || t.const, volatile: q.volatile || t.volatile });
  }
  return { ...t, const: q.const || t.const, volatile: q.volatile || t.volatile };
}
export function unqualified<T extends Type>(t: T): T {
  if (!t.const && !t.volatile) return t;
  if (t.kind === "record") return recordOf(t) as T;
  const { const: _c, volatile: _v, ...rest } = t;
  return rest as unknown as T;
}
/** The underlying record of a (possibly qualified) record type. */
export function recordOf(t: RecordType): RecordType {
  let r = t;
  while (Object.prototype.hasOwnProperty.call(r, "const") || Object.prototype.hasOwnProperty.call(r, "volatile")) {
    r = Object.getPrototypeOf(r) as RecordType;
  }
  return r;
}

// ---- predicates -------------------------------------------------------------------------

export const isInteger = (t: Type): t is IntType => t.kind === "int";
export const isFloat = (t: Type): t is FloatType => t.kind === "float";
export const isArithmetic = (t: Type): t is IntType | FloatType => t.kind === "int" || t.kind === "float";
export const isPointer = (t: Type): t is PointerType => t.kind === "pointer";
export const isScalar = (t: Type): boolean => isArithmetic(t) || isPointer(t);
export const isRecord = (t: Type): t is RecordType => t.kind === "record";
export const isFunction = (t: Type): t is FunctionType => t.kind === "function";
export const isArray = (t: Type): t is ArrayType => t.kind === "array";
export const isVoid = (t: Type): t is VoidType => t.kind === "void";

export function isComplete(t: Type): boolean {
  if (t.kind === "void" || t.kind === "function") return false;
  if (t.kind === "array") return t.length !== undefined && isComplete(t.of);
  if (t.kind === "record") return recordOf(t).complete;
  return true;
}

export function sizeOf(t: Type): number {
  switch (t.kind) {
    case "void":
      return 1; // gcc: sizeof(void) == 1, and void* arithmetic steps by 1
    case "function":
      return 1;
    case "int":
    case "float":
      return t.size;
    case "pointer":
      return 8;
    case "array":
      return (t.length ?? 0) * sizeOf(t.of);
    case "record":
      return recordOf(t).size;
  }
}

export function alignOf(t: Type): number {
  switch (t.kind) {
    case "void":
    case "function":
      return 1;
    case "int":
    case "float":
      return t.size;
    case "pointer":
      return 8;
    case "array":
      return alignOf(t.of);
    case "record":
      return recordOf(t).align;
  }
}

/** Structural identity ignoring top-level qualifiers (C's "compatible type", simplified). */
export function sameType(a: Type, b: Type): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "void":
      return true;
    case "int":
      return a.size === (b as IntType).size && a.signed === (b as IntType).signed && a.name === (b as IntType).name;
    case "float":
      return a.name === (b as FloatType).name;
    case "pointer":
      return sameType(a.to, (b as PointerType).to) && !!a.to.const === !!(b as PointerType).to.const;
    case "array": {
      const bb = b as ArrayType;
      return sameType(a.of, bb.of) && (a.length === undefined || bb.length === undefined || a.length === bb.length);
    }
    case "function": {
      const bb = b as FunctionType;
      if (!sameType(a.ret, bb.ret)) return false;
      if (a.unprototyped || bb.unprototyped) return true;
      return (
        a.variadic === bb.variadic &&
        a.params.length === bb.params.length &&
        a.params.every((p, i) => sameType(decay(p), decay(bb.params[i])))
      );
    }
    case "record":
      return recordOf(a) === recordOf(b as RecordType);
  }
}

// ---- conversions (C11 6.3) --------------------------------------------------------------

/** Arrays decay to pointers to their first element, functions to function pointers. */
export function decay(t: Type): Type {
  if (t.kind === "array") return pointerTo(t.of);
  if (t.kind === "function") return pointerTo(t);
  return t;
}

/** Integer promotions: anything narrower than int becomes int. */
export function promote(t: Type): Type {
  if (t.kind === "int" && t.size < 4) return intType;
  if (t.kind === "int") return unqualified(t);
  return unqualified(t);
}

function intRank(t: IntType): number {
  return { _Bool: 0, char: 1, short: 2, int: 3, long: 4, "long long": 5 }[t.name];
}

/** The usual arithmetic conversions: the common type of two arithmetic operands. */
export function usualArithmetic(a: Type, b: Type): Type {
  if (a.kind === "float" || b.kind === "float") {
    const fa = a.kind === "float" ? a.size : 0;
    const fb = b.kind === "float" ? b.size : 0;
    const size = Math.max(fa, fb);
    return size === 16 ? ldoubleType : size === 8 ? doubleType : floatType;
  }
  const x = promote(a) as IntType;
  const y = promote(b) as IntType;
  if (x.signed === y.signed) return intRank(x) >= intRank(y) ? x : y;
  const [s, u] = x.signed ? [x, y] : [y, x];
  if (intRank(u) >= intRank(s)) return u;
  if (s.size > u.size) return s;
  return { ...s, signed: false };
}

// ---- records ----------------------------------------------------------------------------

export interface FieldDecl {
  name: string | undefined;
  type: Type;
  bitWidth?: number;
  /** `_Alignas(N)` or `__attribute__((aligned(N)))` on the member: raises its alignment. */
  align?: number;
}

/**
 * Lays out a struct or union as gcc does on x86-64 (System V ABI), bit-fields included, and
 * marks it complete. Unnamed bit-fields pad but do not affect alignment; a zero-width one
 * closes the current storage unit.
 */
export function layoutRecord(rec: RecordType, decls: FieldDecl[], packed = false, minAlign = 1): void {
  const fields: Field[] = [];
  let bitPos = 0; // position in bits from the record's start
  let size = 0;
  let align = 1;
  for (const d of decls) {
    const fa = Math.max(packed ? 1 : alignOf(d.type), d.align ?? 1);
    if (d.bitWidth !== undefined) {
      const unitBits = sizeOf(d.type) * 8;
      if (d.bitWidth === 0) {
        bitPos = Math.ceil(bitPos / unitBits) * unitBits;
        continue;
      }
      if (rec.union) bitPos = 0;
      // A bit-field may not straddle a boundary of its type's alignment unit.
      if (!packed && Math.floor(bitPos / unitBits) !== Math.floor((bitPos + d.bitWidth - 1) / unitBits)) {
        bitPos = Math.ceil(bitPos / unitBits) * unitBits;
      }
      const unitStart = packed ? Math.floor(bitPos / 8) : Math.floor(bitPos / unitBits) * (unitBits / 8);
      if (d.name !== undefined) {
        fields.push({ name: d.name, type: d.type, offset: unitStart, bitWidth: d.bitWidth, bitOffset: bitPos - unitStart * 8 });
        align = Math.max(align, fa);
      }
      bitPos += d.bitWidth;
      size = Math.max(size, Math.ceil(bitPos / 8));
      continue;
    }
    if (rec.union) {
      fields.push({ name: d.name, type: d.type, offset: 0 });
      size = Math.max(size, sizeOf(d.type));
    } else {
      const offset = Math.ceil(Math.ceil(bitPos / 8) / fa) * fa;
      fields.push({ name: d.name, type: d.type, offset });
      bitPos = (offset + sizeOf(d.type)) * 8;
      size = Math.max(size, offset + sizeOf(d.type));
    }
    align = Math.max(align, fa);
  }
  align = Math.max(align, minAlign);
  const r = recordOf(rec);
  r.fields = fields;
  r.align = align;
  r.size = Math.ceil(size / align) * align;
  r.complete = true;
}

/** Finds a member by name, looking through anonymous struct/union members. */
export function findField(rec: RecordType, name: string): { field: Field; offset: number } | undefined {
  for (const f of recordOf(rec).fields) {
    if (f.name === name) return { field: f, offset: f.offset };
    if (f.name === undefined && f.type.kind === "record") {
      const inner = findField(f.type, name);
      if (inner) return { field: inner.field, offset: f.offset + inner.offset };
    }
  }
  return undefined;
}

// ---- printing ---------------------------------------------------------------------------

/** C's spelling of a type, as in diagnostics: `int *`, `struct point [3]`, `int (*)(int)`. */
export function typeToString(t: Type): string {
  return declToString(t, "").trim();
}

function quals(t: Type): string {
  return (t.const ? "const " : "") + (t.volatile ? "volatile " : "");
}

function declToString(t: Type, inner: string): string {
  switch (t.kind) {
    case "void":
      return `${quals(t)}void ${inner}`;
    case "int": {
      if (t.enumTag !== undefined) return `${quals(t)}enum ${t.enumTag} ${inner}`;
      const base = t.name === "_Bool" ? "_Bool" : `${t.signed ? "" : "unsigned "}${t.name}`;
      return `${quals(t)}${base} ${inner}`;
    }
    case "float":
      return `${quals(t)}${t.name} ${inner}`;
    case "record":
      return `${quals(t)}${t.union ? "union" : "struct"} ${t.tag ?? "<anonymous>"} ${inner}`;
    case "pointer": {
      const q = t.const ? " const" : "";
      const needParens = t.to.kind === "array" || t.to.kind === "function";
      return declToString(t.to, needParens ? `(*${q}${inner})` : `*${q}${inner}`);
    }
    case "array":
      return declToString(t.of, `${inner}[${t.length ?? ""}]`);
    case "function": {
      const ps = t.params.map(typeToString);
      if (t.variadic) ps.push("...");
      return declToString(t.ret, `${inner}(${ps.length ? ps.join(", ") : t.unprototyped ? "" : "void"})`);
    }
  }
}
