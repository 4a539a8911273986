// `enstage specialize`, as a user runs it: compile a fragment file with params, then specialize
// the module from its bytes and manifest alone. In: dist/enstage.mjs (built by `pretest`, or
// here if missing) as a subprocess in a temporary directory. Out: checks of the files written
// (a valid module that imports no param, its manifest with the params bound) and of the exit
// statuses and messages for values that do not fit.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = join(root, "dist/enstage.mjs");
let dir = "";

function enstage(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const K3 = readFileSync(join(root, "bench/fragments/k3-histogram.cod"), "utf8");

beforeAll(() => {
  if (!existsSync(cli)) spawnSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
  dir = mkdtempSync(join(tmpdir(), "enstage-specialize-"));
  writeFileSync(join(dir, "k3.cod"), K3.replace("param double sigma;", "param double sigma;\nparam long stride;").replace("kept++;", "kept += stride;"));
  expect(enstage(["compile", "k3.cod"]).status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("enstage specialize", () => {
  it("writes the specialized module, its manifest and text; the params are bound", () => {
    const r = enstage(["specialize", "k3.wasm", "--set", "mu=4.5", "--set", "sigma=2.3", "--set", "stride=0x10", "--wat"]);
    expect(r).toMatchObject({ status: 0, stdout: "", stderr: "" });
    const wasm = readFileSync(join(dir, "k3.specialized.wasm"));
    expect(WebAssembly.validate(wasm)).toBe(true);
    expect(WebAssembly.Module.imports(new WebAssembly.Module(wasm)).filter((i) => i.module === "params")).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(dir, "k3.specialized.manifest.json"), "utf8"));
    expect(manifest.params.map((p: { name: string; value: unknown; bound: boolean }) => [p.name, p.value, p.bound])).toEqual([
      ["mu", 4.5, true],
      ["sigma", 2.3, true],
      ["stride", "16", true],
    ]);
    const original = JSON.parse(readFileSync(join(dir, "k3.manifest.json"), "utf8"));
    expect(manifest.hash).not.toBe(original.hash);
    expect(readFileSync(join(dir, "k3.specialized.wat"), "utf8")).toContain(`(f64.const ${4.5 + 2 * 2.3})`);
  });

  it("takes -o and --manifest", () => {
    const r = enstage(["specialize", "k3.wasm", "--manifest", "k3.manifest.json", "--set", "mu=1", "--set", "sigma=inf", "--set", "stride=-2", "-o", "deployed.wasm"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "deployed.manifest.json"), "utf8")).params[1].value).toBe("Infinity"); // JSON has no Infinity
    expect(existsSync(join(dir, "deployed.wasm"))).toBe(true);
  });

  it("exits 1 naming the param when the values do not fit", () => {
    const cases: [string[], RegExp][] = [
      [["--set", "mu=4.5"], /missing a value for param 'sigma'/],
      [["--set", "mu=4.5", "--set", "sigma=1", "--set", "stride=1", "--set", "nu=2"], /'nu' is not a param of this module/],
      [["--set", "mu=abc", "--set", "sigma=1", "--set", "stride=1"], /param 'mu' \(double\) takes a number, not "abc"/],
      [["--set", "mu=1", "--set", "sigma=1", "--set", "stride=1.5"], /param 'stride' \(long\) takes an integer, not 1.5/],
    ];
    for (const [args, message] of cases) {
      const r = enstage(["specialize", "k3.wasm", ...args]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/ at /); // no stack trace
    }
  });

  it("exits 2 on usage errors and 1 on a file that is not a module", () => {
    expect(enstage(["specialize"]).status).toBe(2);
    expect(enstage(["specialize", "nope.wasm", "--set", "mu=1"]).stderr).toMatch(/cannot read 'nope.wasm': no such file/);
    expect(enstage(["specialize", "k3.wasm", "--set", "mu"]).status).toBe(2);
    expect(enstage(["specialize", "k3.wasm", "--set", "mu=1", "--set", "mu=2"]).status).toBe(2);
    writeFileSync(join(dir, "junk.wasm"), "not wasm");
    const junk = enstage(["specialize", "junk.wasm", "--manifest", "k3.manifest.json"]);
    expect(junk.status).toBe(1);
    expect(junk.stderr).toMatch(/not a valid WebAssembly module/);
  });
});
