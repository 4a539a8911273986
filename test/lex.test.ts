// The lexer: token kinds and positions, continuation tokens kept, and every lexical error
// reported by code and position (never wording) without throwing.
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../src/diagnostics.js";
import { lex } from "../src/lex.js";
import { SourceFile } from "../src/source.js";

function run(text: string, file = "t.c") {
  const diags = new Diagnostics();
  const tokens = lex(new SourceFile(file, text), diags);
  return {
    tokens,
    images: tokens.map((t) => t.image),
    kinds: tokens.map((t) => t.tokenType.name),
    errors: diags.list.map((d) => `${d.span.line}:${d.span.col}-${d.span.end - d.span.start} ${d.code} ${d.args.join(",")}`),
  };
}

describe("tokens", () => {
  it("classifies keywords, identifiers, literals and punctuators", () => {
    const r = run(`int int_count = 0x1fUL + 1.5e3f; char *s = "a\\"b"; c = 'x' >>= 2; a...b`);
    expect(r.kinds).toEqual([
      "KwInt", "Identifier", "Assign", "IntegerLiteral", "Plus", "FloatLiteral", "Semicolon",
      "KwChar", "Star", "Identifier", "Assign", "StringLiteral", "Semicolon",
      "Identifier", "Assign", "CharLiteral", "ShrAssign", "IntegerLiteral", "Semicolon",
      "Identifier", "Ellipsis", "Identifier",
    ]);
    expect(r.errors).toEqual([]);
  });

  it("drops comments and whitespace and tags every token with its file and position", () => {
    const r = run("a /* x\ny */ b // c\n  c", "f.c");
    expect(r.images).toEqual(["a", "b", "c"]);
    expect(r.tokens.map((t) => [t.file, t.startLine, t.startColumn, t.startOffset])).toEqual([
      ["f.c", 1, 1, 0],
      ["f.c", 2, 6, 12],
      ["f.c", 3, 3, 21],
    ]);
  });

  it("keeps backslash-newlines as LineContinuation tokens, in offset order", () => {
    const r = run("#define X 1 \\\n  + 2\nX");
    expect(r.kinds).toEqual(["Hash", "Identifier", "Identifier", "IntegerLiteral", "LineContinuation", "Plus", "IntegerLiteral", "Identifier"]);
    const offsets = r.tokens.map((t) => t.startOffset);
    expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
  });

  it("returns an empty list for empty or comment-only input", () => {
    expect(run("").tokens).toEqual([]);
    expect(run("/* only */ // this\n").tokens).toEqual([]);
  });
});

describe("lexical errors", () => {
  it("reports a stray character with E0001 and keeps going", () => {
    const r = run("a @ b ` c");
    expect(r.images).toEqual(["a", "b", "c"]);
    expect(r.errors).toEqual(["1:3-1 E0001 @", "1:7-1 E0001 `"]);
  });

  it("reports a run of stray characters once per character run", () => {
    expect(run("x = @@;").errors).toEqual(["1:5-1 E0001 @"]);
  });

  it("reports an unterminated string to the end of its line and drops the rest of that line", () => {
    const r = run('puts("hello);\nint y;');
    expect(r.errors).toEqual(["1:6-8 E0002 string"]);
    expect(r.images).toEqual(["puts", "(", "int", "y", ";"]);
  });

  it("ends an unterminated literal's span before a CRLF line end", () => {
    expect(run('x = "ab\r\ny;').errors).toEqual(["1:5-3 E0002 string"]);
  });

  it("reports an unterminated character literal, once, even with a quote inside", () => {
    const r = run("c = 'a; \"x\nd;");
    expect(r.errors).toEqual(["1:5-6 E0002 character"]);
    expect(r.images).toEqual(["c", "=", "d", ";"]);
  });

  it("reports an unterminated comment and drops the rest of the file", () => {
    const r = run("a; /* never closed\nb; 'c");
    expect(r.errors).toEqual(["1:4-2 E0003 "]);
    expect(r.images).toEqual(["a", ";"]);
  });

  it("reports a non-ASCII character outside literals with its whole code point", () => {
    const r = run('s = "é"; x = 😀;');
    expect(r.errors).toEqual(["1:14-2 E0001 😀"]);
    expect(r.images).toContain('"é"');
  });

  it("never throws on arbitrary bytes", () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let i = 0; i < 200; i++) {
      const text = Array.from({ length: 60 }, () => String.fromCharCode(rand() % 128)).join("");
      expect(() => run(text)).not.toThrow();
    }
  });
});
