// Source text and spans.
// In: a file name and its text. Out: `SourceFile` (offset → line/col) and `Span`, the position
// every token, AST node and diagnostic carries. Lines and columns are 1-based; columns count
// UTF-16 code units, as editors and chevrotain do.

export interface Span {
  file: string;
  /** Offsets into the file's text, end exclusive. */
  start: number;
  end: number;
  line: number;
  col: number;
}

export class SourceFile {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly name: string,
    readonly text: string,
  ) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.lineStarts[lo] + 1 };
  }

  span(start: number, end: number): Span {
    const { line, col } = this.position(start);
    return { file: this.name, start, end, line, col };
  }

  /** The text of a 1-based line, without its newline. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1] ?? this.text.length;
    const next = this.lineStarts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, "");
  }
}

/** A span covering `a` through `b`. */
export function joinSpans(a: Span, b: Span): Span {
  return { file: a.file, start: a.start, end: Math.max(a.end, b.end), line: a.line, col: a.col };
}

/** For nodes the compiler makes itself (the built-in prelude). */
export const noSpan: Span = { file: "<builtin>", start: 0, end: 0, line: 0, col: 0 };
