// The golden program suite, back-end half: every program in test/programs/run compiles to
// wasm (with the libc), runs under the test host, and prints exactly what gcc's build printed
// (the `.expected` files come from scripts/golden-oracle.ts, never from enstage).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatExpected } from "../scripts/golden-oracle.js";
import { compileC, runWasm } from "./wasm-run.js";

const dir = join(import.meta.dirname, "programs", "run");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".c") && existsSync(join(dir, f.replace(/\.c$/, ".expected"))))
  .sort();

describe("run programs print what gcc's build prints", () => {
  it.each(files)("%s", async (file) => {
    const path = join(dir, file);
    const compiled = compileC(readFileSync(path, "utf8"), file);
    expect(compiled.errors).toEqual([]);
    // gcc's programs run as argv[0] = their path; none of the corpus prints it.
    const r = await runWasm(compiled.binary, [path.replace(/\.c$/, "")]);
    const got = formatExpected(r.stdout, r.exitCode).toString("utf8") + (r.trap ? `[trap ${r.trap}]\n` : "");
    expect(got).toBe(readFileSync(path.replace(/\.c$/, ".expected"), "utf8"));
  });
});
