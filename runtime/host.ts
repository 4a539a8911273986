// The host side of the fragment ABI: the "env" imports a compiled C program calls.
// In: accessors for the module's memory and two byte sinks (stdout, stderr). Out: the import
// object (`{ env }`) with every function of runtime/abi.ts's HOST_IMPORTS, plus the exceptions
// that carry exit/abort out of the wasm stack (the caller catches them around its call).
//
// C's `exit` is libc code (src/libc/stdlib.c): it runs the atexit handlers and then calls the
// import `__exit`, which lands here. `exit` itself is provided too, for modules that import it
// directly, and behaves as `__exit` (no handlers can run from the host).
//
// Imports nothing from the compiler: the runtimes bundle this file.

import { formatPrintf, printfMemory } from "./printf.js";

/** Thrown by `exit`/`__exit`: the program ended with this status. */
export class ProgramExit extends Error {
  /** The C value passed to exit(). */
  readonly code: number;
  constructor(code: number) {
    super(`exit(${code})`);
    this.name = "ProgramExit";
    this.code = code;
  }
  /** What a process would report: the low 8 bits, as a shell sees them. */
  get status(): number {
    return this.code & 0xff;
  }
}

/**
 * Thrown by `abort` and by a failed assert. Like glibc, the host itself prints nothing for
 * abort(): a caller that runs a program like a shell prints `message` ("Aborted") on stderr
 * and exits with `status`, 134 (128 + SIGABRT).
 */
export class ProgramAbort extends Error {
  readonly code = 134;
  constructor() {
    super("Aborted");
    this.name = "ProgramAbort";
  }
  get status(): number {
    return this.code;
  }
}

export interface HostOptions {
  /** The instance's memory; a function because the instance does not exist yet at import time. */
  memory: () => WebAssembly.Memory;
  stdout: (bytes: Uint8Array) => void;
  stderr: (bytes: Uint8Array) => void;
  /** argv[0] for assertion messages, as glibc's __progname. Default "a.out". */
  programName?: string;
}

export function makeHostImports(opts: HostOptions): { env: Record<string, Function> } {
  const bytes = (): Uint8Array => new Uint8Array(opts.memory().buffer);
  const output = (fd: number, data: Uint8Array): boolean => {
    if (fd === 1) opts.stdout(data);
    else if (fd === 2) opts.stderr(data);
    else return false;
    return true;
  };
  const cString = (ptr: number): Uint8Array => {
    const mem = bytes();
    let end = ptr;
    while (end < mem.length && mem[end] !== 0) end++;
    return mem.slice(ptr, end);
  };
  const exit = (code: number): never => {
    throw new ProgramExit(code | 0);
  };

  const env: Record<string, Function> = {
    __vfprintf(fd: number, fmt: number, ap: number): number {
      const r = formatPrintf(printfMemory(opts.memory().buffer), fmt, ap);
      if (!output(fd, r.bytes)) return -1;
      return r.failed ? -1 : r.bytes.length;
    },

    /** C vsnprintf: at most size-1 bytes and a NUL (nothing when size is 0); the full length. */
    __vsnprintf(buf: number, size: bigint | number, fmt: number, ap: number): number {
      const r = formatPrintf(printfMemory(opts.memory().buffer), fmt, ap);
      const cap = BigInt.asUintN(64, BigInt(size));
      if (cap > 0n) {
        const mem = bytes();
        const n = Math.min(r.bytes.length, Number(cap > 0x7fffffffn ? 0x7fffffffn : cap) - 1);
        mem.set(r.bytes.subarray(0, n), buf);
        mem[buf + n] = 0;
      }
      return r.failed ? -1 : r.bytes.length;
    },

    __write(fd: number, buf: number, len: number): number {
      if (len < 0) return -1;
      return output(fd, bytes().slice(buf, buf + len)) ? len : -1;
    },

    abort(): never {
      throw new ProgramAbort();
    },

    __exit: exit,
    exit,

    /** glibc's message: `prog: file:line: func: Assertion `expr' failed.` */
    __assert_fail(expr: number, file: number, line: number, func: number): never {
      const prog = opts.programName ?? "a.out";
      const parts: (string | Uint8Array)[] = [prog, prog ? ": " : "", cString(file), `:${line >>> 0}: `];
      if (func !== 0) parts.push(cString(func), ": ");
      parts.push("Assertion `", cString(expr), "' failed.\n");
      opts.stderr(concatBytes(parts));
      throw new ProgramAbort();
    },

    strtod(s: number, endPtr: number): number {
      const { value, end } = parseDouble(bytes(), s);
      if (endPtr !== 0) {
        const view = new DataView(opts.memory().buffer);
        view.setUint32(endPtr, end, true);
        view.setUint32(endPtr + 4, 0, true);
      }
      return value;
    },
  };
  for (const [name, fn] of Object.entries(MATH)) {
    env[name] = fn;
    // A NaN skips fround so its sign survives; the f32 result conversion keeps it.
    env[name + "f"] = (x: number, y: number) => {
      const r = fn(x, y);
      return r === r ? Math.fround(r) : r;
    };
  }
  return { env };
}

function concatBytes(parts: (string | Uint8Array)[]): Uint8Array {
  const chunks = parts.map((p) => (typeof p === "string" ? new TextEncoder().encode(p) : p));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

// ---- strtod -------------------------------------------------------------------------------

const isSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const hexValue = (c: number): number =>
  isDigit(c) ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;

/** Case-insensitive match of an ASCII word at p. */
function matchWord(mem: Uint8Array, p: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if ((mem[p + k] | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * C strtod in the C locale: leading space, a sign, then a decimal number with an optional
 * exponent, a hex float (`0x1.8p3`), `inf`/`infinity` or `nan`/`nan(chars)`, all matched
 * case-insensitively. `end` is the address after the longest valid prefix (`s` itself when
 * there is none, with value 0). Decimal conversion is JavaScript's, which is correctly
 * rounded like glibc's; hex is converted exactly here.
 */
export function parseDouble(mem: Uint8Array, s: number): { value: number; end: number } {
  let p = s;
  while (isSpace(mem[p])) p++;
  let sign = 1;
  if (mem[p] === 0x2b || mem[p] === 0x2d) {
    if (mem[p] === 0x2d) sign = -1;
    p++;
  }
  if (matchWord(mem, p, "inf")) {
    return { value: sign * Infinity, end: p + (matchWord(mem, p, "infinity") ? 8 : 3) };
  }
  if (matchWord(mem, p, "nan")) {
    // `nan(chars)`: glibc reads the chars as an integer (base 0) and, when that is all they
    // are, keeps it as the NaN's payload.
    let end = p + 3;
    let payload = 0n;
    if (mem[end] === 0x28 /* ( */) {
      let q = end + 1;
      while (isDigit(mem[q]) || ((mem[q] | 0x20) >= 0x61 && (mem[q] | 0x20) <= 0x7a) || mem[q] === 0x5f) q++;
      if (mem[q] === 0x29) {
        payload = nanPayload(String.fromCharCode(...mem.subarray(end + 1, q)));
        end = q + 1;
      }
    }
    f64.setBigUint64(0, (sign < 0 ? 0xfff8000000000000n : 0x7ff8000000000000n) | payload);
    return { value: f64.getFloat64(0), end };
  }
  if (mem[p] === 0x30 && (mem[p + 1] | 0x20) === 0x78) {
    const hex = parseHex(mem, p + 2);
    if (hex) return { value: sign * hex.value, end: hex.end };
    // "0x" with no hex digits: the number is the 0.
    return { value: sign * 0, end: p + 1 };
  }
  let q = p;
  let digits = 0;
  while (isDigit(mem[q])) {
    q++;
    digits++;
  }
  if (mem[q] === 0x2e) {
    q++;
    while (isDigit(mem[q])) {
      q++;
      digits++;
    }
  }
  if (digits === 0) return { value: 0, end: s };
  if ((mem[q] | 0x20) === 0x65) {
    let e = q + 1;
    if (mem[e] === 0x2b || mem[e] === 0x2d) e++;
    if (isDigit(mem[e])) {
      while (isDigit(mem[e])) e++;
      q = e;
    }
  }
  const text = String.fromCharCode(...mem.subarray(p, q));
  return { value: sign * Number(text.endsWith(".") ? text.slice(0, -1) : text), end: q };
}

function nanPayload(chars: string): bigint {
  const m = /^(?:0[xX]([0-9a-fA-F]+)|(0[0-7]*)|([1-9][0-9]*))$/.exec(chars);
  if (!m) return 0n;
  const v = m[1] !== undefined ? BigInt("0x" + m[1]) : m[2] !== undefined ? BigInt("0o" + (m[2].slice(1) || "0")) : BigInt(m[3]);
  return v & 0x7ffffffffffffn;
}

function parseHex(mem: Uint8Array, start: number): { value: number; end: number } | undefined {
  let p = start;
  let mant = 0n;
  let exp = 0;
  let digits = 0;
  while (hexValue(mem[p]) >= 0) {
    mant = mant * 16n + BigInt(hexValue(mem[p++]));
    digits++;
  }
  if (mem[p] === 0x2e) {
    p++;
    while (hexValue(mem[p]) >= 0) {
      mant = mant * 16n + BigInt(hexValue(mem[p++]));
      exp -= 4;
      digits++;
    }
  }
  if (digits === 0) return undefined;
  if ((mem[p] | 0x20) === 0x70) {
    let q = p + 1;
    let esign = 1;
    if (mem[q] === 0x2b || mem[q] === 0x2d) {
      if (mem[q] === 0x2d) esign = -1;
      q++;
    }
    if (isDigit(mem[q])) {
      let e = 0;
      while (isDigit(mem[q])) e = Math.min(e * 10 + (mem[q++] - 0x30), 100000);
      exp += esign * e;
      p = q;
    }
  }
  return { value: mant === 0n ? 0 : ratioToDouble(mant, 1n, exp), end: p };
}

// ---- exact rounding -----------------------------------------------------------------------

const bitLength = (n: bigint): number => n.toString(2).length;

/** num/den · 2^exp2 (num, den > 0) rounded to the nearest double, ties to even, subnormals included. */
export function ratioToDouble(num: bigint, den: bigint, exp2: number): number {
  // q: the quotient scaled to at least 55 bits, plus a sticky bit for what the division dropped.
  const shift = 56 - (bitLength(num) - bitLength(den));
  const scaledNum = shift > 0 ? num << BigInt(shift) : num;
  const scaledDen = shift < 0 ? den << BigInt(-shift) : den;
  const q = scaledNum / scaledDen;
  const sticky = q * scaledDen !== scaledNum;
  const bq = bitLength(q);
  const e = bq - 1 + exp2 - shift; // the value is in [2^e, 2^(e+1))
  if (e > 1023) return Infinity;
  const precision = e >= -1022 ? 53 : 53 - (-1022 - e);
  const drop = bq - precision;
  let kept = q >> BigInt(drop);
  const rest = q - (kept << BigInt(drop));
  const half = 1n << BigInt(drop - 1);
  if (rest > half || (rest === half && (sticky || (kept & 1n) === 1n))) kept += 1n;
  return Number(kept) * 2 ** (exp2 - shift + drop);
}

// ---- math ---------------------------------------------------------------------------------

const f64 = new DataView(new ArrayBuffer(8));

function negativeNaN(): number {
  f64.setBigUint64(0, 0xfff8000000000000n);
  return f64.getFloat64(0);
}
const DEFAULT_NAN_NEG = negativeNaN();
f64.setBigUint64(0, 0x7ff8000000000000n);
const DEFAULT_NAN_POS = f64.getFloat64(0);

/** x's NaN made quiet, keeping its sign and payload, as x86 does when an operation passes it on. */
function quiet(x: number): number {
  f64.setFloat64(0, x);
  f64.setBigUint64(0, f64.getBigUint64(0) | 0x0008000000000000n);
  return f64.getFloat64(0);
}

/**
 * Wraps a JS math function with glibc's NaN behaviour: a NaN argument comes back (the first
 * one, quieted); a domain error gives x86's default NaN, which is negative, except for the
 * functions whose glibc code returns a positive one (measured: log10, asin, acos).
 */
function withNaN(fn: (x: number) => number, domainNaN?: number): (x: number) => number;
function withNaN(fn: (x: number, y: number) => number, domainNaN?: number): (x: number, y: number) => number;
function withNaN(fn: (x: number, y: number) => number, domainNaN = DEFAULT_NAN_NEG): (x: number, y: number) => number {
  return (x: number, y: number): number => {
    const r = fn(x, y);
    if (r === r) return r;
    if (x !== x) return quiet(x);
    if (y !== y) return quiet(y);
    return domainNaN;
  };
}

/** C pow: the cases where it differs from Math.pow, and correctly rounded integer powers. */
function pow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1; // even when the other is NaN
  if (x !== x || y !== y) return NaN;
  if (x === -1 && !Number.isFinite(y)) return 1;
  if (Number.isInteger(y) && Math.abs(y) <= 1024 && Number.isFinite(x) && x !== 0) return powInt(x, y);
  if (y === 0.5 && x > 0) return Math.sqrt(x);
  return Math.pow(x, y);
}

// Double-double arithmetic (Dekker): exact products without FMA, for integer powers. The
// results go through module variables, not tuples, so the hot path allocates nothing.
const SPLIT = 134217729; // 2^27 + 1
let ddHi = 0;
let ddLo = 0;
/** (ah + al)·(bh + bl) → ddHi + ddLo. */
function ddMul(ah: number, al: number, bh: number, bl: number): void {
  const p = ah * bh;
  let c = SPLIT * ah;
  const ahh = c - (c - ah);
  const ahl = ah - ahh;
  c = SPLIT * bh;
  const bhh = c - (c - bh);
  const bhl = bh - bhh;
  const e = ahh * bhh - p + ahh * bhl + ahl * bhh + ahl * bhl;
  const lo = e + (ah * bl + al * bh);
  ddHi = p + lo;
  ddLo = lo - (ddHi - p);
}

/**
 * x^n for an integer n, correctly rounded (glibc's pow nearly always is; it differs only on
 * exact ties, which glibc does not break to even). Fast path in double-double (relative error
 * far below 2^-95); when that cannot decide the rounding, or the result may leave the normal
 * range, exact BigInt arithmetic decides.
 */
function powInt(x: number, n: number): number {
  if (n === 1) return x;
  if (n === 2) return x * x;
  if (n === -1) return 1 / x;
  const negative = x < 0 && n % 2 !== 0;
  const ax = Math.abs(x);
  const k = Math.abs(n);
  const estimate = n * Math.log2(ax);
  if (Math.abs(estimate) < 900) {
    let rh = 1;
    let rl = 0;
    let bh = ax;
    let bl = 0;
    for (let m = k; m > 0; ) {
      if (m & 1) {
        ddMul(rh, rl, bh, bl);
        rh = ddHi;
        rl = ddLo;
      }
      m >>= 1;
      if (m > 0) {
        ddMul(bh, bl, bh, bl);
        bh = ddHi;
        bl = ddLo;
      }
    }
    if (n < 0) {
      // 1/(rh + rl) in double-double: one correction step on the double quotient.
      const q1 = 1 / rh;
      ddMul(q1, 0, rh, rl);
      const q2 = (1 - ddHi - ddLo) / rh;
      rh = q1 + q2;
      rl = q2 - (rh - q1);
    }
    f64.setFloat64(0, rh);
    const high = f64.getUint32(0);
    const isPowerOfTwo = (high & 0xfffff) === 0 && f64.getUint32(4) === 0;
    const ulp = 2 ** ((high >>> 20) - 1075);
    // rh is the rounded result unless rl lies within the error bound of half an ulp.
    if (!isPowerOfTwo && Math.abs(Math.abs(rl) - ulp / 2) > rh * 2 ** -95) return negative ? -rh : rh;
  }
  f64.setFloat64(0, ax);
  const bits = f64.getBigUint64(0);
  const biased = Number(bits >> 52n);
  const mant = biased === 0 ? bits & 0xfffffffffffffn : (bits & 0xfffffffffffffn) | (1n << 52n);
  const e = biased === 0 ? -1074 : biased - 1075;
  const m = mant ** BigInt(k);
  const r = n > 0 ? ratioToDouble(m, 1n, e * k) : ratioToDouble(1n, m, -e * k);
  return negative ? -r : r;
}

/** The host's math functions by C name (f64); the f32 versions round these with Math.fround. */
const MATH: Record<string, (x: number, y: number) => number> = {
  pow: withNaN(pow),
  exp: withNaN(Math.exp),
  exp2: withNaN((x: number) => pow(2, x)),
  log: withNaN(Math.log),
  log10: withNaN(Math.log10, DEFAULT_NAN_POS),
  log2: withNaN(Math.log2),
  sin: withNaN(Math.sin),
  cos: withNaN(Math.cos),
  tan: withNaN(Math.tan),
  asin: withNaN(Math.asin, DEFAULT_NAN_POS),
  acos: withNaN(Math.acos, DEFAULT_NAN_POS),
  atan: withNaN(Math.atan),
  atan2: withNaN(Math.atan2),
  sinh: withNaN(Math.sinh),
  cosh: withNaN(Math.cosh),
  tanh: withNaN(Math.tanh),
  asinh: withNaN(Math.asinh),
  acosh: withNaN(Math.acosh),
  atanh: withNaN(Math.atanh),
  cbrt: withNaN(Math.cbrt),
  hypot: withNaN((x: number, y: number) => Math.hypot(x, y)),
  fmod: withNaN((x: number, y: number) => x % y),
  expm1: withNaN(Math.expm1),
  log1p: withNaN(Math.log1p),
};

/** Every import name this host provides (the ABI's list, plus `__exit`). */
export const hostImportNames: readonly string[] = [
  "__vfprintf", "__vsnprintf", "__write", "abort", "__exit", "exit", "__assert_fail", "strtod",
  ...Object.keys(MATH), ...Object.keys(MATH).map((n) => n + "f"),
];
