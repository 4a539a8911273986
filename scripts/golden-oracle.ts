// The output oracle for the run corpus.
// In: test/programs/run/*.c (optionally only the paths containing a filter argument).
// Out: beside each program, `NNN-topic.expected`: what the program printed on stdout, byte for
// byte, then a last line `[exit N]` with its exit status. With `--check` nothing is written:
// the expectations are compared with a fresh run, and the script exits 1 listing mismatches.
//
// The oracle is the system gcc, never enstage itself, so a wrong expectation cannot come from
// the compiler under test. Programs are built as `gcc -std=gnu11 -O0 -w -o tmp prog.c -lm` in a
// temporary directory that is removed afterwards, and run with no input, a fixed locale and a
// time limit. Usage:
//   npm run golden:oracle                 regenerate every expectation
//   npm run golden:oracle -- 042-         only the programs whose path contains "042-"
//   npm run golden:oracle -- --check      compare, write nothing

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const runDir = join(root, "test", "programs", "run");
const timeoutMs = 10_000;

/**
 * The `.expected` text for a run: stdout exactly, then `[exit N]` on a line of its own. A
 * newline is inserted before the marker only when the output does not already end with one, so
 * every program in the corpus ends its output with a newline to stay unambiguous. Runners that
 * compare enstage's output should build their text with this same function.
 */
export function formatExpected(stdout: Buffer | string, exitCode: number): Buffer {
  const out = typeof stdout === "string" ? Buffer.from(stdout, "utf8") : stdout;
  const sep = out.length > 0 && out[out.length - 1] !== 0x0a ? "\n" : "";
  return Buffer.concat([out, Buffer.from(`${sep}[exit ${exitCode}]\n`, "utf8")]);
}

/** `NNN-topic.c` → `NNN-topic.expected`. */
export function expectedPathOf(cPath: string): string {
  return cPath.replace(/\.c$/, ".expected");
}

interface Outcome {
  program: string;
  expected?: Buffer;
  error?: string;
}

/** Compiles and runs one program with gcc; an error when it does not build, crashes or hangs. */
function runWithGcc(cPath: string, workDir: string): Outcome {
  const program = relative(root, cPath);
  const exe = join(workDir, basename(cPath, ".c"));
  const cc = spawnSync("gcc", ["-std=gnu11", "-O0", "-w", "-o", exe, cPath, "-lm"], { encoding: "utf8" });
  if (cc.error) return { program, error: `cannot run gcc: ${cc.error.message}` };
  if (cc.status !== 0) return { program, error: `gcc failed:\n${cc.stderr.trim()}` };
  const run = spawnSync(exe, [], {
    cwd: workDir,
    input: "",
    timeout: timeoutMs,
    maxBuffer: 1 << 24,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", LC_ALL: "C" },
  });
  rmSync(exe, { force: true });
  if (run.error) return { program, error: `run failed: ${run.error.message}` };
  if (run.signal) return { program, error: `killed by ${run.signal}` };
  return { program, expected: formatExpected(run.stdout, run.status ?? 0) };
}

/** Every `.c` in the run folder, sorted, kept when its path contains one of the filters. */
export function listPrograms(filters: string[] = []): string[] {
  if (!existsSync(runDir)) return [];
  return readdirSync(runDir)
    .filter((f) => f.endsWith(".c"))
    .sort()
    .map((f) => join(runDir, f))
    .filter((p) => filters.length === 0 || filters.some((f) => relative(root, p).includes(f) || p.includes(f)));
}

function main(argv: string[]): number {
  const check = argv.includes("--check");
  const filters = argv.filter((a) => a !== "--check");
  const programs = listPrograms(filters);
  if (programs.length === 0) {
    process.stderr.write(`golden-oracle: no program matches ${filters.join(" ") || "(all)"}\n`);
    return 1;
  }
  const workDir = mkdtempSync(join(tmpdir(), "golden-oracle-"));
  const problems: string[] = [];
  let written = 0;
  try {
    programs.forEach((cPath, i) => {
      const outcome = runWithGcc(cPath, workDir);
      if (outcome.error !== undefined || outcome.expected === undefined) {
        problems.push(`${outcome.program}: ${outcome.error}`);
      } else {
        const target = expectedPathOf(cPath);
        const old = existsSync(target) ? readFileSync(target) : undefined;
        if (check) {
          if (old === undefined) problems.push(`${relative(root, target)}: missing`);
          else if (!old.equals(outcome.expected)) problems.push(`${relative(root, target)}: differs from gcc's output`);
        } else if (old === undefined || !old.equals(outcome.expected)) {
          writeFileSync(target, outcome.expected);
          written++;
        }
      }
      if ((i + 1) % 20 === 0 || i + 1 === programs.length) {
        process.stderr.write(`golden-oracle: ${i + 1}/${programs.length} programs\n`);
      }
    });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  for (const p of problems) process.stderr.write(`${p}\n`);
  if (!check) process.stderr.write(`golden-oracle: ${written} expectation(s) written\n`);
  return problems.length > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
