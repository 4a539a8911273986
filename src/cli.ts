// The `enstage` command line.
// In: the process arguments and environment. Out: diagnostics on stdout (human-readable or
// JSON), summaries and usage errors on stderr, files written by `compile`, and the exit status:
// 0 success, 1 errors in the input, 2 a usage error (unknown option, unreadable file), 70 an
// internal compiler error. `exec` instead exits with the status of the program it runs.
// Subcommands are a table (`commands`), so each later stage adds one entry; this file only
// parses arguments and prints, it never decides anything about the language.

import { readFileSync, writeFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import pkg from "../package.json" with { type: "json" };
import { checkSource, compileProgram, type CompileResult, type FrontEndResult } from "./compile.js";
import { formatDiagnostic, messageOf, type Diagnostic } from "./diagnostics.js";
import type { OptimizeLevel } from "./wasm.js";
import { runProgram } from "../runtime/run-program.js";
import { runPipeline } from "./run-pipeline.js";
import type { HostRecord } from "../runtime/records.js";
import { SpecializeError, specialize, type ParamValues } from "./specialize.js";
import type { Manifest } from "../runtime/abi.js";

/** BSD sysexits: EX_SOFTWARE, "internal software error", for a bug in enstage. */
const EXIT_ICE = 70;
const EXIT_USAGE = 2;

interface Command {
  name: string;
  /** One line for `enstage --help`. */
  summary: string;
  usage: string;
  /** The body of `enstage help NAME`: what it does, then its options. */
  help: string;
  options: ParseArgsConfig["options"];
  /** Arguments after `--` are not ours: they are handed to `run` untouched (`exec`). */
  passesArguments?: boolean;
  run(values: Record<string, unknown>, files: string[], passed: string[]): number | Promise<number>;
}

/** A mistake in how enstage was invoked: printed without a trace, exit status 2. */
class UsageError extends Error {}

// ---- output ---------------------------------------------------------------------------------

const env = process.env;
const debug = env.ENSTAGE_DEBUG === "1";
// https://no-color.org: any non-empty NO_COLOR turns colors off.
const colorFor = (stream: NodeJS.WriteStream) => stream.isTTY === true && !env.NO_COLOR;
const colors = { out: colorFor(process.stdout), err: colorFor(process.stderr) };
const paint = (on: boolean, code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

const out = (s: string) => process.stdout.write(s + "\n");
const err = (s: string) => process.stderr.write(s + "\n");
type Print = (s: string) => void;

/**
 * An internal compiler error carries a stack excerpt (see src/compile.ts) that helps us, not the
 * user: keep only the error message unless ENSTAGE_DEBUG=1.
 */
function presentable(d: Diagnostic): Diagnostic {
  if (d.code !== "ICE" || debug) return d;
  return { ...d, args: d.args.map((a) => a.split(" | ")[0]) };
}

function colorize(text: string, severity: Diagnostic["severity"], on = colors.out): string {
  if (!on) return text;
  const [head, ...rest] = text.split("\n");
  const colored = head.replace(
    /^(.*?: )(error|warning)( [A-Z]+\d*:)/,
    (_, where: string, sev: string, code: string) =>
      paint(true, "1", where) + paint(true, severity === "error" ? "1;31" : "1;35", sev) + paint(true, "1", code),
  );
  const caret = rest.map((line, i) => (i === rest.length - 1 ? line.replace(/\^~*$/, (m) => paint(true, "1;32", m)) : line));
  return [colored, ...caret].join("\n");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function countOf(diags: Diagnostic[]): { errors: number; warnings: number } {
  const errors = diags.filter((d) => d.severity === "error").length;
  return { errors, warnings: diags.length - errors };
}

/** `2 errors, 1 warning`; `ok` when there is nothing. */
function tally(diags: Diagnostic[]): string {
  const { errors, warnings } = countOf(diags);
  const parts = [errors ? plural(errors, "error") : "", warnings ? plural(warnings, "warning") : ""].filter(Boolean);
  return parts.length ? parts.join(", ") : "ok";
}

/** The JSON form of one diagnostic: positions are 1-based; the end is exclusive, as the span. */
function diagnosticJson(d: Diagnostic, result: FrontEndResult) {
  const p = presentable(d);
  const source = result.sources.get(d.span.file);
  const end = source && d.span.line > 0 ? source.position(d.span.end) : undefined;
  return {
    code: d.code,
    severity: d.severity,
    message: messageOf(p),
    file: d.span.file,
    line: d.span.line,
    col: d.span.col,
    ...(end ? { endLine: end.line, endCol: end.col } : {}),
  };
}

// ---- check ----------------------------------------------------------------------------------

interface Input {
  name: string;
  text: string;
}

/** Reads every input first, so a mistyped name is a usage error before any output. */
function readInputs(files: string[]): Input[] {
  return files.map((name) => {
    try {
      return { name: name === "-" ? "<stdin>" : name, text: readFileSync(name === "-" ? 0 : name, "utf8") };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why =
        code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : String((e as Error).message);
      throw new UsageError(`cannot read '${name}': ${why}`);
    }
  });
}

/** `-D NAME` and `-D NAME=VALUE`, as a C compiler takes them. */
function parseDefines(list: string[]): Record<string, string> {
  const defines: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf("=");
    const name = eq < 0 ? item : item.slice(0, eq);
    if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) throw new UsageError(`-D '${item}': '${name}' is not a macro name`);
    defines[name] = eq < 0 ? "1" : item.slice(eq + 1);
  }
  return defines;
}

/** Runs the front end; a crash outside its own guard is still reported as an internal error. */
function checkOne(input: Input, defines: Record<string, string>): FrontEndResult | { crash: unknown } {
  try {
    return checkSource(input.text, input.name, { defines });
  } catch (e) {
    return { crash: e };
  }
}

/** Every diagnostic as `file:line:col: error CODE: message`, the source line and a caret. */
function printDiagnostics(result: FrontEndResult, print: Print, color: boolean): void {
  for (const d of result.diagnostics) {
    // An internal error's position is where the front end gave up, not a fault in that
    // line, so it is printed without a caret that would blame the user's code.
    const source = d.code === "ICE" ? undefined : result.sources.get(d.span.file);
    print(colorize(formatDiagnostic(presentable(d), source), d.severity, color));
    if (d.code === "ICE") print("      = note: this is a bug in enstage, not in your program" + (debug ? "" : " (ENSTAGE_DEBUG=1 shows more)"));
  }
}

/** The status for a result with diagnostics: 70 for an internal error, 1 for errors, else 0. */
function statusOf(result: FrontEndResult): number {
  if (result.diagnostics.some((d) => d.code === "ICE")) return EXIT_ICE;
  return result.hasErrors ? 1 : 0;
}

function reportCrash(file: string, e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  err(`${file}: ${paint(colors.err, "1;31", "internal compiler error")}: ${message}`);
  if (debug && e instanceof Error && e.stack) err(e.stack);
  else err("This is a bug in enstage, not in your program. Set ENSTAGE_DEBUG=1 to see where it happened.");
}

const check: Command = {
  name: "check",
  summary: "check fragments: preprocess, parse, type-check, report every diagnostic",
  usage: "enstage check FILE... [--json] [-D NAME[=VALUE]]...",
  help: `Preprocess, parse and type-check each FILE and print every diagnostic as
  file:line:col: error CODE: message
followed by the source line and a caret under the problem. FILE may have any extension
(.cod by convention; .c works); '-' reads standard input. Diagnostics go to stdout; a summary
goes to stderr (per file when there are several; nothing for a single clean file).

Options:
  --json                  print the diagnostics as JSON on stdout instead:
                          { "file", "diagnostics": [{ "code", "severity", "message", "file",
                          "line", "col", "endLine", "endCol" }] }, an array of these for
                          several files
  -D, --define NAME[=VALUE]
                          define a macro before the file is read (VALUE defaults to 1)
  -h, --help              show this help

Exit status: 0 no errors (warnings allowed), 1 errors, 2 usage error, 70 internal error.`,
  options: {
    json: { type: "boolean" },
    define: { type: "string", short: "D", multiple: true },
  },
  run(values, files) {
    if (files.length === 0) throw new UsageError("check: no input files");
    const inputs = readInputs(files);
    const defines = parseDefines((values.define as string[] | undefined) ?? []);
    const json = values.json === true;
    const several = inputs.length > 1;

    let status = 0;
    const reports: unknown[] = [];
    for (const input of inputs) {
      const result = checkOne(input, defines);
      if ("crash" in result) {
        reportCrash(input.name, result.crash);
        status = EXIT_ICE;
        continue;
      }
      const st = statusOf(result);
      if (st === EXIT_ICE) status = EXIT_ICE;
      else status = Math.max(status, st);

      if (json) {
        reports.push({ file: input.name, diagnostics: result.diagnostics.map((d) => diagnosticJson(d, result)) });
        continue;
      }
      printDiagnostics(result, out, colors.out);
      if (several) err(`${input.name}: ${tally(result.diagnostics)}`);
      else if (result.diagnostics.length) err(tally(result.diagnostics));
    }
    if (json) out(JSON.stringify(several ? reports : reports[0], null, 2));
    else if (several) {
      const bad = status === 0 ? "no errors" : status === 1 ? "errors found" : "internal compiler error";
      err(`${plural(inputs.length, "file")} checked: ${bad}`);
    }
    return status;
  },
};

// ---- compile and exec -----------------------------------------------------------------------

const optimizeOption = { type: "string", short: "O" } as const;
const defineOption = { type: "string", short: "D", multiple: true } as const;

/** `-O0` … `-O3`, `-Os`; -O2 when not given. */
function parseOptimize(value: unknown, command: string): OptimizeLevel {
  if (value === undefined) return 2;
  const v = String(value);
  if (v === "s") return "s";
  if (v === "0" || v === "1" || v === "2" || v === "3") return Number(v) as 0 | 1 | 2 | 3;
  throw new UsageError(`${command}: -O${v}: the levels are -O0, -O1, -O2, -O3 and -Os`);
}

/** Exactly one input file, read; more or fewer is a usage error. */
function oneInput(command: string, files: string[], hint: string): Input {
  if (files.length === 0) throw new UsageError(`${command}: no input file`);
  if (files.length > 1) throw new UsageError(`${command}: one input file at a time (got ${files.length})${hint}`);
  return readInputs(files)[0];
}

function parseMaxPages(v: unknown, command: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 65536) throw new UsageError(`${command}: --max-pages takes a whole number of 64 KiB pages from 1 to 65536, not '${v}'`);
  return n;
}

/** `--records FILE.json`: the host's record layouts (one object or a list). */
function parseRecords(v: unknown, command: string): HostRecord[] | undefined {
  if (v === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(String(v), "utf8");
  } catch (e) {
    throw new UsageError(`${command}: cannot read --records '${v}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${command}: --records '${v}' is not valid JSON: ${(e as Error).message}`);
  }
  const list = Array.isArray(json) ? json : [json];
  list.forEach((r, i) => {
    const ok = typeof r === "object" && r !== null && typeof r.name === "string" && Array.isArray(r.fields);
    if (!ok) throw new UsageError(`${command}: --records '${v}': record ${i} needs "name" and "fields"`);
  });
  return list as HostRecord[];
}

/** Runs the whole pipeline; a crash outside its own guard is still reported as an internal error. */
function compileOne(input: Input, values: Record<string, unknown>, command: string, text = false): CompileResult | undefined {
  const options = {
    optimize: parseOptimize(values.optimize, command),
    defines: parseDefines((values.define as string[] | undefined) ?? []),
    text,
    fuel: values.fuel === true,
    maxPages: parseMaxPages(values["max-pages"], command),
    records: parseRecords(values.records, command),
  };
  try {
    return compileProgram(input.text, input.name, options);
  } catch (e) {
    reportCrash(input.name, e);
    return undefined;
  }
}

function writeOutput(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such directory" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : String((e as Error).message);
    throw new UsageError(`cannot write '${path}': ${why}`);
  }
}

const levels = `  -O0, -O1, -O2, -O3, -Os  binaryen optimization level (default -O2; -O0 keeps the code as
                          generated, -Os optimizes for size)
  -D, --define NAME[=VALUE]
                          define a macro before the file is read (VALUE defaults to 1)`;

const compile: Command = {
  name: "compile",
  summary: "compile a fragment or program to a WebAssembly module and its manifest",
  usage: "enstage compile FILE [-o OUT.wasm] [--wat] [--bindings] [--fuel] [--max-pages N] [--records FILE.json] [-O LEVEL] [-D NAME[=VALUE]]...",
  help: `Compile FILE (with the libc functions it calls) to a validated, optimized WebAssembly
module, and write
  OUT.wasm            the module
  OUT.manifest.json   its manifest: the exported functions with their C signatures, the
                      imports, the program's globals, the layout of every struct (name, type,
                      size and offset of each field), the memory map, and a content hash
  OUT.wat             the module as text, with --wat
  OUT.ts              typed TypeScript bindings, with --bindings: an interface and a view
                      over wasm memory per record type, the C functions and fragments typed
OUT is FILE's name without its extension, in the current directory, unless -o says otherwise.
Diagnostics are printed as 'enstage check' prints them; nothing is written if there is an
error. A program's 'main' is exported like any other function; 'enstage exec' runs it.

Options:
  -o, --output OUT.wasm   where to write the module (the manifest and text go beside it)
  --wat                   also write the module as WebAssembly text (OUT.wat)
  --bindings              also write typed TypeScript bindings for the module (OUT.ts)
  --fuel                  count fuel at function entries and loop iterations (export
                          enstage_fuel): a host's per-call budget stops a runaway fragment
  --max-pages N           the module's memory maximum in 64 KiB pages (default 16384 = 1 GiB);
                          an access beyond memory traps
  --records FILE.json     record layouts the host supplies, as CoD field lists:
                          [{ "name": "particle", "size": 64, "fields": [{ "name": "x",
                          "type": "double", "size": 8, "offset": 0 }, ...] }]; the fragment
                          reads them at exactly those offsets (spec §8)
${levels}
  -h, --help              show this help

Examples:
  enstage compile examples/bbox.cod              writes bbox.wasm, bbox.manifest.json
  enstage compile kernel.cod -o out/k.wasm --wat -O3
  enstage compile hist.cod -D NBINS=64 -Os

Exit status: 0 written (warnings allowed), 1 errors, 2 usage error, 70 internal error.`,
  options: {
    output: { type: "string", short: "o" },
    wat: { type: "boolean" },
    bindings: { type: "boolean" },
    fuel: { type: "boolean" },
    "max-pages": { type: "string" },
    records: { type: "string" },
    optimize: optimizeOption,
    define: defineOption,
  },
  async run(values, files) {
    const input = oneInput("compile", files, "");
    const wat = values.wat === true;
    const result = compileOne(input, values, "compile", wat);
    if (!result) return EXIT_ICE;
    printDiagnostics(result, out, colors.out);
    if (result.diagnostics.length) err(tally(result.diagnostics));
    const status = statusOf(result);
    if (status !== 0 || !result.binary || !result.manifest) return status || EXIT_ICE;

    const output = (values.output as string | undefined) ?? defaultOutput(input.name);
    const stem = output.endsWith(".wasm") ? output.slice(0, -".wasm".length) : output;
    writeOutput(output, result.binary);
    writeOutput(`${stem}.manifest.json`, JSON.stringify(result.manifest, null, 2) + "\n");
    if (wat) writeOutput(`${stem}.wat`, result.text ?? "");
    if (values.bindings === true) {
      // Loaded only when asked for: ts-morph brings the TypeScript compiler with it.
      const { generateBindings } = await import("./bindings.js");
      writeOutput(`${stem}.ts`, generateBindings(result.manifest, { moduleName: basename(stem), wasmFileName: basename(output) }));
    }
    return 0;
  },
};

/** `dir/bbox.cod` → `bbox.wasm` (in the current directory, as a C compiler's -c does). */
function defaultOutput(inputName: string): string {
  if (inputName === "<stdin>") return "a.wasm";
  const base = basename(inputName);
  return (extname(base) ? base.slice(0, -extname(base).length) : base) + ".wasm";
}

/**
 * The program's output, buffered as C's stdout is when it is not a terminal: few large writes
 * instead of one per putchar. Anything on stderr first flushes stdout, so the two interleave
 * in the order the program wrote them.
 */
class OutputBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  constructor(private readonly stream: NodeJS.WriteStream) {}
  write(bytes: Uint8Array): void {
    // A copy: the host may reuse the array it passed.
    this.chunks.push(Buffer.from(bytes));
    this.size += bytes.length;
    if (this.size >= 1 << 16) this.flush();
  }
  flush(): void {
    if (this.size === 0) return;
    this.stream.write(Buffer.concat(this.chunks, this.size));
    this.chunks = [];
    this.size = 0;
  }
}

const exec: Command = {
  name: "exec",
  summary: "compile a C program in memory and run its main",
  usage: "enstage exec FILE [-O LEVEL] [-D NAME[=VALUE]]... [-- ARGS...]",
  help: `Compile FILE (nothing is written) and run its 'main' like a C program: ARGS after '--'
become argv[1...] (argv[0] is FILE's name without its extension), the program's output goes
to stdout and stderr, and its exit status is enstage's:
  main returns n, or exit(n)    status n (its low 8 bits, as a shell sees it)
  abort() or a failed assert    status 134, "Aborted" on stderr
  a trap                        status 70, one line on stderr naming the error and the C
                                function: out-of-bounds memory access, integer division by
                                zero, __builtin_trap, stack overflow, a bad function pointer
Compile errors and warnings are printed on stderr; with an error nothing runs (status 1).

Options:
${levels}
  -h, --help              show this help

Examples:
  enstage exec hello.c
  enstage exec wc.c -- -l input.txt
  enstage exec sim.c -O0 -D NSTEPS=100; echo "status $?"

Exit status: the program's; otherwise 1 compile errors, 2 usage error, 70 internal error.`,
  options: {
    optimize: optimizeOption,
    define: defineOption,
  },
  passesArguments: true,
  async run(values, files, passed) {
    const input = oneInput("exec", files, "; pass arguments to the program after '--'");
    const result = compileOne(input, values, "exec");
    if (!result) return EXIT_ICE;
    // stdout belongs to the program: the compiler speaks on stderr, as gcc does.
    printDiagnostics(result, err, colors.err);
    const status = statusOf(result);
    if (status !== 0 || !result.binary || !result.manifest) {
      err(tally(result.diagnostics));
      return status || EXIT_ICE;
    }
    if (!result.manifest.exports.some((e) => e.name === "main")) {
      err(`enstage: exec: '${input.name}' defines no 'main' function to run (to build a fragment, use 'enstage compile')`);
      return 1;
    }
    const stdout = new OutputBuffer(process.stdout);
    const programName = input.name === "<stdin>" ? "a.out" : basename(input.name, extname(input.name));
    try {
      const run = await runProgram(result.binary, {
        args: passed,
        programName,
        sourceMap: result.sourceMap,
        stdout: (b) => stdout.write(b),
        stderr: (b) => {
          stdout.flush();
          process.stderr.write(Buffer.from(b));
        },
      });
      return run.exitCode;
    } finally {
      stdout.flush();
    }
  },
};

const natsOptions: ParseArgsConfig["options"] = {
  nats: { type: "string" },
  run: { type: "string" },
  creds: { type: "string" },
  user: { type: "string" },
  password: { type: "string" },
  token: { type: "string" },
};

function natsSettings(values: Record<string, unknown>) {
  const str = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  return { url: str("nats"), run: str("run"), credsFile: str("creds"), user: str("user"), pass: str("password"), token: str("token") };
}

const runCommand: Command = {
  name: "run",
  summary: "run a pipeline: the synthetic simulation's ranks write through SmartTap, CStager stages and stores",
  usage: "enstage run PIPELINE.json... [-o OUT.h5 | --no-output] [--progress | --no-progress] | enstage run PIPELINE.json --nats URL [--ranks 0-3] [--run NAME]",
  help: `Run the operation a pipeline file describes, on the embedded default: the fragment file it
names is compiled (with fuel, so no fragment can hang a rank); the built-in synthetic particle
simulation runs its ranks as worker threads, each writing every step through a SmartTap (the
step's records are copied into a buffer pool and the local phase of 'global' params runs);
a CStager on the main thread gathers the partials, merges and finalizes them, specializes the
fragments with the global values, and pulls each rank's data, running each step where it is
placed: at the source on the buffered data (only the result moves) or at staging. Each step is
stored as a group of an HDF5 file. A fragment that traps or runs out of fuel is quarantined and
its data stored unprocessed; the run goes on.

Prints per pipeline: the global values, bytes written by the simulation, moved to staging and
stored, the simulation's time inside write as a share of its step time, where each fragment ran,
faults, and the first output records. A progress bar runs on stderr on a terminal.

Pipeline file (JSON; the fragment file relative to it, the output to the current directory):
  { "fragments": "subsample.cod",
    "steps": [ { "fragment": "energy_histogram", "at": "source", "cap": 1 },
               { "fragment": "merge_histograms", "at": "staging", "cap": 1 } ],
    "params": { "xmin": -0.5 },
    "placements": [ { "step": 2, "fragment": "energy_histogram", "at": "staging" } ],
    "output": "out/subsample.h5",
    "simulation": { "ranks": 4, "particles": 100000, "seed": 1, "steps": 4, "work": 1 },
    "runtime": { "slots": 4, "policy": "block", "timeoutMs": 30000, "pulls": 4, "threads": true } }
Defaults: output out/NAME.h5 (NAME: the pipeline file's); simulation as shown (work: µs of
compute per particle per step); runtime as shown (slots: pool buffers per rank; policy: what a
full pool does to write, "block" up to timeoutMs or "fail" at once; pulls: pulls in flight).

Options:
  -o, --output FILE   the HDF5 file to write (overrides the pipeline's "output")
  --no-output         store nothing; count the bytes that would be stored
  --progress          show the progress bar even when stderr is not a terminal
  --no-progress       never show it

Across processes (see 'enstage help stager'): with --nats URL (or "nats": { "url" } in the
pipeline) this process runs only the simulation's ranks, each writing through a SmartTap linked
to the stagers over NATS; start one or more 'enstage stager' processes for the same pipeline.
  --nats URL          the NATS server (nats://host:port; several separated by commas)
  --ranks LIST        the ranks to run here, e.g. 0-3 or 0,2 (default: all the pipeline's)
  --run NAME          the run's name, shared by its stagers and ranks (default: the pipeline
                      file's name)
  --creds FILE, --user U --password P, --token T   NATS credentials

Examples:
  enstage run examples/enstage/subsample.json
  enstage run examples/enstage/bbox-in-place.json -o /tmp/bbox.h5
  h5dump -H out/subsample.h5

Exit status: 0 ok, 1 a bad pipeline or fragment file or a failed run (every problem is
named), 2 usage error.`,
  options: {
    output: { type: "string", short: "o" },
    "no-output": { type: "boolean" },
    progress: { type: "boolean" },
    "no-progress": { type: "boolean" },
    ...natsOptions,
    ranks: { type: "string" },
  },
  async run(values, files) {
    if (files.length === 0) throw new UsageError("run: expected a pipeline file");
    if (values.nats !== undefined || values.ranks !== undefined) {
      if (files.length > 1) throw new UsageError("run: with --nats, one pipeline at a time");
      const { sourcesCommand } = await import("./distributed.js");
      return sourcesCommand(files[0], { ...natsSettings(values), ranks: values.ranks as string | undefined }, out, err);
    }
    if (values.output !== undefined && values["no-output"]) throw new UsageError("run: --output and --no-output contradict each other");
    if (values.output !== undefined && files.length > 1) throw new UsageError("run: --output names one file, but several pipelines were given");
    const overrides = {
      ...(values["no-output"] ? { output: null } : values.output !== undefined ? { output: String(values.output) } : {}),
      ...(values.progress ? { progress: true } : values["no-progress"] ? { progress: false } : {}),
    };
    let status = 0;
    for (const [i, file] of files.entries()) {
      if (i > 0) process.stdout.write("\n");
      const s = await runPipeline(file, (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`), overrides);
      status = Math.max(status, s);
    }
    return status;
  },
};

// ---- across processes (NATS) ------------------------------------------------------------------

const stagerCommand: Command = {
  name: "stager",
  summary: "serve as a CStager for a pipeline run on NATS (several may share the work)",
  usage: "enstage stager PIPELINE.json --nats URL [--run NAME] [-o DIR | --no-output] [--name NAME]",
  help: `Run a CStager process for the pipeline's run on a NATS server with JetStream. The first
stager to start publishes the pipeline's compiled module and placement; the sources ('enstage run
PIPELINE --nats URL', any number of processes) announce each step to the stagers; the stagers
share the steps (a work queue: each step runs on one of them; one that dies leaves its steps to
the others, redone from the data still in the stream), run the global phase, specialize, pull
each source's chunk (reduced at the source when a fragment is placed there) and store each step
as its own HDF5 file. It exits when every step of the run is stored and every source is done.

A new module version or placement while it runs: 'enstage deploy'. A fresh run needs a new run
name (or 'enstage stager --reset' first, when nothing runs): streams keep a run's data.

Options:
  --nats URL          the NATS server (or "nats": { "url" } in the pipeline, or NATS_URL)
  --run NAME          the run's name (default: the pipeline file's name)
  -o, --output DIR    where the step files go (default out/RUN/)
  --no-output         store nothing (count only)
  --name NAME         this stager's name in logs and step reports (default: its process id)
  --delay-ms N        wait N ms more per step (to test a slow staging area)
  --ack-wait-ms N     how long a dead stager's step waits before another takes it (default 10000)
  --reset             delete the run's streams and step records, then exit
  --creds FILE, --user U --password P, --token T   NATS credentials

A local server for trying it (Debian: apt-get install nats-server):
  nats-server -js -sd /tmp/nats &
  enstage stager examples/enstage/subsample.json --nats nats://127.0.0.1:4222 --name s1 &
  enstage stager examples/enstage/subsample.json --nats nats://127.0.0.1:4222 --name s2 &
  enstage run examples/enstage/subsample.json --nats nats://127.0.0.1:4222 --ranks 0-1 &
  enstage run examples/enstage/subsample.json --nats nats://127.0.0.1:4222 --ranks 2-3

Exit status: 0 when the run is stored, 1 on a bad pipeline, an unreachable server or a failure.`,
  options: {
    ...natsOptions,
    output: { type: "string", short: "o" },
    "no-output": { type: "boolean" },
    name: { type: "string" },
    "delay-ms": { type: "string" },
    "ack-wait-ms": { type: "string" },
    reset: { type: "boolean" },
  },
  async run(values, files) {
    if (files.length !== 1) throw new UsageError("stager: expected one pipeline file");
    const num = (k: string) => {
      if (values[k] === undefined) return undefined;
      const n = Number(values[k]);
      if (!Number.isInteger(n) || n < 0) throw new UsageError(`stager: --${k} takes a whole number of milliseconds, not '${values[k]}'`);
      return n;
    };
    const settings = natsSettings(values);
    if (values.reset) {
      const url = settings.url ?? process.env.NATS_URL;
      if (!url) throw new UsageError("stager: --reset needs --nats URL");
      const run = settings.run ?? files[0].replace(/^.*\//, "").replace(/\.json$/, "");
      const { connect } = await import("../runtime/nats/connect.js");
      const { resetRun } = await import("../runtime/nats/run.js");
      const nc = await connect(url, { name: "enstage stager --reset" });
      await resetRun(nc, run);
      await nc.close();
      out(`run '${run}': streams and step records deleted`);
      return 0;
    }
    const { stagerCommand: serve } = await import("./distributed.js");
    return serve(files[0], {
      ...settings,
      name: values.name as string | undefined,
      output: values["no-output"] ? null : (values.output as string | undefined),
      delayMs: num("delay-ms"),
      ackWaitMs: num("ack-wait-ms"),
    }, out, err);
  },
};

const deployCommand: Command = {
  name: "deploy",
  summary: "publish a new module version and/or placement to a running pipeline on NATS",
  usage: "enstage deploy [FRAGMENTS.cod] --nats URL --run NAME [--place FRAGMENT=source|staging]...",
  help: `Change a pipeline while it runs across processes. With FRAGMENTS.cod, compile it (with fuel),
store the module in the run's Object Store by its hash and make it the run's version; with
--place, move fragments between the sources and staging. The placement is a KV entry watched by
every stager, changed with compare-and-set; each step runs entirely under the version in force
when it starts. A stager refuses a module that is corrupt, does not match its hash, lacks a step's
fragment or computes other global values, and keeps the previous version running.

Options:
  --nats URL                   the NATS server
  --run NAME                   the run to change
  --place FRAGMENT=WHERE       run FRAGMENT at the source or at staging (repeatable)
  --creds FILE, --user U --password P, --token T   NATS credentials

Examples:
  enstage deploy subsample-v2.cod --nats nats://127.0.0.1:4222 --run subsample
  enstage deploy --nats nats://127.0.0.1:4222 --run bbox --place in_box=source`,
  options: { ...natsOptions, place: { type: "string", multiple: true } },
  async run(values, files) {
    if (files.length > 1) throw new UsageError("deploy: at most one fragment file");
    const place = (values.place as string[] | undefined) ?? [];
    if (files.length === 0 && place.length === 0) throw new UsageError("deploy: give a fragment file, --place, or both");
    const { deployCommand: deploy } = await import("./distributed.js");
    return deploy(files[0], { ...natsSettings(values), place }, out, err);
  },
};

// ---- specialize -------------------------------------------------------------------------------

const specializeCommand: Command = {
  name: "specialize",
  summary: "bind a compiled module's params to values and re-optimize it",
  usage: "enstage specialize MODULE.wasm --set NAME=VALUE... [-o OUT.wasm] [--manifest FILE] [--wat]",
  help: `Read MODULE.wasm and its manifest (MODULE.manifest.json beside it, as 'enstage compile'
writes them), replace each param by the value given with --set, re-optimize, and write
  OUT.wasm            the specialized module: it no longer imports the params
  OUT.manifest.json   its manifest: the params marked bound, with their values; a new hash
  OUT.wat             the module as text, with --wat
OUT is MODULE's name with '.specialized' added, in the current directory, unless -o says
otherwise. No source is needed. Every param the module still imports needs a value; an
integer param takes an integer in its C type's range, a floating one any number (inf, nan).

Options:
  --set NAME=VALUE        the value of param NAME (repeat for each param)
  -o, --output OUT.wasm   where to write the module (the manifest and text go beside it)
  --manifest FILE         the module's manifest, if not MODULE.manifest.json
  --wat                   also write the module as WebAssembly text (OUT.wat)
  -h, --help              show this help

Examples:
  enstage specialize k3.wasm --set mu=4.5 --set sigma=2.3
  enstage specialize k3.wasm --set mu=4.5 --set sigma=2.3 -o k3-deployed.wasm --wat

Exit status: 0 written, 1 values that do not fit the params or a module or manifest that
cannot be read as one, 2 usage error.`,
  options: {
    set: { type: "string", multiple: true },
    output: { type: "string", short: "o" },
    manifest: { type: "string" },
    wat: { type: "boolean" },
  },
  run(values, files) {
    if (files.length !== 1) throw new UsageError(files.length ? `specialize: one module at a time (got ${files.length})` : "specialize: no module");
    const modulePath = files[0];
    const stem = modulePath.endsWith(".wasm") ? modulePath.slice(0, -".wasm".length) : modulePath;
    const manifestPath = (values.manifest as string | undefined) ?? `${stem}.manifest.json`;
    const binary = readBytes(modulePath);
    const fail = (message: string) => {
      err(`enstage specialize: ${message}`);
      return 1;
    };
    if (!WebAssembly.validate(binary as BufferSource)) return fail(`'${modulePath}' is not a valid WebAssembly module`);
    let manifest: Manifest;
    try {
      manifest = JSON.parse(readBytes(manifestPath).toString());
    } catch (e) {
      if (e instanceof UsageError) throw e;
      return fail(`'${manifestPath}' is not a manifest: ${(e as Error).message}`);
    }
    if (!Array.isArray(manifest?.params) || typeof manifest.hash !== "string") return fail(`'${manifestPath}' is not the manifest of a fragment module (no params)`);
    const params = parseSettings((values.set as string[] | undefined) ?? [], manifest);
    const wat = values.wat === true;
    let result;
    try {
      result = specialize(binary, manifest, params, { text: wat });
    } catch (e) {
      if (e instanceof SpecializeError) return fail(e.message);
      throw e;
    }
    const output = (values.output as string | undefined) ?? `${basename(stem)}.specialized.wasm`;
    const outStem = output.endsWith(".wasm") ? output.slice(0, -".wasm".length) : output;
    writeOutput(output, result.binary);
    writeOutput(`${outStem}.manifest.json`, JSON.stringify(result.manifest, null, 2) + "\n");
    if (wat) writeOutput(`${outStem}.wat`, result.text ?? "");
    return 0;
  },
};

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : String((e as Error).message);
    throw new UsageError(`cannot read '${path}': ${why}`);
  }
}

/**
 * `--set NAME=VALUE` as the value the param's type takes: integers (decimal or 0x hex) exactly,
 * as bigints for 64-bit params; numbers otherwise. A value that does not parse is passed on as
 * written, so that `specialize` names the param and what it expected.
 */
function parseSettings(list: string[], manifest: Manifest): ParamValues {
  const out: Record<string, unknown> = {};
  for (const item of list) {
    const eq = item.indexOf("=");
    const name = eq < 0 ? item : item.slice(0, eq);
    if (eq <= 0 || !/^[A-Za-z_]\w*$/.test(name)) throw new UsageError(`specialize: --set '${item}': expected NAME=VALUE`);
    if (name in out) throw new UsageError(`specialize: --set ${name} given twice`);
    const text = item.slice(eq + 1).trim();
    const wasm = manifest.params.find((p) => p.name === name)?.wasm;
    const int = /^([+-]?)(0x[0-9a-f]+|\d+)$/i.exec(text);
    if (int && (wasm === "i32" || wasm === "i64")) {
      const v = BigInt(int[2]) * (int[1] === "-" ? -1n : 1n);
      out[name] = wasm === "i64" ? v : Number(v);
    } else if (/^[+-]?(inf|infinity)$/i.test(text)) out[name] = text.startsWith("-") ? -Infinity : Infinity;
    else if (/^[+-]?nan$/i.test(text)) out[name] = NaN;
    else if (text !== "" && Number.isFinite(Number(text))) out[name] = Number(text);
    else out[name] = text;
  }
  return out as ParamValues;
}

// ---- the command table ------------------------------------------------------------------------

const commands: Command[] = [check, compile, exec, runCommand, stagerCommand, deployCommand, specializeCommand];

function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length), "help".length) + 2;
  const list = [...commands.map((c) => [c.name, c.summary]), ["help", "show help for a command: enstage help check"]];
  return `enstage ${pkg.version}: the compiler for C fragments (CoD-style) that run in a simulation's data path

Usage: enstage <command> [options] [files]

Commands:
${list.map(([name, summary]) => `  ${name.padEnd(width)}${summary}`).join("\n")}

Options:
  -h, --help     show this help
  -V, --version  print the version

Environment: NO_COLOR turns colors off; ENSTAGE_DEBUG=1 shows the stack of an internal error.
The language is described in grammar/spec.md.`;
}

function commandHelp(c: Command): string {
  return `Usage: ${c.usage}\n\n${c.help}`;
}

function findCommand(name: string): Command {
  const c = commands.find((x) => x.name === name);
  if (!c) throw new UsageError(`unknown command '${name}' (commands: ${[...commands.map((x) => x.name), "help"].join(", ")})`);
  return c;
}

/** Node's parseArgs messages are long; say the same thing in one line, naming the command. */
function explainParseError(e: Error & { code?: string }, c: Command): UsageError {
  const option = /'([^']+)'/.exec(e.message)?.[1] ?? "";
  switch (e.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return new UsageError(`${c.name}: unknown option '${option}'`);
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return new UsageError(`${c.name}: ${e.message.replace(/^Option/, "option")}`);
    default:
      return new UsageError(`${c.name}: ${e.message}`);
  }
}

export function main(argv: string[]): number | Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    err(mainHelp());
    return EXIT_USAGE;
  }
  if (first === "-h" || first === "--help") return out(mainHelp()), 0;
  if (first === "-V" || first === "--version") return out(pkg.version), 0;
  if (first === "help") {
    if (rest.length === 0) return out(mainHelp()), 0;
    return out(commandHelp(findCommand(rest[0]))), 0;
  }
  if (first.startsWith("-")) throw new UsageError(`unknown option '${first}'`);

  const command = findCommand(first);
  // Everything after the first `--` belongs to the program that `exec` runs.
  const split = command.passesArguments ? rest.indexOf("--") : -1;
  const ours = split < 0 ? rest : rest.slice(0, split);
  const passed = split < 0 ? [] : rest.slice(split + 1);
  let parsed;
  try {
    parsed = parseArgs({
      args: ours,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw explainParseError(e as Error & { code?: string }, command);
  }
  if (parsed.values.help) return out(commandHelp(command)), 0;
  return command.run(parsed.values, parsed.positionals, passed);
}

/** 128 + SIGPIPE: what a shell reports for a C program whose reader went away. */
const EXIT_PIPE = 141;

async function run(): Promise<void> {
  if (debug) process.setSourceMapsEnabled(true);
  // `enstage exec prog.c | head` closes our stdout early; a C program would die of SIGPIPE
  // without a word, and so do we, instead of a Node stack trace.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    process.exit(EXIT_PIPE);
  });
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      err(`enstage: ${e.message}`);
      err("Run 'enstage --help' for usage.");
      process.exitCode = EXIT_USAGE;
    } else {
      reportCrash("enstage", e);
      process.exitCode = EXIT_ICE;
    }
  }
}

void run();
