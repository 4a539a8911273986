// Parsing.
// In: the preprocessed tokens. Out: the `translationUnit` CST (shape: grammar/cst.d.ts), and one
// diagnostic per independent syntax error. The grammar lives in grammar/parser.ts; this stage
// runs it (one parser instance, built once) and turns chevrotain's recognition errors into
// diagnostics. Error recovery is on, so the parser re-synchronizes after an error and one run
// reports every independent error; the CST it returns then has holes, which the AST builder
// tolerates. Never throws: a failure inside the parser itself is reported as an ICE.

import { EOF, type CstNode, type IRecognitionException, type IToken } from "chevrotain";
import { ensureParser } from "../grammar/parser.js";
import type { DiagnosticCode, Diagnostics } from "./diagnostics.js";
import type { Span } from "./source.js";

/** Rules where a missing operand is "expected an expression". */
const expressionRules = new Set([
  "expression", "assignmentExpression", "conditionalExpression", "castExpression", "postfixSuffix",
  "primaryExpression", "initializer",
]);
/** Rules where what is missing is a type. */
const typeRules = new Set(["typeName", "declarationSpecifiers", "typeofSpecifier", "alignasSpecifier"]);
/** Rules where one of a few tokens was expected: said as "expected X". */
const expectedIn: Record<string, string> = {
  identifier: "an identifier",
  structOrUnionSpecifier: "a tag or '{'",
  enumSpecifier: "a tag or '{'",
  designator: "'.' or '['",
  declaratorSuffix: "'[' or '('",
  attribute: "an attribute name",
  asmOperand: "an asm operand",
};

export function parse(tokens: IToken[], diags: Diagnostics, fileName = "<input>"): CstNode {
  const parser = ensureParser();
  const spanOf = (t: IToken): Span => ({
    file: (t as { file?: string }).file ?? fileName,
    start: t.startOffset,
    end: (t.endOffset ?? t.startOffset) + 1,
    line: t.startLine ?? 0,
    col: t.startColumn ?? 0,
  });
  // The parser pads its input with end-of-input sentinels while it runs: give it its own array.
  const input = tokens.slice();
  parser.resetScopes();
  parser.input = input;
  let cst: CstNode;
  // Recovery makes chevrotain construct many exceptions it catches itself; their stack traces
  // are never read and capturing them was most of the cost of a syntax error.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    cst = parser.translationUnit();
  } catch (e) {
    const at = tokens[0];
    const span = at ? spanOf(at) : { file: fileName, start: 0, end: 0, line: 1, col: 1 };
    diags.report("ICE", span, `parser: ${e instanceof Error ? e.message : String(e)}`);
    return { name: "translationUnit", children: {} };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }

  const last = tokens[tokens.length - 1];
  const endSpan: Span = last
    ? {
        file: (last as { file?: string }).file ?? fileName,
        start: last.endOffset! + 1,
        end: last.endOffset! + 1,
        line: last.endLine ?? last.startLine ?? 1,
        col: (last.endColumn ?? last.startColumn ?? 0) + 1,
      }
    : { file: fileName, start: 0, end: 0, line: 1, col: 1 };

  // Recovery can report the same spot more than once (a cascade): keep the first per token.
  const seen = new Set<string>();
  for (const e of parser.errors) {
    const tok = e.token;
    if (tok.tokenType === EOF || Number.isNaN(tok.startOffset)) {
      if (seen.has("EOF")) continue;
      seen.add("EOF");
      diags.report("E1006", endSpan);
      continue;
    }
    const span = spanOf(tok);
    const key = `${span.file}:${span.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const [code, ...args] = classify(e, tok);
    diags.report(code, span, ...args);
  }
  return cst;
}

/** The diagnostic for one recognition error: the innermost rule says what was expected. */
function classify(e: IRecognitionException, tok: IToken): [DiagnosticCode, ...string[]] {
  const rule = e.context?.ruleStack?.[e.context.ruleStack.length - 1] ?? "";
  switch (e.name) {
    case "MismatchedTokenException":
      // The message is the expected token's label (see the parser's errorMessageProvider).
      if (e.message === "end of input") return ["E1002", tok.image];
      // A `}` is "expected" where a block or struct body meets something that cannot start an
      // item in it: say what an item must be.
      if (e.message === "'}'" && rule === "compoundStatement") return ["E1003", tok.image];
      if (e.message === "'}'" && rule === "structBody") return ["E1005", tok.image];
      return ["E1001", e.message, tok.image];
    case "NoViableAltException":
      if (expressionRules.has(rule)) return ["E1004", tok.image];
      if (typeRules.has(rule)) return ["E1005", tok.image];
      if (rule in expectedIn) return ["E1001", expectedIn[rule], tok.image];
      return ["E1003", tok.image];
    case "EarlyExitException":
      // `X+` failed on its first X: a type's specifiers, or else a list of string literals
      // (`_Static_assert`, `__asm__`), the grammar's only other repetitions that can fail so.
      if (typeRules.has(rule)) return ["E1005", tok.image];
      if (expressionRules.has(rule)) return ["E1004", tok.image];
      return ["E1001", "a string literal", tok.image];
    default: // NotAllInputParsedException
      return ["E1002", tok.image];
  }
}
