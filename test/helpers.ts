// Shared helpers for the test suites: run the front end on a snippet, summarize diagnostics.
import { checkSource, type FrontEndResult } from "../src/compile.js";

export function front(text: string, file = "t.c"): FrontEndResult {
  return checkSource(text, file);
}

/** `line:col CODE` for every diagnostic, errors and warnings, in position order. */
export function codes(text: string, opts: { warnings?: boolean } = {}): string[] {
  return front(text)
    .diagnostics.filter((d) => opts.warnings || d.severity === "error")
    .map((d) => `${d.span.line}:${d.span.col} ${d.code}`);
}

/**
 * Expected diagnostics written in a program as caret annotations: a comment line whose `^`
 * sits under the column the diagnostic points at, on the line below the offending one:
 *       x = undefined_var;
 *   //      ^ E2001
 */
export function annotations(text: string): string[] {
  const lines = text.split("\n");
  const out: string[] = [];
  let target = 0; // the last line that is not an annotation
  lines.forEach((line, i) => {
    const m = /^(\s*\/\/[\s]*?)(\^+)\s+((?:E|W)\d{4})\b/.exec(line);
    const caret = line.indexOf("^");
    if (m && /^\s*\/\/\s*\^/.test(line)) {
      for (const code of line.slice(caret).match(/\b[EW]\d{4}\b/g) ?? []) out.push(`${target}:${caret + 1} ${code}`);
    } else target = i + 1;
  });
  return out;
}
