// Random well-typed C expression programs for the differential test against gcc.
// In: a seed and a count. Out: C programs, each one function (`static void pN(void)`) over
// variables of every arithmetic type (global, static or local, some also reached through a
// pointer), a struct with ordinary and bit-field members and an array, that prints the value of ~20
// generated expressions (every operator, casts, calls of identity functions, assignments,
// ++/--, ?:, comma) with the printf conversion of its type, then every variable; plus
// `expected`, the output the C abstract machine must print, by the model of C's arithmetic here.
//
// Every program is free of undefined behaviour, so gcc's output is the ground truth and any
// difference is a bug in enstage. That is why the generator carries values: it evaluates each
// expression as it builds it (integers as BigInt wrapped at their type's width, float as
// Math.fround, double as number) and never emits an operation whose operands make it undefined
// (signed overflow, division by zero or MIN / -1, shift counts out of range, negative or
// overflowing signed left shifts, float → integer conversions out of range, NaN, whose sign
// differs between x86 and wasm), nor a few constructs gcc itself gets wrong (noted where
// avoided). Where it has to, it takes the defined way round: signed
// arithmetic through the unsigned type and back (implementation-defined, gcc wraps).
// Unsequenced modifications are excluded by construction: within one full expression a
// variable written anywhere is read or written nowhere else, except by the right-hand side of
// its own assignment, which C sequences before the store. Under that rule evaluation order
// does not change any value, so the model can evaluate in generation order. The test checks
// `expected` against gcc too: if the model and gcc ever disagree, a generated program might
// rely on undefined behaviour and the generator must be fixed first.
//
// Implementation-defined choices are gcc's on x86-64 (LP64): plain char is signed; integer
// conversions to a signed type wrap; `>>` of a negative value is arithmetic; floats follow
// IEEE 754 (Annex F) with FLT_EVAL_METHOD 0, so float arithmetic rounds to float.

/**
 * Constructs enstage is known to get wrong, steered around until fixed so that the test stays
 * green for everything else; set a flag to false to see the bug again.
 */
export const KNOWN_BUGS = {
  /**
   * `struct { unsigned n : 8; } s; int neg = -1;` then `neg <= (++s.n)` (likewise `s.n = 3`,
   * `s.n += 1`, `s.n++`) is 1 in C (the bit-field's type promotes to int) but 0 in enstage,
   * which types the assignment as unsigned int and compares unsigned.
   */
  bitFieldAssignmentType: false,
  /**
   * `struct { unsigned a : 4; int b : 21; } st = { 1, -948 };` then `st.a = (st.b = 5, 3);`
   * leaves st.b == 5 in C but -948 in enstage: the store into a loads the shared storage unit
   * before the right operand runs and writes the stale b back. So no bit-field is assigned
   * inside the right operand of an assignment to a bit-field.
   */
  bitFieldStoreOrder: false,
};

// ---- deterministic randomness ---------------------------------------------------------------

/** mulberry32: small, fast, the same sequence everywhere. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A uniformly random n-bit unsigned value. */
  bits(n: number): bigint {
    let v = 0n;
    for (let k = 0; k < n; k += 16) v = (v << 16n) | BigInt(this.int(0x10000));
    return BigInt.asUintN(n, v);
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }
}

// ---- the arithmetic types (LP64, gcc on x86-64) ---------------------------------------------

export interface CType {
  name: string;
  float: boolean;
  /** Value bits: 1 for _Bool. */
  bits: number;
  signed: boolean;
  /** Integer conversion rank (C11 6.3.1.1); floats: 10 + bits. */
  rank: number;
}

const ty = (name: string, float: boolean, bits: number, signed: boolean, rank: number): CType => ({ name, float, bits, signed, rank });
export const T = {
  bool: ty("_Bool", false, 1, false, 0),
  char: ty("char", false, 8, true, 1),
  schar: ty("signed char", false, 8, true, 1),
  uchar: ty("unsigned char", false, 8, false, 1),
  short: ty("short", false, 16, true, 2),
  ushort: ty("unsigned short", false, 16, false, 2),
  int: ty("int", false, 32, true, 3),
  uint: ty("unsigned int", false, 32, false, 3),
  long: ty("long", false, 64, true, 4),
  ulong: ty("unsigned long", false, 64, false, 4),
  llong: ty("long long", false, 64, true, 5),
  ullong: ty("unsigned long long", false, 64, false, 5),
  float: ty("float", true, 32, true, 42),
  double: ty("double", true, 64, true, 74),
};
export const allTypes: CType[] = Object.values(T);
const intTypes = allTypes.filter((t) => !t.float);

/** A value of some type: integers exactly, floating values as the number they are. */
export type Val = bigint | number;

const minOf = (t: CType): bigint => (t.signed ? -(1n << BigInt(t.bits - 1)) : 0n);
const maxOf = (t: CType): bigint => (t.signed ? (1n << BigInt(t.bits - 1)) - 1n : (1n << BigInt(t.bits)) - 1n);

function unsignedOf(t: CType): CType {
  return t === T.int ? T.uint : t === T.long ? T.ulong : t === T.llong ? T.ullong : t;
}

const isBitField = (t: CType): boolean => t.name.includes(":");

/** Integer promotions: everything narrower than int fits in int. */
export function promote(t: CType): CType {
  return !t.float && t.rank < T.int.rank ? T.int : t;
}

/** The usual arithmetic conversions (C11 6.3.1.8) of two promoted types. */
export function usual(a: CType, b: CType): CType {
  if (a.float || b.float) return a.rank >= b.rank ? a : b;
  if (a === b) return a;
  if (a.signed === b.signed) return a.rank >= b.rank ? a : b;
  const [u, s] = a.signed ? [b, a] : [a, b];
  if (u.rank >= s.rank) return u;
  if (s.bits > u.bits) return s;
  return unsignedOf(s);
}

/** int → float, rounded once to nearest-even as cvtsi2ss and f32.convert do (not via double). */
function bigToFloat(v: bigint): number {
  const neg = v < 0n;
  const a = neg ? -v : v;
  const len = a.toString(2).length;
  if (len <= 24) return Number(v);
  const shift = BigInt(len - 24);
  let m = a >> shift;
  const rest = a - (m << shift);
  const half = 1n << (shift - 1n);
  if (rest > half || (rest === half && (m & 1n) === 1n)) m++;
  const r = Number(m) * 2 ** Number(shift);
  return neg ? -r : r;
}

/** Converts as C does; undefined where C leaves it undefined (float → integer out of range). */
export function convert(v: Val, to: CType): Val | undefined {
  if (to === T.bool) return (typeof v === "bigint" ? v !== 0n : v !== 0) ? 1n : 0n;
  if (!to.float) {
    if (typeof v === "bigint") return to.signed ? BigInt.asIntN(to.bits, v) : BigInt.asUintN(to.bits, v);
    if (!Number.isFinite(v)) return undefined;
    const t = BigInt(Math.trunc(v));
    return t < minOf(to) || t > maxOf(to) ? undefined : t;
  }
  if (to.bits === 32) return typeof v === "bigint" ? bigToFloat(v) : Math.fround(v);
  return typeof v === "bigint" ? Number(v) : v;
}

/** sizeof, LP64. */
const sizeOf = (t: CType): bigint => (t === T.bool ? 1n : BigInt(Math.max(t.bits, 8) / 8));

const truthy = (v: Val): boolean => (typeof v === "bigint" ? v !== 0n : v !== 0);

export type ArithOp = "+" | "-" | "*" | "/" | "%" | "&" | "|" | "^";

/** `x op y` in type c (both already converted to c); undefined when C says undefined (or NaN). */
export function arith(op: ArithOp, x: Val, y: Val, c: CType): Val | undefined {
  if (c.float) {
    const a = x as number;
    const b = y as number;
    // gcc folds `0.0 - (double)i` into `-(double)i`, even at -O0, and so prints -0 for
    // 0 - 0 where IEEE 754 (and wasm) give +0; keep clear of that one disagreement.
    if (op === "-" && a === 0 && b === 0) return undefined;
    // One IEEE double operation on floats, rounded to float, is the correctly rounded float result.
    let r = op === "+" ? a + b : op === "-" ? a - b : op === "*" ? a * b : op === "/" ? a / b : NaN;
    if (c.bits === 32) r = Math.fround(r);
    return Number.isNaN(r) ? undefined : r;
  }
  const a = x as bigint;
  const b = y as bigint;
  let r: bigint;
  switch (op) {
    case "+": r = a + b; break;
    case "-": r = a - b; break;
    case "*": r = a * b; break;
    case "/":
    case "%":
      // MIN % -1 is undefined too (C11 6.5.5p6), and traps on x86.
      if (b === 0n || (c.signed && a === minOf(c) && b === -1n)) return undefined;
      r = op === "/" ? a / b : a % b; // BigInt truncates toward zero, like C
      break;
    case "&": r = a & b; break;
    case "|": r = a | b; break;
    case "^": r = a ^ b; break;
  }
  if (c.signed) return r < minOf(c) || r > maxOf(c) ? undefined : r;
  return BigInt.asUintN(c.bits, r);
}

/** `a << n` / `a >> n` with a of the promoted type l. */
function shiftValue(op: "<<" | ">>", a: bigint, n: bigint, l: CType): bigint | undefined {
  if (n < 0n || n >= BigInt(l.bits)) return undefined;
  if (op === ">>") return a >> n; // arithmetic for negative signed values, as gcc defines it
  if (!l.signed) return BigInt.asUintN(l.bits, a << n);
  if (a < 0n) return undefined;
  const r = a << n;
  return r > maxOf(l) ? undefined : r;
}

function compare(op: string, a: Val, b: Val): boolean {
  switch (op) {
    case "<": return a < b;
    case ">": return a > b;
    case "<=": return a <= b;
    case ">=": return a >= b;
    case "==": return a === b || (typeof a === "number" && a === b);
    default: return a !== b;
  }
}

// ---- printing, as glibc prints --------------------------------------------------------------

/** printf's %a of a double, as glibc writes it (subnormals as 0x0.<fraction>p-1022). */
export function hexFloat(x: number): string {
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? "-" : "";
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  if (exp === 0 && frac === 0n) return `${sign}0x0p+0`;
  const digits = frac.toString(16).padStart(13, "0").replace(/0+$/, "");
  const e = exp === 0 ? -1022 : exp - 1023;
  return `${sign}0x${exp === 0 ? "0" : "1"}${digits ? "." + digits : ""}p${e >= 0 ? "+" : ""}${e}`;
}

/** The printf conversion for a value of type t after the default argument promotions. */
export function formatOf(t: CType): string {
  if (t.float) return "%a";
  const p = promote(t);
  return { int: "%d", "unsigned int": "%u", long: "%ld", "unsigned long": "%lu", "long long": "%lld", "unsigned long long": "%llu" }[p.name]!;
}

function formatValue(v: Val): string {
  return typeof v === "bigint" ? v.toString() : hexFloat(v);
}

// ---- literals -------------------------------------------------------------------------------

/** The type C11 6.4.4.1 gives an integer constant, LP64; undefined if none fits. */
function literalType(value: bigint, decimal: boolean, u: boolean, l: 0 | 1 | 2): CType | undefined {
  const candidates = u
    ? [[T.uint, T.ulong, T.ullong], [T.ulong, T.ullong], [T.ullong]][l]
    : decimal
      ? [[T.int, T.long, T.llong], [T.long, T.llong], [T.llong]][l]
      : [[T.int, T.uint, T.long, T.ulong, T.llong, T.ullong], [T.long, T.ulong, T.llong, T.ullong], [T.llong, T.ullong]][l];
  return candidates.find((t) => value <= maxOf(t));
}

const intPool = [
  0n, 1n, 2n, 3n, 7n, 8n, 10n, 31n, 32n, 63n, 100n, 127n, 128n, 255n, 256n, 1000n, 0x7fffn, 0x8000n, 0xffffn, 0x10000n,
  0x7fffffffn, 0x80000000n, 0xffffffffn, 0x100000000n, 0x7fffffffffffffffn, 0x8000000000000000n, 0xffffffffffffffffn,
];

/** Initial values per type: the edges, then random ones. */
function intValue(rng: Rng, t: CType): bigint {
  if (t === T.bool) return BigInt(rng.int(2));
  const edges = [minOf(t), maxOf(t), 0n, 1n, t.signed ? -1n : maxOf(t) - 1n, 1n << BigInt(t.bits - 1), 0x7fn, 0x80n, 0xffn];
  if (rng.chance(0.5)) return convert(rng.pick(edges), t) as bigint;
  if (rng.chance(0.5)) return convert(BigInt(rng.int(2001) - 1000), t) as bigint;
  return convert(rng.bits(t.bits), t) as bigint;
}

function floatValue(rng: Rng, t: CType): number {
  const f = (x: number) => (t.bits === 32 ? Math.fround(x) : x);
  const edges =
    t.bits === 32
      ? [3.4028234663852886e38, 1.1754943508222875e-38, 1.401298464324817e-45, 16777216, 16777217, 2147483520]
      : [1.7976931348623157e308, 2.2250738585072014e-308, 5e-324, 1e300, 9007199254740993, 9.223372036854776e18, 1.8446744073709552e19];
  const r = rng.int(10);
  if (r < 2) return f(rng.pick([0, -0, 1, -1, 0.5, -0.5, 0.1, 2147483647.5, -2147483648.75, 4294967295.5]));
  if (r < 4) return (rng.chance(0.5) ? 1 : -1) * f(rng.pick(edges));
  if (r < 7) return f((rng.int(200001) - 100000) / rng.pick([1, 2, 4, 10, 1000]));
  // A random magnitude over a wide range of exponents.
  return f((rng.chance(0.5) ? 1 : -1) * (1 + rng.next()) * 2 ** (rng.int(140) - 70));
}

/** A constant expression whose value, converted to t, is exactly v (for initializers). */
function initializer(v: Val, t: CType): string {
  if (typeof v === "number") return hexFloat(v) + (t.bits === 32 ? "f" : "");
  if (v === -(1n << 63n)) return "(-9223372036854775807L - 1)";
  if (v < 0n) return `-${-v}`;
  return v > maxOf(T.llong) ? `${v}ULL` : `${v}`;
}

// ---- expressions ----------------------------------------------------------------------------

/** A generated expression: its C text (always safe as an operand: atomic or parenthesized). */
export interface Expr {
  text: string;
  type: CType;
  value: Val;
  /** Designates a bit-field (or may: a comma ending in one), which sizeof must not be applied to. */
  bitField?: boolean;
}

interface Var {
  /** How the program names it: an identifier, or `st.m2` for a member of the program's struct. */
  name: string;
  type: CType;
  /** Another spelling of the same object, through a pointer: `(*p_i0)`, `(pst->m2)`. */
  alias?: string;
  bitField?: boolean;
}

interface Snapshot {
  env: Map<string, Val>;
  reads: Set<string>;
  writes: Set<string>;
  assigning: Set<string>;
}

type Kind = "binary" | "unary" | "cast" | "call" | "ternary" | "logical" | "compare" | "shift" | "assign" | "incdec" | "comma" | "sizeof";
const kinds: [Kind, number][] = [
  ["binary", 30], ["unary", 8], ["cast", 10], ["call", 4], ["ternary", 6], ["logical", 5], ["compare", 8], ["shift", 8],
  ["assign", 10], ["incdec", 7], ["comma", 3], ["sizeof", 2],
];
const kindTotal = kinds.reduce((n, [, w]) => n + w, 0);

class ExprGen {
  /** Current values, by variable name. */
  env = new Map<string, Val>();
  // Per full expression: which variables were read, written, or are being assigned (their
  // own right-hand side may still read them). See the header for the sequencing rule.
  reads = new Set<string>();
  writes = new Set<string>();
  assigning = new Set<string>();
  /** Counts variable reads, stores and calls in code that runs: unchanged means constant. */
  private impure = 0;

  constructor(
    private readonly rng: Rng,
    readonly vars: Var[],
  ) {}

  fullExpression(depth: number): Expr {
    this.reads.clear();
    this.writes.clear();
    this.assigning.clear();
    return this.expr(depth);
  }

  /** A top-level assignment statement (its value unused); undefined if no variable is writable. */
  assignment(depth: number): Expr | undefined {
    this.reads.clear();
    this.writes.clear();
    this.assigning.clear();
    return this.attempt(() => this.assign(depth));
  }

  expr(depth: number): Expr {
    if (depth <= 0 || this.rng.chance(0.15)) return this.leaf();
    for (let tries = 0; tries < 4; tries++) {
      let r = this.rng.int(kindTotal);
      const kind = kinds.find(([, w]) => (r -= w) < 0)![0];
      const e = this.attempt(() => this.build(kind, depth));
      if (e) return e;
    }
    return this.leaf();
  }

  private build(kind: Kind, depth: number): Expr | undefined {
    switch (kind) {
      case "binary": return this.binary(depth);
      case "unary": return this.unary(depth);
      case "cast": return this.cast(depth);
      case "call": return this.call(depth);
      case "ternary": return this.ternary(depth);
      case "logical": return this.logical(depth);
      case "compare": return this.compare(depth);
      case "shift": return this.shift(depth);
      case "assign": return this.assign(depth);
      case "incdec": return this.incdec();
      case "comma": return this.comma(depth);
      case "sizeof": return this.sizeof(depth);
    }
  }

  /** Runs a builder; if it gives up, undoes whatever its subexpressions did to the state. */
  private attempt(build: () => Expr | undefined): Expr | undefined {
    const saved: Snapshot = { env: new Map(this.env), reads: new Set(this.reads), writes: new Set(this.writes), assigning: new Set(this.assigning) };
    const e = build();
    if (!e) Object.assign(this, saved);
    return e;
  }

  /** Builds code that C will not execute: its effects on the variables do not happen. */
  private dead<R>(build: () => R): R {
    const live = this.env;
    const impure = this.impure;
    this.env = new Map(live);
    try {
      return build();
    } finally {
      this.env = live;
      this.impure = impure;
    }
  }

  private spell(v: Var): string {
    return v.alias && this.rng.chance(0.4) ? v.alias : v.name;
  }

  private leaf(): Expr {
    const readable = this.vars.filter((v) => !this.writes.has(v.name));
    if (readable.length && this.rng.chance(0.65)) {
      const v = this.rng.pick(readable);
      this.reads.add(v.name);
      this.impure++;
      return { text: this.spell(v), type: v.type, value: this.env.get(v.name)!, bitField: v.bitField };
    }
    return this.literal();
  }

  private literal(): Expr {
    const r = this.rng.int(10);
    if (r < 6) return this.intLiteral();
    if (r < 9) return this.floatLiteral();
    // Character constants have type int; plain char is signed, so '\xff' is -1.
    const [text, value] = this.rng.pick([["'A'", 65n], ["'\\n'", 10n], ["'\\0'", 0n], ["'\\xff'", -1n], ["'\\x80'", -128n], ["'\\377'", -1n], ["'~'", 126n]] as const);
    return { text, type: T.int, value };
  }

  private intLiteral(): Expr {
    for (;;) {
      const value = this.rng.chance(0.7) ? this.rng.pick(intPool) : this.rng.bits(this.rng.pick([8, 16, 31, 32, 63, 64]));
      const base = this.rng.pick(["dec", "dec", "hex", "oct"] as const);
      const u = this.rng.chance(0.3);
      const l = this.rng.pick([0, 0, 0, 1, 2] as const);
      const type = literalType(value, base === "dec", u, l);
      if (!type) continue;
      const digits = base === "dec" ? value.toString() : base === "hex" ? this.rng.pick(["0x", "0X"]) + value.toString(16) : "0" + value.toString(8);
      const suffix = (u ? this.rng.pick(["u", "U"]) : "") + ["", this.rng.pick(["l", "L"]), this.rng.pick(["ll", "LL"])][l];
      return { text: digits + suffix, type, value };
    }
  }

  private floatLiteral(): Expr {
    const float = this.rng.chance(0.4);
    const t = float ? T.float : T.double;
    if (this.rng.chance(0.3)) {
      const text = this.rng.pick(["0.1", "0.5", "1.0", "2.5", "3.14159", "1e-3", "1e10", "100.0", "0.3", "6.02e23", "1e-5"]);
      const v = Number(text);
      return { text: text + (float ? "f" : ""), type: t, value: float ? Math.fround(v) : v };
    }
    const v = Math.abs(floatValue(this.rng, t));
    // The shortest decimal of the double, or the exact hex form, or a hex integer-part form.
    let text = this.rng.chance(0.5) ? hexFloat(v) : String(v);
    if (!/[.ep]/i.test(text)) text += ".0";
    return { text: text + (float ? this.rng.pick(["f", "F"]) : ""), type: t, value: v };
  }

  /** An expression of integer type (a floating one is converted, if that is defined). */
  private intExpr(depth: number): Expr {
    const e = this.expr(depth);
    if (!e.type.float) return e;
    for (const t of this.rng.shuffle([...intTypes]).slice(0, 3)) {
      const v = convert(e.value, t);
      if (v !== undefined) return { text: `((${t.name})${e.text})`, type: t, value: v };
    }
    return { text: `(${e.text} != 0)`, type: T.int, value: truthy(e.value) ? 1n : 0n };
  }

  private binary(depth: number): Expr | undefined {
    const a = this.expr(depth - 1);
    const b = this.expr(depth - 1);
    const c = usual(promote(a.type), promote(b.type));
    const x = convert(a.value, c)!;
    const y = convert(b.value, c)!;
    const ops: ArithOp[] = c.float ? ["+", "-", "*", "/"] : ["+", "-", "*", "/", "%", "&", "|", "^"];
    for (const op of this.rng.shuffle(ops).slice(0, 3)) {
      const v = arith(op, x, y, c);
      if (v !== undefined) return { text: `(${a.text} ${op} ${b.text})`, type: c, value: v };
    }
    if (!c.float && c.signed) {
      // Signed overflow: compute in the unsigned type, convert back (gcc wraps).
      const u = unsignedOf(c);
      const op = this.rng.pick(["+", "-", "*"] as const);
      const v = arith(op, convert(x, u)!, convert(y, u)!, u)!;
      return { text: `((${c.name})((${u.name})${a.text} ${op} (${u.name})${b.text}))`, type: c, value: convert(v, c)! };
    }
    return undefined;
  }

  private unary(depth: number): Expr | undefined {
    const e = this.expr(depth - 1);
    const p = promote(e.type);
    const v = convert(e.value, p)!;
    switch (this.rng.pick(["-", "-", "+", "~", "!"] as const)) {
      case "-":
        if (typeof v === "number") return { text: `(-${e.text})`, type: p, value: -v };
        if (p.signed && v === minOf(p)) return undefined;
        return { text: `(-${e.text})`, type: p, value: convert(-v, p)! };
      case "+":
        return { text: `(+${e.text})`, type: p, value: v };
      case "~":
        if (typeof v === "number") return undefined;
        return { text: `(~${e.text})`, type: p, value: convert(~v, p)! };
      case "!":
        return { text: `(!${e.text})`, type: T.int, value: truthy(v) ? 0n : 1n };
    }
  }

  private cast(depth: number): Expr | undefined {
    const e = this.expr(depth - 1);
    const t = this.rng.pick(allTypes);
    const v = convert(e.value, t);
    return v === undefined ? undefined : { text: `((${t.name})${e.text})`, type: t, value: v };
  }

  /** `id_T(e)`: the conversion to T happens at a call boundary (argument and result). */
  private call(depth: number): Expr | undefined {
    this.impure++;
    const e = this.expr(depth - 1);
    const t = this.rng.pick(allTypes);
    const v = convert(e.value, t);
    return v === undefined ? undefined : { text: `${identityName(t)}(${e.text})`, type: t, value: v };
  }

  private ternary(depth: number): Expr {
    const cond = this.expr(depth - 1);
    const taken = truthy(cond.value);
    const a = taken ? this.expr(depth - 1) : this.dead(() => this.expr(depth - 1));
    const b = taken ? this.dead(() => this.expr(depth - 1)) : this.expr(depth - 1);
    const c = usual(promote(a.type), promote(b.type));
    return { text: `(${cond.text} ? ${a.text} : ${b.text})`, type: c, value: convert((taken ? a : b).value, c)! };
  }

  private logical(depth: number): Expr {
    const a = this.expr(depth - 1);
    const and = this.rng.chance(0.5);
    // The right operand runs only when the left does not decide.
    const runs = and === truthy(a.value);
    const b = runs ? this.expr(depth - 1) : this.dead(() => this.expr(depth - 1));
    const value = runs ? truthy(b.value) : truthy(a.value);
    return { text: `(${a.text} ${and ? "&&" : "||"} ${b.text})`, type: T.int, value: value ? 1n : 0n };
  }

  private compare(depth: number): Expr {
    const a = this.expr(depth - 1);
    const b = this.expr(depth - 1);
    const c = usual(promote(a.type), promote(b.type));
    const op = this.rng.pick(["<", ">", "<=", ">=", "==", "!="]);
    return { text: `(${a.text} ${op} ${b.text})`, type: T.int, value: compare(op, convert(a.value, c)!, convert(b.value, c)!) ? 1n : 0n };
  }

  /** A shift count in range for type l: a literal, or any integer expression masked. */
  private shiftCount(depth: number, l: CType): { text: string; value: bigint } {
    if (this.rng.chance(0.4)) {
      const n = BigInt(this.rng.int(l.bits));
      return { text: n.toString(), value: n };
    }
    const e = this.intExpr(depth);
    const mask = BigInt(l.bits - 1);
    return { text: `(${e.text} & ${mask})`, value: (e.value as bigint) & mask };
  }

  private shift(depth: number): Expr {
    const a = this.intExpr(depth - 1);
    const l = promote(a.type);
    const n = this.shiftCount(depth - 1, l);
    const op = this.rng.chance(0.5) ? "<<" : ">>";
    const x = convert(a.value, l) as bigint;
    const v = shiftValue(op, x, n.value, l);
    if (v !== undefined) return { text: `(${a.text} ${op} ${n.text})`, type: l, value: v };
    // A negative or overflowing signed left shift: shift the unsigned value instead.
    const u = unsignedOf(l);
    return { text: `(((${u.name})${a.text}) << ${n.text})`, type: u, value: shiftValue("<<", convert(x, u) as bigint, n.value, u)! };
  }

  private writable(): Var | undefined {
    const intoBitField = KNOWN_BUGS.bitFieldStoreOrder && this.vars.some((v) => v.bitField && this.assigning.has(v.name));
    const ok = this.vars.filter(
      (v) => !this.reads.has(v.name) && !this.writes.has(v.name) && !this.assigning.has(v.name) && !(intoBitField && v.bitField),
    );
    return ok.length ? this.rng.pick(ok) : undefined;
  }

  private assign(depth: number): Expr | undefined {
    const target = this.writable();
    if (!target) return undefined;
    const t = target.type;
    const old = this.env.get(target.name)!;
    const ops = t.float ? ["=", "+=", "-=", "*=", "/="] : ["=", "=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="];
    const op = this.rng.pick(ops);
    this.assigning.add(target.name);
    const lhs = this.spell(target);
    let rhs: { text: string; value: Val };
    let value: Val | undefined;
    if (op === "<<=" || op === ">>=") {
      const l = promote(t);
      rhs = this.shiftCount(depth - 1, l);
      const r = shiftValue(op === "<<=" ? "<<" : ">>", convert(old, l) as bigint, rhs.value as bigint, l);
      value = r === undefined ? undefined : convert(r, t);
    } else {
      const needInt = op === "%=" || op === "&=" || op === "|=" || op === "^=";
      const e = needInt ? this.intExpr(depth - 1) : this.expr(depth - 1);
      rhs = e;
      if (op === "=") value = convert(e.value, t);
      else {
        const c = usual(promote(t), promote(e.type));
        const r = arith(op.slice(0, -1) as ArithOp, convert(old, c)!, convert(e.value, c)!, c);
        value = r === undefined ? undefined : convert(r, t);
      }
    }
    this.assigning.delete(target.name);
    if (value === undefined) return undefined;
    this.writes.add(target.name);
    this.env.set(target.name, value);
    this.impure++;
    return this.lvalueResult(`(${lhs} ${op} ${rhs.text})`, target, value);
  }

  private incdec(): Expr | undefined {
    const target = this.writable();
    if (!target) return undefined;
    const t = target.type;
    const old = this.env.get(target.name)!;
    const inc = this.rng.chance(0.5);
    const pre = this.rng.chance(0.5);
    // ++v is v += 1: computed in the promoted type, converted back.
    const c = usual(promote(t), T.int);
    const r = arith(inc ? "+" : "-", convert(old, c)!, convert(1n, c)!, c);
    const value = r === undefined ? undefined : convert(r, t);
    if (value === undefined) return undefined;
    this.writes.add(target.name);
    this.env.set(target.name, value);
    this.impure++;
    const lhs = this.spell(target);
    const op = inc ? "++" : "--";
    return this.lvalueResult(pre ? `(${op}${lhs})` : `(${lhs}${op})`, target, pre ? value : old);
  }

  /**
   * The value of an assignment or ++/-- has the type of its target. A bit-field's type
   * promotes to int; enstage gets that wrong for assignments (KNOWN_BUGS), so there the
   * generator states the promotion with a cast, which keeps the store under test.
   */
  private lvalueResult(text: string, target: Var, value: Val): Expr {
    if (KNOWN_BUGS.bitFieldAssignmentType && isBitField(target.type)) return { text: `((int)${text})`, type: T.int, value };
    return { text, type: target.type, value, bitField: target.bitField };
  }

  private comma(depth: number): Expr | undefined {
    const impure = this.impure;
    const a = this.expr(depth - 1);
    const b = this.expr(depth - 1);
    // gcc 12 crashes (ICE in gimplify_expr) folding a constant comma expression converted to
    // _Bool, as in `(_Bool)(1, 2)`; a comma with a variable or a call in it is never folded.
    if (this.impure === impure) return undefined;
    return { text: `(${a.text}, ${b.text})`, type: b.type, value: b.value, bitField: b.bitField };
  }

  /** `sizeof(T)` or `sizeof e`: a size_t; e is not evaluated, so its effects do not happen. */
  private sizeof(depth: number): Expr | undefined {
    if (this.rng.chance(0.4)) {
      const t = this.rng.pick(allTypes);
      return { text: `sizeof(${t.name})`, type: T.ulong, value: sizeOf(t) };
    }
    const e = this.dead(() => this.expr(depth - 1));
    if (e.bitField) return undefined;
    return { text: `(sizeof ${e.text})`, type: T.ulong, value: sizeOf(e.type) };
  }
}

// ---- programs -------------------------------------------------------------------------------

export interface GeneratedProgram {
  /** The function's name; every output line it prints starts with it. */
  name: string;
  /** File-scope declarations (its globals) and the function definition. */
  source: string;
  /** What it prints, by the model. */
  expected: string;
}

const short: Record<string, string> = {
  _Bool: "b", char: "c", "signed char": "sc", "unsigned char": "uc", short: "s", "unsigned short": "us", int: "i",
  "unsigned int": "u", long: "l", "unsigned long": "ul", "long long": "ll", "unsigned long long": "ull", float: "f", double: "d",
};

/** The identity function of a type, `static T id_T(T x) { return x; }`, which programFile defines. */
const identityName = (t: CType): string => `id_${short[t.name]}`;

/**
 * The type of an int or unsigned bit-field of this width: narrower than int, so it promotes
 * to int; stores wrap at its width (gcc's choice for signed ones). Plain `int` bit-fields are
 * signed in gcc.
 */
function bitFieldType(signed: boolean, width: number): CType {
  if (width === 32) return signed ? T.int : T.uint;
  return { name: `${signed ? "int" : "unsigned int"}:${width}`, float: false, bits: width, signed, rank: T.short.rank };
}

/** One struct member: a declaration line and its type. */
function makeMember(rng: Rng, name: string): { decl: string; type: CType; bitField: boolean } {
  if (rng.chance(0.5)) {
    const t = rng.pick(allTypes);
    return { decl: `${t.name} ${name};`, type: t, bitField: false };
  }
  const r = rng.int(5);
  if (r === 0) return { decl: `_Bool ${name} : 1;`, type: T.bool, bitField: true };
  const signed = r < 3;
  const width = 1 + rng.int(32);
  const spelled = signed ? rng.pick(["int", "signed int", "signed"]) : rng.pick(["unsigned int", "unsigned"]);
  return { decl: `${spelled} ${name} : ${width};`, type: bitFieldType(signed, width), bitField: true };
}

type Storage = "global" | "local" | "static";
const pickStorage = (rng: Rng): Storage => rng.pick(["local", "local", "local", "static", "global"] as const);
const initialValue = (rng: Rng, t: CType): Val => (t.float ? floatValue(rng, t) : intValue(rng, t));

/**
 * One program: variables of every type (some global, some static, some reached through a
 * pointer as well), a struct with ordinary and bit-field members, `exprs` printed expressions
 * and a few bare assignments, then every variable's final value.
 */
export function generateProgram(rng: Rng, name: string, exprs = 20): GeneratedProgram {
  const vars: Var[] = [];
  const globals: string[] = [];
  const body: string[] = [];
  const pointers: string[] = [];
  const env = new Map<string, Val>();
  const declare = (storage: Storage, decl: string) => {
    if (storage === "global") globals.push((rng.chance(0.5) ? "static " : "") + decl);
    else body.push(`  ${storage === "static" ? "static " : ""}${decl}`);
  };

  for (const t of allTypes) {
    for (let k = rng.chance(0.4) ? 2 : 1; k > 0; k--) {
      const storage = pickStorage(rng);
      const base = `${short[t.name]}${vars.filter((v) => v.type === t).length}`;
      const v: Var = { name: storage === "global" ? `${name}_${base}` : base, type: t };
      const value = initialValue(rng, t);
      env.set(v.name, value);
      declare(storage, `${t.name} ${v.name} = ${initializer(value, t)};`);
      if (rng.chance(0.25)) {
        v.alias = `(*p_${v.name})`;
        pointers.push(`  ${t.name} *p_${v.name} = &${v.name};`);
      }
      vars.push(v);
    }
  }

  // The struct: members at assorted offsets, bit-fields packed between them.
  const storage = pickStorage(rng);
  const st = storage === "global" ? `${name}_st` : "st";
  const members = Array.from({ length: 3 + rng.int(4) }, (_, k) => ({ field: `m${k}`, ...makeMember(rng, `m${k}`) }));
  globals.push(`struct ${name}_s {\n${members.map((m) => `  ${m.decl}\n`).join("")}};`);
  const inits = members.map((m) => {
    const value = initialValue(rng, m.type);
    env.set(`${st}.${m.field}`, value);
    vars.push({ name: `${st}.${m.field}`, type: m.type, alias: `(pst->${m.field})`, bitField: m.bitField });
    return { field: m.field, text: initializer(value, m.type) };
  });
  const designated = rng.chance(0.5);
  declare(storage, `struct ${name}_s ${st} = { ${inits.map((i) => (designated ? `.${i.field} = ${i.text}` : i.text)).join(", ")} };`);
  pointers.push(`  struct ${name}_s *pst = &${st};`);

  // An array, its elements reached by index, by pointer arithmetic and through a pointer.
  const at = rng.pick(allTypes);
  const arrayStorage = pickStorage(rng);
  const arr = arrayStorage === "global" ? `${name}_arr` : "arr";
  const elements = [0, 1, 2].map((k) => {
    const value = initialValue(rng, at);
    env.set(`${arr}[${k}]`, value);
    vars.push({ name: `${arr}[${k}]`, type: at, alias: rng.chance(0.5) ? `(*(${arr} + ${k}))` : `(pa[${k}])` });
    return initializer(value, at);
  });
  declare(arrayStorage, `${at.name} ${arr}[3] = { ${elements.join(", ")} };`);
  pointers.push(`  ${at.name} *pa = ${arr};`);
  body.push(...pointers);

  const gen = new ExprGen(rng, vars);
  gen.env = env;
  const out: string[] = [];
  for (let k = 0; k < exprs; k++) {
    if (rng.chance(0.2)) {
      const a = gen.assignment(1 + rng.int(3));
      if (a) body.push(`  ${a.text};`);
    }
    const e = gen.fullExpression(1 + rng.int(4));
    body.push(`  printf("${name}.${k} ${formatOf(e.type)}\\n", ${e.text});`);
    out.push(`${name}.${k} ${formatValue(e.value)}\n`);
  }
  for (const v of vars) {
    body.push(`  printf("${name}.${v.name} ${formatOf(v.type)}\\n", ${v.name});`);
    out.push(`${name}.${v.name} ${formatValue(gen.env.get(v.name)!)}\n`);
  }
  const source = `${globals.join("\n")}\nstatic void ${name}(void) {\n${body.join("\n")}\n}\n`;
  return { name, source, expected: out.join("") };
}

/** Programs grouped into translation units with a main that runs them in order. */
export function programFile(programs: GeneratedProgram[]): string {
  const identities = allTypes.map((t) => `static ${t.name} ${identityName(t)}(${t.name} x) { return x; }\n`).join("");
  return `#include <stdio.h>\n\n${identities}\n${programs.map((p) => p.source).join("\n")}\nint main(void) {\n${programs.map((p) => `  ${p.name}();\n`).join("")}  return 0;\n}\n`;
}
