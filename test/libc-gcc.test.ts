// src/libc against glibc, through the gcc harness (test/libc-gcc/run.sh), where gcc exists.
// The libc is C that enstage compiles into every program; until enstage runs it end to end,
// gcc compiles it beside glibc and harness.c compares the two function by function.

import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const hasGcc = spawnSync("gcc", ["--version"]).status === 0;
const script = fileURLToPath(new URL("./libc-gcc/run.sh", import.meta.url));

describe.skipIf(!hasGcc)("libc compiled by gcc", () => {
  it("agrees with glibc on every check", () => {
    const run = spawnSync("bash", [script], { encoding: "utf8" });
    expect(run.stderr + run.stdout).toMatch(/\d+ checks, 0 failures/);
    expect(run.status).toBe(0);
  });
});
