// C printf formatting over a module's linear memory, byte for byte as glibc prints.
// In: the memory, the address of a NUL-terminated format string, and `ap`, the address of the
// variadic area (fragment ABI, runtime/abi.ts: every argument in 8-byte slots, `long double` in
// two). Out: the formatted bytes. `%n` writes its count back into memory.
//
// Floating conversions are exact: a double is a binary fraction m·2^e with a finite decimal
// expansion, and glibc prints that exact value rounded half-to-even at the requested digit. We
// do the same with BigInt. JavaScript's toFixed/toExponential are exact too but break ties
// upwards (and stop at 1e21 and 100 digits), so they serve only as a fast path when the value
// provably is not a tie, and the exact path remains the reference (test/printf.test.ts checks
// that the two agree).
//
// Imports nothing: the runtimes bundle this file.

/** Where formatting reads its arguments: the format string and the variadic slots. */
export interface PrintfMemory {
  bytes: Uint8Array;
  view: DataView;
}

export function printfMemory(buffer: ArrayBufferLike): PrintfMemory {
  return { bytes: new Uint8Array(buffer), view: new DataView(buffer) };
}

/**
 * Formats like C's `vsprintf(fmt, ap)` and returns the bytes (no NUL). `mem` is the whole
 * linear memory (a Uint8Array or DataView over its current buffer).
 */
export function formatC(mem: Uint8Array | DataView | PrintfMemory, fmtPtr: number, apPtr: number): Uint8Array {
  return formatPrintf(mem, fmtPtr, apPtr).bytes;
}

/**
 * formatC with glibc's error: a format that ends inside a conversion (`"abc%"`) prints up to
 * there and makes printf return -1 (`failed`).
 */
export function formatPrintf(
  mem: Uint8Array | DataView | PrintfMemory,
  fmtPtr: number,
  apPtr: number,
): { bytes: Uint8Array; failed: boolean } {
  const m =
    mem instanceof Uint8Array
      ? { bytes: mem, view: new DataView(mem.buffer, mem.byteOffset, mem.byteLength) }
      : mem instanceof DataView
        ? { bytes: new Uint8Array(mem.buffer, mem.byteOffset, mem.byteLength), view: mem }
        : mem;
  const f = new Formatter(m, apPtr);
  const bytes = f.run(fmtPtr);
  return { bytes, failed: f.failed };
}

// ---- output -------------------------------------------------------------------------------

/** Output bytes. One scratch buffer is shared by all formatting (which never nests), since
 * allocating a typed array per printf call dominated the cost; result() copies out. */
let scratch = new Uint8Array(1024);

class ByteSink {
  buf = scratch;
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = scratch = next;
  }
  byte(b: number): void {
    this.room(1);
    this.buf[this.length++] = b;
  }
  ascii(s: string): void {
    this.room(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.length++] = s.charCodeAt(i);
  }
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  repeat(b: number, n: number): void {
    if (n <= 0) return;
    this.room(n);
    this.buf.fill(b, this.length, this.length + n);
    this.length += n;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

// ---- one conversion specification ---------------------------------------------------------

interface Spec {
  minus: boolean;
  plus: boolean;
  space: boolean;
  hash: boolean;
  zero: boolean;
  width: number;
  /** -1 when not given (or given negative through `.*`). */
  precision: number;
  /** "", "hh", "h", "l", "ll", "L", "j", "z", "t" */
  length: string;
  conv: string;
}

const SPACE = 0x20;
const ZERO = 0x30;

class Formatter {
  private out = new ByteSink();
  failed = false;
  private ap: number;
  private readonly base: number;

  constructor(
    private readonly m: PrintfMemory,
    ap: number,
  ) {
    this.ap = ap;
    this.base = ap;
  }

  run(fmtPtr: number): Uint8Array {
    const { bytes } = this.m;
    let p = fmtPtr;
    for (;;) {
      const c = bytes[p];
      if (c === 0 || c === undefined) break;
      if (c !== 0x25 /* % */) {
        // Copy the literal run up to the next % or NUL in one go.
        let q = p + 1;
        while (bytes[q] !== 0 && bytes[q] !== 0x25 && q < bytes.length) q++;
        this.out.bytes(bytes.subarray(p, q));
        p = q;
        continue;
      }
      p = this.conversion(p);
      if (p < 0) break;
    }
    return this.out.result();
  }

  // -- argument slots --

  private slot(size: 8 | 16, positional: number): number {
    if (positional > 0) return this.base + (positional - 1) * 8;
    const at = this.ap;
    this.ap += size;
    return at;
  }
  private int32(pos = 0): number {
    return this.m.view.getInt32(this.slot(8, pos), true);
  }
  private int64(pos = 0): bigint {
    return this.m.view.getBigInt64(this.slot(8, pos), true);
  }
  private pointer(pos = 0): number {
    return this.m.view.getUint32(this.slot(8, pos), true);
  }

  /** Parses and prints one `%…` at p; returns the index after it, or -1 to stop. */
  private conversion(start: number): number {
    const { bytes } = this.m;
    let p = start + 1;
    const s: Spec = { minus: false, plus: false, space: false, hash: false, zero: false, width: 0, precision: -1, length: "", conv: "" };
    const num = (): number => {
      let n = 0;
      while (bytes[p] >= 0x30 && bytes[p] <= 0x39) n = Math.min(n * 10 + (bytes[p++] - 0x30), 0x7fffffff);
      return n;
    };
    // `%N$…`: positional argument N (glibc; all conversions of the format must then use it).
    let positional = 0;
    {
      const save = p;
      const n = num();
      if (n > 0 && bytes[p] === 0x24 /* $ */) {
        positional = n;
        p++;
      } else p = save;
    }
    for (;;) {
      const c = bytes[p];
      if (c === 0x2d) s.minus = true;
      else if (c === 0x2b) s.plus = true;
      else if (c === 0x20) s.space = true;
      else if (c === 0x23) s.hash = true;
      else if (c === 0x30) s.zero = true;
      else if (c === 0x27 || c === 0x49) {
        // `'` (thousands grouping) and `I` (locale digits) change nothing in the C locale.
      } else break;
      p++;
    }
    if (bytes[p] === 0x2a /* * */) {
      p++;
      let w: number;
      const save = p;
      const n = num();
      if (n > 0 && bytes[p] === 0x24) {
        p++;
        w = this.int32(n);
      } else {
        p = save;
        w = this.int32();
      }
      if (w < 0) {
        s.minus = true;
        w = w === -0x80000000 ? 0x7fffffff : -w;
      }
      s.width = w;
    } else s.width = num();
    if (bytes[p] === 0x2e /* . */) {
      p++;
      if (bytes[p] === 0x2a) {
        p++;
        const save = p;
        const n = num();
        let v: number;
        if (n > 0 && bytes[p] === 0x24) {
          p++;
          v = this.int32(n);
        } else {
          p = save;
          v = this.int32();
        }
        s.precision = v < 0 ? -1 : v;
      } else s.precision = num();
    }
    const c0 = String.fromCharCode(bytes[p] ?? 0);
    const c1 = String.fromCharCode(bytes[p + 1] ?? 0);
    if ((c0 === "h" || c0 === "l") && c1 === c0) {
      s.length = c0 + c0;
      p += 2;
    } else if ("hlLjztq".includes(c0) && c0 !== "\0") {
      s.length = c0 === "q" ? "ll" : c0;
      p++;
    }
    const conv = bytes[p];
    if (conv === 0 || conv === undefined) {
      // The format ends inside a specification: glibc stops there, with an error.
      this.failed = true;
      return -1;
    }
    s.conv = String.fromCharCode(conv);
    p++;
    switch (s.conv) {
      case "d":
      case "i":
        this.signedInt(s, positional);
        break;
      case "u":
      case "o":
      case "x":
      case "X":
        this.unsignedInt(s, positional);
        break;
      case "c":
        this.char(s, positional);
        break;
      case "s":
        this.string(s, positional);
        break;
      case "p":
        this.pointerConv(s, positional);
        break;
      case "n":
        this.count(s, positional);
        break;
      case "f":
      case "F":
      case "e":
      case "E":
      case "g":
      case "G":
      case "a":
      case "A":
        this.float(s, positional);
        break;
      case "%":
        this.out.byte(0x25);
        break;
      case "C":
        this.char({ ...s, length: "l" }, positional);
        break;
      case "S":
        this.string({ ...s, length: "l" }, positional);
        break;
      case "m":
        // strerror(errno): the host cannot see errno; print what glibc prints for 0.
        this.padded(s, "", "Success");
        break;
      default:
        // An unknown conversion is printed as written, as glibc does.
        this.out.bytes(bytes.subarray(start, p));
    }
    return p;
  }

  // -- integers --

  private readInt(s: Spec, pos: number, signed: boolean): bigint {
    switch (s.length) {
      case "l":
      case "ll":
      case "L":
      case "j":
      case "z":
      case "t": {
        const v = this.int64(pos);
        return signed ? v : BigInt.asUintN(64, v);
      }
      case "hh": {
        const v = this.int32(pos);
        return BigInt(signed ? (v << 24) >> 24 : v & 0xff);
      }
      case "h": {
        const v = this.int32(pos);
        return BigInt(signed ? (v << 16) >> 16 : v & 0xffff);
      }
      default: {
        const v = this.int32(pos);
        return BigInt(signed ? v : v >>> 0);
      }
    }
  }

  private signedInt(s: Spec, pos: number): void {
    const v = this.readInt(s, pos, true);
    const sign = v < 0n ? "-" : s.plus ? "+" : s.space ? " " : "";
    this.integer(s, sign, "", (v < 0n ? -v : v).toString(), v === 0n);
  }

  private unsignedInt(s: Spec, pos: number): void {
    const v = this.readInt(s, pos, false);
    const radix = s.conv === "o" ? 8 : s.conv === "u" ? 10 : 16;
    let digits = v.toString(radix);
    if (s.conv === "X") digits = digits.toUpperCase();
    let prefix = "";
    if (s.hash && v !== 0n && (s.conv === "x" || s.conv === "X")) prefix = s.conv === "x" ? "0x" : "0X";
    this.integer(s, "", prefix, digits, v === 0n);
  }

  /** Precision pads the digits with zeros (and `%.0d` of 0 prints none); `0` pads the width. */
  private integer(s: Spec, sign: string, prefix: string, digits: string, isZero: boolean): void {
    if (s.precision === 0 && isZero) digits = "";
    if (s.precision > digits.length) digits = "0".repeat(s.precision - digits.length) + digits;
    if (s.hash && s.conv === "o" && !digits.startsWith("0")) digits = "0" + digits;
    this.padded(s, sign + prefix, digits, s.zero && s.precision < 0);
  }

  /** Writes head+body in a field of s.width: zeros go between them when `zeroPad`. */
  private padded(s: Spec, head: string, body: string, zeroPad = false): void {
    const fill = s.width - head.length - body.length;
    if (s.minus) {
      this.out.ascii(head);
      this.out.ascii(body);
      this.out.repeat(SPACE, fill);
    } else if (zeroPad) {
      this.out.ascii(head);
      this.out.repeat(ZERO, fill);
      this.out.ascii(body);
    } else {
      this.out.repeat(SPACE, fill);
      this.out.ascii(head);
      this.out.ascii(body);
    }
  }

  private paddedBytes(s: Spec, body: Uint8Array): void {
    const fill = s.width - body.length;
    if (!s.minus) this.out.repeat(SPACE, fill);
    this.out.bytes(body);
    if (s.minus) this.out.repeat(SPACE, fill);
  }

  // -- characters, strings, pointers, %n --

  private char(s: Spec, pos: number): void {
    const v = this.int32(pos);
    if (s.length === "l") {
      // A wide character in the C locale: ASCII converts, anything else has no encoding.
      this.paddedBytes(s, Uint8Array.of(v >= 0 && v < 0x80 ? v : 0x3f));
      return;
    }
    this.paddedBytes(s, Uint8Array.of(v & 0xff));
  }

  private string(s: Spec, pos: number): void {
    const ptr = this.pointer(pos);
    const { bytes, view } = this.m;
    if (ptr === 0) {
      // glibc prints "(null)", or nothing when the precision cannot hold all of it.
      this.padded(s, "", s.precision < 0 || s.precision >= 6 ? "(null)" : "");
      return;
    }
    const max = s.precision < 0 ? Infinity : s.precision;
    if (s.length === "l") {
      const chars: number[] = [];
      for (let q = ptr; chars.length < max; q += 4) {
        const w = view.getInt32(q, true);
        if (w === 0) break;
        chars.push(w >= 0 && w < 0x80 ? w : 0x3f);
      }
      this.paddedBytes(s, Uint8Array.from(chars));
      return;
    }
    // Never read past the precision: the array need not be NUL-terminated then.
    let end = ptr;
    while (end - ptr < max && bytes[end] !== 0) {
      if (end >= bytes.length) throw new RangeError(`printf %s: string at ${ptr} runs past the end of memory`);
      end++;
    }
    this.paddedBytes(s, bytes.subarray(ptr, end));
  }

  /** glibc prints a pointer as `%#lx` would, and NULL as "(nil)". */
  private pointerConv(s: Spec, pos: number): void {
    const ptr = this.pointer(pos);
    if (ptr === 0) {
      this.padded(s, "", "(nil)");
      return;
    }
    const sign = s.plus ? "+" : s.space ? " " : "";
    this.integer({ ...s, conv: "x" }, sign, "0x", ptr.toString(16), false);
  }

  private count(s: Spec, pos: number): void {
    const ptr = this.pointer(pos);
    const n = this.out.length;
    const { view } = this.m;
    switch (s.length) {
      case "hh":
        view.setInt8(ptr, n << 24 >> 24);
        break;
      case "h":
        view.setInt16(ptr, n << 16 >> 16, true);
        break;
      case "l":
      case "ll":
      case "L":
      case "j":
      case "z":
      case "t":
        view.setBigInt64(ptr, BigInt(n), true);
        break;
      default:
        view.setInt32(ptr, n, true);
    }
  }

  // -- floating point --

  private float(s: Spec, pos: number): void {
    const at = this.slot(s.length === "L" ? 16 : 8, pos);
    const text = formatDoubleWords(this.m.view.getUint32(at + 4, true), this.m.view.getUint32(at, true), s);
    const upper = s.conv === "F" || s.conv === "E" || s.conv === "G" || s.conv === "A";
    const body = upper ? text.body.toUpperCase() : text.body;
    this.padded(s, text.sign + (upper ? text.prefix.toUpperCase() : text.prefix), body, s.zero && text.finite);
  }
}

// ---- floating-point conversion ------------------------------------------------------------

interface FloatText {
  sign: string;
  /** "0x" for %a: zero padding goes after it. */
  prefix: string;
  body: string;
  finite: boolean;
}

const F64 = new DataView(new ArrayBuffer(8));

type FloatSpec = Pick<Spec, "conv" | "precision" | "hash" | "plus" | "space">;

/** The formatted parts of the double with these bits under spec s (%f %e %g %a, any case). */
export function formatDouble(bits: bigint, s: FloatSpec): FloatText {
  return formatDoubleWords(Number(bits >> 32n), Number(bits & 0xffffffffn), s);
}

/** formatDouble from the high and low 32-bit words of the double. */
function formatDoubleWords(hi: number, lo: number, s: FloatSpec): FloatText {
  const negative = hi >>> 31 === 1;
  const sign = negative ? "-" : s.plus ? "+" : s.space ? " " : "";
  const biased = (hi >>> 20) & 0x7ff;
  const fracZero = (hi & 0xfffff) === 0 && lo === 0;
  if (biased === 0x7ff) return { sign, prefix: "", body: fracZero ? "inf" : "nan", finite: false };
  const conv = s.conv.toLowerCase();
  if (conv === "a") return hexFloat(sign, biased, (BigInt(hi & 0xfffff) << 32n) | BigInt(lo), s.precision, s.hash);
  const v = exactOfWords(hi, lo);
  const p = s.precision < 0 ? 6 : s.precision;
  if (conv === "f") return { sign, prefix: "", body: fixedLayout(fixedDigits(v, p), p, s.hash), finite: true };
  if (conv === "e") {
    const { digits, exp10 } = expDigits(v, p);
    return { sign, prefix: "", body: expLayout(digits, exp10, s.hash), finite: true };
  }
  // %g: P significant digits; fixed notation when the exponent X (after rounding to P digits)
  // satisfies -4 <= X < P, else exponential; then trailing zeros go unless `#`.
  const P = s.precision < 0 ? 6 : s.precision === 0 ? 1 : s.precision;
  const { digits, exp10 } = expDigits(v, P - 1);
  let body: string;
  if (exp10 >= -4 && exp10 < P) {
    const decimals = P - 1 - exp10;
    const all = exp10 >= 0 ? digits : "0".repeat(-exp10) + digits;
    body = fixedLayout(all, decimals, s.hash);
  } else body = expLayout(digits, exp10, s.hash);
  if (!s.hash) body = stripZeros(body);
  return { sign, prefix: "", body, finite: true };
}

/** %g without `#`: drop trailing zeros of the fraction, and the point if nothing is left. */
function stripZeros(body: string): string {
  const e = body.indexOf("e");
  let mantissa = e < 0 ? body : body.slice(0, e);
  const rest = e < 0 ? "" : body.slice(e);
  if (mantissa.includes(".")) {
    mantissa = mantissa.replace(/0+$/, "");
    if (mantissa.endsWith(".")) mantissa = mantissa.slice(0, -1);
  }
  return mantissa + rest;
}

/** digits = round(x·10^p) as an integer string: lays it out with p decimals. */
function fixedLayout(digits: string, p: number, hash: boolean): string {
  if (digits.length <= p) digits = "0".repeat(p + 1 - digits.length) + digits;
  const int = digits.slice(0, digits.length - p);
  const frac = digits.slice(digits.length - p);
  return p > 0 || hash ? `${int}.${frac}` : int;
}

function expLayout(digits: string, exp10: number, hash: boolean): string {
  const point = digits.length > 1 || hash ? "." : "";
  const e = Math.abs(exp10);
  return `${digits[0]}${point}${digits.slice(1)}e${exp10 < 0 ? "-" : "+"}${e < 10 ? "0" : ""}${e}`;
}

/**
 * A finite non-negative double x = mant·2^exp, with `fracBits`, the number of binary digits
 * after the point in its exact value (0 for an integer). The BigInt mantissa is made only
 * when the exact path needs it.
 */
export interface Exact {
  x: number;
  exp: number;
  fracBits: number;
  /** The mantissa's high 21 bits (hidden bit included) and low 32 bits. */
  mantHi: number;
  mantLo: number;
  big?: bigint;
}

function mantissa(v: Exact): bigint {
  return (v.big ??= (BigInt(v.mantHi) << 32n) | BigInt(v.mantLo));
}

const ctz32 = (n: number): number => 31 - Math.clz32(n & -n);

function exactOfWords(hi: number, lo: number): Exact {
  const biased = (hi >>> 20) & 0x7ff;
  const mantHi = (hi & 0xfffff) | (biased === 0 ? 0 : 0x100000);
  const exp = biased === 0 ? -1074 : biased - 1075;
  F64.setUint32(0, hi & 0x7fffffff);
  F64.setUint32(4, lo);
  const x = F64.getFloat64(0);
  let fracBits = 0;
  if (exp < 0 && x !== 0) fracBits = Math.max(0, -exp - (lo !== 0 ? ctz32(lo) : 32 + ctz32(mantHi)));
  return { x, exp, fracBits, mantHi, mantLo: lo };
}

/** |x| as an Exact, from the bits of a finite double x. */
export function exactOf(bits: bigint): Exact {
  return exactOfWords(Number((bits >> 32n) & 0xffffffffn), Number(bits & 0xffffffffn));
}

const pow10Cache: bigint[] = [];
function pow10(n: number): bigint {
  if (n < 64) return (pow10Cache[n] ??= 10n ** BigInt(n));
  return 10n ** BigInt(n);
}

/** num/den rounded to an integer, half to even. */
function divRound(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r2 = (num - q * den) * 2n;
  return r2 > den || (r2 === den && (q & 1n) === 1n) ? q + 1n : q;
}

/** The digits of round(x·10^p), half to even, exactly. */
export function fixedDigitsExact(v: Exact, p: number): string {
  if (v.exp >= 0) return ((mantissa(v) << BigInt(v.exp)) * pow10(p)).toString();
  return divRound(mantissa(v) * pow10(p), 1n << BigInt(-v.exp)).toString();
}

/** fixedDigitsExact, through toFixed when that is provably the same. */
export function fixedDigits(v: Exact, p: number): string {
  // toFixed is exact below 1e21 and up to 100 decimals, except that it rounds ties up.
  if (v.x < 1e21 && p <= 100 && v.fracBits !== p + 1) {
    const t = v.x.toFixed(p);
    const digits = p > 0 ? t.slice(0, t.length - p - 1) + t.slice(t.length - p) : t;
    return digits.replace(/^0+(?=\d)/, "");
  }
  return fixedDigitsExact(v, p);
}

/** p+1 significant digits of x, rounded half to even, and the decimal exponent of the first. */
export function expDigitsExact(v: Exact, p: number): { digits: string; exp10: number } {
  if (v.x === 0) return { digits: "0".repeat(p + 1), exp10: 0 };
  let X = Math.floor(Math.log10(v.x));
  const lo = pow10(p);
  const hi = pow10(p + 1);
  for (;;) {
    // q = round(x · 10^(p - X)), which must have exactly p+1 digits.
    const shift = p - X;
    let num = mantissa(v);
    let den = 1n;
    if (v.exp >= 0) num <<= BigInt(v.exp);
    else den <<= BigInt(-v.exp);
    if (shift >= 0) num *= pow10(shift);
    else den *= pow10(-shift);
    const q = divRound(num, den);
    if (q >= hi) X++;
    else if (q < lo) X--;
    else return { digits: q.toString(), exp10: X };
  }
}

/** expDigitsExact, through toExponential when that is provably the same. */
export function expDigits(v: Exact, p: number): { digits: string; exp10: number } {
  if (v.x !== 0 && p <= 100 && !mayTieExp(v, p)) {
    const t = v.x.toExponential(p);
    const e = t.indexOf("e");
    return { digits: t.slice(0, e).replace(".", ""), exp10: Number(t.slice(e + 1)) };
  }
  return expDigitsExact(v, p);
}

/** Whether rounding x to p+1 significant digits could be a tie (then the exact path decides). */
function mayTieExp(v: Exact, p: number): boolean {
  const X = Math.floor(Math.log10(v.x));
  const k = v.fracBits;
  if (k > 0) {
    // The last decimal is at 10^-k; the digit after the kept ones is at 10^(X-p-1) (or one
    // place lower when the estimate X is one too small, or rounding carries).
    for (let d = -1; d <= 1; d++) if (k === p + 1 - (X + d)) return true;
    return false;
  }
  if (v.x >= 2 ** 53) return true;
  // An integer: a tie needs it to end in 5 followed by zeros exactly at that digit.
  for (let d = -1; d <= 1; d++) {
    const n = X + d - p - 1;
    if (n < 0 || n > 22) continue;
    const unit = 10 ** n;
    if (v.x % unit === 0 && Math.floor(v.x / unit) % 10 === 5) return true;
  }
  return false;
}

/**
 * %a: glibc prints a normal double as 0x1.<fraction>p<exp>, a subnormal as 0x0.<fraction>p-1022,
 * zero as 0x0p+0; without a precision the fraction loses its trailing zeros, with one it is
 * rounded half to even at that hex digit (a carry can make the leading digit 2).
 */
function hexFloat(sign: string, biased: number, frac: bigint, precision: number, hash: boolean): FloatText {
  let lead = biased === 0 ? 0n : 1n;
  let exp = biased === 0 ? (frac === 0n ? 0 : -1022) : biased - 1023;
  let fracDigits: string;
  if (precision < 0) {
    fracDigits = frac.toString(16).padStart(13, "0").replace(/0+$/, "");
  } else if (precision >= 13) {
    fracDigits = frac.toString(16).padStart(13, "0") + "0".repeat(precision - 13);
  } else {
    const drop = BigInt((13 - precision) * 4);
    let kept = frac >> drop;
    const rest = frac & ((1n << drop) - 1n);
    const half = 1n << (drop - 1n);
    if (rest > half || (rest === half && ((precision > 0 ? kept : lead) & 1n) === 1n)) {
      kept += 1n;
      if (kept >> BigInt(precision * 4) !== 0n) {
        kept &= (1n << BigInt(precision * 4)) - 1n;
        lead += 1n;
      }
    }
    fracDigits = precision > 0 ? kept.toString(16).padStart(precision, "0") : "";
  }
  if (biased === 0 && frac === 0n) exp = 0;
  const point = fracDigits.length > 0 || hash ? "." : "";
  return { sign, prefix: "0x", body: `${lead}${point}${fracDigits}p${exp < 0 ? "-" : "+"}${Math.abs(exp)}`, finite: true };
}
