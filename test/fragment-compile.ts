// Test helper: compile fragment source (grammar/spec.md §8) with the whole pipeline
// (`compileProgram`: the drivers and the libc linked in) and fail on any error.
import { compileProgram, type CompileOptions } from "../src/compile.js";
import { formatDiagnostic } from "../src/diagnostics.js";
import type { Manifest } from "../runtime/abi.js";

export interface FragmentModule {
  binary: Uint8Array;
  text?: string;
  manifest: Manifest;
}

export function compileFragments(text: string, options: CompileOptions = {}): FragmentModule {
  const r = compileProgram(text, "t.c", { optimize: 2, ...options });
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (errors.length || !r.binary || !r.manifest) throw new Error(errors.map((d) => formatDiagnostic(d)).join("\n") || "no module");
  return { binary: r.binary, text: r.text, manifest: r.manifest };
}
