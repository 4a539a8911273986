// The golden program suites, front-end half: every program in test/programs/run is accepted
// with no error, and every program in test/programs/errors reports exactly the diagnostics
// annotated in its source (code, line and column), and no other error.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { annotations, front } from "./helpers.js";

const root = join(import.meta.dirname, "programs");
const list = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(".c"))
    .sort();

describe("run programs check cleanly", () => {
  const files = list("run");
  it("has at least 150 programs", () => expect(files.length).toBeGreaterThanOrEqual(150));
  it.each(files)("%s", (file) => {
    const r = front(readFileSync(join(root, "run", file), "utf8"), file);
    const errors = r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.span.line}:${d.span.col} ${d.code} ${d.args.join(",")}`);
    expect(errors).toEqual([]);
  });
});

describe("error programs report their annotated diagnostics", () => {
  const files = list("errors");
  it("has at least 60 programs", () => expect(files.length).toBeGreaterThanOrEqual(60));
  it.each(files)("%s", (file) => {
    const text = readFileSync(join(root, "errors", file), "utf8");
    const expected = annotations(text);
    const r = front(text, file);
    const inFile = r.diagnostics.filter((d) => d.span.file === file);
    const annotatedWarnings = new Set(expected.filter((e) => / W/.test(e)).map((e) => e.split(" ")[1]));
    const actual = inFile
      .filter((d) => d.severity === "error" || annotatedWarnings.has(d.code))
      .map((d) => `${d.span.line}:${d.span.col} ${d.code}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(actual.sort()).toEqual([...expected].sort());
  });
});
