// The `enstage` command line.
// In: the process arguments and environment. Out: diagnostics on stdout (human-readable or
// JSON), summaries and usage errors on stderr, and the exit status: 0 success, 1 errors in the
// input, 2 a usage error (unknown option, unreadable file), 70 an internal compiler error.
// Subcommands are a table (`commands`), so each later stage adds one entry; this file only
// parses arguments and prints, it never decides anything about the language.

import { readFileSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import pkg from "../package.json" with { type: "json" };
import { checkSource, type FrontEndResult } from "./compile.js";
import { formatDiagnostic, messageOf, type Diagnostic } from "./diagnostics.js";

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
  run(values: Record<string, unknown>, files: string[]): number;
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

/**
 * An internal compiler error carries a stack excerpt (see src/compile.ts) that helps us, not the
 * user: keep only the error message unless ENSTAGE_DEBUG=1.
 */
function presentable(d: Diagnostic): Diagnostic {
  if (d.code !== "ICE" || debug) return d;
  return { ...d, args: d.args.map((a) => a.split(" | ")[0]) };
}

function colorize(text: string, severity: Diagnostic["severity"]): string {
  if (!colors.out) return text;
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
      if (result.diagnostics.some((d) => d.code === "ICE")) status = EXIT_ICE;
      else if (result.hasErrors) status = Math.max(status, 1);

      if (json) {
        reports.push({ file: input.name, diagnostics: result.diagnostics.map((d) => diagnosticJson(d, result)) });
        continue;
      }
      for (const d of result.diagnostics) {
        // An internal error's position is where the front end gave up, not a fault in that
        // line, so it is printed without a caret that would blame the user's code.
        const source = d.code === "ICE" ? undefined : result.sources.get(d.span.file);
        out(colorize(formatDiagnostic(presentable(d), source), d.severity));
        if (d.code === "ICE") out("      = note: this is a bug in enstage, not in your program" + (debug ? "" : " (ENSTAGE_DEBUG=1 shows more)"));
      }
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

// ---- the command table ------------------------------------------------------------------------

const commands: Command[] = [check];

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

export function main(argv: string[]): number {
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
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw explainParseError(e as Error & { code?: string }, command);
  }
  if (parsed.values.help) return out(commandHelp(command)), 0;
  return command.run(parsed.values, parsed.positionals);
}

function run(): void {
  if (debug) process.setSourceMapsEnabled(true);
  try {
    process.exitCode = main(process.argv.slice(2));
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

run();
