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
  it("runs the statistical subsample on worker-thread ranks and reports what moved, where it ran and the write time", () => {
    const r = run("examples/enstage/subsample.json", "--no-output");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/4 ranks x 100000 particles x 4 steps .*ranks as worker threads/);
    expect(r.stdout).toMatch(/global tags +mu = /);
    expect(r.stdout).toMatch(/where +energy_histogram at source; merge_histograms at staging/);
    // Four steps of 4 x 100,000 64-byte particles; one 536-byte histogram per source per step moves.
    expect(r.stdout).toMatch(/written 102400000, moved to staging 8576 \(0\.01%\), stored 2144/);
    expect(r.stdout).toMatch(/write time +\d+\.\d\d% of the simulation's step time inside write/);
    expect(r.stdout).toMatch(/faults +none/);
    expect(r.stdout).toMatch(/\{ lo: [\d.]+, hi: [\d.]+, count: \d+, bins: \[/);
  });

  it("stores each step as an HDF5 group that reads back", async () => {
    const dir = mkdtempSync(join(tmpdir(), "enstage-run-"));
    const out = join(dir, "bbox.h5");
    const r = run("examples/enstage/bbox-in-place.json", "-o", out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`output         ${out}: 4 step groups`);
    const { readHdf5 } = await import("../runtime/hdf5.js");
    const file = await readHdf5(out);
    expect(file.steps.map((s) => s.step)).toEqual([0, 1, 2, 3]);
    expect(file.steps[0].attrs.placement).toBe("in_box@source");
    const x = file.steps[3].datasets.records.x as ArrayLike<number>;
    expect(x.length).toBeGreaterThan(1000);
    for (let i = 0; i < x.length; i++) expect(Math.abs(x[i])).toBeLessThanOrEqual(0.5);
  });

  it("refuses contradictory options", () => {
    const r = run("examples/enstage/subsample.json", "-o", "x.h5", "--no-output");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--output and --no-output contradict each other");
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
    writeFileSync(file, JSON.stringify({
      fragments: join(root, "examples/enstage/subsample.cod"),
      steps: [{ fragment: "energy_histogram", at: "source" }],
      runtime: { policy: "drop", pools: 2 },
      simulation: { work: -1 },
      placements: [{ step: 1, fragment: "other", at: "source" }],
    }));
    const r3 = run(file);
    expect(r3.status).toBe(1);
    expect(r3.stderr).toContain('runtime.policy: expected "block"');
    expect(r3.stderr).toContain("runtime.pools: unknown key");
    expect(r3.stderr).toContain("simulation.work: expected microseconds per particle");
    expect(r3.stderr).toContain("placements[0].fragment: expected one of the steps' fragments (energy_histogram)");
  });

  it("is listed in the help", () => {
    expect(execFileSync(process.execPath, [enstage, "--help"], { encoding: "utf8" })).toMatch(/run +run a pipeline: the synthetic simulation/);
  });
});
