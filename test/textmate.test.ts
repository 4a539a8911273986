// The TextMate grammar (grammar/cod.tmLanguage.json) that editors use to highlight `.cod` files.
// In: the grammar file. Out: checks that it is well-formed, that every regex is in the syntax
// JavaScript and oniguruma share (so it works in VS Code, whose engine is oniguruma, and here),
// and that sample lines are highlighted as expected by a small TextMate tokenizer below.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

interface Capture {
  name?: string;
}
interface Rule {
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Record<string, Capture>;
  beginCaptures?: Record<string, Capture>;
  endCaptures?: Record<string, Capture>;
  patterns?: Rule[];
  include?: string;
}
interface Grammar extends Rule {
  scopeName: string;
  fileTypes: string[];
  repository: Record<string, Rule>;
}

const grammarPath = new URL("../grammar/cod.tmLanguage.json", import.meta.url);
const text = readFileSync(grammarPath, "utf8");

/** Every rule in the grammar, with where it is, for error messages. */
function* allRules(rule: Rule, where: string): Generator<[Rule, string]> {
  yield [rule, where];
  for (const [i, r] of (rule.patterns ?? []).entries()) yield* allRules(r, `${where}.patterns[${i}]`);
}

// Oniguruma features that JavaScript lacks (or reads differently): \h \A \z \Z \G, possessive
// quantifiers, atomic groups, inline flags, POSIX bracket classes, \p{…} without the u flag.
const onigurumaOnly = /\\[hHAzZGK]|[*+?}]\+|\(\?>|\(\?[imx]+[-:)]|\[:\w+:\]|\\[pP]\{/;

// ---- a small TextMate tokenizer: enough of the semantics to check the highlighting --------

interface Token {
  text: string;
  scopes: string[];
}

class Tokenizer {
  private readonly cache = new Map<string, RegExp>();
  constructor(private readonly grammar: Grammar) {}

  private regex(source: string): RegExp {
    let re = this.cache.get(source);
    if (!re) this.cache.set(source, (re = new RegExp(source, "dg")));
    return re;
  }

  /** Resolves `include`s into a flat list of match/begin rules. */
  private flatten(rules: Rule[], seen = new Set<Rule>()): Rule[] {
    const out: Rule[] = [];
    for (const r of rules) {
      if (r.include) {
        const target = r.include === "$self" ? this.grammar : this.grammar.repository[r.include.slice(1)];
        if (!target) throw new Error(`unknown include ${r.include}`);
        if (seen.has(target)) continue;
        seen.add(target);
        out.push(...(target.match || target.begin ? [target] : this.flatten(target.patterns ?? [], seen)));
        seen.delete(target);
      } else if (r.match || r.begin) out.push(r);
      else out.push(...this.flatten(r.patterns ?? [], seen));
    }
    return out;
  }

  /** Tokenizes lines, carrying begin/end rules from one line to the next, as editors do. */
  tokenize(lines: string[]): Token[][] {
    const stack: { rule: Rule; scopes: string[] }[] = [];
    const result: Token[][] = [];
    for (const line of lines) {
      const tokens: Token[] = [];
      const push = (from: number, to: number, scopes: string[]) => {
        if (to > from) tokens.push({ text: line.slice(from, to), scopes });
      };
      const emitCaptures = (m: RegExpExecArray, scopes: string[], caps: Record<string, Capture> | undefined) => {
        const [start, end] = m.indices![0];
        const whole = caps?.["0"]?.name ? [...scopes, caps["0"].name] : scopes;
        let pos = start;
        for (let g = 1; g < m.length; g++) {
          const name = caps?.[String(g)]?.name;
          const span = m.indices![g];
          if (!name || !span || span[0] < pos) continue;
          push(pos, span[0], whole);
          push(span[0], span[1], [...whole, name]);
          pos = span[1];
        }
        push(pos, end, whole);
      };
      let pos = 0;
      for (let guard = 0; guard < 10_000; guard++) {
        const top = stack[stack.length - 1];
        const scopes = top ? [...top.scopes, ...(top.rule.contentName ? [top.rule.contentName] : [])] : [this.grammar.scopeName];
        let best: { m: RegExpExecArray; rule?: Rule } | undefined;
        if (top) {
          const re = this.regex(top.rule.end!);
          re.lastIndex = pos;
          const m = re.exec(line);
          if (m) best = { m };
        }
        // At the end of the line only an end pattern (`$`) can still match.
        const candidates = pos < line.length ? this.flatten(top ? (top.rule.patterns ?? []) : this.grammar.patterns!) : [];
        for (const rule of candidates) {
          const re = this.regex((rule.match ?? rule.begin)!);
          re.lastIndex = pos;
          const m = re.exec(line);
          if (m && (!best || m.index < best.m.index)) best = { m, rule };
        }
        if (!best) {
          push(pos, line.length, scopes);
          break;
        }
        const { m, rule } = best;
        push(pos, m.index, scopes);
        const mEnd = m.index + m[0].length;
        if (!rule) {
          const frame = stack.pop()!;
          emitCaptures(m, frame.scopes, frame.rule.endCaptures ?? frame.rule.captures);
        } else if (rule.match) {
          emitCaptures(m, rule.name ? [...scopes, rule.name] : scopes, rule.captures);
        } else {
          const inner = rule.name ? [...scopes, rule.name] : scopes;
          emitCaptures(m, inner, rule.beginCaptures ?? rule.captures);
          stack.push({ rule, scopes: inner });
        }
        // A zero-length match that does not change the stack would loop: step past a character.
        if (mEnd === pos && rule?.match) {
          push(pos, pos + 1, scopes);
          pos++;
        } else pos = mEnd;
      }
      result.push(tokens);
    }
    return result;
  }
}

/** The scopes of the token whose text is `word`, ignoring surrounding blanks (the n-th occurrence). */
function scopesOf(tokens: Token[], word: string, n = 0): string[] {
  const hits = tokens.filter((t) => t.text.trim() === word.trim());
  if (!hits[n]) throw new Error(`no token '${word}' in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return hits[n].scopes;
}

const hasScope = (scopes: string[], prefix: string) => scopes.some((s) => s === prefix || s.startsWith(prefix + "."));

describe("TextMate grammar", () => {
  const grammar = JSON.parse(text) as Grammar;
  const tok = new Tokenizer(grammar);
  const line = (src: string) => tok.tokenize([src])[0];

  it("is a TextMate grammar for source.cod", () => {
    expect(grammar.scopeName).toBe("source.cod");
    expect(grammar.fileTypes).toContain("cod");
    expect(typeof grammar.name).toBe("string");
    expect(Array.isArray(grammar.patterns)).toBe(true);
    expect(typeof grammar.repository).toBe("object");
    for (const r of grammar.patterns!) if (r.include) expect(grammar.repository).toHaveProperty(r.include.slice(1));
  });

  it("uses only regexes that compile in JavaScript and avoid oniguruma-only syntax", () => {
    const rules = [...allRules(grammar, "patterns"), ...Object.entries(grammar.repository).flatMap(([k, r]) => [...allRules(r, k)])];
    let count = 0;
    for (const [rule, where] of rules) {
      for (const key of ["match", "begin", "end"] as const) {
        const src = rule[key];
        if (src === undefined) continue;
        count++;
        expect(() => new RegExp(src), `${where}.${key}: ${src}`).not.toThrow();
        expect(onigurumaOnly.test(src), `${where}.${key} uses oniguruma-only syntax: ${src}`).toBe(false);
      }
      if (rule.begin) expect(rule.end, `${where} has begin without end`).toBeDefined();
      if (rule.include && rule.include !== "$self") expect(grammar.repository, where).toHaveProperty(rule.include.slice(1));
    }
    expect(count).toBeGreaterThan(20);
  });

  it("highlights keywords, types, modifiers and operators", () => {
    const t = line("static const unsigned long count = n >= 3 ? total / n : 0;");
    expect(hasScope(scopesOf(t, "static"), "storage.modifier")).toBe(true);
    expect(hasScope(scopesOf(t, "const"), "storage.modifier")).toBe(true);
    expect(hasScope(scopesOf(t, "unsigned"), "storage.type")).toBe(true);
    expect(hasScope(scopesOf(t, "long"), "storage.type")).toBe(true);
    expect(scopesOf(t, "count")).toEqual(["source.cod"]);
    expect(hasScope(scopesOf(t, ">="), "keyword.operator.comparison")).toBe(true);
    expect(hasScope(scopesOf(t, "?"), "keyword.operator.ternary")).toBe(true);
    expect(hasScope(scopesOf(t, "/"), "keyword.operator.arithmetic")).toBe(true);
    expect(hasScope(scopesOf(t, ";"), "punctuation.terminator")).toBe(true);

    const u = line("for (int i = 0; i < n; i++) { if (p->energy <<= 2) break; else continue; }");
    for (const k of ["for", "if", "break", "else", "continue"]) expect(hasScope(scopesOf(u, k), "keyword.control"), k).toBe(true);
    expect(hasScope(scopesOf(u, "int"), "storage.type")).toBe(true);
    expect(hasScope(scopesOf(u, "++"), "keyword.operator.increment-decrement")).toBe(true);
    expect(hasScope(scopesOf(u, "->"), "keyword.operator.member")).toBe(true);
    expect(hasScope(scopesOf(u, "<<="), "keyword.operator.assignment.compound")).toBe(true);

    const v = line("struct particle *p; string name; int_count = sizeof(struct particle);");
    expect(hasScope(scopesOf(v, "struct"), "storage.type.structure")).toBe(true);
    expect(hasScope(scopesOf(v, "string"), "support.type")).toBe(true);
    expect(scopesOf(v, "int_count")).toEqual(["source.cod"]); // not the keyword `int`
    expect(hasScope(scopesOf(v, "sizeof"), "keyword.operator.word")).toBe(true);
  });

  it("highlights every numeric form, and flags malformed numbers", () => {
    const forms = ["42", "0", "017", "0x1Fu", "0XffUL", "0b1011", "10ull", "7LLU", "3.14", "1.", ".5", "1e10", "2.5e-3f", "6.02E+23L", "0x1.8p3", "0x.8P-1f"];
    const t = line(forms.join(" + "));
    for (const f of forms) expect(hasScope(scopesOf(t, f), "constant.numeric"), f).toBe(true);
    const bad = line("x = 12abc + 09z;");
    expect(hasScope(scopesOf(bad, "12abc"), "invalid.illegal")).toBe(true);
    expect(hasScope(scopesOf(bad, "09z"), "invalid.illegal")).toBe(true);
  });

  it("highlights strings and characters with their escapes", () => {
    const t = line(`printf("%5.2f GeV\\n\\x41\\101", e, '\\'', 'a', '\\0');`);
    expect(hasScope(scopesOf(t, "printf"), "entity.name.function")).toBe(true);
    expect(hasScope(scopesOf(t, "%5.2f"), "constant.other.placeholder")).toBe(true);
    expect(hasScope(scopesOf(t, " GeV"), "string.quoted.double")).toBe(true);
    for (const e of ["\\n", "\\x41", "\\101", "\\'", "\\0"]) expect(hasScope(scopesOf(t, e), "constant.character.escape"), e).toBe(true);
    expect(hasScope(scopesOf(t, "a"), "string.quoted.single")).toBe(true);
    expect(hasScope(scopesOf(t, "e"), "string")).toBe(false);
    const bad = line(`s = "bad \\q escape";`);
    expect(hasScope(scopesOf(bad, "\\q"), "invalid.illegal")).toBe(true);
  });

  it("highlights comments, over several lines", () => {
    const [a, b, c] = tok.tokenize(["x = 1; /* a comment", "  still int comment */ int y; // rest of line", "int z;"]);
    expect(hasScope(scopesOf(a, " a comment"), "comment.block")).toBe(true);
    expect(hasScope(scopesOf(b, "  still int comment "), "comment.block")).toBe(true);
    expect(hasScope(scopesOf(b, "int"), "storage.type")).toBe(true);
    expect(hasScope(scopesOf(b, "// rest of line"), "comment.line")).toBe(true);
    expect(hasScope(scopesOf(c, "int"), "storage.type")).toBe(true);
  });

  it("highlights preprocessor lines, with continuations", () => {
    const [inc] = tok.tokenize(["#include <stdio.h>"]);
    expect(hasScope(scopesOf(inc, "include"), "keyword.control.directive")).toBe(true);
    expect(hasScope(scopesOf(inc, "<stdio.h>"), "string")).toBe(true);

    const [d1, d2, after] = tok.tokenize(["#define SQUARE(x) \\", "    ((x) * (x))", "int y;"]);
    expect(hasScope(scopesOf(d1, "define"), "keyword.control.directive")).toBe(true);
    expect(hasScope(scopesOf(d1, "SQUARE"), "entity.name.function.preprocessor")).toBe(true);
    expect(hasScope(scopesOf(d2, "*"), "meta.preprocessor")).toBe(true);
    expect(hasScope(scopesOf(after, "int"), "meta.preprocessor")).toBe(false);

    const [cond] = tok.tokenize(["  #  ifndef NBINS"]);
    expect(hasScope(scopesOf(cond, "ifndef"), "keyword.control.directive")).toBe(true);
    const [endif, code] = tok.tokenize(["#endif", "return 0;"]);
    expect(hasScope(scopesOf(endif, "endif"), "keyword.control.directive")).toBe(true);
    expect(hasScope(scopesOf(code, "return"), "meta.preprocessor")).toBe(false);
  });
});
