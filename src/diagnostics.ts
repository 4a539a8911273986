// Diagnostics as data.
// In: a code from the table below, a span, message arguments. Out: `Diagnostic` records that
// every stage appends to a shared `Diagnostics` list, and `formatDiagnostic`, which renders
// one as `file:line:col: error CODE: message`, the source line and a caret.
// Tests assert on codes and positions, never on wording, so messages may be improved freely.
// Codes: E0xxx lexing and preprocessing, E1xxx syntax, E2xxx names and declarations,
// E3xxx types and expressions, E4xxx statements, E5xxx linking, W… warnings, ICE internal
// compiler error.

import type { SourceFile, Span } from "./source.js";

export const messages = {
  // Lexing and preprocessing
  E0001: "unexpected character '{0}'",
  E0002: "unterminated {0} literal",
  E0003: "unterminated comment",
  E0004: "invalid escape sequence '\\{0}'",
  E0005: "invalid numeric literal '{0}'",
  E0006: "empty character literal",
  E0010: "unsupported preprocessor directive '#{0}'",
  E0011: "malformed #{0} directive",
  E0012: "unterminated #{0}: missing #endif",
  E0013: "#{0} without matching #if",
  E0014: "#error {0}",
  E0015: "cannot include '{0}': only the standard headers are available to fragments",
  E0016: "macro '{0}' expects {1} argument(s), got {2}",
  E0017: "unterminated argument list invoking macro '{0}'",
  E0018: "invalid expression in #{0}",
  E0019: "expansion of macro '{0}' is too large or too deeply nested",
  E0020: "the host's record layout is unusable: {0}",
  // Syntax
  E1001: "expected {0} but found '{1}'",
  E1002: "unexpected '{0}'",
  E1003: "expected a declaration or statement but found '{0}'",
  E1004: "expected an expression but found '{0}'",
  E1005: "expected a type name but found '{0}'",
  E1006: "unexpected end of input",
  // Names and declarations
  E2001: "'{0}' is not declared",
  E2002: "redefinition of '{0}'",
  E2003: "conflicting types for '{0}'",
  E2004: "label '{0}' is used but not defined",
  E2005: "duplicate label '{0}'",
  E2006: "'{0} {1}' has no member named '{2}'",
  E2007: "duplicate member '{0}'",
  E2008: "duplicate case value {0}",
  E2009: "multiple default labels in one switch",
  E2010: "'{0}' is a type, not a value",
  E2011: "unknown type name '{0}'",
  E2012: "'{0}' redeclared as a different kind of symbol",
  E2013: "invalid combination of type specifiers: {0}",
  E2014: "storage class '{0}' is not allowed here",
  E2015: "parameter '{0}' has no declaration in the parameter list",
  E2016: "'{0}' is declared as {1} here, but as {2} before",
  // Types and expressions
  E3001: "invalid operands to binary '{0}' ('{1}' and '{2}')",
  E3002: "incompatible types: cannot convert '{0}' to '{1}'",
  E3003: "expression is not assignable",
  E3004: "cannot assign to '{0}': it is const",
  E3005: "called object of type '{0}' is not a function",
  E3006: "too {0} arguments to '{1}': expected {2}, got {3}",
  E3007: "argument {0} of '{1}': cannot convert '{2}' to '{3}'",
  E3008: "subscripted value of type '{0}' is not an array or pointer",
  E3009: "member reference '{0}' on type '{1}', which is not a struct or union",
  E3010: "invalid use of void expression",
  E3011: "'{0}' has incomplete type '{1}'",
  E3012: "cannot take the address of {0}",
  E3013: "cannot dereference a value of type '{0}'",
  E3014: "invalid cast from '{0}' to '{1}'",
  E3015: "void function '{0}' should not return a value",
  E3016: "invalid operand to unary '{0}' ('{1}')",
  E3017: "array size must be a positive integer constant",
  E3018: "too many initializers for '{0}'",
  E3019: "expression is not an integer constant",
  E3020: "initializer element is not a compile-time constant",
  E3021: "condition of type '{0}' is not a scalar",
  E3022: "switch on a value of type '{0}', which is not an integer",
  E3023: "invalid application of '{0}' to type '{1}'",
  E3024: "variable '{0}' declared void",
  E3025: "function cannot return {0}",
  E3026: "bit-field '{0}' has invalid width {1}",
  E3027: "'->' on '{0}', which is not a pointer to a struct or union",
  E3028: "non-void function '{0}' must return a value",
  E3029: "array type '{0}' is not assignable",
  E3030: "this initializer needs braces or a constant of type '{0}'",
  E3031: "variable-length arrays are not supported here",
  E3032: "division by zero in a constant expression",
  E3033: "'{0}' is not supported by enstage",
  E3034: "{0} '{1}' must be declared as {2}",
  E3035: "a param must have an arithmetic type, not '{0}'",
  E3036: "a fragment's return type is implied by its kind: remove '{0}'",
  E3037: "a param gets its value when the fragment is deployed; only '= global AGGREGATE(...)' may initialize it",
  E3038: "unknown global aggregate '{0}': expected count, sum, mean, variance, stddev, min, max or histogram",
  E3039: "the argument of global {0} must be an arithmetic expression over exactly one record type",
  E3040: "global {0} of '{1}' depends on '{2}', which is itself computed globally: enstage cannot split that into phases",
  E3041: "the globals of one file must range over one record type ('{0}' and '{1}' here)",
  E3042: "a global histogram binds an array of integers, such as 'param long bins[64]', not '{0}'",
  E3043: "the bounds of a global histogram must be constants with low < high",
  // Statements
  E4001: "'break' outside a loop or switch",
  E4002: "'continue' outside a loop",
  E4003: "'{0}' label outside a switch",
  E4004: "function '{0}' is defined twice",
  E4005: "function definition is not allowed here",
  // Linking
  E5001: "undefined reference to '{0}'",
  // Warnings: the usual suspects, cheap to find
  W0001: "unused variable '{0}'",
  W0002: "implicit conversion from '{0}' to '{1}' may change the value",
  W0003: "implicit declaration of function '{0}'",
  W0004: "implicit conversion between pointer and integer ('{0}' to '{1}')",
  W0005: "incompatible pointer types ('{0}' and '{1}')",
  W0006: "control reaches the end of non-void function '{0}'",
  W0007: "type defaults to 'int' in declaration of '{0}'",
  W0008: "ignoring '#{0}'",
  W0009: "discards 'const' qualifier ('{0}' to '{1}')",
  W0010: "comparison between pointer and integer",
  // Internal compiler error: a bug in enstage, never a user error
  ICE: "internal compiler error: {0}",
} as const;

export type DiagnosticCode = keyof typeof messages;
export type Severity = "error" | "warning";

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  span: Span;
  args: string[];
}

export function severityOf(code: DiagnosticCode): Severity {
  return code.startsWith("W") ? "warning" : "error";
}

export function messageOf(d: Pick<Diagnostic, "code" | "args">): string {
  return messages[d.code].replace(/\{(\d+)\}/g, (_, i: string) => d.args[Number(i)] ?? "");
}

/** The list every stage appends to. Errors never throw; they are recorded here. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];

  report(code: DiagnosticCode, span: Span, ...args: (string | number | bigint)[]): void {
    this.list.push({ code, severity: severityOf(code), span, args: args.map(String) });
  }

  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === "error");
  }

  /** Sorted by position, then code, so output is stable whatever order the stages ran in. */
  sorted(): Diagnostic[] {
    return [...this.list].sort(
      (a, b) => a.span.file.localeCompare(b.span.file) || a.span.start - b.span.start || a.code.localeCompare(b.code),
    );
  }
}

/** `file:line:col: error CODE: message`, then the source line and a caret under the span. */
export function formatDiagnostic(d: Diagnostic, source?: SourceFile): string {
  const where = `${d.span.file}:${d.span.line}:${d.span.col}`;
  let out = `${where}: ${d.severity} ${d.code}: ${messageOf(d)}`;
  if (source && d.span.line > 0) {
    const text = source.lineText(d.span.line);
    const width = Math.max(1, Math.min(d.span.end - d.span.start, text.length - d.span.col + 1));
    const pad = text.slice(0, d.span.col - 1).replace(/[^\t]/g, " ");
    out += `\n${String(d.span.line).padStart(5)} | ${text}\n      | ${pad}^${"~".repeat(width - 1)}`;
  }
  return out;
}
