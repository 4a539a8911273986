// Test helpers for the back end: compile C (program + libc) to wasm, and run `main` under the
// host (runtime/host.ts), capturing output and the exit status like a shell would.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkSource } from "../src/compile.js";
import type { CheckedUnit } from "../src/check.js";
import { Diagnostics, formatDiagnostic, type Diagnostic } from "../src/diagnostics.js";
import { generate, type GenerateOptions } from "../src/codegen.js";
import { makeHostImports, ProgramAbort, ProgramExit } from "../runtime/host.js";
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
  const sink = (fd: number) => (data: Uint8Array) => {
    for (const x of data) out[fd].push(x);
  };
  const { env } = makeHostImports({ memory: () => memory!, stdout: sink(1), stderr: sink(2), programName: argv[0] });
  const module = await WebAssembly.compile(binary as BufferSource);
  const instance = await WebAssembly.instantiate(module, { env: env as unknown as WebAssembly.ModuleImports });
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
    if (e instanceof ProgramExit || e instanceof ProgramAbort) exitCode = e.status;
    else {
      trap = e instanceof Error ? e.message : String(e);
      exitCode = 70;
    }
  }
  const dec = (b: number[]) => new TextDecoder().decode(new Uint8Array(b));
  return { stdout: dec(out[1]), stderr: dec(out[2]), exitCode, trap };
}
