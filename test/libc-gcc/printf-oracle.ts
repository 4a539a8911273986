// The oracle for test/printf.test.ts: what glibc's printf prints for each case.
// In: the case table below. Out (stdout): the `cases` table of test/printf.test.ts, each case
// with glibc's output and return value, obtained by compiling a C program with gcc and running
// it. Run `npx tsx test/libc-gcc/printf-oracle.ts > /tmp/cases.ts` and paste the table into the
// test when cases change; the test itself never needs gcc.

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** One variadic argument: its C type and value. Doubles travel as their bits (hex). */
export type Arg =
  | { i: number } // int (also char, short after promotion)
  | { l: string } // long / long long / size_t (decimal, may be negative or > 2^63)
  | { d: string } // double, IEEE bits in hex
  | { L: string } // long double (the bits of a double; two slots)
  | { s: string | null } // char * to a NUL-terminated string (latin1), or NULL
  | { p: number }; // void *

const f64 = new DataView(new ArrayBuffer(8));
const bits = (x: number): string => {
  f64.setFloat64(0, x);
  return "0x" + f64.getBigUint64(0).toString(16).padStart(16, "0");
};
const i = (v: number): Arg => ({ i: v });
const l = (v: bigint | number): Arg => ({ l: String(v) });
const d = (x: number): Arg => ({ d: bits(x) });
const dbits = (b: string): Arg => ({ d: b });
const L = (x: number): Arg => ({ L: bits(x) });
const s = (v: string | null): Arg => ({ s: v });
const p = (v: number): Arg => ({ p: v });
const NEG_NAN = "0xfff8000000000000";
const POS_NAN = "0x7ff8000000000000";

const cases: [string, ...Arg[]][] = [
  // integers
  ["%d", i(0)], ["%d", i(42)], ["%d", i(-42)], ["%i", i(2147483647)], ["%d", i(-2147483648)],
  ["%5d|%-5d|%05d", i(42), i(42), i(42)], ["%+d % d %+d % d", i(5), i(5), i(-5), i(-5)],
  ["%+ d|% +d", i(7), i(7)], ["%.3d|%.0d|%.0d|%5.0d|", i(7), i(0), i(1), i(0)], ["%08.3d|%-8.3d|", i(-7), i(-7)],
  ["%0-6d|", i(3)], ["%u", i(-1)], ["%u", i(3000000000 | 0)], ["%x %X %o", i(255), i(255), i(8)],
  ["%#x %#X %#o", i(255), i(255), i(8)], ["%#x|%#o|%#.0o|%.0o|%#X", i(0), i(0), i(0), i(0), i(0)],
  ["%#8x|%#-8x|%#08x|", i(255), i(255), i(255)], ["%#.5o|%#5o", i(8), i(8)], ["%x", i(-1)],
  ["%hhd %hhd %hhd", i(300), i(127), i(128)], ["%hhu %hhx", i(-1), i(-1)], ["%hd %hd %hu", i(70000), i(-32769), i(-1)],
  ["%hx", i(0x12345)], ["%ld", l(9223372036854775807n)], ["%ld", l(-9223372036854775808n)],
  ["%lld", l(-9223372036854775808n)], ["%llu", l(-1)], ["%lu", l(18446744073709551615n)], ["%lx %lX", l(-1), l(255)],
  ["%llo", l(-1)], ["%zu %zd %zx", l(1234567890123n), l(-5), l(4096)], ["%jd %td", l(-77), l(88)], ["%qd", l(5)],
  ["%Ld", l(-12)], ["%20ld|%-20ld|", l(-123456789012345n), l(123)], ["%.20lu", l(1)], ["%'d", i(1234567)],
  ["%3$d %1$d %2$d", i(1), i(2), i(3)], ["%*d|%-*d|%*d", i(6), i(42), i(6), i(42), i(-6), i(42)],
  ["%.*d|%.*d", i(4), i(7), i(-1), i(7)], ["%*.*d", i(8), i(5), i(-3)], ["%d%%", i(50)],
  // characters and strings
  ["%c", i(65)], ["%c%c%c", i(72), i(105), i(33)], ["%-8c|", i(120)], ["%8c|", i(120)], ["%05c|", i(97)],
  ["%c", i(256 + 66)], ["%s", s("hello")], ["%10s|%-10s|", s("hi"), s("hi")], ["%5.1s|", s("abc")],
  ["%.2s|%.0s|%.10s|", s("abc"), s("abc"), s("abc")], ["%s", s(null)], ["%10s|", s(null)], ["%.3s|", s(null)],
  ["%.6s|", s(null)], ["%-8s|", s(null)], ["%s", s("")], ["%3s|", s("")], ["%05s|", s("ab")],
  ["%s and %s", s("this"), s("that")], ["%s", s("caf\u00e9 \u00ff")],
  // pointers
  ["%p", p(0x1234)], ["%p", p(0)], ["%10p|%-10p|", p(0), p(0)], ["%20p|%-20p|", p(0x1000), p(0x1000)],
  ["%020p|%.8p|%+p|% p", p(0x1234), p(0x1234), p(0x1234), p(0x1234)], ["%p", p(0xffffffff)],
  // %f
  ["%f", d(0)], ["%f", d(-0)], ["%f", d(1)], ["%f", d(-1.5)], ["%f", d(3.14159265358979)], ["%.2f", d(2.675)],
  ["%.0f %.0f %.0f %.0f %.0f", d(0.5), d(1.5), d(2.5), d(3.5), d(-0.5)], ["%.1f %.1f %.1f", d(0.25), d(0.35), d(0.05)],
  ["%.2f %.2f", d(1.005), d(1.125)], ["%.3f", d(1.0005)], ["%f", d(1e300)], ["%f", d(-1e300)], ["%f", d(1.7976931348623157e308)],
  ["%f", d(1e21)], ["%f", d(1e22)], ["%f", d(123456789012345678901234567890)], ["%.0f", d(1e23)], ["%f", d(2 ** 70 + 2 ** 20)],
  ["%.10f", d(0.1)], ["%.20f", d(0.1)], ["%.30f", d(1 / 3)], ["%.60f", d(0.1)], ["%.100f", d(1e-5)],
  ["%.120f", d(5e-324)], ["%f", d(5e-324)], ["%f", d(1e-7)], ["%.15f", d(2.5e-15)], ["%f", d(999999.9999999)],
  ["%.3f", d(9.9995)], ["%.3f", d(9.9996)], ["%10.3f|%-10.3f|%010.3f", d(3.14159), d(3.14159), d(-3.14159)],
  ["%+f|% f|%+.0f", d(1), d(1), d(0)], ["%#.0f|%#f", d(3), d(3)], ["%F", d(1.5)], ["%lf", d(2.5)],
  ["%f %f", d(Infinity), d(-Infinity)], ["%f %F", dbits(POS_NAN), dbits(POS_NAN)], ["%f %F", dbits(NEG_NAN), dbits(NEG_NAN)],
  ["%+f|% f|%5f|%-6f|%06f", d(Infinity), d(Infinity), d(Infinity), d(-Infinity), d(Infinity)], ["%+f|%010f", dbits(POS_NAN), dbits(NEG_NAN)],
  ["%Lf", L(1.25)], ["%.3Lf|%Lf", L(-2.5), L(1e20)], ["%f %d %f", d(1.5), i(7), d(2.5)], ["%.*f", i(3), d(2.0005)],
  ["%.0f|%.0f|%.0f", d(4503599627370495.5), d(4503599627370496.5), d(0.49999999999999994)],
  ["%.1f|%.2f|%.3f|%.4f", d(0.95), d(0.995), d(0.9995), d(0.99995)], ["%.5f", d(1e-6)], ["%.2f", d(-0.001)],
  // %e
  ["%e", d(0)], ["%e", d(-0)], ["%e", d(1)], ["%e", d(123.456)], ["%E", d(0.000123456)], ["%e", d(1e300)], ["%e", d(1e-300)],
  ["%e", d(5e-324)], ["%e", d(1.7976931348623157e308)], ["%.0e %.0e %.0e", d(2.5), d(3.5), d(25)], ["%.0e", d(15)],
  ["%.1e", d(9.96)], ["%.2e", d(1.125)], ["%.2e", d(1.135)], ["%#.0e", d(2)], ["%+.3e", d(-0)], ["%+.3e", d(0)],
  ["%12.3e|%-12.3e|%012.3e", d(1234.5), d(1234.5), d(-1234.5)], ["%.20e", d(0.1)], ["%.40e", d(1 / 3)],
  ["%e %E", d(Infinity), dbits(NEG_NAN)], ["%.3e", d(1e100)], ["%.15e", d(9007199254740993)], ["%e", d(1e22)],
  ["%.0e", d(5e22)], ["%.1e", d(125000)], ["%.2e", d(12345)], ["%.3e", d(2 ** 60)], ["%.e", d(7.5)],
  // %g
  ["%g", d(0)], ["%g", d(-0)], ["%g", d(1)], ["%g", d(100000)], ["%g", d(1e6)], ["%g", d(1234567)], ["%g", d(0.0001)],
  ["%g", d(0.00001)], ["%g", d(0.000123456789)], ["%g", d(123.456)], ["%g", d(1e-300)], ["%g", d(1e300)],
  ["%g", d(3.14159265358979)], ["%g", d(2.5)], ["%g", d(0.1)], ["%g", d(1 / 3)], ["%g", d(999999.5)], ["%g", d(999999.4)],
  ["%g", d(9999995)], ["%.0g|%.1g|%.2g", d(123), d(123), d(123)], ["%.3g", d(0.0001234)], ["%.10g", d(0.1)],
  ["%.17g", d(0.1)], ["%.20g", d(1 / 3)], ["%#g", d(1)], ["%#g", d(0)], ["%#g", d(100000)], ["%#.3g", d(1)],
  ["%#g|%#.0g", d(1e-5), d(5)], ["%G", d(1e-10)], ["%G", d(1e20)], ["%g %G", d(Infinity), dbits(POS_NAN)],
  ["%10g|%-10g|%010g", d(1.5), d(1.5), d(-1.5)], ["%+g|% g", d(2), d(2)], ["%g", d(5e-324)], ["%g", d(1.7976931348623157e308)],
  ["%.15g", d(0.1 + 0.2)], ["%.16g", d(0.1 + 0.2)], ["%.17g", d(0.1 + 0.2)], ["%g", d(1e15)], ["%g", d(123456)],
  ["%g", d(0.00012345)], ["%.2g", d(0.0095)], ["%.1g", d(0.95)], ["%.1g", d(0.25)], ["%g", d(100)], ["%.100g", d(0.1)],
  ["%.3g|%.3g", d(2.5e-5), d(1.0005)], ["%Lg", L(0.1)],
  // %a
  ["%a", d(1)], ["%a", d(0.5)], ["%a", d(0.1)], ["%a", d(0)], ["%a", d(-0)], ["%A", d(255.5)], ["%a", d(5e-324)],
  ["%a", d(1e-310)], ["%a", d(1.7976931348623157e308)], ["%.0a|%.1a|%.2a", d(1.5), d(1.96875), d(1.0)],
  ["%.1a|%.0a|%.0a", d(1.03125), d(2.5), d(1.5)], ["%#a|%#.0a", d(1), d(1)], ["%20a|%-20a|%020a", d(1), d(1), d(-1)],
  ["%a %a", d(Infinity), dbits(NEG_NAN)], ["%.3a", d(1e-310)], ["%+a", d(3)],
  // mixed and odd formats
  ["no conversions"], ["%%"], ["%5%|%-5%|"], ["a%yb", i(1)], ["%5y", i(1)], ["%d %s %c %f %x", i(1), s("two"), i(51), d(4), i(255)],
  ["%s=%d, %s=%g", s("x"), i(10), s("y"), d(0.5)], ["[%6.2f] [%-6.2f] [%+06.1f]", d(3.14159), d(2.5), d(-1.25)],
  ["%ld %d %ld", l(1), i(2), l(3)], ["%hhd|%hd|%d|%ld|%lld", i(-1), i(-1), i(-1), l(-1), l(-1)], ["trailing %"],
  ["%lc|%3lc", i(65), i(66)],
];

function cString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c === 0x22 || c === 0x5c) out += "\\" + ch;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else out += `\\${c.toString(8).padStart(3, "0")}`;
  }
  return out + '"';
}

function cArg(a: Arg): string {
  if ("i" in a) return `(int)${a.i}`;
  if ("l" in a) return BigInt(a.l) < 0n ? `(long)(${a.l}LL)` : `(long)${a.l}ULL`;
  if ("d" in a) return `u2d(${a.d}ULL)`;
  if ("L" in a) return `(long double)u2d(${a.L}ULL)`;
  if ("s" in a) return a.s === null ? "(char *)0" : cString(a.s);
  return `(void *)${a.p}UL`;
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), "printf-oracle-"));
  try {
    const body = cases
      .map(([fmt, ...args]) => `  show(snprintf(buf, sizeof buf, ${cString(fmt)}${args.map((a) => ", " + cArg(a)).join("")}));`)
      .join("\n");
    const program = `#include <stdio.h>
#include <string.h>
static char buf[4096];
static double u2d(unsigned long long u) { double x; memcpy(&x, &u, 8); return x; }
static void show(int r) {
  int n = r < 0 ? (int)strlen(buf) : r;
  printf("%d ", r);
  for (int k = 0; k < n; k++) printf("%02x", (unsigned char)buf[k]);
  printf("\\n");
}
int main(void) {
${body}
  return 0;
}
`;
    writeFileSync(join(dir, "oracle.c"), program);
    execFileSync("gcc", ["-w", "-O0", "-o", join(dir, "oracle"), join(dir, "oracle.c")]);
    const lines = execFileSync(join(dir, "oracle"), { encoding: "latin1" }).trimEnd().split("\n");
    const rows = cases.map(([fmt, ...args], k) => {
      const [ret, hex] = lines[k].split(" ");
      const text = Buffer.from(hex ?? "", "hex").toString("latin1");
      return `  [${JSON.stringify(fmt)}, [${args.map((a) => JSON.stringify(a)).join(", ")}], ${JSON.stringify(text)}, ${ret}],`;
    });
    console.log(`// ${cases.length} cases generated by test/libc-gcc/printf-oracle.ts (gcc ${execFileSync("gcc", ["-dumpfullversion"], { encoding: "utf8" }).trim()}, glibc)`);
    console.log("export const cases: [string, Arg[], string, number][] = [");
    console.log(rows.join("\n"));
    console.log("];");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
