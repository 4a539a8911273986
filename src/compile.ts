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
import { createHash } from "node:crypto";
import { globalParams, phaseGraph, phaseSource } from "./phases.js";
import { recordDefinitions, RECORDS_FILE } from "./records.js";
import { RecordLayoutError, type HostRecord } from "../runtime/records.js";
import { headerNames, headerText } from "./headers.js";
import { sizeOf, type FunctionType } from "./types.js";
import { generate } from "./codegen.js";
import type { OptimizeLevel } from "./wasm.js";
import { libcFiles } from "./libc.js";
import { DRIVERS_FILE, driverSource } from "./fragments.js";
import type { Manifest } from "../runtime/abi.js";

export interface FrontEndResult {
  checked?: CheckedUnit;
  diagnostics: Diagnostic[];
  hasErrors: boolean;
  /** Every file a diagnostic can point into, by name, for formatting. */
  sources: Map<string, SourceFile>;
}

export interface FrontEndOptions extends PreprocessOptions {
  /** Record layouts the host supplies (CoD field lists), defined before the file (src/records.ts). */
  records?: HostRecord[];
}

/** Source text → tokens → preprocessed tokens → CST → AST → checked AST. */
export function checkSource(text: string, fileName: string, options: FrontEndOptions = {}): FrontEndResult {
  const diags = new Diagnostics();
  const source = new SourceFile(fileName, text);
  const sources = new Map([[fileName, source]]);
  let checked: CheckedUnit | undefined;
  try {
    let tokens = lex(source, diags);
    if (options.records?.length) {
      // The host's records come first, as if the file began by defining them.
      let definitions: string | undefined;
      try {
        definitions = recordDefinitions(options.records);
      } catch (e) {
        if (!(e instanceof RecordLayoutError)) throw e;
        diags.report("E0020", { file: RECORDS_FILE, start: 0, end: 0, line: 1, col: 1 }, e.message);
      }
      if (definitions !== undefined) {
        const prelude = new SourceFile(RECORDS_FILE, definitions);
        sources.set(RECORDS_FILE, prelude);
        tokens = [...lex(prelude, diags), ...tokens];
      }
    }
    const expanded = preprocess(tokens, source, diags, { ...options, sources });
    const cst = parse(expanded, diags);
    const ast = buildAst(cst, source, diags);
    checked = check(ast, diags, { implicitFunction: libcPrototype });
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
  /** Spend fuel at function entries and loop iterations (runtime/abi.ts FUEL_GLOBAL). */
  fuel?: boolean;
}

export interface CompileResult extends FrontEndResult {
  /** The module, present when there is no error. */
  binary?: Uint8Array;
  text?: string;
  /** With `phases` when the file has global params (§8.4). */
  manifest?: Manifest;
  /**
   * The module's source map (v3 JSON), for trap reports with source lines, once code
   * generation records source positions and returns one (`generate`'s `sourceMap`).
   */
  sourceMap?: string;
}

/**
 * Source text → checked AST (`checkSource`) → linked with the libc → wasm IR → validated,
 * optimized binary + manifest (`generate`). The libc is checked once per process.
 */
export function compileProgram(text: string, fileName: string, options: CompileOptions = {}): CompileResult {
  let front = checkSource(text, fileName, options);
  if (!front.checked || front.hasErrors) return front;
  // Global params (§8.4): append the derived phase functions and check the whole file again.
  const phases = phaseSource(front.checked, front.sources.get(fileName)!);
  if (phases !== undefined) {
    const again = checkSource(text + phases, fileName, options);
    const error = again.diagnostics.find((d) => d.severity === "error" && d.span.start >= text.length);
    if (error) {
      // Generated code that does not check is a bug in enstage, not in the user's file.
      const ice = new Diagnostics();
      ice.report("ICE", { ...noSpan, file: fileName, line: 1, col: 1 }, `the derived phase functions do not check: ${error.code} ${messageOf(error)}`);
      return { ...front, diagnostics: [...front.diagnostics, ...ice.list], hasErrors: true };
    }
    front = { ...again, diagnostics: front.diagnostics, sources: front.sources };
    if (!front.checked || again.hasErrors) return { ...again, sources: front.sources };
  }
  const diags = new Diagnostics();
  let out: ReturnType<typeof generate> | undefined;
  try {
    out = generate([front.checked, ...libcUnits()], diags, {
      fuel: options.fuel,
      drivers: driverUnit(front.checked),
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
  const sourceMap = "sourceMap" in out && typeof out.sourceMap === "string" ? out.sourceMap : undefined;
  const graph = phaseGraph(front.checked, globalRecordSize(front.checked));
  const manifest = graph ? { ...out.manifest, phases: { ...graph, code: createHash("sha256").update(phases ?? "").digest("hex") } } : out.manifest;
  return { ...front, diagnostics, hasErrors, binary: out.binary, text: out.text, manifest, sourceMap };
}

/**
 * The fragments' drivers (src/fragments.ts), checked as their own unit, or undefined when the
 * file has no per-record fragment. Generated code: an error in it is a bug in enstage.
 */
export function driverUnit(program: CheckedUnit): CheckedUnit | undefined {
  const text = driverSource(program);
  if (text === undefined) return undefined;
  const r = checkSource(text, DRIVERS_FILE);
  const error = r.diagnostics.find((d) => d.severity === "error");
  if (!r.checked || error) throw new Error(`the fragment drivers do not check: ${error ? `${error.span.line}:${error.span.col} ${error.code} ${messageOf(error)}` : "no AST"}`);
  return r.checked;
}

/** The size of the record type the global phase reads. */
function globalRecordSize(unit: CheckedUnit): number {
  const g = globalParams(unit)[0];
  return g ? sizeOf(g.info.record) : 0;
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

const prototypes = new Map<string, FunctionType | undefined>();

/**
 * The prototype of a libc function, from the standard header that declares it, checked once
 * per process and per name. gcc knows the libc functions as built-ins, so `printf` or `abort`
 * called without an `#include` still gets its real type (with a warning); we do the same.
 * Only the one header that mentions the name is checked, to keep the first use cheap.
 */
function libcPrototype(name: string): FunctionType | undefined {
  if (prototypes.has(name)) return prototypes.get(name);
  prototypes.set(name, undefined);
  const mention = new RegExp(`\\b${name}\\s*\\(`);
  const header = headerNames.find((h) => h !== "assert.h" && mention.test(headerText(h) ?? ""));
  if (header) {
    const result = checkSource(`#include <${header}>`, "<prelude>");
    for (const item of result.checked?.unit.items ?? []) {
      if (item.kind !== "declaration") continue;
      for (const d of item.declarators) {
        if (d.sym?.kind === "func" && d.sym.type.kind === "function" && !prototypes.get(d.sym.name)) prototypes.set(d.sym.name, d.sym.type);
      }
    }
  }
  return prototypes.get(name);
}
