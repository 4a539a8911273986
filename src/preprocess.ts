// Preprocessing.
// In: the lexed tokens of the main file (LineContinuation tokens included). Out: the token
// stream the parser reads: directives carried out, macros expanded, standard headers spliced
// in, and every `#`, `##` and line continuation removed.
// It works on tokens, not text; only header texts, `-D` values and the results of `##` and `#`
// are (re)lexed. Macro expansion follows C11 §6.10.3 with Prosser's hide sets (the algorithm
// behind most real preprocessors): a token remembers which macros produced it, and is never
// expanded by one of them again, which is what stops `#define foo foo` from looping.
// Tokens made by an expansion carry the position of the macro use, so a diagnostic about them
// points at the use; tokens of macro arguments keep their own positions.
// Never throws on any input; expansion is capped (a runaway expansion reports E0019).
// The tokens of standard headers are lexed once and shared by every run, so the output tokens
// are read-only for the stages after this one.

import type { IToken, TokenType } from "chevrotain";
import {
  cLexer, Comma, Ellipsis, FloatLiteral, Greater, Hash, HashHash, Identifier, IntegerLiteral, keywords,
  Less, LineContinuation, LParen, RParen, StringLiteral, CharLiteral, Question, Colon,
} from "../grammar/tokens.js";
import { Diagnostics } from "./diagnostics.js";
import { builtinMacrosText, headerText } from "./headers.js";
import { lex, type SourceToken } from "./lex.js";
import { SourceFile, type Span } from "./source.js";

export interface PreprocessOptions {
  /** `-D` macros: name (or `name(params)`) → replacement text, lexed as C. */
  defines?: Record<string, string>;
  /** Receives every header included, by file name (`<stdio.h>`), for diagnostics. */
  sources?: Map<string, SourceFile>;
}

export function preprocess(
  tokens: SourceToken[],
  source: SourceFile,
  diags: Diagnostics,
  options: PreprocessOptions,
): SourceToken[] {
  const sources = options.sources ?? new Map<string, SourceFile>();
  if (!sources.has(source.name)) sources.set(source.name, source);
  const pp = new Preprocessor(diags, sources, new Map(ensureBuiltinMacros()));
  for (const [name, value] of Object.entries(options.defines ?? {})) {
    pp.runDirectives(new SourceFile("<command line>", `#define ${name} ${value.replace(/[\r\n]+/g, " ")}\n`));
  }
  markSpaces(tokens);
  pp.pushFile(source, tokens);
  return pp.run();
}

// ---- tokens ----------------------------------------------------------------------------

/** A token inside the preprocessor; the extra fields ride along harmlessly into the output. */
interface PPToken extends SourceToken {
  /** The macros this token came out of (Prosser's hide set); never mutated once shared. */
  hideset?: ReadonlySet<string>;
  /** Whitespace precedes the token: only `#` stringizing cares. */
  space?: boolean;
}

const identLike = new Set<TokenType>([Identifier, ...Object.values(keywords)]);
const isIdent = (t: IToken | undefined): t is PPToken => t !== undefined && identLike.has(t.tokenType);

/** Stands for an empty macro argument next to `##` (C11 §6.10.3.3p2); removed before rescanning. */
const placemarker = { image: "" } as PPToken;

function markSpaces(tokens: PPToken[]): void {
  let prev: PPToken | undefined;
  for (const t of tokens) {
    if (t.tokenType === LineContinuation) continue;
    t.space = prev !== undefined && prev.endOffset! + 1 < t.startOffset;
    prev = t;
  }
}

function spanOf(t: PPToken, last: PPToken = t): Span {
  const end = last.file === t.file ? Math.max(last.endOffset! + 1, t.startOffset) : t.endOffset! + 1;
  return { file: t.file, start: t.startOffset, end, line: t.startLine!, col: t.startColumn! };
}

/** A copy of `template`'s kind and spelling at `at`'s position. */
function derive(template: IToken, at: PPToken, hideset?: ReadonlySet<string>, space = (template as PPToken).space): PPToken {
  return {
    image: template.image,
    tokenType: template.tokenType,
    tokenTypeIdx: template.tokenTypeIdx,
    startOffset: at.startOffset,
    endOffset: at.endOffset,
    startLine: at.startLine,
    endLine: at.endLine,
    startColumn: at.startColumn,
    endColumn: at.endColumn,
    file: at.file,
    hideset,
    space,
  };
}

const copyOf = (t: PPToken): PPToken => derive(t, t, t.hideset, t.space);

/** Lexes a small synthesized text (a pasted or stringized token, a line number); memoized. */
const lexedTexts = new Map<string, IToken[] | null>();
function lexText(text: string): IToken[] | null {
  let r = lexedTexts.get(text);
  if (r === undefined) {
    const result = cLexer.tokenize(text);
    r = result.errors.length || result.groups.continuation?.length ? null : result.tokens;
    if (lexedTexts.size > 10_000) lexedTexts.clear();
    lexedTexts.set(text, r);
  }
  return r;
}

/** The tokens' spelling, with a single space wherever the source had whitespace. */
function spell(tokens: PPToken[]): string {
  let s = "";
  tokens.forEach((t, i) => (s += (i > 0 && t.space ? " " : "") + t.image));
  return s;
}

// ---- macros ----------------------------------------------------------------------------

interface Macro {
  name: string;
  /** Parameter names (`__VA_ARGS__` last when variadic); undefined for an object-like macro. */
  params?: string[];
  variadic: boolean;
  body: PPToken[];
  /** For each body token, the index of the parameter it names, or -1. */
  paramIndex: number[];
  /** `__FILE__`, `__LINE__`, `__COUNTER__`, `__BASE_FILE__`: computed at each use. */
  dynamic?: "file" | "line" | "counter" | "base_file";
}

let builtinMacros: Map<string, Macro> | undefined;

/** The predefined macros, made once from `builtinMacrosText`; per-run tables copy the map. */
function ensureBuiltinMacros(): Map<string, Macro> {
  if (!builtinMacros) {
    const diags = new Diagnostics();
    const pp = new Preprocessor(diags, new Map(), new Map());
    pp.runDirectives(new SourceFile("<built-in>", builtinMacrosText));
    if (diags.list.length) throw new Error(`bad built-in macros: ${diags.list.map((d) => d.code).join(", ")}`);
    for (const dynamic of ["file", "line", "counter", "base_file"] as const) {
      const name = `__${dynamic.toUpperCase()}__`;
      pp.macros.set(name, { name, variadic: false, body: [], paramIndex: [], dynamic });
    }
    builtinMacros = pp.macros;
  }
  return builtinMacros;
}

/** Lexed standard headers, shared by every run; their tokens are never mutated after this. */
const headerCache = new Map<string, { source: SourceFile; tokens: PPToken[] }>();
function loadHeader(name: string, text: string): { source: SourceFile; tokens: PPToken[] } {
  let h = headerCache.get(name);
  if (!h) {
    const source = new SourceFile(`<${name}>`, text);
    const tokens = lex(source, new Diagnostics());
    markSpaces(tokens);
    h = { source, tokens };
    headerCache.set(name, h);
  }
  return h;
}

// ---- the token stream ------------------------------------------------------------------

/** Tokens to read: pushed-back tokens (a stack) first, then whatever `more` supplies. */
class TokenStream {
  private readonly stack: PPToken[];

  constructor(list: PPToken[] = [], private readonly more?: () => PPToken | undefined) {
    this.stack = list.slice().reverse();
  }

  next(): PPToken | undefined {
    return this.stack.length ? this.stack.pop() : this.more?.();
  }

  unget(t: PPToken): void {
    this.stack.push(t);
  }

  pushAll(tokens: PPToken[]): void {
    for (let i = tokens.length - 1; i >= 0; i--) this.stack.push(tokens[i]);
  }
}

interface Conditional {
  directive: string;
  span: Span;
  /** This group's tokens are kept. */
  active: boolean;
  /** Some group of this #if chain was (or, under an inactive parent, must never be) taken. */
  taken: boolean;
  sawElse: boolean;
}

interface FileState {
  source: SourceFile;
  tokens: PPToken[];
  pos: number;
  /** Last line of the logical line read so far; a token below it starts a new line. */
  lineEnd: number;
  conds: Conditional[];
  skipping: boolean;
  /** Where the current skipped group began (just after its directive). */
  skipFrom: number;
}

// Limits that keep pathological input (exponential macros, deep nesting) bounded.
const maxExpandedTokens = 1_000_000;
const maxExpansionDepth = 200;
const maxIncludeDepth = 40;

class Preprocessor {
  private readonly files: FileState[] = [];
  private readonly main = new TokenStream([], () => this.readFile());
  private readonly included = new Set<string>();
  private counter = 0;
  private produced = 0;
  private depth = 0;
  private exhausted = false;
  private readonly hidesets = new HideSets();
  /** What #line said, by file: added to `__LINE__`, and the name `__FILE__` gives. */
  private readonly renumbered = new Map<string, { delta: number; name?: string }>();
  /** Text ranges in skipped groups, where the lexer's complaints do not count. */
  private readonly skipped: { file: string; start: number; end: number }[] = [];

  constructor(
    private readonly diags: Diagnostics,
    private readonly sources: Map<string, SourceFile>,
    readonly macros: Map<string, Macro>,
  ) {}

  pushFile(source: SourceFile, tokens: PPToken[]): void {
    this.files.push({ source, tokens, pos: 0, lineEnd: 0, conds: [], skipping: false, skipFrom: 0 });
  }

  /** The whole output: every token of every file, expanded. */
  run(): SourceToken[] {
    const out: PPToken[] = [];
    for (let t = this.main.next(); t; t = this.main.next()) {
      if (isIdent(t) && this.expand(t, this.main, false)) continue;
      if (t.tokenType === Hash || t.tokenType === HashHash) {
        // Not a directive (mid-line, or made by a macro): C has no use for it.
        this.diags.report("E0001", spanOf(t), t.image);
        continue;
      }
      out.push(t);
    }
    this.retractSkippedLexErrors();
    return out;
  }

  /**
   * The lexer ran before anyone knew which groups #if would skip, and text there need not be C
   * (`#if 0` around prose with an apostrophe). gcc only warns there; we drop those complaints.
   */
  private retractSkippedLexErrors(): void {
    if (!this.skipped.length) return;
    const list = this.diags.list;
    const keep = list.filter(
      (d) =>
        !((d.code === "E0001" || d.code === "E0002") &&
          this.skipped.some((r) => r.file === d.span.file && r.start <= d.span.start && d.span.start < r.end)),
    );
    list.length = 0;
    list.push(...keep);
  }

  /** Processes a file that holds only directives (built-ins, -D); any other token is dropped. */
  runDirectives(source: SourceFile): void {
    const tokens = lex(source, this.diags);
    markSpaces(tokens);
    this.sources.set(source.name, source);
    const depth = this.files.length;
    this.pushFile(source, tokens);
    while (this.files.length > depth && this.readFile());
  }

  // ---- reading files and directives ----------------------------------------------------

  /** The next token of the innermost file, after carrying out any directives before it. */
  private readFile(): PPToken | undefined {
    for (;;) {
      const f = this.files[this.files.length - 1];
      if (!f) return undefined;
      if (f.pos >= f.tokens.length) {
        for (const c of f.conds) this.diags.report("E0012", c.span, c.directive);
        if (f.skipping) this.skipped.push({ file: f.source.name, start: f.skipFrom, end: Infinity });
        this.files.pop();
        continue;
      }
      const t = f.tokens[f.pos];
      if (t.tokenType === LineContinuation) {
        f.pos++;
        f.lineEnd = t.startLine! + 1;
        continue;
      }
      if (t.tokenType === Hash && startsLine(f, t)) {
        this.directive(f);
        continue;
      }
      f.pos++;
      f.lineEnd = t.endLine!;
      if (!f.skipping) return t;
    }
  }

  /** Reads the directive at `f.pos` (a `#` first on its line) through the end of its line. */
  private directive(f: FileState): void {
    const hash = f.tokens[f.pos++];
    f.lineEnd = hash.endLine!;
    const line: PPToken[] = [];
    while (f.pos < f.tokens.length) {
      const t = f.tokens[f.pos];
      if (startsLine(f, t)) break;
      f.pos++;
      if (t.tokenType === LineContinuation) {
        f.lineEnd = t.startLine! + 1;
        continue;
      }
      f.lineEnd = t.endLine!;
      line.push(t);
    }
    const name = line[0];
    if (!name) return; // the null directive
    const word = isIdent(name) ? name.image : "";
    const whole = spanOf(hash, line[line.length - 1]);
    const args = line.slice(1);

    // Conditionals are tracked even inside skipped groups; nothing else is looked at there.
    switch (word) {
      case "if":
      case "ifdef":
      case "ifndef": {
        let active = false;
        if (!f.skipping) active = this.condition(word, name, args, whole);
        f.conds.push({ directive: word, span: whole, active, taken: f.skipping || active, sawElse: false });
        return this.updateSkipping(f, whole);
      }
      case "elif":
      case "elifdef": // C23
      case "elifndef":
      case "else": {
        const c = f.conds[f.conds.length - 1];
        if (!c) return this.diags.report("E0013", whole, word);
        if (c.sawElse) return this.diags.report("E0011", whole, word);
        if (word === "else") {
          c.sawElse = true;
          c.active = !c.taken;
        } else {
          c.active = !c.taken && this.condition(word === "elif" ? word : word.slice(2), name, args, whole);
        }
        c.taken ||= c.active;
        return this.updateSkipping(f, whole);
      }
      case "endif":
        if (!f.conds.pop()) this.diags.report("E0013", whole, word);
        return this.updateSkipping(f, whole);
    }
    if (f.skipping) return;

    switch (word) {
      case "define":
        return this.define(args, whole);
      case "undef":
        if (!isIdent(args[0])) return this.diags.report("E0011", whole, word);
        this.macros.delete(args[0].image);
        return;
      case "include":
        return this.include(args, whole);
      case "error":
        return this.diags.report("E0014", whole, spell(args));
      case "line":
        return this.line(f, args, whole);
      case "warning":
      case "pragma":
      case "ident":
      case "sccs":
        return this.diags.report("W0008", whole, word);
    }
    // `# 12 "file.c"` is a line marker, as `gcc -E` writes them: the same as #line.
    if (name.tokenType === IntegerLiteral) return this.line(f, line, whole);
    this.diags.report("E0010", spanOf(name), name.image);
  }

  private updateSkipping(f: FileState, directive: Span): void {
    const was = f.skipping;
    f.skipping = f.conds.length > 0 && !f.conds[f.conds.length - 1].active;
    if (!was && f.skipping) f.skipFrom = directive.end;
    if (was && !f.skipping) this.skipped.push({ file: f.source.name, start: f.skipFrom, end: directive.start });
  }

  /** The truth of an #if / #elif / #ifdef / #ifndef line; errors count as false. */
  private condition(word: string, name: PPToken, args: PPToken[], whole: Span): boolean {
    if (word === "ifdef" || word === "ifndef") {
      if (!isIdent(args[0])) {
        this.diags.report("E0011", whole, word);
        return false;
      }
      return this.macros.has(args[0].image) === (word === "ifdef");
    }
    if (args.length === 0) {
      this.diags.report("E0011", spanOf(name), word);
      return false;
    }
    const value = new IfEvaluator(
      this.expandList(args, true),
      (macro) => this.macros.has(macro),
      (header) => headerText(header) !== undefined,
    ).evaluate();
    if (value === undefined) {
      this.diags.report("E0018", whole, word);
      return false;
    }
    if (value === "divzero") {
      this.diags.report("E3032", whole);
      return false;
    }
    return value !== 0n;
  }

  private define(args: PPToken[], whole: Span): void {
    const nameTok = args[0];
    if (!isIdent(nameTok) || nameTok.image === "defined") return this.diags.report("E0011", whole, "define");
    let i = 1;
    let params: string[] | undefined;
    let variadic = false;
    // Function-like only when `(` touches the name: `#define f (x)` is object-like.
    if (args[1]?.tokenType === LParen && !args[1].space) {
      params = [];
      i = 2;
      if (args[i]?.tokenType === RParen) i++;
      else {
        for (;;) {
          const p = args[i];
          if (p?.tokenType === Ellipsis) {
            variadic = true;
            params.push("__VA_ARGS__");
            i++;
          } else if (isIdent(p) && !params.includes(p.image)) {
            params.push(p.image);
            i++;
            // GNU named variadic parameter: `args...`.
            if (args[i]?.tokenType === Ellipsis) {
              variadic = true;
              i++;
            }
          } else return this.diags.report("E0011", whole, "define");
          const sep = args[i++];
          if (sep?.tokenType === RParen) break;
          if (sep?.tokenType !== Comma || variadic) return this.diags.report("E0011", whole, "define");
        }
      }
    }
    const body = args.slice(i);
    const paramIndex = body.map((t) => (params && isIdent(t) ? params.indexOf(t.image) : -1));
    // `##` needs an operand on each side; `#` in a function-like macro needs a parameter.
    if (body[0]?.tokenType === HashHash || body[body.length - 1]?.tokenType === HashHash) {
      return this.diags.report("E0011", whole, "define");
    }
    if (params && body.some((t, k) => t.tokenType === Hash && !(paramIndex[k + 1] >= 0))) {
      return this.diags.report("E0011", whole, "define");
    }
    this.macros.set(nameTok.image, { name: nameTok.image, params, variadic, body, paramIndex });
  }

  /**
   * `#line N "name"` renumbers what `__LINE__` and `__FILE__` say from the next line on.
   * Diagnostics keep pointing at the real lines: they are for the person reading this file.
   */
  private line(f: FileState, args: PPToken[], whole: Span): void {
    let [num, name, extra] = args;
    if (num?.tokenType !== IntegerLiteral) [num, name, extra] = this.expandList(args, false);
    const n = num?.tokenType === IntegerLiteral && /^\d+$/.test(num.image) ? Number(num.image) : NaN;
    const nameOk = name === undefined || (name.tokenType === StringLiteral && name.image.startsWith('"'));
    // A line marker may carry flags after the name (`# 1 "a.c" 2`); #line may not.
    if (!Number.isSafeInteger(n) || !nameOk || (extra && extra.tokenType !== IntegerLiteral)) {
      return this.diags.report("E0011", whole, "line");
    }
    const previous = this.renumbered.get(f.source.name);
    this.renumbered.set(f.source.name, {
      delta: n - (f.lineEnd + 1),
      name: name ? (lexStringBody(name.image) ?? previous?.name) : previous?.name,
    });
  }

  private include(args: PPToken[], whole: Span): void {
    let name = headerName(args);
    if (name === undefined && args.length) name = headerName(this.expandList(args, false));
    if (name === undefined) return this.diags.report("E0011", whole, "include");
    const text = headerText(name);
    if (text === undefined) return this.diags.report("E0015", spanOf(args[0], args[args.length - 1]), name);
    // Each header once per run (they have no include guards), except assert.h (NDEBUG may change).
    if (this.included.has(name) && name !== "assert.h") return;
    if (this.files.length > maxIncludeDepth) return this.diags.report("E0011", whole, "include");
    this.included.add(name);
    const h = loadHeader(name, text);
    this.sources.set(h.source.name, h.source);
    this.pushFile(h.source, h.tokens);
  }

  // ---- macro expansion -----------------------------------------------------------------

  /**
   * Expands the macro `t` names, if it does and may: pushes the replacement back onto `s` for
   * rescanning and returns true. Leaves `s` as it was and returns false otherwise.
   */
  private expand(t: PPToken, s: TokenStream, inIf: boolean): boolean {
    if (this.exhausted) return false;
    const m = this.macros.get(t.image);
    if (!m) return t.image === "_Pragma" && !inIf ? this.pragmaOperator(t, s) : false;
    if (t.hideset?.has(m.name)) return false;
    if (m.dynamic) {
      s.unget(this.dynamicToken(m, t));
      return true;
    }
    if (!m.params) {
      s.pushAll(this.substitute(m, [], t, this.hidesets.add(t.hideset, m.name)));
      return true;
    }
    // A function-like macro's name not followed by `(` is an ordinary identifier.
    const lparen = s.next();
    if (lparen?.tokenType !== LParen) {
      if (lparen) s.unget(lparen);
      return false;
    }
    const call = this.collectArgs(m, t, s);
    if (call) {
      const hs = this.hidesets.add(this.hidesets.intersect(t.hideset, call.rparen.hideset), m.name);
      s.pushAll(this.substitute(m, call.args, t, hs));
    }
    return true;
  }

  /** The arguments of a function-like macro use, after its `(`; undefined after an error. */
  private collectArgs(m: Macro, use: PPToken, s: TokenStream): { args: PPToken[][]; rparen: PPToken } | undefined {
    const params = m.params!;
    const args: PPToken[][] = [[]];
    let depth = 0;
    let rparen: PPToken;
    for (;;) {
      const t = s.next();
      if (!t) {
        this.diags.report("E0017", spanOf(use), m.name);
        return undefined;
      }
      if (t.tokenType === LParen) depth++;
      else if (t.tokenType === RParen) {
        if (depth === 0) {
          rparen = t;
          break;
        }
        depth--;
      } else if (t.tokenType === Comma && depth === 0 && !(m.variadic && args.length === params.length)) {
        args.push([]);
        continue;
      }
      args[args.length - 1].push(t);
    }
    // `f()` passes one empty argument, which is right for one parameter and for none.
    if (params.length === 0 && args.length === 1 && args[0].length === 0) args.pop();
    // The variable part may be left out entirely: `f(a)` for `f(a, ...)` (gcc, C23).
    if (m.variadic && args.length === params.length - 1) args.push([]);
    if (args.length !== params.length) {
      const expected = m.variadic ? `at least ${params.length - 1}` : String(params.length);
      this.diags.report("E0016", spanOf(use, rparen), m.name, expected, args.length);
      // Recover as gcc's users would expect, to avoid a cascade: missing arguments are empty,
      // extra ones are dropped.
      while (args.length < params.length) args.push([]);
      args.length = params.length;
    }
    return { args, rparen };
  }

  /** The body of `m` with its parameters replaced, `#` and `##` done, at the position of `use`. */
  private substitute(m: Macro, args: PPToken[][], use: PPToken, hideset: ReadonlySet<string>): PPToken[] {
    const out = this.replace(m, args, use, 0, m.body.length, []);
    let n = 0;
    for (const t of out) {
      if (t === placemarker) continue;
      t.hideset = this.hidesets.union(t.hideset, hideset);
      out[n++] = t;
    }
    out.length = n;
    const result = out;
    if (n) result[0].space = use.space;
    this.produced += result.length;
    if (this.produced > maxExpandedTokens) return this.runaway(use);
    return result;
  }

  /**
   * The replacement of `m.body[from, to)`: parameters replaced (expanded once each, cached in
   * `expanded`), `#` and `##` done; empty `##` operands leave a placemarker.
   */
  private replace(m: Macro, args: PPToken[][], use: PPToken, from: number, to: number, expanded: PPToken[][]): PPToken[] {
    const body = m.body;
    const out: PPToken[] = [];
    for (let i = from; i < to; i++) {
      const b = body[i];
      const p = m.paramIndex[i];
      if (m.params && b.tokenType === Hash) {
        // `# param` (validated at #define)
        out.push(this.stringize(args[m.paramIndex[++i]], use, b.space));
        continue;
      }
      if (b.tokenType === HashHash) {
        const np = m.paramIndex[++i];
        const lhs = out[out.length - 1];
        // GNU: in `, ## __VA_ARGS__` the comma goes away when there are no variable arguments.
        if (m.variadic && np === m.params!.length - 1 && lhs?.tokenType === Comma) {
          if (args[np].length === 0) out.pop();
          else for (const a of args[np]) out.push(copyOf(a));
          continue;
        }
        let rhs: PPToken[];
        const optEnd = vaOptEnd(m, i, to);
        if (np >= 0) rhs = args[np].map(copyOf);
        else if (optEnd >= 0) {
          rhs = this.vaOpt(m, args, use, i, optEnd, expanded);
          i = optEnd;
        } else if (m.params && body[i].tokenType === Hash) rhs = [this.stringize(args[m.paramIndex[++i]], use, false)];
        else rhs = [derive(body[i], use)];
        if (rhs.length === 0) continue; // lhs ## placemarker is lhs
        if (!lhs || lhs === placemarker) {
          if (lhs) out.pop();
          out.push(...rhs);
          continue;
        }
        out.pop();
        out.push(...this.paste(lhs, rhs[0]), ...rhs.slice(1));
        continue;
      }
      const optEnd = vaOptEnd(m, i, to);
      if (optEnd >= 0) {
        const group = this.vaOpt(m, args, use, i, optEnd, expanded);
        if (group.length) out.push(...group);
        else out.push(placemarker);
        i = optEnd;
        continue;
      }
      if (p >= 0) {
        // An operand of `##` is pasted as written, not macro-expanded first.
        const raw = body[i + 1]?.tokenType === HashHash;
        const replacement = raw ? args[p] : (expanded[p] ??= this.expandList(args[p], false));
        if (replacement.length === 0 && raw) out.push(placemarker);
        for (let k = 0; k < replacement.length; k++) {
          const t = copyOf(replacement[k]);
          // The argument takes the parameter's place, and so its leading whitespace.
          if (k === 0) t.space = b.space;
          out.push(t);
        }
        continue;
      }
      out.push(derive(b, use));
    }
    return out;
  }

  /** C23 `__VA_OPT__(…)` at `body[i]`, ending at `body[end]`: its content if there are variable arguments. */
  private vaOpt(m: Macro, args: PPToken[][], use: PPToken, i: number, end: number, expanded: PPToken[][]): PPToken[] {
    const va = m.params!.length - 1;
    expanded[va] ??= this.expandList(args[va], false);
    if (expanded[va].length === 0) return [];
    return this.replace(m, args, use, i + 2, end, expanded).filter((t) => t !== placemarker);
  }

  /** Fully macro-expands a token list on its own (a macro argument, an #if or #include line). */
  private expandList(tokens: PPToken[], inIf: boolean): PPToken[] {
    if (++this.depth > maxExpansionDepth) {
      this.depth--;
      return tokens[0] ? this.runaway(tokens[0]) : [];
    }
    const s = new TokenStream(tokens);
    const out: PPToken[] = [];
    for (let t = s.next(); t; t = s.next()) {
      // In #if, `defined X`, `defined(X)` and `__has_include(<x.h>)` name things: no expansion.
      if (inIf && (t.image === "defined" || t.image.startsWith("__has_")) && isIdent(t)) {
        out.push(t);
        let u = s.next();
        if (u?.tokenType === LParen) {
          for (let depth = 0; u; u = s.next()) {
            out.push(u);
            if (u.tokenType === LParen) depth++;
            else if (u.tokenType === RParen && --depth === 0) break;
          }
        } else if (u) out.push(u);
        continue;
      }
      if (isIdent(t) && this.expand(t, s, inIf)) continue;
      out.push(t);
    }
    this.depth--;
    return out;
  }

  private runaway(at: PPToken): PPToken[] {
    if (!this.exhausted) this.diags.report("E0019", spanOf(at), at.image);
    this.exhausted = true;
    return [];
  }

  /** `#arg`: the argument's spelling as a string literal (C11 §6.10.3.2). */
  private stringize(arg: PPToken[], use: PPToken, space: boolean | undefined): PPToken {
    let s = "";
    arg.forEach((t, i) => {
      const image = t.image.replace(/\\\r?\n/g, "");
      const quoted = t.tokenType === StringLiteral || t.tokenType === CharLiteral;
      s += (i > 0 && t.space ? " " : "") + (quoted ? image.replace(/[\\"]/g, "\\$&") : image);
    });
    const text = `"${s.replace(/\n/g, "\\n")}"`;
    const tok = lexText(text)?.[0] ?? lexText('""')![0];
    return derive(tok, use, undefined, space);
  }

  /** `a ## b`: the token spelled by both (re-lexed). If that is not one token, both stay apart. */
  private paste(lhs: PPToken, rhs: PPToken): PPToken[] {
    const lexed = lexText(lhs.image + rhs.image);
    if (lexed && lexed.length === 1) return [derive(lexed[0], lhs, lhs.hideset, lhs.space)];
    if (lexed && lexed.length === 0) return []; // `/ ## /` makes a comment
    return [lhs, copyOf(rhs)];
  }

  private dynamicToken(m: Macro, use: PPToken): PPToken {
    const renumbered = this.renumbered.get(use.file);
    const text =
      m.dynamic === "file" ? JSON.stringify(renumbered?.name ?? use.file)
      : m.dynamic === "base_file" ? JSON.stringify(this.files[0]?.source.name ?? use.file)
      : m.dynamic === "line" ? String(use.startLine! + (renumbered?.delta ?? 0))
      : String(this.counter++);
    const tok = lexText(text)?.[0] ?? lexText("0")![0];
    return derive(tok, use, this.hidesets.add(use.hideset, m.name), use.space);
  }

  /** `_Pragma("…")` (C11 §6.10.9): ignored like `#pragma`. */
  private pragmaOperator(t: PPToken, s: TokenStream): boolean {
    const taken: PPToken[] = [];
    const expect = (type: TokenType): boolean => {
      const u = s.next();
      if (u) taken.push(u);
      return u?.tokenType === type;
    };
    if (expect(LParen) && expect(StringLiteral) && expect(RParen)) {
      this.diags.report("W0008", spanOf(t, taken[2]), "pragma");
      return true;
    }
    s.pushAll(taken);
    return false;
  }
}

// ---- helpers ---------------------------------------------------------------------------

/**
 * Whether `t` is the first token of a line. Token lines say so, except across a block comment
 * that spans lines: C replaces the comment by one space, so a directive goes on after it. Only
 * then is the text between the tokens scanned.
 */
function startsLine(f: FileState, t: PPToken): boolean {
  if (t.startLine! <= f.lineEnd) return false;
  const prev = f.tokens[f.pos - 1];
  if (!prev) return true;
  const text = f.source.text;
  const end = t.startOffset;
  let i = prev.endOffset! + 1;
  const gap = text.slice(i, end);
  if (!gap.includes("/*")) return true;
  while (i < end) {
    const c = text[i];
    if (c === "\n") return true;
    if (c === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      if (close < 0) return true;
      i = close + 2;
    } else if (c === "/" && text[i + 1] === "/") return true;
    else i++;
  }
  return false;
}

/** The text of a plain string literal's image, its simple escapes undone; undefined if prefixed. */
function lexStringBody(image: string): string | undefined {
  if (!image.startsWith('"')) return undefined;
  return image.slice(1, -1).replace(/\\(.)/g, "$1");
}

/** `<stdio.h>` or `"stdio.h"` → `stdio.h`. */
function headerName(args: PPToken[]): string | undefined {
  const first = args[0];
  if (first?.tokenType === StringLiteral && first.image.startsWith('"')) return first.image.slice(1, -1);
  if (first?.tokenType === Less) {
    const end = args.findIndex((t) => t.tokenType === Greater);
    if (end > 1) return args.slice(1, end).map((t) => t.image).join("");
  }
  return undefined;
}

/** If `m.body[i]` opens `__VA_OPT__(…)` (ending before `to`), the index of its `)`; else -1. */
function vaOptEnd(m: Macro, i: number, to: number): number {
  if (!m.variadic || m.body[i]?.image !== "__VA_OPT__" || m.body[i + 1]?.tokenType !== LParen) return -1;
  let depth = 0;
  for (let k = i + 1; k < to; k++) {
    const type = m.body[k].tokenType;
    if (type === LParen) depth++;
    else if (type === RParen && --depth === 0) return k;
  }
  return -1;
}

type HideSet = ReadonlySet<string>;

/**
 * Hide-set arithmetic, memoized by identity: expansions make the same few sets over and over,
 * and each new Set is garbage to collect. One per run, so nothing outlives the run.
 */
class HideSets {
  private readonly empty: HideSet = new Set();
  private readonly added = new WeakMap<HideSet, Map<string, HideSet>>();
  private readonly unions = new WeakMap<HideSet, WeakMap<HideSet, HideSet>>();

  add(hs: HideSet | undefined, name: string): HideSet {
    const base = hs ?? this.empty;
    if (base.has(name)) return base;
    let byName = this.added.get(base);
    if (!byName) this.added.set(base, (byName = new Map()));
    let out = byName.get(name);
    if (!out) byName.set(name, (out = new Set([...base, name])));
    return out;
  }

  union(a: HideSet | undefined, b: HideSet): HideSet {
    if (!a || a === b || a.size === 0) return b;
    let withB = this.unions.get(a);
    if (!withB) this.unions.set(a, (withB = new WeakMap()));
    let out = withB.get(b);
    if (!out) withB.set(b, (out = new Set([...a, ...b])));
    return out;
  }

  intersect(a: HideSet | undefined, b: HideSet | undefined): HideSet | undefined {
    if (!a || !b) return undefined;
    if (a === b) return a;
    const out = new Set<string>();
    for (const x of a) if (b.has(x)) out.add(x);
    return out;
  }
}

// ---- #if expressions -------------------------------------------------------------------

/** An #if value: 64-bit, signed or unsigned as C's usual conversions say. */
interface Value {
  v: bigint;
  unsigned: boolean;
}

const binaryPrecedence: Record<string, number> = {
  "*": 10, "/": 10, "%": 10, "+": 9, "-": 9, "<<": 8, ">>": 8, "<": 7, ">": 7, "<=": 7, ">=": 7,
  "==": 6, "!=": 6, "&": 5, "^": 4, "|": 3, "&&": 2, "||": 1,
};

class IfError extends Error {}

/**
 * Evaluates the macro-expanded tokens of an #if line (C11 §6.10.1): integer arithmetic in
 * intmax_t / uintmax_t, `defined`, character constants; identifiers left over are 0.
 */
class IfEvaluator {
  private pos = 0;
  private divisionByZero = false;

  constructor(
    private readonly tokens: PPToken[],
    private readonly isDefined: (macro: string) => boolean,
    private readonly hasHeader: (header: string) => boolean,
  ) {}

  /** The value, `undefined` if the line is not an expression, or "divzero". */
  evaluate(): bigint | undefined | "divzero" {
    try {
      const v = this.conditional(true);
      if (this.pos < this.tokens.length) return undefined;
      return this.divisionByZero ? "divzero" : v.v;
    } catch (e) {
      // RangeError: nesting deeper than the JS stack, which is no C anyone writes.
      if (e instanceof IfError || e instanceof RangeError) return undefined;
      throw e;
    }
  }

  private peek(): PPToken | undefined {
    return this.tokens[this.pos];
  }

  private take(image?: string): PPToken {
    const t = this.tokens[this.pos];
    if (!t || (image !== undefined && t.image !== image)) throw new IfError();
    this.pos++;
    return t;
  }

  /** `live` is false in the unevaluated operand of `&&`, `||` or `?:`, where 1/0 is fine. */
  private conditional(live: boolean): Value {
    const c = this.binary(1, live);
    if (this.peek()?.tokenType !== Question) return c;
    this.pos++;
    const a = this.comma(live && c.v !== 0n);
    this.take(":");
    const b = this.conditional(live && c.v === 0n);
    const unsigned = a.unsigned || b.unsigned;
    return fix(c.v !== 0n ? a.v : b.v, unsigned);
  }

  private comma(live: boolean): Value {
    let v = this.conditional(live);
    while (this.peek()?.tokenType === Comma) {
      this.pos++;
      v = this.conditional(live);
    }
    return v;
  }

  private binary(minPrec: number, live: boolean): Value {
    let left = this.unary(live);
    for (;;) {
      const op = this.peek();
      const prec = op && op.tokenType !== Colon ? binaryPrecedence[op.image] : undefined;
      if (prec === undefined || prec < minPrec) return left;
      this.pos++;
      if (op!.image === "&&" || op!.image === "||") {
        const and = op!.image === "&&";
        const right = this.binary(prec + 1, live && (and ? left.v !== 0n : left.v === 0n));
        left = { v: (and ? left.v !== 0n && right.v !== 0n : left.v !== 0n || right.v !== 0n) ? 1n : 0n, unsigned: false };
        continue;
      }
      const right = this.binary(prec + 1, live);
      left = this.apply(op!.image, left, right, live);
    }
  }

  private apply(op: string, a: Value, b: Value, live: boolean): Value {
    const unsigned = a.unsigned || b.unsigned;
    const x = unsigned ? BigInt.asUintN(64, a.v) : a.v;
    const y = unsigned ? BigInt.asUintN(64, b.v) : b.v;
    const bool = (c: boolean): Value => ({ v: c ? 1n : 0n, unsigned: false });
    switch (op) {
      case "*": return fix(x * y, unsigned);
      case "/":
      case "%":
        if (y === 0n) {
          if (live) this.divisionByZero = true;
          return { v: 0n, unsigned };
        }
        return fix(op === "/" ? x / y : x % y, unsigned);
      case "+": return fix(x + y, unsigned);
      case "-": return fix(x - y, unsigned);
      // A shift has the type of its left operand; counts outside 0..63 are undefined, we give 0.
      case "<<": return b.v < 0n || b.v > 63n ? fix(0n, a.unsigned) : fix(a.v << b.v, a.unsigned);
      case ">>": return b.v < 0n || b.v > 63n ? fix(a.v < 0n ? -1n : 0n, a.unsigned) : fix(a.v >> b.v, a.unsigned);
      case "<": return bool(x < y);
      case ">": return bool(x > y);
      case "<=": return bool(x <= y);
      case ">=": return bool(x >= y);
      case "==": return bool(x === y);
      case "!=": return bool(x !== y);
      case "&": return fix(x & y, unsigned);
      case "^": return fix(x ^ y, unsigned);
      case "|": return fix(x | y, unsigned);
    }
    throw new IfError();
  }

  private unary(live: boolean): Value {
    const t = this.take();
    switch (t.image) {
      case "+": return this.unary(live);
      case "-": { const v = this.unary(live); return fix(-v.v, v.unsigned); }
      case "~": { const v = this.unary(live); return fix(~v.v, v.unsigned); }
      case "!": { const v = this.unary(live); return { v: v.v === 0n ? 1n : 0n, unsigned: false }; }
      case "(": {
        const v = this.comma(live);
        this.take(")");
        return v;
      }
    }
    if (t.tokenType === IntegerLiteral) return parseInteger(t.image);
    if (t.tokenType === CharLiteral) return parseChar(t.image);
    if (t.tokenType === FloatLiteral || t.tokenType === StringLiteral) throw new IfError();
    if (isIdent(t)) {
      if (t.image === "defined") {
        const paren = this.peek()?.tokenType === LParen;
        if (paren) this.pos++;
        const name = this.take();
        if (!isIdent(name)) throw new IfError();
        if (paren) this.take(")");
        return { v: this.isDefined(name.image) ? 1n : 0n, unsigned: false };
      }
      if (t.image.startsWith("__has_") && this.peek()?.tokenType === LParen) {
        this.pos++;
        const start = this.pos;
        let depth = 0;
        for (let u = this.take(); u.tokenType !== RParen || depth > 0; u = this.take()) {
          if (u.tokenType === LParen) depth++;
          else if (u.tokenType === RParen) depth--;
        }
        if (t.image !== "__has_include" && t.image !== "__has_include_next") return { v: 0n, unsigned: false };
        const name = headerName(this.tokens.slice(start, this.pos - 1));
        return { v: name !== undefined && this.hasHeader(name) ? 1n : 0n, unsigned: false };
      }
      return { v: 0n, unsigned: false };
    }
    throw new IfError();
  }
}

function fix(v: bigint, unsigned: boolean): Value {
  return { v: unsigned ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v), unsigned };
}

function parseInteger(image: string): Value {
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)([uU](?:ll|LL|[lL])?|(?:ll|LL|[lL])[uU]?)?$/.exec(image);
  if (!m) throw new IfError();
  const digits = m[1];
  const v = /^0[0-7]+$/.test(digits) ? BigInt("0o" + digits.slice(1)) : BigInt(digits);
  // Too big for intmax_t: it is unsigned (as gcc does, with a warning we do not give).
  const unsigned = /[uU]/.test(m[2] ?? "") || v > 0x7fffffffffffffffn;
  return fix(v, unsigned);
}

const simpleEscapes: Record<string, number> = {
  n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, e: 27, "\\": 92, "'": 39, '"': 34, "?": 63,
};

/** A character constant's value: `int` of each (signed) char, several chars packed as gcc does. */
function parseChar(image: string): Value {
  const quote = image.indexOf("'");
  const wide = quote > 0;
  const body = image.slice(quote + 1, -1);
  const units: number[] = [];
  for (let i = 0; i < body.length; ) {
    if (body[i] !== "\\") {
      const cp = body.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
      if (wide || cp < 0x80) units.push(cp);
      else for (const byte of new TextEncoder().encode(String.fromCodePoint(cp))) units.push(byte);
      continue;
    }
    const c = body[i + 1];
    i += 2;
    if (c === undefined) throw new IfError();
    if (c in simpleEscapes) units.push(simpleEscapes[c]);
    else if (/[0-7]/.test(c)) {
      let s = c;
      while (s.length < 3 && /[0-7]/.test(body[i] ?? "")) s += body[i++];
      units.push(parseInt(s, 8));
    } else if (c === "x" || c === "u" || c === "U") {
      let s = "";
      while (/[0-9a-fA-F]/.test(body[i] ?? "")) s += body[i++];
      if (!s) throw new IfError();
      units.push(Number(BigInt("0x" + s) & 0xffffffffn));
    } else throw new IfError();
  }
  if (units.length === 0) throw new IfError();
  if (wide) return fix(BigInt(units[units.length - 1]), image[0] !== "L");
  if (units.length === 1) return fix(BigInt.asIntN(8, BigInt(units[0])), false);
  let v = 0n;
  for (const u of units) v = (v << 8n) | BigInt(u & 0xff);
  return fix(BigInt.asIntN(32, v), false);
}
