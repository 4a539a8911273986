// Shared by test/runtimes.test.ts and test/runtimes-faults.test.ts: compiling fragment files with
// fuel (as the runtimes expect), running a pipeline through the real runtimes (runLocal: SmartTaps
// and a CStager) into a memory sink that can be slowed down, the in-process reference
// (runOperation) for one step, and reading record ids out of stored bytes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { compileProgram } from "../src/compile.js";
import { specialize } from "../src/specialize.js";
import type { Manifest } from "../runtime/abi.js";
import type { CStager, StagerReport } from "../runtime/cstager.js";
import type { OutputSink, StepOutput } from "../runtime/hdf5.js";
import { runLocal, type LocalRunOptions } from "../runtime/local-engine.js";
import { runOperation, type OperationResult, type Step } from "../runtime/operation.js";
import { particleField, particles, PARTICLE_SIZE } from "../runtime/synthetic.js";

export const PARTICLES = 2000;
export const SEED = 1;
export const STEPS = 3;

export const particleStruct = "struct particle { double x, y, z, vx, vy, vz, energy; long id; };";
export const examples = join(import.meta.dirname, "..", "examples", "enstage");

export interface Module {
  binary: Uint8Array;
  manifest: Manifest;
}

export function compileText(text: string, name: string): Module {
  const r = compileProgram(text, name, { fuel: true });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { binary: r.binary!, manifest: r.manifest! };
}

export function compileExample(file: string): Module {
  return compileText(readFileSync(join(examples, file), "utf8"), file);
}

/** Keeps a copy of every step (the stager hands back pool buffers after writing); `delayMs` makes a slow disk. */
export class TestSink implements OutputSink {
  readonly steps: StepOutput[] = [];
  bytesStored = 0;
  /** `onWrite` runs as a step is written: while the stager is in the middle of that step. */
  constructor(private readonly delayMs = 0, private readonly onWrite?: (step: number) => void) {}
  async write(out: StepOutput): Promise<void> {
    const copy: StepOutput = { step: out.step, attrs: { ...out.attrs }, datasets: out.datasets.map((d) => ({ ...d, bytes: d.bytes.slice() })) };
    this.onWrite?.(out.step);
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    this.steps.push(copy);
    this.bytesStored += out.datasets.reduce((n, d) => n + d.count * d.layout.size, 0);
  }
  close(): void {}
  /** A dataset's bytes at a step (empty when the step has no such dataset). */
  bytes(step: number, name = "records"): Uint8Array {
    const s = this.steps.find((x) => x.step === step);
    expect(s, `step ${step} stored`).toBeDefined();
    return s!.datasets.find((d) => d.name === name)?.bytes ?? new Uint8Array(0);
  }
}

export interface RunOptions {
  ranks: number;
  steps: Step[];
  params?: Record<string, number | bigint>;
  threads?: boolean;
  sink?: TestSink;
  slots?: number;
  particles?: number;
  extra?: Partial<Omit<LocalRunOptions, "simulation" | "binary" | "manifest" | "steps" | "params" | "specialize" | "sink">>;
  onStager?: (stager: CStager) => void;
}

export async function runPipeline(mod: Module, o: RunOptions): Promise<{ report: StagerReport; sink: TestSink }> {
  const sink = o.sink ?? new TestSink();
  const report = await runLocal({
    binary: mod.binary, manifest: mod.manifest, steps: o.steps, params: o.params, specialize, sink,
    simulation: { ranks: o.ranks, steps: STEPS, particles: o.particles ?? PARTICLES, seed: SEED, slots: o.slots },
    threads: o.threads ?? false,
    onStager: o.onStager,
    ...o.extra,
  });
  return { report, sink };
}

/** What the simulation writes at one step: every rank's particles. */
export function written(ranks: number, step: number, n = PARTICLES): Uint8Array[] {
  return Array.from({ length: ranks }, (_, r) => particles(r, step, n, SEED));
}

export function reference(mod: Module, ranks: number, step: number, steps: Step[], params?: Record<string, number | bigint>): OperationResult & { records: Uint8Array } {
  const r = runOperation(mod.binary, mod.manifest, written(ranks, step), steps, specialize, params);
  return { ...r, records: Buffer.concat(r.outputs) };
}

/** The `long` at `offset` of each `size`-byte record. */
export function idsOf(bytes: Uint8Array, size: number = PARTICLE_SIZE, offset: number = particleField.id): bigint[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: bytes.byteLength / size }, (_, i) => dv.getBigInt64(i * size + offset, true));
}

export function same(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
