// Differential test: generated C expression programs (test/gen-expr.ts: fixed seed, bounded
// count, free of undefined behaviour) compiled by enstage and by the system gcc print the same.
// In: PROGRAMS programs of EXPRESSIONS printed expressions each, grouped PER_FILE to a
// translation unit. Out: a failure listing the first differing lines with the C statement that
// printed them and the whole program of the first one, ready to be reduced.
//
// gcc is the oracle and must be present: without it the test fails, never skips (.ci/run
// installs it). gcc builds run as child processes, two at a time, while enstage compiles and
// runs the same files in-process, alternating -O2 and -O0. A second check compares gcc with the
// generator's own model of C arithmetic: the generator avoids undefined behaviour by computing
// every value, so a disagreement there means the generator, not enstage, needs fixing.

import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { Rng, generateProgram, programFile, type GeneratedProgram } from "./gen-expr.js";
import { compileC, runWasm } from "./wasm-run.js";

const SEED = 0xd1ff_2026;
const PROGRAMS = 300;
const EXPRESSIONS = 20;
const PER_FILE = 25;
/** Mismatching lines listed in a failure. */
const SHOW = 12;

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), "enstage-diff-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Batch {
  programs: GeneratedProgram[];
  source: string;
  optimize: 0 | 2;
}

const rng = new Rng(SEED);
const batches: Batch[] = [];
for (let i = 0; i < PROGRAMS; i += PER_FILE) {
  const programs = Array.from({ length: Math.min(PER_FILE, PROGRAMS - i) }, (_, k) => generateProgram(rng, `p${i + k}`, EXPRESSIONS));
  batches.push({ programs, source: programFile(programs), optimize: batches.length % 2 ? 0 : 2 });
}

async function gccOutput(b: Batch, index: number): Promise<string> {
  const base = join(work, `b${index}`);
  writeFileSync(`${base}.c`, b.source);
  try {
    await run("gcc", ["-std=gnu11", "-O0", "-w", "-o", base, `${base}.c`, "-lm"]);
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === "ENOENT") throw new Error("gcc not found: the differential test needs the system C compiler (Debian: apt-get install gcc)");
    throw new Error(`gcc rejected generated batch ${index}: ${err.stderr ?? err.message}`);
  }
  return (await run(base, [], { maxBuffer: 64 << 20 })).stdout;
}

/** Every batch through gcc, two builds at a time; started now so it overlaps enstage's work. */
async function gccAll(): Promise<string[]> {
  const out: string[] = new Array(batches.length);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const k = next++;
      out[k] = await gccOutput(batches[k], k);
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}
const gcc = gccAll();
// A rejection is reported by the test that awaits it, not as an unhandled one.
gcc.catch(() => {});

/** The differing lines, each with the statement that printed it. */
function differences(b: Batch, want: string, got: string, who: string): string[] {
  const w = want.split("\n");
  const g = got.split("\n");
  const out: string[] = [];
  for (let i = 0; i < Math.max(w.length, g.length); i++) {
    if (w[i] === g[i]) continue;
    const label = (w[i] ?? g[i] ?? "").split(" ")[0];
    const statement = b.source.split("\n").find((l) => l.includes(`"${label} `))?.trim() ?? "";
    out.push(`${label}: gcc ${w[i]?.slice(label.length + 1)}, ${who} ${g[i]?.slice(label.length + 1)}   <- ${statement}`);
  }
  return out;
}

function programOf(b: Batch, line: string): string {
  const name = line.split(".")[0];
  return b.programs.find((p) => p.name === name)?.source ?? "";
}

describe("generated expressions: enstage agrees with gcc", () => {
  it(`${PROGRAMS} programs of ${EXPRESSIONS} expressions, seed ${SEED.toString(16)}`, async () => {
    const ours: string[] = [];
    const problems: string[] = [];
    for (const [k, b] of batches.entries()) {
      const c = compileC(b.source, `diff${k}.c`, { optimize: b.optimize });
      if (c.errors.length) {
        problems.push(`batch ${k} does not compile: ${c.errors.slice(0, 3).join("; ")}`);
        ours.push("");
        continue;
      }
      const r = await runWasm(c.binary);
      if (r.trap || r.exitCode !== 0) problems.push(`batch ${k} (-O${b.optimize}): exit ${r.exitCode}${r.trap ? `, trap ${r.trap}` : ""}`);
      ours.push(r.stdout);
    }
    const want = await gcc;
    let first = "";
    for (const [k, b] of batches.entries()) {
      if (!ours[k]) continue;
      const d = differences(b, want[k], ours[k], `enstage -O${b.optimize}`);
      if (d.length && !first) first = programOf(b, d[0]);
      problems.push(...d);
    }
    expect(problems.slice(0, SHOW), `first differing program:\n${first}`).toEqual([]);
  });

  it("the generator's model agrees with gcc (so no program relies on undefined behaviour)", async () => {
    const want = await gcc;
    const problems = batches.flatMap((b, k) => differences(b, want[k], b.programs.map((p) => p.expected).join(""), "model"));
    expect(problems.slice(0, SHOW)).toEqual([]);
  });
});
