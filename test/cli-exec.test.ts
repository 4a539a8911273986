// `enstage compile` and `enstage exec`, as a user runs them.
// In: dist/enstage.mjs (built by `pretest`, or here if missing) run as a subprocess on small C
// files in a temporary directory. Out: checks of the files `compile` writes (a module that
// WebAssembly.validate accepts, a manifest with its keys, the text form), and of what `exec`
// does: the program's stdout and arguments, its exit status (return, exit, abort, traps), the
// one-line trap message naming the C function, and compile errors. Wording is free to change;
// statuses, file names, keys and the function named are not.

import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = join(root, "dist/enstage.mjs");
let dir = "";

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command line asynchronously, so the independent runs of a test overlap. */
function enstage(args: string[], options: { cwd?: string; bundle?: string } = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.bundle ?? cli, ...args], {
      cwd: options.cwd ?? dir,
      env: { ...process.env, NO_COLOR: "1", ENSTAGE_DEBUG: "" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

const programs: Record<string, string> = {
  "hello.c": `#include <stdio.h>
int main(void)
{
    printf("hello, world\\n");
    return 0;
}
`,
  "ret3.c": "int main(void) { return 3; }\n",
  "exit5.c": `#include <stdio.h>
#include <stdlib.h>
static void stop(int code) { exit(code); }
int main(void)
{
    puts("before");
    stop(5);
    puts("after");
    return 0;
}
`,
  "atexit.c": `#include <stdio.h>
#include <stdlib.h>
static void first(void) { puts("first registered, last run"); }
static void second(void) { puts("second registered"); }
int main(void)
{
    atexit(first);
    atexit(second);
    puts("main returns");
    return 6;
}
`,
  "args.c": `#include <stdio.h>
int main(int argc, char **argv)
{
    for (int i = 0; i < argc; i++)
        printf("[%s]", argv[i]);
    printf("\\n");
    return argc;
}
`,
  "abort.c": `#include <stdio.h>
#include <stdlib.h>
int main(void)
{
    printf("about to abort\\n");
    abort();
}
`,
  "assert.c": `#include <assert.h>
int main(int argc, char **argv)
{
    assert(argc == 2);
    return 0;
}
`,
  // An external function is exported, so the optimizer keeps it as a function of its own.
  "oob.c": `int store(int *p, long i, int v)
{
    p[i] = v;
    return v;
}
int main(void)
{
    static int cells[4];
    store(cells, 2, 1);
    return store(cells, 1L << 29, 7); /* 2 GiB past the cells */
}
`,
  "trap.c": `void check_invariant(int ok)
{
    if (!ok)
        __builtin_trap();
}
int main(int argc, char **argv)
{
    check_invariant(argc > 5);
    return 0;
}
`,
  "recurse.c": `int depth(int n) { return n < 0 ? 0 : 1 + depth(n + 1); }
int main(void) { return depth(0); }
`,
  "divide.c": `int ratio(int a, int b) { return a / b; }
int main(int argc, char **argv) { return ratio(10, argc - 1); }
`,
  "bad.c": `int main(void)
{
    return missing + 1;
}
`,
  "fragment.cod": `struct particle {
    double x, y, z, vx, vy, vz, energy;
    long id;
};

long count_inside(const struct particle *p, long n)
{
    long inside = 0;
    for (long i = 0; i < n; i++)
        if (p[i].x >= 0 && p[i].x < 1)
            inside++;
    return inside;
}
`,
  "lines.c": `#include <stdio.h>
int main(void)
{
    for (int i = 0; i < 20000; i++)
        printf("line %d\\n", i);
    putchar('!');
    return 0;
}
`,
  "define.c": `#include <stdio.h>
int main(void) { printf("%d\\n", N * 2); return 0; }
`,
};

beforeAll(() => {
  if (!existsSync(cli)) spawnSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
  dir = mkdtempSync(join(tmpdir(), "enstage-exec-"));
  for (const [name, text] of Object.entries(programs)) writeFileSync(join(dir, name), text);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("enstage compile", () => {
  it("writes a valid module and its manifest, named after the input", async () => {
    const r = await enstage(["compile", "fragment.cod"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    const wasm = readFileSync(join(dir, "fragment.wasm"));
    expect(WebAssembly.validate(wasm)).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, "fragment.manifest.json"), "utf8"));
    expect(Object.keys(manifest).sort()).toEqual(["abiVersion", "exports", "fragments", "fuel", "globals", "hash", "imports", "memory", "params", "records", "state", "structs"]);
    expect(manifest.exports.map((e: { name: string }) => e.name)).toEqual(["count_inside"]);
    const particle = manifest.structs.find((s: { name: string }) => s.name === "struct particle");
    expect(particle.size).toBe(64);
    expect(particle.fields.at(-1)).toMatchObject({ name: "id", offset: 56, size: 8 });
    expect(manifest.hash).toMatch(/^[0-9a-f]{64}$/);
    // The module exports what the manifest says it does.
    const exported = WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name);
    expect(exported).toContain("count_inside");
    expect(exported).toContain("memory");
  });

  it("writes -o OUT.wasm, OUT.manifest.json and with --wat OUT.wat; the output is deterministic", async () => {
    mkdirSync(join(dir, "out"), { recursive: true });
    const [a, b] = await Promise.all([
      enstage(["compile", "hello.c", "-o", "out/h.wasm", "--wat", "-O1"]),
      enstage(["compile", "hello.c", "-o", "out/h2.wasm", "-O1"]),
    ]);
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    expect(readFileSync(join(dir, "out/h.wat"), "utf8")).toContain("(module");
    expect(existsSync(join(dir, "out/h2.wat"))).toBe(false);
    expect(readFileSync(join(dir, "out/h.wasm"))).toEqual(readFileSync(join(dir, "out/h2.wasm")));
    expect(readFileSync(join(dir, "out/h.manifest.json"), "utf8")).toBe(readFileSync(join(dir, "out/h2.manifest.json"), "utf8"));
  });

  it("prints diagnostics as check does, writes nothing and exits 1 on an error", async () => {
    const r = await enstage(["compile", "bad.c"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^bad\.c:3:12: error E2001:/m);
    expect(existsSync(join(dir, "bad.wasm"))).toBe(false);
  });

  it("rejects an unknown optimization level and a second input", async () => {
    const [level, two] = await Promise.all([enstage(["compile", "hello.c", "-O7"]), enstage(["compile", "hello.c", "ret3.c"])]);
    expect(level.status).toBe(2);
    expect(level.stderr).toMatch(/-O7/);
    expect(two.status).toBe(2);
  });
});

describe("enstage exec", () => {
  it("runs main: stdout, the status from return and exit(), argv after --, -D and -O", async () => {
    const [hello, ret, exit, args, define, o0] = await Promise.all([
      enstage(["exec", "hello.c"]),
      enstage(["exec", "ret3.c"]),
      enstage(["exec", "exit5.c"]),
      enstage(["exec", "args.c", "--", "one", "two words", "--three"]),
      enstage(["exec", "define.c", "-D", "N=21"]),
      enstage(["exec", "-O0", "hello.c"]),
    ]);
    expect(hello).toEqual({ status: 0, stdout: "hello, world\n", stderr: "" });
    expect(ret.status).toBe(3);
    expect(exit).toEqual({ status: 5, stdout: "before\n", stderr: "" });
    expect(args.stdout).toBe("[args][one][two words][--three]\n");
    expect(args.status).toBe(4);
    expect(define.stdout).toBe("42\n");
    expect(o0.stdout).toBe("hello, world\n");
  });

  it("runs the atexit handlers, last registered first, when main returns", async () => {
    const r = await enstage(["exec", "atexit.c"]);
    expect(r).toEqual({ status: 6, stdout: "main returns\nsecond registered\nfirst registered, last run\n", stderr: "" });
  });

  it("passes all of a long output through, in order", async () => {
    const r = await enstage(["exec", "lines.c"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines).toHaveLength(20001);
    expect(lines[12345]).toBe("line 12345");
    expect(lines.at(-1)).toBe("!");
  });

  it("exits 134 with 'Aborted' on abort() and a failed assert", async () => {
    const [abort, assert] = await Promise.all([enstage(["exec", "abort.c"]), enstage(["exec", "assert.c"])]);
    expect(abort).toEqual({ status: 134, stdout: "about to abort\n", stderr: "Aborted\n" });
    expect(assert.status).toBe(134);
    expect(assert.stderr).toMatch(/assert\.c:4: main: Assertion `argc == 2' failed\.\nAborted\n$/);
  });

  it("exits 70 on a trap with one line naming the error and the C function", async () => {
    const [oob, trap, recurse, divide] = await Promise.all([
      enstage(["exec", "oob.c"]),
      enstage(["exec", "trap.c", "-O0"]),
      enstage(["exec", "recurse.c"]),
      // At -O2 the optimizer inlines ratio into main, which the trap would then name.
      enstage(["exec", "divide.c", "-O0"]),
    ]);
    for (const r of [oob, trap, recurse, divide]) {
      expect(r.status).toBe(70);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    }
    expect(oob.stderr).toMatch(/out-of-bounds memory access in function 'store' \(called from 'main'\)/);
    expect(trap.stderr).toMatch(/__builtin_trap.* in function 'check_invariant'/);
    expect(recurse.stderr).toMatch(/stack overflow.* in function 'depth'/);
    expect(divide.stderr).toMatch(/division by zero in function 'ratio'/);
  });

  it("prints compile errors on stderr and exits 1 without running; a file without main is an error", async () => {
    const [bad, fragment] = await Promise.all([enstage(["exec", "bad.c"]), enstage(["exec", "fragment.cod"])]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toMatch(/^bad\.c:3:12: error E2001:/m);
    expect(fragment.status).toBe(1);
    expect(fragment.stderr).toMatch(/main/);
  });

  it("carries its libc: the bundle runs from another directory without the source tree", async () => {
    // A copy of the bundle next to a node_modules link: src/libc is nowhere near it.
    const elsewhere = mkdtempSync(join(tmpdir(), "enstage-bundle-"));
    try {
      copyFileSync(cli, join(elsewhere, "enstage.mjs"));
      symlinkSync(join(root, "node_modules"), join(elsewhere, "node_modules"), "dir");
      const r = await enstage(["exec", join(dir, "hello.c")], { cwd: tmpdir(), bundle: join(elsewhere, "enstage.mjs") });
      expect(r).toEqual({ status: 0, stdout: "hello, world\n", stderr: "" });
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
