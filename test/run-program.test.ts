// runtime/run-program.ts: running main like a process, in-process (the subprocess view is in
// cli-exec.test.ts). In: programs compiled by compileProgram, and one module built directly with
// binaryen to carry a source map. Out: checks of argv, exit statuses, atexit, abort, and the
// trap report: its kind, the C functions on the stack, the source line, one line on stderr.

import binaryen from "binaryen";
import { describe, expect, it } from "vitest";
import { compileProgram } from "../src/compile.js";
import { EXIT_ABORT, EXIT_TRAP, runProgram, sourceLocation, type RunResult } from "../runtime/run-program.js";

async function run(source: string, options: { args?: string[]; optimize?: 0 | 2 } = {}): Promise<RunResult & { stdout: string; stderr: string }> {
  const compiled = compileProgram(source, "prog.c", { optimize: options.optimize ?? 2 });
  const errors = compiled.diagnostics.filter((d) => d.severity === "error");
  if (!compiled.binary) throw new Error(`does not compile: ${JSON.stringify(errors)}`);
  return runBinary(compiled.binary, options.args);
}

async function runBinary(binary: Uint8Array, args: string[] = [], sourceMap?: string) {
  let stdout = "";
  let stderr = "";
  const text = new TextDecoder();
  const result = await runProgram(binary, {
    args,
    programName: "prog",
    sourceMap,
    stdout: (b) => (stdout += text.decode(b)),
    stderr: (b) => (stderr += text.decode(b)),
  });
  return { ...result, stdout, stderr };
}

describe("runProgram", () => {
  it("passes argv (and an empty envp) and returns main's value as the status, low 8 bits", async () => {
    const two = await run(
      `#include <stdio.h>
       int main(int argc, char **argv) { for (int i = 0; i < argc; i++) printf("%s|", argv[i]); return 256 + argc; }`,
      { args: ["a", "é ü"] },
    );
    expect(two).toMatchObject({ exitCode: 3, stdout: "prog|a|é ü|", stderr: "" });
    const three = await run(`int main(int argc, char **argv, char **envp) { return argv[argc] == 0 && envp[0] == 0 ? 9 : 1; }`);
    expect(three.exitCode).toBe(9);
    const none = await run(`int main(void) { }`);
    expect(none.exitCode).toBe(0);
  });

  it("exit(n) from anywhere, atexit handlers after a return, abort as 134", async () => {
    expect((await run(`#include <stdlib.h>\nstatic void f(void) { exit(300); }\nint main(void) { f(); return 1; }`)).exitCode).toBe(300 & 0xff);
    const handlers = await run(
      `#include <stdio.h>
       #include <stdlib.h>
       static void bye(void) { printf("bye\\n"); }
       int main(void) { atexit(bye); printf("hi\\n"); return 2; }`,
    );
    expect(handlers).toMatchObject({ exitCode: 2, stdout: "hi\nbye\n" });
    const aborted = await run(`#include <stdlib.h>\nint main(void) { abort(); }`);
    expect(aborted).toMatchObject({ exitCode: EXIT_ABORT, stderr: "Aborted\n" });
  });

  it("reports a trap as status 70 with its kind and the C functions, innermost first", async () => {
    const oob = await run(
      `static int at(int *p, long i) { return p[i]; }
       int peek(int *p, long i) { return at(p, i) + at(p, i + 1); }
       int main(void) { return peek(0, 1L << 29); }`,
      { optimize: 0 },
    );
    expect(oob.exitCode).toBe(EXIT_TRAP);
    expect(oob.trap?.kind).toBe("out-of-bounds memory access");
    // A static function is `at.0` in the module; the report uses its C name.
    expect(oob.trap?.functions).toEqual(["at", "peek", "main"]);
    expect(oob.stderr).toBe("prog: runtime error: out-of-bounds memory access in function 'at' (called from 'peek', from 'main')\n");

    const overflow = await run(`int q(int a, int b) { return a / b; }\nint main(int c, char **v) { return q(-2147483647 - c, -c); }`, { optimize: 0 });
    expect(overflow.trap?.kind).toBe("integer overflow in division");

    const pointer = await run(`typedef int (*fn)(void);\nint call(fn f) { return f(); }\nint main(void) { return call((fn)0); }`, { optimize: 0 });
    expect(pointer.trap?.kind).toBe("call through an invalid function pointer");
    expect(pointer.trap?.functions[0]).toBe("call");

    const deep = await run(`int down(int n) { return n ? 1 + down(n + 1) : 0; }\nint main(void) { return down(1); }`);
    expect(deep.trap?.kind).toMatch(/^stack overflow/);
    expect(deep.stderr).toBe("prog: runtime error: stack overflow (recursion too deep) in function 'down'\n");
  });

  it("names the source line of a trap from the module's source map", async () => {
    // Code generation does not emit debug locations yet: build the module by hand.
    const m = new binaryen.Module();
    m.setMemory(1, 1, "memory");
    const file = m.addDebugInfoFileName("prog.c");
    const store = m.i32.store(0, 4, m.i32.const(70000), m.i32.const(1));
    const f = m.addFunction("poke", binaryen.none, binaryen.i32, [], m.block(null, [store, m.i32.const(0)], binaryen.i32));
    m.setDebugLocation(f, store, file, 12, 4);
    m.addFunctionExport("poke", "main");
    binaryen.setDebugInfo(true);
    const out = m.emitBinary("prog.wasm.map") as unknown as { binary: Uint8Array; sourceMap: string };
    m.dispose();
    const r = await runBinary(out.binary, [], out.sourceMap);
    expect(r.trap?.location).toEqual({ file: "prog.c", line: 12 });
    expect(r.stderr).toMatch(/in function 'poke' at prog\.c:12\n$/);
  });

  it("decodes source map segments, with gaps of unknown origin", () => {
    // [0x10: a.c line 3], [0x20: unknown], [0x30: b.c line 1]
    const map = JSON.stringify({ version: 3, sources: ["a.c", "b.c"], names: [], mappings: "gBAEA,gB,gBCFA" });
    expect(sourceLocation(map, 0x08)).toBeUndefined();
    expect(sourceLocation(map, 0x18)).toEqual({ file: "a.c", line: 3 });
    expect(sourceLocation(map, 0x20)).toBeUndefined();
    expect(sourceLocation(map, 0x40)).toEqual({ file: "b.c", line: 1 });
    expect(sourceLocation("not json", 0)).toBeUndefined();
  });
});
