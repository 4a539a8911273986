// The front end never throws, on any input.
// In: thousands of generated inputs (fixed seed, bounded count and time): random token streams
// from a vocabulary of C and preprocessor tokens, mutations of the example programs and of the
// run goldens, and random characters. Out: a failure if `checkSource` throws, reports an
// internal compiler error, or returns a diagnostic that the command line could not print (a
// span outside its file). On failure the seed, input index and a shrunk input are printed, so
// the case can be replayed and turned into a regression test.

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkSource } from "../src/compile.js";
import { formatDiagnostic } from "../src/diagnostics.js";

const SEED = 0x5eed_2026;
/**
 * Per category, so the file takes about sixteen seconds: the inputs come in a fixed order and
 * the budget decides how far down the list a run gets. Every run covers at least the first
 * MIN_INPUTS, however slow the machine, so coverage never silently shrinks to nothing.
 */
const BUDGET_MS = 4000;
const MIN_INPUTS = 250;
const MAX_INPUTS = 5000;

// ---- deterministic randomness ---------------------------------------------------------------

/** mulberry32: small, fast, and the same sequence everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

// ---- inputs -----------------------------------------------------------------------------------

const keywords = (
  "auto break case char const continue default do double else enum extern float for goto if inline int long " +
  "register restrict return short signed sizeof static struct switch typedef union unsigned void volatile while " +
  "_Bool _Alignof _Alignas _Static_assert _Noreturn __attribute__ __asm__ __typeof__ __builtin_va_arg " +
  "__builtin_offsetof typeof string size_t va_list FILE NULL"
).split(" ");
const identifiers = "a b c i n p q x y s f g main printf malloc strlen particle energy count __LINE__ __FILE__ X F".split(" ");
const literals = [
  "0", "1", "42", "017", "0x1F", "0b101", "10u", "7UL", "3ll", "18446744073709551615", "99999999999999999999",
  "1.5", ".5", "1e10", "2.5e-3f", "0x1.8p3", "1e", "0x", "09", "12abc",
  "'a'", "'\\n'", "'\\x41'", "'\\377'", "''", "'ab'", "'\\q'", "'", '"text"', '"a\\tb\\n"', '""', '"%d\\n"', '"', '"\\',
  'L"wide"', "u8\"utf\"",
];
const punctuators = (
  "[ ] ( ) { } . -> ++ -- & * + - ~ ! / % << >> < > <= >= == != ^ | && || ? : ; ... = *= /= %= += -= <<= >>= &= ^= |= , # ##"
).split(" ");
/** Rare on purpose: a standard header is a few hundred declarations to parse and check. */
const headers = ["\n#include <stdio.h>\n", "\n#include <math.h>\n", "\n#include <stdarg.h>\n", "\n#include <stdint.h>\n"];
const directives = [
  '\n#include "mine.h"\n', "\n#include <nope.h>\n", "\n#include\n", "\n#include MACRO\n", "\n#define X 1\n", "\n#define F(a, b) ((a) * (b))\n", "\n#define S(x) #x\n", "\n#define P(a, b) a ## b\n",
  "\n#define V(...) f(__VA_ARGS__)\n", "\n#define\n", "\n#undef X\n", "\n#if X\n", "\n#if defined(F) && X > 0\n", "\n#if (\n",
  "\n#ifdef X\n", "\n#ifndef X\n", "\n#elif 1\n", "\n#else\n", "\n#endif\n", "\n#error stop\n", "\n#pragma once\n",
  "\n#line 7\n", "\n#warning w\n", "\n#import x\n", "\n#\n", " \\\n",
];
const vocabulary = [...keywords, ...identifiers, ...literals, ...punctuators, ...directives, "\n", "/* c */", "// c\n", "/*"];

function randomTokens(r: Rng): string {
  const n = 1 + r.int(r.chance(0.2) ? 400 : 60);
  let s = r.chance(0.05) ? r.pick(headers) : "";
  for (let i = 0; i < n; i++) s += r.pick(vocabulary) + (r.chance(0.15) ? "\n" : " ");
  return s;
}

/** Characters: mostly ASCII, with control characters, non-ASCII, lone surrogates and NUL. */
function randomChars(r: Rng): string {
  const n = r.int(300);
  let s = "";
  for (let i = 0; i < n; i++) {
    const k = r.next();
    if (k < 0.7) s += String.fromCharCode(32 + r.int(95));
    else if (k < 0.85) s += r.pick(["\n", "\t", "\r", "\\", "\0", "\f", "\v", "\x1b"]);
    else if (k < 0.95) s += String.fromCharCode(128 + r.int(0xd800 - 128));
    else s += String.fromCharCode(0xd800 + r.int(0x800));
  }
  return s;
}

/** Splits a program into pieces that mutations move around: words, literals, single characters. */
function pieces(text: string): string[] {
  return text.match(/\s+|[A-Za-z_$][\w$]*|\d[\w.]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[\s\S]/g) ?? [];
}

function mutate(r: Rng, text: string): string {
  let ps = pieces(text);
  const rounds = 1 + r.int(4);
  for (let k = 0; k < rounds && ps.length > 0; k++) {
    const i = r.int(ps.length);
    const j = r.int(ps.length);
    switch (r.int(8)) {
      case 0: // delete a token
        ps.splice(i, 1);
        break;
      case 1: // duplicate a token
        ps.splice(i, 0, ps[i]);
        break;
      case 2: // swap two tokens
        [ps[i], ps[j]] = [ps[j], ps[i]];
        break;
      case 3: // insert a token from the vocabulary
        ps.splice(i, 0, " " + r.pick(vocabulary) + " ");
        break;
      case 4: // replace a token
        ps[i] = r.pick(vocabulary);
        break;
      case 5: // delete, or insert, one character
        ps[i] = r.chance(0.5) ? ps[i].slice(1) : r.pick(["(", ")", "{", "}", ";", "*", "\"", "'", "#", "\\", "/"]) + ps[i];
        break;
      case 6: // truncate
        ps = ps.slice(0, i);
        break;
      default: // move a slice elsewhere
        ps.splice(j, 0, ...ps.splice(i, 1 + r.int(20)));
    }
  }
  return ps.join("");
}

function corpus(): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = [];
  const add = (dir: string, ext: string) => {
    let names: string[] = [];
    try {
      names = readdirSync(new URL(dir, import.meta.url)).filter((f) => f.endsWith(ext)).sort();
    } catch {
      return; // the folder does not exist yet
    }
    for (const f of names) files.push({ name: f, text: readFileSync(new URL(dir + f, import.meta.url), "utf8") });
  };
  add("../examples/", ".cod");
  add("programs/run/", ".c");
  return files;
}

// ---- the property -----------------------------------------------------------------------------

/** Why this input breaks the front end, or undefined if it does not. */
function failure(text: string): string | undefined {
  let result;
  try {
    result = checkSource(text, "fuzz.cod");
  } catch (e) {
    return `threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
  }
  for (const d of result.diagnostics) {
    if (d.code === "ICE") return `internal compiler error: ${d.args.join(" ")}`;
    const source = result.sources.get(d.span.file);
    if (d.span.file === "fuzz.cod") {
      const { start, end, line, col } = d.span;
      if (!(start >= 0 && end >= start && end <= text.length)) return `${d.code}: span [${start}, ${end}) outside the file (length ${text.length})`;
      // Known gap: chevrotain counts a lone CR as a line break and SourceFile does not, so
      // positions after one disagree (reported; see the lexer's line terminators).
      const at = source!.position(start);
      if (!/\r(?!\n)/.test(text) && (at.line !== line || at.col !== col)) {
        return `${d.code}: span says ${line}:${col} but offset ${start} is ${at.line}:${at.col}`;
      }
    }
    try {
      formatDiagnostic(d, source);
    } catch (e) {
      return `formatDiagnostic threw on ${d.code}: ${String(e)}`;
    }
  }
  return undefined;
}

/** Greedy shrinking: drop chunks of pieces while the failure persists, within a small budget. */
function shrink(text: string): string {
  let ps = pieces(text);
  let tries = 0;
  for (let chunk = Math.max(1, ps.length >> 1); chunk >= 1 && tries < 300; chunk >>= 1) {
    for (let i = 0; i < ps.length && tries < 300; ) {
      const candidate = [...ps.slice(0, i), ...ps.slice(i + chunk)];
      tries++;
      if (failure(candidate.join("")) !== undefined) ps = candidate;
      else i += chunk;
    }
  }
  return ps.join("");
}

function runCategory(name: string, seed: number, make: (r: Rng, i: number) => string): void {
  const r = prng(seed);
  const started = performance.now();
  let count = 0;
  for (; count < MAX_INPUTS && (count < MIN_INPUTS || performance.now() - started < BUDGET_MS); count++) {
    const input = make(r, count);
    const why = failure(input);
    if (why !== undefined) {
      const small = shrink(input);
      expect.fail(
        `fuzz ${name}: seed ${seed.toString(16)}, input #${count} breaks the front end: ${failure(small) ?? why}\n` +
          `--- shrunk input (${small.length} chars) ---\n${JSON.stringify(small)}\n` +
          `--- original input (${input.length} chars) ---\n${JSON.stringify(input)}`,
      );
    }
  }
  if (process.env.FUZZ_VERBOSE) console.log(`fuzz ${name}: ${count} inputs in ${Math.round(performance.now() - started)} ms`);
}

describe("fuzz: the front end never throws", () => {
  const programs = corpus();

  it("survives random token streams", () => {
    runCategory("tokens", SEED, (r) => randomTokens(r));
  });

  it("survives mutations of the examples and the run programs", () => {
    expect(programs.length).toBeGreaterThan(0);
    runCategory("mutations", SEED + 1, (r, i) => mutate(r, programs[i % programs.length].text));
  });

  it("survives random characters", () => {
    runCategory("characters", SEED + 2, (r) => randomChars(r));
  });

  it("survives programs cut anywhere", () => {
    // Every prefix length class of every program: unterminated constructs at every depth.
    runCategory("truncations", SEED + 3, (r, i) => {
      const { text } = programs[i % programs.length];
      return text.slice(0, r.int(text.length + 1));
    });
  });
});
