// Lexing.
// In: a `SourceFile`. Out: its tokens in source order, each tagged with the file name, for the
// preprocessor. Comments and whitespace are dropped; backslash-newlines (`LineContinuation`)
// are kept, because only the preprocessor knows whether they continue a directive.
// Lexing never fails: chevrotain skips what it cannot match and we turn each skip into a
// diagnostic. An unterminated string or character literal swallows the rest of its line (what
// follows the quote is not C), an unterminated comment the rest of the file.

import type { IToken } from "chevrotain";
import { cLexer, Slash } from "../grammar/tokens.js";
import type { Diagnostics } from "./diagnostics.js";
import type { SourceFile } from "./source.js";

export interface SourceToken extends IToken {
  /** The name of the `SourceFile` the token's offsets point into. */
  file: string;
}

export function lex(source: SourceFile, diags: Diagnostics): SourceToken[] {
  const text = source.text;
  const result = cLexer.tokenize(text);
  const main = result.tokens;
  const continuations = result.groups.continuation ?? [];
  const errors = result.errors;

  const out: SourceToken[] = [];
  // Tokens starting before this offset are the inside of an unterminated literal or comment.
  let dropUntil = -1;
  let ei = 0;
  const reportErrorsBefore = (offset: number): void => {
    for (; ei < errors.length && errors[ei].offset < offset; ei++) {
      const at = errors[ei].offset;
      if (at < dropUntil) continue;
      const ch = text[at];
      if (ch === '"' || ch === "'") {
        const eol = lineEnd(text, at);
        diags.report("E0002", source.span(at, eol), ch === '"' ? "string" : "character");
        dropUntil = eol;
      } else {
        const cp = text.codePointAt(at) ?? 0;
        const width = cp > 0xffff ? 2 : 1;
        diags.report("E0001", source.span(at, at + width), String.fromCodePoint(cp));
      }
    }
  };

  // Merge the two token lists (both already in offset order).
  let ci = 0;
  for (let mi = 0; mi < main.length || ci < continuations.length; ) {
    let t: IToken;
    if (ci < continuations.length && (mi >= main.length || continuations[ci].startOffset < main[mi].startOffset)) {
      t = continuations[ci++];
    } else {
      t = main[mi++];
    }
    reportErrorsBefore(t.startOffset);
    if (t.startOffset < dropUntil) continue;
    // A terminated `/*` would have been a comment, so `/` followed by `*` opens one that never ends.
    if (t.tokenType === Slash && text.charCodeAt(t.startOffset + 1) === 42 /* '*' */) {
      diags.report("E0003", source.span(t.startOffset, t.startOffset + 2));
      dropUntil = Infinity;
      continue;
    }
    const st = t as SourceToken;
    st.file = source.name;
    out.push(st);
  }
  reportErrorsBefore(Infinity);
  return out;
}

/** The offset of the end of the line `from` is on (before its `\n` or `\r\n`). */
function lineEnd(text: string, from: number): number {
  const nl = text.indexOf("\n", from);
  if (nl < 0) return text.length;
  return nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
}
