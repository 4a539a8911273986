// The tokens of the fragment language (spec §2), as chevrotain token types.
// In: nothing. Out: every token type, `allTokens` in the order the lexer tries them, and
// `cLexer`. Keywords use `longer_alt: Identifier` so `int_count` stays one identifier.
// Preprocessor tokens (`#`, `##`, line continuations) are here too because the preprocessor
// (src/preprocess.ts) works on this token stream; the parser never sees them.

import { createToken, Lexer, type TokenType } from "chevrotain";

export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_$][A-Za-z0-9_$]*/ });

const keywordNames = [
  "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
  "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return",
  "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned",
  "void", "volatile", "while", "_Bool", "_Alignof", "_Alignas", "_Static_assert", "_Noreturn",
  "__attribute__", "__asm__", "__typeof__", "__builtin_va_arg", "__builtin_offsetof",
] as const;

function keyword(word: string): TokenType {
  const name = word.replace(/^_+/, "").replace(/_+$/, "");
  return createToken({
    name: `Kw${name[0].toUpperCase()}${name.slice(1)}`,
    pattern: new RegExp(word.replace(/\$/g, "\\$") + "(?![A-Za-z0-9_$])"),
    longer_alt: Identifier,
    label: `'${word}'`,
  });
}

/** Keyword token types by spelling. */
export const keywords: Record<string, TokenType> = Object.fromEntries(keywordNames.map((k) => [k, keyword(k)]));

export const FloatLiteral = createToken({
  name: "FloatLiteral",
  pattern:
    /(?:(?:\d+\.\d*|\.\d+)(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+|0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+)[fFlL]?/,
  label: "a floating literal",
});
export const IntegerLiteral = createToken({
  name: "IntegerLiteral",
  // Permissive on purpose (`09`, `0xg`): the AST builder reports a bad literal with its span.
  pattern: /(?:0[xX][0-9a-fA-F]*|0[bB][01]*|\d+)[A-Za-z0-9_]*/,
  label: "an integer literal",
});
export const CharLiteral = createToken({ name: "CharLiteral", pattern: /[LuU]?'(?:[^'\\\n]|\\.)*'/, label: "a character literal" });
export const StringLiteral = createToken({ name: "StringLiteral", pattern: /(?:u8|[LuU])?"(?:[^"\\\n]|\\(?:.|\n))*"/, label: "a string literal" });

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\f\v]+/, group: Lexer.SKIPPED });
export const Newline = createToken({ name: "Newline", pattern: /\n/, group: Lexer.SKIPPED, line_breaks: true });
/** A backslash-newline: the preprocessor uses it to continue a directive onto the next line. */
export const LineContinuation = createToken({ name: "LineContinuation", pattern: /\\\r?\n/, group: "continuation", line_breaks: true });
export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\n]*/, group: Lexer.SKIPPED });
export const BlockComment = createToken({ name: "BlockComment", pattern: /\/\*[\s\S]*?\*\//, group: Lexer.SKIPPED, line_breaks: true });

const punct = (name: string, text: string): TokenType =>
  createToken({ name, pattern: new RegExp(text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")), label: `'${text}'` });

export const Ellipsis = punct("Ellipsis", "...");
export const Arrow = punct("Arrow", "->");
export const PlusPlus = punct("PlusPlus", "++");
export const MinusMinus = punct("MinusMinus", "--");
export const ShlAssign = punct("ShlAssign", "<<=");
export const ShrAssign = punct("ShrAssign", ">>=");
export const StarAssign = punct("StarAssign", "*=");
export const SlashAssign = punct("SlashAssign", "/=");
export const PercentAssign = punct("PercentAssign", "%=");
export const PlusAssign = punct("PlusAssign", "+=");
export const MinusAssign = punct("MinusAssign", "-=");
export const AmpAssign = punct("AmpAssign", "&=");
export const CaretAssign = punct("CaretAssign", "^=");
export const PipeAssign = punct("PipeAssign", "|=");
export const Shl = punct("Shl", "<<");
export const Shr = punct("Shr", ">>");
export const LessEq = punct("LessEq", "<=");
export const GreaterEq = punct("GreaterEq", ">=");
export const EqEq = punct("EqEq", "==");
export const NotEq = punct("NotEq", "!=");
export const AndAnd = punct("AndAnd", "&&");
export const OrOr = punct("OrOr", "||");
export const HashHash = punct("HashHash", "##");
export const Hash = punct("Hash", "#");
export const Less = punct("Less", "<");
export const Greater = punct("Greater", ">");
export const Assign = punct("Assign", "=");
export const Plus = punct("Plus", "+");
export const Minus = punct("Minus", "-");
export const Star = punct("Star", "*");
export const Slash = punct("Slash", "/");
export const Percent = punct("Percent", "%");
export const Amp = punct("Amp", "&");
export const Pipe = punct("Pipe", "|");
export const Caret = punct("Caret", "^");
export const Bang = punct("Bang", "!");
export const Tilde = punct("Tilde", "~");
export const Question = punct("Question", "?");
export const Colon = punct("Colon", ":");
export const Semicolon = punct("Semicolon", ";");
export const Comma = punct("Comma", ",");
export const Dot = punct("Dot", ".");
export const LParen = punct("LParen", "(");
export const RParen = punct("RParen", ")");
export const LBracket = punct("LBracket", "[");
export const RBracket = punct("RBracket", "]");
export const LBrace = punct("LBrace", "{");
export const RBrace = punct("RBrace", "}");

/** Order matters: comments before `/`, floats before integers and `.`, longer punctuators first. */
export const allTokens: TokenType[] = [
  WhiteSpace, LineContinuation, Newline, LineComment, BlockComment,
  ...Object.values(keywords),
  FloatLiteral, IntegerLiteral, CharLiteral, StringLiteral, Identifier,
  Ellipsis, Arrow, PlusPlus, MinusMinus, ShlAssign, ShrAssign, StarAssign, SlashAssign,
  PercentAssign, PlusAssign, MinusAssign, AmpAssign, CaretAssign, PipeAssign, Shl, Shr, LessEq,
  GreaterEq, EqEq, NotEq, AndAnd, OrOr, HashHash, Hash, Less, Greater, Assign, Plus, Minus,
  Star, Slash, Percent, Amp, Pipe, Caret, Bang, Tilde, Question, Colon, Semicolon, Comma, Dot,
  LParen, RParen, LBracket, RBracket, LBrace, RBrace,
];

// Only `\n` ends a line, as in SourceFile: a lone `\r` is white space, not a line break.
export const cLexer = new Lexer(allTokens, {
  positionTracking: "full",
  ensureOptimizations: true,
  lineTerminatorsPattern: /\n/g,
  lineTerminatorCharacters: ["\n"],
});
