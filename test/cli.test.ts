// The `enstage` command line, as a user runs it.
// In: dist/enstage.mjs (built by `pretest`, or here if missing) run as a subprocess on small
// files. Out: checks of exit statuses, of the `file:line:col: error CODE` lines with their
// caret, of the JSON shape, and of usage errors. Wording is free to change; codes, positions,
// statuses and shapes are not.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pkg from "../package.json" with { type: "json" };

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = join(root, "dist/enstage.mjs");
let dir = "";

function enstage(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: dir,
    input,
    encoding: "utf8",
    // A TTY never reaches here, but NO_COLOR makes sure no escape sequence does either.
    env: { ...process.env, NO_COLOR: "1", ENSTAGE_DEBUG: "" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const clean = `#include <stdio.h>
struct particle { double x, y, z, vx, vy, vz, energy; long id; };
double total(const struct particle *p, long n)
{
    double sum = 0;
    for (long i = 0; i < n; i++)
        sum += p[i].energy;
    return sum;
}
`;

// Two independent errors (an undeclared name, a syntax error) and a warning.
const broken = `double twice(double energy)
{
    int unused;
    return enrgy * 2;
}
int f(void) { return 1 +; }
`;

beforeAll(() => {
  if (!existsSync(cli)) spawnSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
  dir = mkdtempSync(join(tmpdir(), "enstage-cli-"));
  writeFileSync(join(dir, "clean.cod"), clean);
  writeFileSync(join(dir, "clean.c"), clean);
  writeFileSync(join(dir, "broken.cod"), broken);
  writeFileSync(join(dir, "needs-define.cod"), "#ifndef NBINS\n#error NBINS is not defined\n#endif\nint bins[NBINS];\nint m = MODE;\n");
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("enstage", () => {
  it("prints help and the version", () => {
    const help = enstage(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: enstage/);
    expect(help.stdout).toMatch(/^\s+check\s/m);
    expect(help.stdout).toMatch(/^\s+compile\s/m);
    expect(help.stdout).toMatch(/^\s+exec\s/m);
    expect(help.stdout).toMatch(/^\s+run\s/m);
    expect(help.stdout).toMatch(/^\s+stager\s/m);
    expect(help.stdout).toMatch(/^\s+deploy\s/m);
    // Only commands that exist are listed.
    expect(help.stdout).not.toMatch(/^\s+(serve|publish)\s/m);

    const checkHelp = enstage(["help", "check"]);
    expect(checkHelp.status).toBe(0);
    expect(checkHelp.stdout).toMatch(/Usage: enstage check FILE/);
    expect(checkHelp.stdout).toMatch(/--json/);
    expect(enstage(["check", "--help"]).stdout).toBe(checkHelp.stdout);

    const version = enstage(["--version"]);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it("exits 0 and prints nothing for a clean file, whatever its extension", () => {
    for (const f of ["clean.cod", "clean.c"]) {
      const r = enstage(["check", f]);
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe("");
      expect(r.status).toBe(0);
    }
  });

  it("exits 1 and prints every diagnostic with its position and a caret", () => {
    const r = enstage(["check", "broken.cod"]);
    expect(r.status).toBe(1);
    const lines = r.stdout.split("\n");
    const heads = lines.filter((l) => /^\S+:\d+:\d+: (error|warning) /.test(l));
    expect(heads).toContainEqual(expect.stringMatching(/^broken\.cod:4:12: error E2001: /));
    expect(heads).toContainEqual(expect.stringMatching(/^broken\.cod:6:25: error E1\d{3}: /));
    expect(heads).toContainEqual(expect.stringMatching(/^broken\.cod:3:9: warning W0001: /));
    // Below the E2001 line: the source line, then the caret under `enrgy`.
    const at = lines.findIndex((l) => l.startsWith("broken.cod:4:12:"));
    expect(lines[at + 1]).toBe(`    4 |     return enrgy * 2;`);
    expect(lines[at + 2]).toBe("      |            ^~~~~");
    // The summary goes to stderr, so stdout is only diagnostics.
    expect(r.stderr).toMatch(/^2 errors, \d+ warnings?$/m);
  });

  it("prints JSON with --json", () => {
    const r = enstage(["check", "--json", "broken.cod"]);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.file).toBe("broken.cod");
    expect(Array.isArray(report.diagnostics)).toBe(true);
    const e = report.diagnostics.find((d: { code: string }) => d.code === "E2001");
    expect(e).toEqual({
      code: "E2001",
      severity: "error",
      message: expect.any(String),
      file: "broken.cod",
      line: 4,
      col: 12,
      endLine: 4,
      endCol: 17,
    });
    for (const d of report.diagnostics) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(["code", "severity", "message", "file", "line", "col"]));
      expect(["error", "warning"]).toContain(d.severity);
    }

    const several = enstage(["check", "--json", "clean.cod", "broken.cod"]);
    expect(several.status).toBe(1);
    const list = JSON.parse(several.stdout);
    expect(list.map((x: { file: string }) => x.file)).toEqual(["clean.cod", "broken.cod"]);
    expect(list[0].diagnostics).toEqual([]);
  });

  it("checks several files and summarizes each on stderr", () => {
    const r = enstage(["check", "clean.cod", "broken.cod"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^clean\.cod: ok$/m);
    expect(r.stderr).toMatch(/^broken\.cod: 2 errors, \d+ warnings?$/m);
  });

  it("defines macros with -D", () => {
    expect(enstage(["check", "needs-define.cod"]).status).toBe(1);
    const r = enstage(["check", "-DNBINS=64", "-D", "MODE", "needs-define.cod"]);
    expect(r.stdout).toBe("");
    expect(r.status).toBe(0);
  });

  it("reads standard input for '-'", () => {
    const r = enstage(["check", "-"], broken);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^<stdin>:4:12: error E2001/m);
  });

  it("exits 2 on usage errors, naming the problem", () => {
    const missing = enstage(["check", "no-such-file.cod"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no-such-file\.cod/);
    expect(missing.stdout).toBe("");

    const flag = enstage(["check", "--bogus", "clean.cod"]);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/--bogus/);

    const noFiles = enstage(["check"]);
    expect(noFiles.status).toBe(2);

    const command = enstage(["frobnicate"]);
    expect(command.status).toBe(2);
    expect(command.stderr).toMatch(/frobnicate/);

    expect(enstage([]).status).toBe(2);
    expect(enstage(["check", "-D", "1BAD", "clean.cod"]).status).toBe(2);
  });

  it("never prints a stack trace", () => {
    for (const args of [["check", "--bogus"], ["check", dir], ["nope"]]) {
      const r = enstage(args);
      expect(r.stderr + r.stdout).not.toMatch(/\n\s+at /);
    }
  });
});
