// `enstage run`: the bundled command on the example pipelines, and on bad ones.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const enstage = join(root, "dist", "enstage.mjs");
const run = (...args: string[]) => spawnSync(process.execPath, [enstage, "run", ...args], { encoding: "utf8", cwd: root });

describe("enstage run", () => {
  it("runs the statistical subsample and reports what moved", () => {
    const r = run("examples/enstage/subsample.json");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/global tags +mu = /);
    expect(r.stdout).toMatch(/energy_histogram at source, merge_histograms at staging/);
    expect(r.stdout).toMatch(/written 25600000, moved to staging 2144 \(0\.01%\), stored 536/);
  });

  it("names every problem of a bad pipeline and exits 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "enstage-run-"));
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ fragments: "missing.cod", steps: [{ fragment: "f", at: "nowhere" }] }));
    const r = run(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('steps[0].at: expected "source" or "staging"');
    writeFileSync(file, JSON.stringify({ fragments: join(root, "examples/enstage/subsample.cod"), steps: [{ fragment: "nope", at: "source" }] }));
    const r2 = run(file);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toContain("'nope' is not a fragment of subsample.cod");
  });

  it("is listed in the help", () => {
    expect(execFileSync(process.execPath, [enstage, "--help"], { encoding: "utf8" })).toMatch(/run +run an EnStage operation/);
  });
});
