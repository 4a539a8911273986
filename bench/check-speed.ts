// How fast is the front end?
// In: nothing; it generates deterministic C programs of about 1,000 and 10,000 lines
// (structs, globals with initializers, functions with loops, switches and expressions).
// Out: a table on stdout of the median time of each stage (lex + preprocess, parse to CST,
// AST build, check) per 1,000 lines, and, measured in the same run on text of the same size,
// two references: `JSON.parse` and V8 compiling equivalent JavaScript with `new Function`.
// Also the wall time of `enstage check` on the 1,000-line program, start-up included.
// It prints figures and never fails on time. Run with `npm run bench`.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildAst } from "../src/build-ast.js";
import { check } from "../src/check.js";
import { Diagnostics } from "../src/diagnostics.js";
import { lex } from "../src/lex.js";
import { parse } from "../src/parse.js";
import { preprocess } from "../src/preprocess.js";
import { SourceFile } from "../src/source.js";

// ---- the programs -----------------------------------------------------------------------------

/**
 * One unit of about 40 lines, in C and in the equivalent JavaScript. Unit k calls unit k-1, so
 * names resolve across the whole file, as in a real program.
 */
function unit(k: number): { c: string; js: string } {
  const prev = k > 0 ? `f${k - 1}(p, n / 2, scale * 0.5)` : "0.0";
  const prevJs = k > 0 ? `f${k - 1}(p, Math.trunc(n / 2), scale * 0.5)` : "0.0";
  const table = Array.from({ length: 8 }, (_, i) => ((k * 7 + i * 13) % 17) / 4).join(", ");
  const c = `
struct rec${k} {
    double x, y, z;
    long id;
    int flags;
};

static const double table${k}[8] = { ${table} };

/* unit ${k}: a loop, a branch, a switch and some arithmetic */
double f${k}(const struct rec${k} *p, long n, double scale)
{
    double acc = 0.0;
    long hits = 0;
    for (long i = 0; i < n; i++) {
        double v = p[i].x * scale + p[i].y - p[i].z / (1.0 + i);
        if (v > table${k}[i & 7] && (p[i].flags & 3) != 0) {
            acc += v * v;
            hits++;
        } else if (v < -1.0) {
            acc -= v;
        }
        switch (p[i].flags % 4) {
        case 0:
            acc += 1;
            break;
        case 1:
            acc *= 0.5;
            break;
        default:
            break;
        }
    }
    while (hits > 10)
        hits = hits / 2 - 1;
    return acc + (double)hits + ${prev};
}
`;
  const js = `
const table${k} = [${table}];

// unit ${k}: a loop, a branch, a switch and some arithmetic
function f${k}(p, n, scale) {
    let acc = 0.0;
    let hits = 0;
    for (let i = 0; i < n; i++) {
        const v = p[i].x * scale + p[i].y - p[i].z / (1.0 + i);
        if (v > table${k}[i & 7] && (p[i].flags & 3) !== 0) {
            acc += v * v;
            hits++;
        } else if (v < -1.0) {
            acc -= v;
        }
        switch (p[i].flags % 4) {
        case 0:
            acc += 1;
            break;
        case 1:
            acc *= 0.5;
            break;
        default:
            break;
        }
    }
    while (hits > 10)
        hits = Math.trunc(hits / 2) - 1;
    return acc + hits + ${prevJs};
}
`;
  return { c, js };
}

function program(targetLines: number): { c: string; js: string; lines: number } {
  let c = "#include <stdio.h>\n#include <math.h>\n";
  let js = "";
  for (let k = 0; c.split("\n").length < targetLines; k++) {
    const u = unit(k);
    c += u.c;
    js += u.js;
  }
  return { c, js, lines: c.split("\n").length };
}

/** A JSON text of about the same size: records like the ones the C program describes. */
function jsonOfSize(bytes: number): string {
  const items: string[] = [];
  let size = 2;
  for (let i = 0; size < bytes; i++) {
    const item = JSON.stringify({ id: i, name: `rec${i}`, x: i * 0.5, y: -i / 3, flags: [i & 1, i & 2, i & 4], tag: "particle" });
    items.push(item);
    size += item.length + 1;
  }
  return `[${items.join(",")}]`;
}

// ---- timing -----------------------------------------------------------------------------------

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

interface StageTimes {
  lexPp: number;
  parse: number;
  ast: number;
  check: number;
  total: number;
}

/** One run of the pipeline, stage by stage, as src/compile.ts runs it. */
function runOnce(text: string): { times: StageTimes; errors: number } {
  const diags = new Diagnostics();
  const source = new SourceFile("bench.c", text);
  const sources = new Map([[source.name, source]]);
  const t0 = performance.now();
  const tokens = lex(source, diags);
  const expanded = preprocess(tokens, source, diags, { sources });
  const t1 = performance.now();
  const cst = parse(expanded, diags);
  const t2 = performance.now();
  const ast = buildAst(cst, source, diags);
  const t3 = performance.now();
  check(ast, diags);
  const t4 = performance.now();
  return {
    times: { lexPp: t1 - t0, parse: t2 - t1, ast: t3 - t2, check: t4 - t3, total: t4 - t0 },
    errors: diags.list.filter((d) => d.severity === "error").length,
  };
}

function measure(text: string, warmup: number, runs: number): { times: StageTimes; errors: number } {
  for (let i = 0; i < warmup; i++) runOnce(text);
  const samples: StageTimes[] = [];
  let errors = 0;
  for (let i = 0; i < runs; i++) {
    const r = runOnce(text);
    samples.push(r.times);
    errors = r.errors;
  }
  const m = (k: keyof StageTimes) => median(samples.map((s) => s[k]));
  return { times: { lexPp: m("lexPp"), parse: m("parse"), ast: m("ast"), check: m("check"), total: m("total") }, errors };
}

function timeIt(fn: () => unknown, warmup: number, runs: number): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/** The command line, start-up included: what a user waits for. */
function cliWallTime(text: string, runs: number): number | undefined {
  const cli = new URL("../dist/enstage.mjs", import.meta.url);
  if (!existsSync(cli)) return undefined;
  const dir = mkdtempSync(join(tmpdir(), "enstage-bench-"));
  const file = join(dir, "bench.c");
  writeFileSync(file, text);
  try {
    return timeIt(() => spawnSync(process.execPath, [cli.pathname, "check", file], { stdio: "ignore" }), 1, runs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- report -----------------------------------------------------------------------------------

const fmt = (x: number) => x.toFixed(x < 10 ? 2 : 1).padStart(8);

const sizes = [
  { label: "~1k lines", lines: 1000, warmup: 10, runs: 21 },
  { label: "~10k lines", lines: 10000, warmup: 3, runs: 7 },
];

console.log(`enstage front-end speed (node ${process.version}, median of the runs; ms per 1,000 lines)\n`);
console.log(`${"program".padEnd(12)}${"lines".padStart(7)}${"lex+pp".padStart(8)}${"parse".padStart(8)}${"ast".padStart(8)}${"check".padStart(8)}${"total".padStart(8)}  |${"JSON".padStart(8)}${"new Fn".padStart(8)}  | total/JSON  total/newFn`);
for (const s of sizes) {
  const p = program(s.lines);
  const { times, errors } = measure(p.c, s.warmup, s.runs);
  const per = 1000 / p.lines;
  const json = jsonOfSize(p.c.length);
  // `new Function` only pre-parses inner functions lazily: that is V8's real cost for a script.
  const tJson = timeIt(() => JSON.parse(json), s.warmup, s.runs);
  let salt = 0;
  // A fresh source text each time, so V8's compilation cache does not answer for us.
  const tFn = timeIt(() => new Function(`${p.js}\n// ${salt++}`), s.warmup, s.runs);
  console.log(
    `${s.label.padEnd(12)}${String(p.lines).padStart(7)}${fmt(times.lexPp * per)}${fmt(times.parse * per)}${fmt(times.ast * per)}${fmt(times.check * per)}${fmt(times.total * per)}  |${fmt(tJson * per)}${fmt(tFn * per)}  | ${(times.total / tJson).toFixed(1).padStart(9)}x ${(times.total / tFn).toFixed(1).padStart(11)}x`,
  );
  if (errors > 0) console.log(`  note: the generated program has ${errors} errors; the figures include error recovery`);
  if (s.lines === 1000) {
    console.log(`  (absolute: ${times.total.toFixed(1)} ms to check ${p.lines} lines after warm-up)`);
  }
}

const p1k = program(1000);
const wall = cliWallTime(p1k.c, 5);
console.log(
  wall === undefined
    ? "\nenstage check (command line): dist/enstage.mjs not built; run `npm run build` first"
    : `\nenstage check on ${p1k.lines} lines, start-up included (median of 5 processes): ${wall.toFixed(0)} ms`,
);
console.log("JSON = JSON.parse of a JSON text of the same size; new Fn = V8 compiling the same program written in JavaScript.");
