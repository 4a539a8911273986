// The libc end to end: programs that exercise it (test/libc-gcc/programs/*.c) compiled by
// enstage together with src/libc, run under runtime/host.ts, against gcc + glibc.
// The expectations (`NAME.expected`: stdout, then `[exit N]`) come from the system gcc via
// test/libc-gcc/oracle.sh, never from enstage itself.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkSource } from "../src/compile.js";
import type { CheckedUnit } from "../src/check.js";
import { generate } from "../src/codegen.js";
import { Diagnostics, formatDiagnostic } from "../src/diagnostics.js";
import { makeHostImports, ProgramAbort, ProgramExit } from "../runtime/host.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const programs = join(root, "test", "libc-gcc", "programs");
const libcDir = join(root, "src", "libc");

let libc: CheckedUnit[] | undefined;
function libcUnits(): CheckedUnit[] {
  if (libc) return libc;
  libc = readdirSync(libcDir)
    .filter((f) => f.endsWith(".c"))
    .sort()
    .map((f) => {
      const r = checkSource(readFileSync(join(libcDir, f), "utf8"), `libc/${f}`);
      const errors = r.diagnostics.filter((d) => d.severity === "error");
      if (!r.checked || errors.length) throw new Error(`libc/${f}:\n${errors.map((d) => formatDiagnostic(d)).join("\n")}`);
      return r.checked;
    });
  return libc;
}

/** Compiles and runs like `enstage exec`: stdout, then `[exit N]` as the oracle writes it. */
function run(file: string): string {
  const text = readFileSync(file, "utf8");
  const front = checkSource(text, file);
  const errors = front.diagnostics.filter((d) => d.severity === "error");
  if (!front.checked || errors.length) return `compile error:\n${errors.map((d) => formatDiagnostic(d)).join("\n")}`;
  const diags = new Diagnostics();
  const { binary } = generate([front.checked, ...libcUnits()], diags, { optimize: 2, source: text });
  const genErrors = diags.list.filter((d) => d.severity === "error");
  if (genErrors.length) return `codegen error:\n${genErrors.map((d) => formatDiagnostic(d)).join("\n")}`;
  let memory: WebAssembly.Memory | undefined;
  const out: number[] = [];
  const { env } = makeHostImports({ memory: () => memory!, stdout: (b) => out.push(...b), stderr: () => {} });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(binary as Uint8Array<ArrayBuffer>), {
    env: env as WebAssembly.ModuleImports,
  });
  memory = instance.exports.memory as WebAssembly.Memory;
  let status: number;
  try {
    status = ((instance.exports.main as Function)(0, 0) as number) & 0xff;
  } catch (e) {
    if (e instanceof ProgramExit || e instanceof ProgramAbort) status = e.status;
    else return `trap: ${String(e)}`;
  }
  const stdout = Buffer.from(out).toString("latin1");
  const sep = stdout.length > 0 && !stdout.endsWith("\n") ? "\n" : "";
  return `${stdout}${sep}[exit ${status}]\n`;
}

describe("libc programs match gcc + glibc", () => {
  const names = readdirSync(programs).filter((f) => f.endsWith(".c"));
  it.each(names)("%s", (name) => {
    const expected = readFileSync(join(programs, name.replace(/\.c$/, ".expected")), "latin1");
    expect(run(join(programs, name))).toBe(expected);
  });
});
