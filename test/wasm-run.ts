// Test helpers for the back end: compile C (program + libc) to wasm, and run `main` under a
// minimal host that implements the fragment ABI's imports (runtime/abi.ts) with
// runtime/printf.ts for formatting. Output is captured, exit codes returned.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkSource } from "../src/compile.js";
import type { CheckedUnit } from "../src/check.js";
import { Diagnostics, formatDiagnostic, type Diagnostic } from "../src/diagnostics.js";
import { generate, type GenerateOptions } from "../src/codegen.js";
import { formatPrintf } from "../runtime/printf.js";
import type { Manifest } from "../runtime/abi.js";

const libcDir = join(import.meta.dirname, "..", "src", "libc");
let libc: CheckedUnit[] | undefined;

/** The libc, checked once per process. */
export function libcUnits(): CheckedUnit[] {
  if (libc) return libc;
  libc = [];
  for (const f of readdirSync(libcDir).filter((x) => x.endsWith(".c")).sort()) {
    const r = checkSource(readFileSync(join(libcDir, f), "utf8"), `libc/${f}`);
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    if (!r.checked || errors.length) throw new Error(`libc/${f} does not check: ${errors.map((d) => formatDiagnostic(d)).join("\n")}`);
    libc.push(r.checked);
  }
  return libc;
}

export interface Compiled {
  binary: Uint8Array;
  text?: string;
  manifest?: Manifest;
  errors: string[];
  diagnostics: Diagnostic[];
}

export function compileC(text: string, file = "t.c", options: Partial<GenerateOptions> = {}): Compiled {
  const front = checkSource(text, file);
  const fmt = (d: Diagnostic) => `${d.span.file}:${d.span.line}:${d.span.col} ${d.code} ${formatDiagnostic(d).split("\n")[0]}`;
  if (!front.checked || front.hasErrors) {
    return { binary: new Uint8Array(), errors: front.diagnostics.filter((d) => d.severity === "error").map(fmt), diagnostics: front.diagnostics };
  }
  const diags = new Diagnostics();
  const out = generate([front.checked, ...libcUnits()], diags, { optimize: 2, source: text, ...options });
  const errors = diags.list.filter((d) => d.severity === "error").map(fmt);
  return { ...out, errors, diagnostics: [...front.diagnostics, ...diags.list] };
}

class Exit {
  constructor(readonly code: number) {}
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  trap?: string;
}

/** Runs `main` with C's conventions: its return value or exit(n) is the exit code. */
export async function runWasm(binary: Uint8Array, argv: string[] = ["prog"]): Promise<RunResult> {
  let memory: WebAssembly.Memory | undefined;
  const out: number[][] = [[], [], []];
  const bytes = () => new Uint8Array(memory!.buffer);
  const cstr = (p: number) => {
    const b = bytes();
    let e = p;
    while (b[e] !== 0) e++;
    return new TextDecoder().decode(b.subarray(p, e));
  };
  const write = (fd: number, data: Uint8Array) => {
    for (const x of data) out[fd === 2 ? 2 : 1].push(x);
  };
  const math = (f: (...a: number[]) => number) => f;
  const f32 = (f: (...a: number[]) => number) => (...a: number[]) => Math.fround(f(...a));
  const m64: Record<string, (...a: number[]) => number> = {
    pow: Math.pow, exp: Math.exp, exp2: (x) => 2 ** x, log: Math.log, log10: Math.log10, log2: Math.log2,
    sin: Math.sin, cos: Math.cos, tan: Math.tan, asin: Math.asin, acos: Math.acos, atan: Math.atan, atan2: Math.atan2,
    sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh, asinh: Math.asinh, acosh: Math.acosh, atanh: Math.atanh,
    cbrt: Math.cbrt, hypot: Math.hypot, fmod: (x, y) => x % y, expm1: Math.expm1, log1p: Math.log1p,
  };
  const env: Record<string, unknown> = {
    __vfprintf: (fd: number, fmt: number, ap: number) => {
      const r = formatPrintf(bytes(), fmt, ap);
      write(fd, r.bytes);
      return r.failed ? -1 : r.bytes.length;
    },
    __vsnprintf: (buf: number, size: bigint, fmt: number, ap: number) => {
      const r = formatPrintf(bytes(), fmt, ap);
      const n = Number(size);
      if (n > 0) {
        const k = Math.min(n - 1, r.bytes.length);
        bytes().set(r.bytes.subarray(0, k), buf);
        bytes()[buf + k] = 0;
      }
      return r.failed ? -1 : r.bytes.length;
    },
    __write: (fd: number, buf: number, len: number) => {
      write(fd, bytes().slice(buf, buf + len));
      return len;
    },
    abort: () => {
      throw new Exit(134);
    },
    exit: (code: number) => {
      throw new Exit(code);
    },
    __exit: (code: number) => {
      throw new Exit(code);
    },
    __assert_fail: (expr: number, file: number, line: number, func: number) => {
      write(2, new TextEncoder().encode(`${cstr(file)}:${line}: ${cstr(func)}: Assertion \`${cstr(expr)}' failed.\n`));
      throw new Exit(134);
    },
    strtod: (s: number, end: number) => {
      const text = cstr(s);
      const m = /^\s*[+-]?(?:inf(?:inity)?|nan|0x[0-9a-f]*\.?[0-9a-f]*(?:p[+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)/i.exec(text);
      let v = 0;
      let used = 0;
      if (m && /[0-9a-z]/i.test(m[0])) {
        used = m[0].length;
        const t = m[0].trim().toLowerCase();
        const sign = t.startsWith("-") ? -1 : 1;
        const u = t.replace(/^[+-]/, "");
        if (u.startsWith("inf")) v = sign * Infinity;
        else if (u.startsWith("nan")) v = NaN;
        else if (u.startsWith("0x")) {
          const [mant, exp] = u.slice(2).split("p");
          const [ip, fp = ""] = mant.split(".");
          v = sign * (parseInt(ip || "0", 16) + (fp ? parseInt(fp, 16) / 16 ** fp.length : 0)) * 2 ** Number(exp ?? 0);
        } else v = sign * Number(u);
      }
      if (end) new DataView(memory!.buffer).setBigUint64(end, BigInt(s + used), true);
      return v;
    },
  };
  for (const [n, f] of Object.entries(m64)) {
    env[n] = math(f);
    env[n + "f"] = f32(f);
  }
  const module = await WebAssembly.compile(binary as BufferSource);
  const instance = await WebAssembly.instantiate(module, { env: env as WebAssembly.ModuleImports });
  const ex = instance.exports as Record<string, unknown>;
  memory = ex.memory as WebAssembly.Memory;
  const main = ex.main as ((...a: number[]) => number) | undefined;
  let exitCode = 0;
  let trap: string | undefined;
  try {
    if (!main) throw new Error("no main");
    let args: number[] = [];
    if (main.length >= 2) {
      // argv on the stack, as a host does: lower __stack_pointer and write the strings.
      const spg = ex.__stack_pointer as WebAssembly.Global;
      let sp = spg.value as number;
      const ptrs = argv.map((a) => {
        const b = new TextEncoder().encode(a + "\0");
        sp -= b.length;
        bytes().set(b, sp);
        return sp;
      });
      sp = (sp - 8 * (argv.length + 1)) & ~15;
      const dv = new DataView(memory.buffer);
      ptrs.forEach((p, i) => dv.setBigUint64(sp + 8 * i, BigInt(p), true));
      dv.setBigUint64(sp + 8 * argv.length, 0n, true);
      spg.value = sp;
      args = [argv.length, sp];
    }
    const r = main(...args);
    exitCode = typeof r === "number" ? r & 0xff : 0;
  } catch (e) {
    if (e instanceof Exit) exitCode = e.code & 0xff;
    else {
      trap = e instanceof Error ? e.message : String(e);
      exitCode = 70;
    }
  }
  const dec = (b: number[]) => new TextDecoder().decode(new Uint8Array(b));
  return { stdout: dec(out[1]), stderr: dec(out[2]), exitCode, trap };
}
