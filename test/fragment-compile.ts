// Test helper: compile fragment source (grammar/spec.md §8) to a module + manifest, the way
// `compileProgram` does, with the fragments' drivers linked in.
//
// Until the parser knows the contextual keywords, the fragment syntax is lowered here first:
// `filter f(` becomes `f(` (an implicit-int definition) and `param T x;` becomes `T x;`, and the
// AST is marked (`fragmentKind`, `specs.param`) before the checker runs, which is exactly what the
// parser's rules produce.
import { Diagnostics, formatDiagnostic, type Diagnostic } from "../src/diagnostics.js";
import { SourceFile } from "../src/source.js";
import { lex } from "../src/lex.js";
import { preprocess } from "../src/preprocess.js";
import { parse } from "../src/parse.js";
import { buildAst } from "../src/build-ast.js";
import { check, type CheckedUnit } from "../src/check.js";
import { generate, type GenerateOptions } from "../src/codegen.js";
import { driverUnit, libcUnits } from "../src/compile.js";
import type { FragmentKind } from "../src/ast.js";
import type { Manifest } from "../runtime/abi.js";

export interface FragmentModule {
  binary: Uint8Array;
  text?: string;
  manifest: Manifest;
  checked: CheckedUnit;
}

export function compileFragments(text: string, options: Partial<GenerateOptions> = {}): FragmentModule {
  const kinds = new Map<string, FragmentKind>();
  const params = new Set<string>();
  const lowered = text
    .replace(/^(filter|transform|router|aggregate)\s+(\w+)\s*\(/gm, (_, kind: FragmentKind, name: string) => {
      kinds.set(name, kind);
      return `${name}(`;
    })
    .replace(/^param\s+([^;]*?)(\w+)\s*;/gm, (_, type: string, name: string) => {
      params.add(name);
      return `${type}${name};`;
    });
  const diags = new Diagnostics();
  const source = new SourceFile("t.c", lowered);
  const tokens = preprocess(lex(source, diags), source, diags, { sources: new Map([["t.c", source]]) });
  const ast = buildAst(parse(tokens, diags), source, diags);
  for (const item of ast.items) {
    if (item.kind === "function") {
      const d = item.declarator;
      const name = d.kind === "function" && d.inner.kind === "name" ? d.inner.name : undefined;
      if (name && kinds.has(name)) item.fragmentKind = kinds.get(name);
    } else if (item.declarators.some((id) => id.declarator.kind === "name" && params.has(id.declarator.name ?? ""))) {
      item.specs.param = true;
    }
  }
  const checked = check(ast, diags);
  fail(diags.list);
  const gdiags = new Diagnostics();
  const out = generate([checked, ...libcUnits()], gdiags, { optimize: 2, source: text, drivers: driverUnit(checked), ...options });
  fail(gdiags.list);
  return { ...out, checked };
}

function fail(list: Diagnostic[]): void {
  const errors = list.filter((d) => d.severity === "error");
  if (errors.length) throw new Error(errors.map((d) => formatDiagnostic(d)).join("\n"));
}
