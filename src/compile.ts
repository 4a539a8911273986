// The pipeline, one line per stage.
// In: fragment source text and a file name. Out: the checked AST (`checkSource`), or the
// validated, optimized wasm module with its manifest (`compileProgram`); in both, every
// diagnostic and the source files they point into (the main file plus any standard header that
// was included). Each stage records problems in `diags` and carries on with what it could make,
// so one run reports every independent error; nothing here throws on any input.

import { Diagnostics, messageOf, type Diagnostic } from "./diagnostics.js";
import { SourceFile, noSpan } from "./source.js";
import { lex } from "./lex.js";
import { preprocess, type PreprocessOptions } from "./preprocess.js";
import { parse } from "./parse.js";
import { buildAst } from "./build-ast.js";
import { check, type CheckedUnit } from "./check.js";
import { headerNames } from "./headers.js";
import type { FunctionType } from "./types.js";
import { generate } from "./codegen.js";
import type { OptimizeLevel } from "./wasm.js";
import { libcFiles } from "./libc.js";
import type { Manifest } from "../runtime/abi.js";

export interface FrontEndResult {
  checked?: CheckedUnit;
  diagnostics: Diagnostic[];
  hasErrors: boolean;
  /** Every file a diagnostic can point into, by name, for formatting. */
  sources: Map<string, SourceFile>;
}

export interface FrontEndOptions extends PreprocessOptions {}

/** Source text → tokens → preprocessed tokens → CST → AST → checked AST. */
export function checkSource(text: string, fileName: string, options: FrontEndOptions = {}): FrontEndResult {
  const diags = new Diagnostics();
  const source = new SourceFile(fileName, text);
  const sources = new Map([[fileName, source]]);
  let checked: CheckedUnit | undefined;
  try {
    const tokens = lex(source, diags);
    const expanded = preprocess(tokens, source, diags, { ...options, sources });
    const cst = parse(expanded, diags);
    const ast = buildAst(cst, source, diags);
    checked = check(ast, diags, { implicitFunction: (name) => libcPrototypes().get(name) });
  } catch (e) {
    // A bug in enstage, never the user's fault: say so, with where we were, and keep going.
    diags.report("ICE", { ...noSpan, file: fileName, line: 1, col: 1 }, describeCrash(e));
  }
  return { checked, diagnostics: diags.sorted(), hasErrors: diags.hasErrors, sources };
}

export interface CompileOptions extends FrontEndOptions {
  /** binaryen's optimization level; 2 (as -O2) unless given. */
  optimize?: OptimizeLevel;
  /** Also return the module as WebAssembly text (after optimization). */
  text?: boolean;
  /** Stack size in bytes (runtime/abi.ts STACK_SIZE unless given). */
  stackSize?: number;
  /** Maximum memory in 64 KiB pages (runtime/abi.ts MAX_PAGES unless given). */
  maxPages?: number;
}

export interface CompileResult extends FrontEndResult {
  /** The module, present when there is no error. */
  binary?: Uint8Array;
  text?: string;
  manifest?: Manifest;
}

/**
 * Source text → checked AST (`checkSource`) → linked with the libc → wasm IR → validated,
 * optimized binary + manifest (`generate`). The libc is checked once per process.
 */
export function compileProgram(text: string, fileName: string, options: CompileOptions = {}): CompileResult {
  const front = checkSource(text, fileName, options);
  if (!front.checked || front.hasErrors) return front;
  const diags = new Diagnostics();
  let out: ReturnType<typeof generate> | undefined;
  try {
    out = generate([front.checked, ...libcUnits()], diags, {
      optimize: options.optimize ?? 2,
      text: options.text,
      stackSize: options.stackSize,
      maxPages: options.maxPages,
      // The manifest's content hash covers what shaped the module; -D macros do too.
      source: options.defines ? `${text}\0${JSON.stringify(Object.entries(options.defines).sort())}` : text,
    });
  } catch (e) {
    diags.report("ICE", { ...noSpan, file: fileName, line: 1, col: 1 }, describeCrash(e));
  }
  const diagnostics = [...front.diagnostics, ...diags.sorted()];
  const hasErrors = diags.hasErrors;
  if (hasErrors || !out) return { ...front, diagnostics, hasErrors: true };
  return { ...front, diagnostics, hasErrors, binary: out.binary, text: out.text, manifest: out.manifest };
}

/** An exception's message and the top of its stack, for an ICE diagnostic. */
function describeCrash(e: unknown): string {
  return e instanceof Error && e.stack ? e.stack.split("\n").slice(0, 3).join(" | ") : String(e);
}

let libc: CheckedUnit[] | undefined;

/**
 * The libc (src/libc.ts), checked once per process. It is our own code: an error in it is a
 * bug in enstage, thrown here and reported by the caller as an internal error.
 */
export function libcUnits(): CheckedUnit[] {
  if (libc) return libc;
  const units: CheckedUnit[] = [];
  for (const file of libcFiles()) {
    const r = checkSource(file.text, file.name);
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    if (!r.checked || errors.length) {
      const first = errors[0];
      throw new Error(`${file.name} does not check: ${first ? `${first.span.line}:${first.span.col} ${first.code} ${messageOf(first)}` : "no AST"}`);
    }
    units.push(r.checked);
  }
  return (libc = units);
}

let prototypes: Map<string, FunctionType> | undefined;

/**
 * The prototypes of every function the standard headers declare, checked once per process.
 * gcc knows the libc functions as built-ins, so `printf` or `abort` called without an
 * `#include` still gets its real type (with a warning); we do the same.
 */
function libcPrototypes(): Map<string, FunctionType> {
  if (prototypes) return prototypes;
  prototypes = new Map();
  const text = headerNames.filter((h) => h !== "assert.h").map((h) => `#include <${h}>`).join("\n");
  const result = checkSource(text, "<prelude>");
  for (const item of result.checked?.unit.items ?? []) {
    if (item.kind !== "declaration") continue;
    for (const d of item.declarators) if (d.sym?.kind === "func" && d.sym.type.kind === "function") prototypes.set(d.sym.name, d.sym.type);
  }
  return prototypes;
}
