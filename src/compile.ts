// The pipeline, one line per stage.
// In: fragment source text and a file name. Out: the checked AST, every diagnostic, and the
// source files they point into (the main file plus any standard header that was included).
// Each stage records problems in `diags` and carries on with what it could make, so one run
// reports every independent error; nothing here throws on any input.

import { Diagnostics, type Diagnostic } from "./diagnostics.js";
import { SourceFile, noSpan } from "./source.js";
import { lex } from "./lex.js";
import { preprocess, type PreprocessOptions } from "./preprocess.js";
import { parse } from "./parse.js";
import { buildAst } from "./build-ast.js";
import { check, type CheckedUnit } from "./check.js";
import { headerNames } from "./headers.js";
import type { FunctionType } from "./types.js";

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
    const where = e instanceof Error && e.stack ? e.stack.split("\n").slice(0, 3).join(" | ") : String(e);
    diags.report("ICE", { ...noSpan, file: fileName, line: 1, col: 1 }, where);
  }
  return { checked, diagnostics: diags.sorted(), hasErrors: diags.hasErrors, sources };
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
