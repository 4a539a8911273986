// Differential testing of code generation against gcc.
// In: generated programs (fixed seed, bounded count) full of random well-typed expressions
// over every integer type and float/double: arithmetic, division, shifts, bitwise ops,
// comparisons across signedness, conditionals, casts between all of them, compound
// assignments and increments on variables of narrow types. Every expression is free of
// undefined behaviour by construction (signed arithmetic goes through unsigned, divisors and
// shift counts are guarded, float→int casts are range-checked, NaN is never printed), so the
// oracle is exact: gcc -O0's output. Out: a failure naming the seed, the program and the first
// differing line, with the program left in the temp directory for replay.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileC, runWasm } from "./wasm-run.js";

const SEED = 0xc0de_2026;
const PROGRAMS = Number(process.env.ENSTAGE_FUZZ_PROGRAMS ?? 6);
const EXPRESSIONS = 70;

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface IntT {
  kind: "int";
  c: string;
  bits: 8 | 16 | 32 | 64;
  signed: boolean;
}
interface FltT {
  kind: "float";
  c: "float" | "double";
}
type T = IntT | FltT;

const INTS: IntT[] = [
  { kind: "int", c: "signed char", bits: 8, signed: true },
  { kind: "int", c: "unsigned char", bits: 8, signed: false },
  { kind: "int", c: "short", bits: 16, signed: true },
  { kind: "int", c: "unsigned short", bits: 16, signed: false },
  { kind: "int", c: "int", bits: 32, signed: true },
  { kind: "int", c: "unsigned", bits: 32, signed: false },
  { kind: "int", c: "long", bits: 64, signed: true },
  { kind: "int", c: "unsigned long", bits: 64, signed: false },
];
const FLOATS: FltT[] = [
  { kind: "float", c: "float" },
  { kind: "float", c: "double" },
];
const ALL: T[] = [...INTS, ...FLOATS];

class Gen {
  private readonly rnd: () => number;
  readonly vars: { name: string; t: T }[] = [];
  constructor(seed: number) {
    this.rnd = prng(seed);
  }
  int(n: number): number {
    return Math.floor(this.rnd() * n);
  }
  pick<X>(xs: readonly X[]): X {
    return xs[this.int(xs.length)];
  }

  literal(t: T): string {
    if (t.kind === "float") {
      const v = this.pick([0, 1, -1, 0.5, 3.25, -1e10, 1e-5, 123456.789, 1e30, -7.75]) * (this.int(2) ? 1 : -1);
      return `((${t.c})${v.toExponential()})`;
    }
    const edges = [0n, 1n, 2n, 7n, 100n, 127n, 128n, 255n, 256n, 32767n, 65535n, 2147483647n, 2147483648n, 4294967295n, 9223372036854775807n];
    let v = this.int(3) === 0 ? this.pick(edges) : BigInt(this.int(2000)) - 1000n;
    if (this.int(3) === 0) v = -v;
    const wrapped = t.signed ? BigInt.asIntN(t.bits, v) : BigInt.asUintN(t.bits, v);
    // Write the value as an unsigned long long and convert: every literal then is well-defined.
    return `((${t.c})${BigInt.asUintN(64, wrapped)}ULL)`;
  }

  leaf(t: T): string {
    const vs = this.vars.filter((v) => v.t === t);
    if (vs.length && this.int(3) > 0) return this.pick(vs).name;
    return this.literal(t);
  }

  /** An unsigned type of the width `t` computes in (after promotion). */
  private ucomp(t: IntT): string {
    return t.bits === 64 ? "unsigned long" : "unsigned";
  }

  expr(t: T, depth: number): string {
    if (depth <= 0 || this.int(5) === 0) return this.leaf(t);
    const d = depth - 1;
    if (t.kind === "float") {
      switch (this.int(6)) {
        case 0:
        case 1: {
          const op = this.pick(["+", "-", "*", "/"]);
          return `(${this.expr(t, d)} ${op} ${this.expr(t, d)})`;
        }
        case 2:
          return `(-${this.expr(t, d)})`;
        case 3:
          return `((${t.c})${this.expr(this.pick(ALL), d)})`;
        case 4:
          return `(${this.cond(d)} ? ${this.expr(t, d)} : ${this.expr(t, d)})`;
        default:
          return this.leaf(t);
      }
    }
    const u = this.ucomp(t);
    switch (this.int(11)) {
      case 0:
      case 1: {
        const op = this.pick(["+", "-", "*"]);
        return `((${t.c})((${u})${this.expr(t, d)} ${op} (${u})${this.expr(t, d)}))`;
      }
      case 2: {
        const op = this.pick(["/", "%"]);
        const b = this.expr(t, d);
        const safe = `((${b}) == 0 || (${b}) == (${t.c})-1 ? (${t.c})7 : (${b}))`;
        return `((${t.c})(${this.expr(t, d)} ${op} ${safe}))`;
      }
      case 3: {
        const op = this.pick(["&", "|", "^"]);
        return `((${t.c})(${this.expr(t, d)} ${op} ${this.expr(t, d)}))`;
      }
      case 4: {
        const w = t.bits === 64 ? 63 : 31;
        const count = `((int)(${this.expr(this.pick(INTS), d)}) & ${w})`;
        if (this.int(2)) return `((${t.c})((${u})${this.expr(t, d)} << ${count}))`;
        return `((${t.c})(${this.expr(t, d)} >> ${count}))`;
      }
      case 5:
        return this.pick([`((${t.c})-(${u})${this.expr(t, d)})`, `((${t.c})~${this.expr(t, d)})`, `((${t.c})!${this.expr(t, d)})`]);
      case 6:
        return `((${t.c})${this.cond(d)})`;
      case 7:
        return `(${this.cond(d)} ? ${this.expr(t, d)} : ${this.expr(t, d)})`;
      case 8: {
        const s = this.pick(INTS);
        return `((${t.c})${this.expr(s, d)})`;
      }
      case 9: {
        // float → integer only where the value fits the target type (C leaves the rest undefined).
        const f = this.pick(FLOATS);
        const lo = t.signed ? -(2 ** Math.min(t.bits - 1, 52)) + 1 : 0;
        const hi = 2 ** Math.min(t.signed ? t.bits - 1 : t.bits, 52) - 1;
        const e = this.expr(f, d);
        return `((${e}) > ${lo}.0 && (${e}) < ${hi}.0 ? (${t.c})(${e}) : (${t.c})3)`;
      }
      default:
        return this.leaf(t);
    }
  }

  /** An int-valued comparison or logical test over operands of one random type. */
  cond(d: number): string {
    const s = this.pick(ALL);
    const s2 = this.int(3) === 0 ? this.pick(ALL) : s; // mixed types: the usual arithmetic conversions
    const op = this.pick(["<", ">", "<=", ">=", "==", "!=", "&&", "||"]);
    return `(${this.expr(s, d)} ${op} ${this.expr(s2, d)})`;
  }

  program(): string {
    const lines: string[] = [];
    ALL.forEach((t, i) => {
      for (let k = 0; k < 2; k++) {
        const name = `v${i}_${k}`;
        lines.push(`  ${t.c} ${name} = ${this.literal(t)};`);
        this.vars.push({ name, t });
      }
    });
    for (let i = 0; i < EXPRESSIONS; i++) {
      const t = this.pick(ALL);
      const e = this.expr(t, 4);
      if (t.kind === "float") {
        lines.push(`  { ${t.c} r = ${e}; printf("%d %.17g\\n", ${i}, r != r ? 4242.0 : (double)r); }`);
      } else if (t.signed) {
        lines.push(`  printf("%d %lld\\n", ${i}, (long long)(${e}));`);
      } else {
        lines.push(`  printf("%d %llu\\n", ${i}, (unsigned long long)(${e}));`);
      }
      if (i % 5 === 4) lines.push(this.update());
    }
    return `#include <stdio.h>\nint main(void) {\n${lines.join("\n")}\n  return 0;\n}\n`;
  }

  /** A compound assignment or increment on a variable of a narrow or unsigned type. */
  private update(): string {
    const narrow = this.vars.filter((v) => v.t.kind === "int" && (v.t.bits < 32 || !v.t.signed));
    const v = this.pick(narrow);
    const t = v.t as IntT;
    const src = this.pick(INTS.filter((s) => s.bits < 32));
    switch (this.int(4)) {
      case 0:
        return `  ${v.name} += ${this.expr(src, 2)}; printf("u %lld\\n", (long long)${v.name});`;
      case 1:
        return `  ${v.name} *= ${this.expr(src, 2)}; printf("u %lld\\n", (long long)${v.name});`;
      case 2:
        return `  { long long a = ${v.name}++; long long b = --${v.name}; printf("u %lld %lld\\n", a, b); }`;
      default:
        return `  ${v.name} ^= ${this.expr(t, 2)}; ${v.name} >>= 1; printf("u %lld\\n", (long long)${v.name});`;
    }
  }
}

const work = mkdtempSync(join(tmpdir(), "enstage-cgfuzz-"));

describe("random expressions agree with gcc", () => {
  for (let p = 0; p < PROGRAMS; p++) {
    it(`program ${p} (seed ${SEED.toString(16)})`, async () => {
      const src = new Gen(SEED + p).program();
      const file = join(work, `fuzz${p}.c`);
      writeFileSync(file, src);
      const cc = spawnSync("gcc", ["-std=gnu11", "-O0", "-w", "-o", `${file}.exe`, file], { encoding: "utf8" });
      expect(cc.status, cc.stderr).toBe(0);
      const want = spawnSync(`${file}.exe`, [], { encoding: "utf8" }).stdout;
      for (const optimize of [0, 2] as const) {
        const c = compileC(src, `fuzz${p}.c`, { optimize });
        expect(c.errors).toEqual([]);
        const got = await runWasm(c.binary);
        const a = want.split("\n");
        const b = got.stdout.split("\n");
        const i = a.findIndex((line, k) => line !== b[k]);
        const where = i < 0 ? "" : `first difference at output line ${i + 1} (-O${optimize}, program ${file}): gcc '${a[i]}', enstage '${b[i]}'`;
        expect(where).toBe("");
        expect(got.stdout).toBe(want);
      }
    });
  }
});
