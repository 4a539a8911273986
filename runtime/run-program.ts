// Running a compiled C program the way a shell runs a process.
// In: a module's bytes (fragment ABI, runtime/abi.ts) that exports `main`, the program's
// arguments, and byte sinks for its stdout and stderr. Out: the exit status a shell would see:
// main's return value or exit(n) (low 8 bits), 134 for abort() or a failed assert (with
// "Aborted" on stderr, as a shell prints it), 70 for a wasm trap, with one line on stderr
// naming what went wrong, in which C function and, given the module's source map, at which
// source line.
//
// Returning from main is C's exit(): when the module exports the libc's `exit` (it does when
// atexit handlers may exist), main's value goes through it so the handlers run.
//
// Imports nothing from the compiler: it is bundled into the runtimes.

import { makeHostImports, ProgramAbort, ProgramExit } from "./host.js";
import { MEMORY_EXPORT, STACK_ALIGN, STACK_POINTER } from "./abi.js";

/** BSD sysexits' EX_SOFTWARE: the program stopped on a run-time error (a trap). */
export const EXIT_TRAP = 70;
/** 128 + SIGABRT, what a shell reports for an aborted process. */
export const EXIT_ABORT = 134;

export interface RunOptions {
  /** argv[1] onwards. */
  args?: string[];
  /** argv[0], also the prefix of assertion and trap messages. Default "a.out". */
  programName?: string;
  stdout: (bytes: Uint8Array) => void;
  stderr: (bytes: Uint8Array) => void;
  /** The module's source map (v3 JSON, as binaryen emits it), to name a trap's source line. */
  sourceMap?: string;
}

export interface Trap {
  /** What went wrong, in C's terms ("out-of-bounds memory access"). */
  kind: string;
  /** The C functions on the wasm stack, innermost first (empty without a name section). */
  functions: string[];
  /** Where the trapping instruction came from, when the source map says. */
  location?: { file: string; line: number };
  /** The line written to stderr, without its newline. */
  message: string;
}

export interface RunResult {
  exitCode: number;
  trap?: Trap;
}

type MainFunction = (...args: number[]) => number | undefined;

export async function runProgram(binary: Uint8Array, options: RunOptions): Promise<RunResult> {
  const programName = options.programName ?? "a.out";
  let memory: WebAssembly.Memory | undefined;
  const { env } = makeHostImports({
    memory: () => memory!,
    stdout: options.stdout,
    stderr: options.stderr,
    programName,
  });
  const { instance } = await WebAssembly.instantiate(binary as BufferSource, { env: env as WebAssembly.ModuleImports });
  const exports = instance.exports as Record<string, unknown>;
  memory = exports[MEMORY_EXPORT] as WebAssembly.Memory;
  const main = exports.main as MainFunction | undefined;
  if (typeof main !== "function") throw new Error("the module exports no 'main' function");
  const exit = typeof exports.exit === "function" ? (exports.exit as (code: number) => void) : undefined;

  const say = (line: string) => options.stderr(new TextEncoder().encode(line + "\n"));
  try {
    const argv = [programName, ...(options.args ?? [])];
    const params = main.length >= 2 ? writeArgv(exports, memory, argv, main.length >= 3) : [];
    const returned = main(...params);
    const code = typeof returned === "number" ? returned : 0;
    exit?.(code);
    return { exitCode: code & 0xff };
  } catch (e) {
    if (e instanceof ProgramExit) return { exitCode: e.status };
    if (e instanceof ProgramAbort) {
      say(e.message);
      return { exitCode: EXIT_ABORT };
    }
    const trap = describeTrap(e, programName, options.sourceMap);
    if (!trap) throw e; // a bug in the host, not in the program
    say(trap.message);
    return { exitCode: EXIT_TRAP, trap };
  }
}

/**
 * Lays out argv as C's startup code does, at the top of the program's stack (the stack pointer
 * is lowered below it): the strings, then an array of 8-byte pointers ending in NULL (and an
 * empty envp for a three-parameter main). Returns main's arguments.
 */
function writeArgv(exports: Record<string, unknown>, memory: WebAssembly.Memory, argv: string[], withEnvp: boolean): number[] {
  const sp = exports[STACK_POINTER] as WebAssembly.Global;
  const bytes = new Uint8Array(memory.buffer);
  let top = sp.value as number;
  const pointers = argv.map((arg) => {
    const s = new TextEncoder().encode(arg + "\0");
    top -= s.length;
    bytes.set(s, top);
    return top;
  });
  const slots = argv.length + 1 + (withEnvp ? 1 : 0);
  top = (top - 8 * slots) & -STACK_ALIGN;
  const view = new DataView(memory.buffer);
  pointers.forEach((p, i) => view.setBigUint64(top + 8 * i, BigInt(p), true));
  view.setBigUint64(top + 8 * argv.length, 0n, true);
  if (withEnvp) view.setBigUint64(top + 8 * (argv.length + 1), 0n, true);
  sp.value = top;
  return withEnvp ? [argv.length, top, top + 8 * (argv.length + 1)] : [argv.length, top];
}

// V8's trap messages → what they mean in a C program. Calls through a bad function pointer
// show up as a table or signature problem; division overflow is INT_MIN / -1.
const TRAP_KINDS: [RegExp, string][] = [
  [/^unreachable/, "trap instruction reached (__builtin_trap or __builtin_unreachable)"],
  [/memory access out of bounds/, "out-of-bounds memory access"],
  [/divide by zero|remainder by zero/, "integer division by zero"],
  [/divide result unrepresentable/, "integer overflow in division"],
  [/float unrepresentable/, "floating-point value out of range in a conversion to integer"],
  [/table index is out of bounds|invalid index into function table|null function|signature mismatch/, "call through an invalid function pointer"],
  [/Maximum call stack size exceeded/, "stack overflow (recursion too deep)"],
];

/**
 * A wasm stack frame in V8's trace: `at NAME (wasm://wasm/HASH:wasm-function[I]:0xOFFSET)`,
 * NAME from the name section; OFFSET is the instruction's byte offset in the module.
 */
const WASM_FRAME = /^\s*at (?:(\S+) \()?wasm:\/\/wasm\/[^:]*:wasm-function\[(\d+)\]:0x([0-9a-f]+)\)?$/;

/** The trap report for a run-time error of the program itself, or undefined for anything else. */
function describeTrap(e: unknown, programName: string, sourceMap: string | undefined): Trap | undefined {
  const isTrap = e instanceof WebAssembly.RuntimeError || (e instanceof RangeError && /call stack/.test(e.message));
  if (!isTrap) return undefined;
  const kind = TRAP_KINDS.find(([re]) => re.test(e.message))?.[1] ?? e.message;
  const functions: string[] = [];
  let offset: number | undefined;
  for (const line of (e.stack ?? "").split("\n")) {
    const m = WASM_FRAME.exec(line);
    if (!m) continue;
    // A function with internal linkage is named `name.unit` in the module; C knows it as `name`.
    functions.push(m[1] ? m[1].replace(/\.\d+$/, "") : `wasm-function[${m[2]}]`);
    offset ??= parseInt(m[3], 16);
  }
  const location = sourceMap !== undefined && offset !== undefined ? sourceLocation(sourceMap, offset) : undefined;
  // Repeated frames (deep recursion) say nothing new.
  const chain = functions.filter((f, i) => f !== functions[i - 1]);
  let where = "";
  if (chain.length > 0) where = ` in function '${chain[0]}'`;
  if (location) where += ` at ${location.file}:${location.line}`;
  if (chain.length > 1) where += ` (called from ${chain.slice(1, 4).map((f) => `'${f}'`).join(", from ")}${chain.length > 4 ? ", ..." : ""})`;
  return { kind, functions, ...(location ? { location } : {}), message: `${programName}: runtime error: ${kind}${where}` };
}

// ---- source maps ----------------------------------------------------------------------------

/**
 * The source line of the instruction at a module byte offset. A wasm source map (v3) has one
 * generated "line" whose columns are byte offsets, in increasing order; each segment is
 * [offset, source, line, column] as deltas, or just [offset] for code with no known origin.
 */
export function sourceLocation(sourceMap: string, offset: number): { file: string; line: number } | undefined {
  let map: { sources?: string[]; mappings?: string };
  try {
    map = JSON.parse(sourceMap);
  } catch {
    return undefined;
  }
  let column = 0;
  let source = 0;
  let line = 0;
  let found: { file: string; line: number } | undefined;
  for (const segment of (map.mappings ?? "").split(/[,;]/)) {
    const v = decodeVlq(segment);
    if (v.length === 0) continue;
    column += v[0];
    if (column > offset) break;
    if (v.length >= 3) {
      source += v[1];
      line += v[2];
      found = { file: map.sources?.[source] ?? "?", line: line + 1 };
    } else found = undefined;
  }
  return found;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 VLQ: 5 bits per digit, low bits first, bit 6 continues; the lowest bit is the sign. */
function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let scale = 1;
  for (const ch of segment) {
    const digit = BASE64.indexOf(ch);
    if (digit < 0) return [];
    value += (digit & 31) * scale;
    if (digit & 32) scale *= 32;
    else {
      out.push(value % 2 === 1 ? -Math.floor(value / 2) : value / 2);
      value = 0;
      scale = 1;
    }
  }
  return out;
}
