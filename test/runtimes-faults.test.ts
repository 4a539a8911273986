// The runtimes under faults (issue 6): a fragment that loops forever (stopped by fuel) or traps,
// at the sources and at staging, is quarantined, reported with its name, hash, step and source,
// and its data passes on unmodified; a full SmartTap pool is backpressure (a BackpressureError,
// or a write that waits), never silent loss. Every record's id is counted to show nothing was
// lost or duplicated. The healthy paths: test/runtimes.test.ts.
import { describe, expect, it } from "vitest";
import type { CStager, StagerReport } from "../runtime/cstager.js";
import type { Step } from "../runtime/operation.js";
import type { FragmentFault } from "../runtime/sandbox.js";
import { particleId } from "../runtime/synthetic.js";
import { compileText, idsOf, PARTICLES, particleStruct, reference, runPipeline, same, STEPS, TestSink, written } from "./runtimes-harness.js";

// Index 5 of every rank's step spins (index 7 divides by zero); `spin_number` spins on rank 1 only.
const faulty = `${particleStruct}
struct numbered { long id; long seq; };
filter spin(const struct particle *p) {
    if ((p->id & 0xffffffff) == 5) while (1) {}
    return p->energy < 1.0;
}
filter divz(const struct particle *p) {
    long k = (p->id & 0xffff) - 7;
    return 100 / k > 0;
}
transform spin_number(const struct particle *p, struct numbered *out) {
    if (p->id >> 52 == 1 && (p->id & 0xffffffff) == 5) while (1) {}
    out->id = p->id;
    out->seq = 1;
    return 1;
}
`;
// The same file with its bugs fixed: what a user deploys after the quarantine.
const fixed = faulty.replace("while (1) {}", "{}").replace("long k = (p->id & 0xffff) - 7;", "long k = (p->id & 0xffff) - 7; if (k == 0) k = 1;");

const mod = compileText(faulty, "faulty.cod");

/** Every id the sink stored at a step, over all datasets, with the record size of each dataset. */
function storedIds(sink: TestSink, step: number): bigint[] {
  const s = sink.steps.find((x) => x.step === step)!;
  return s.datasets.flatMap((d) => idsOf(d.bytes, d.layout.size, d.layout.fields.find((f) => f.name === "id")!.offset));
}

function expectEveryIdOnce(sink: TestSink, ranks: number): void {
  for (let step = 0; step < STEPS; step++) {
    const want: bigint[] = [];
    for (let r = 0; r < ranks; r++) for (let i = 0; i < PARTICLES; i++) want.push(particleId(r, step, i));
    expect(storedIds(sink, step).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), `step ${step}`).toEqual(want);
  }
}

function expectFault(f: FragmentFault, report: StagerReport, o: Partial<FragmentFault>): void {
  expect(f).toMatchObject({ step: 0, ...o });
  // The module that ran: the step's specialized one (the generic one when nothing is specialized).
  expect(f.hash).toBe(report.steps[0].specialized);
  expect(f.hash).toMatch(/^[0-9a-f]{64}$/);
  expect(f.message.length).toBeGreaterThan(0);
}

describe("a fragment that never ends is stopped by fuel and quarantined", () => {
  it.each([false, true])("a filter at the sources: its input passes on into the records, and it is not run again (threads: %s)", async (threads) => {
    const ranks = 2;
    const faults: FragmentFault[] = [];
    const { report, sink } = await runPipeline(mod, { ranks, threads, steps: [{ fragment: "spin", at: "source" }], extra: { onFault: (f) => faults.push(f) } });
    expect(report.faults.map((f) => [f.fragment, f.reason, f.step, f.source])).toEqual([["spin", "fuel", 0, 0], ["spin", "fuel", 0, 1]]);
    for (const f of report.faults) expectFault(f, report, { fragment: "spin", reason: "fuel" });
    expect(faults).toEqual(report.faults);
    expect(report.steps.map((s) => s.faults.length)).toEqual([2, 0, 0]);
    expect(sink.steps[0].attrs.faults).toMatch(/fragment 'spin' \(hash [0-9a-f]{8}\.\.\.\) ran out of fuel at step 0 on source 0/);
    for (let step = 0; step < STEPS; step++) {
      expect(same(sink.bytes(step), Buffer.concat(written(ranks, step))), `step ${step}`).toBe(true);
      expect(report.steps[step].unprocessed).toBe(0);
    }
    expectEveryIdOnce(sink, ranks);
  });

  it("a filter at staging: one fault, the step's data passes on, later steps complete", async () => {
    const ranks = 4;
    const { report, sink } = await runPipeline(mod, { ranks, steps: [{ fragment: "spin", at: "staging" }] });
    // Quarantined at its first fault: not run again, not on the step's other chunks either.
    expect(report.faults).toHaveLength(1);
    expectFault(report.faults[0], report, { fragment: "spin", reason: "fuel", source: "staging" });
    for (let step = 0; step < STEPS; step++) expect(same(sink.bytes(step), Buffer.concat(written(ranks, step))), `step ${step}`).toBe(true);
    expectEveryIdOnce(sink, ranks);
  });

  it("a type-changing transform at the sources: the faulted source's particles are stored unprocessed", async () => {
    const ranks = 2;
    const { report, sink } = await runPipeline(mod, { ranks, steps: [{ fragment: "spin_number", at: "source" }] });
    expect(report.faults).toHaveLength(1);
    expectFault(report.faults[0], report, { fragment: "spin_number", reason: "fuel", source: 1 });
    // Step 0: rank 0's particles were numbered at its source; rank 1's stayed particles.
    expect(sink.steps[0].datasets.map((d) => [d.name, d.layout.name, d.count])).toEqual([
      ["records", "struct numbered", PARTICLES],
      ["unprocessed", "struct particle", PARTICLES],
    ]);
    expect(same(sink.bytes(0, "unprocessed"), written(ranks, 0)[1])).toBe(true);
    // Later steps: quarantined, so nothing is numbered and everything arrives as it was written.
    for (const step of [1, 2]) {
      expect(report.steps[step]).toMatchObject({ records: 0, unprocessed: ranks * PARTICLES, faults: [] });
      expect(same(sink.bytes(step, "unprocessed"), Buffer.concat(written(ranks, step)))).toBe(true);
    }
    expectEveryIdOnce(sink, ranks);
  });

  it("a new version deployed after the quarantine runs again", async () => {
    const next = compileText(fixed, "fixed.cod");
    const steps: Step[] = [{ fragment: "spin", at: "source" }];
    let stager: CStager | undefined;
    const { report, sink } = await runPipeline(mod, {
      ranks: 1, steps, onStager: (s) => (stager = s),
      extra: { onStep: (s) => { if (s.step === 0) expect(stager!.deploy(next.binary, next.manifest)).toMatchObject({ ok: true }); } },
    });
    expect(report.faults).toHaveLength(1);
    expect(same(sink.bytes(0), written(1, 0)[0])).toBe(true);
    for (const step of [1, 2]) {
      const want = reference(next, 1, step, steps).records;
      expect(want.length).toBeLessThan(PARTICLES * 64);
      expect(same(sink.bytes(step), want), `step ${step}`).toBe(true);
    }
  });
});

describe("a fragment that traps is quarantined and its data passes on", () => {
  it.each([
    { at: "source" as const, faults: [0, 1, 2, 3] as (number | "staging")[] },
    { at: "staging" as const, faults: ["staging"] as (number | "staging")[] },
  ])("division by zero at the $at", async ({ at, faults }) => {
    const ranks = 4;
    const { report, sink } = await runPipeline(mod, { ranks, steps: [{ fragment: "divz", at }] });
    expect(report.faults.map((f) => f.source)).toEqual(faults);
    for (const f of report.faults) expectFault(f, report, { fragment: "divz", reason: "trap" });
    expect(report.faults[0].message).toMatch(/divide by zero/);
    for (let step = 0; step < STEPS; step++) expect(same(sink.bytes(step), Buffer.concat(written(ranks, step))), `step ${step}`).toBe(true);
    expectEveryIdOnce(sink, ranks);
  });

  // `third` keeps every third record it has seen (its counter is state); `divz8` traps on a record it keeps.
  const chained = `${faulty}
static long seen;
filter third(const struct particle *p) { seen++; return seen % 3 == 0; }
filter divz8(const struct particle *p) { long k = (p->id & 0xffff) - 8; return 100 / k > -1000; }
`;
  it.each(["source", "staging"] as const)("a trap after a stateful filter at the %s: the filter's work and state are kept", async (at) => {
    const ranks = 2;
    const both = compileText(chained, "chained.cod");
    const alone = await runPipeline(both, { ranks, steps: [{ fragment: "third", at }] });
    const { report, sink } = await runPipeline(both, { ranks, steps: [{ fragment: "third", at }, { fragment: "divz8", at }] });
    expect(report.faults.map((f) => [f.fragment, f.step, f.source])).toEqual(at === "source" ? [["divz8", 0, 0], ["divz8", 0, 1]] : [["divz8", 0, "staging"]]);
    for (let step = 0; step < STEPS; step++) {
      // Each source's count goes on across steps: step 1 starts at 2000, not 0.
      const want: bigint[] = [];
      for (let r = 0; r < ranks; r++) for (let i = 0; i < PARTICLES; i++) if ((step * PARTICLES + i + 1) % 3 === 0) want.push(particleId(r, step, i));
      expect(idsOf(alone.sink.bytes(step)), `step ${step}`).toEqual(want);
      expect(same(sink.bytes(step), alone.sink.bytes(step)), `step ${step}`).toBe(true);
    }
  });
});

describe("a local phase that traps (a global param's expression, run inside write)", () => {
  const src = `${particleStruct}
param long q = global max(100 / ((particle.id & 0xffff) - 3));
filter above(const struct particle *p) { return p->id > q; }
`;
  it("each step is stored unprocessed, with a fault per source, and the run completes", async () => {
    const ranks = 2;
    const { report, sink } = await runPipeline(compileText(src, "local-trap.cod"), { ranks, steps: [{ fragment: "above", at: "source" }] });
    expect(report.faults.map((f) => [f.fragment, f.step, f.source, f.reason])).toEqual(
      [0, 1, 2].flatMap((step) => [0, 1].map((source) => ["(local phase)", step, source, "trap"])),
    );
    for (let step = 0; step < STEPS; step++) {
      expect(report.steps[step]).toMatchObject({ records: 0, unprocessed: ranks * PARTICLES, specialized: "" });
      expect(same(sink.bytes(step, "unprocessed"), Buffer.concat(written(ranks, step)))).toBe(true);
    }
    expectEveryIdOnce(sink, ranks);
  });
});

describe("backpressure: a full pool is an error or a wait, never silent loss", () => {
  // One pool slot per rank and a disk that takes its time: the second write finds the pool full.
  const passThrough: Step[] = [];

  it.each([false, true])("policy 'fail' ends the run with a BackpressureError naming the source (threads: %s)", async (threads) => {
    const run = runPipeline(mod, { ranks: 2, steps: passThrough, slots: 1, threads, sink: new TestSink(100), extra: { policy: "fail" } });
    await expect(run).rejects.toThrow(/BackpressureError: write of step 1 refused: the SmartTap pool of source [01] is full/);
  });

  it("policy 'block' with a generous timeout waits, and everything arrives", async () => {
    const ranks = 2;
    const { report, sink } = await runPipeline(mod, { ranks, steps: passThrough, slots: 1, sink: new TestSink(30), extra: { policy: "block", timeoutMs: 10_000 } });
    expect(report.faults).toEqual([]);
    expectEveryIdOnce(sink, ranks);
  });

  it("policy 'block' with a tiny timeout: a BackpressureError that says it timed out", async () => {
    const run = runPipeline(mod, { ranks: 2, steps: passThrough, slots: 1, sink: new TestSink(200), extra: { policy: "block", timeoutMs: 5 } });
    await expect(run).rejects.toThrow(/BackpressureError: write of step 1 timed out after 5 ms: the SmartTap pool of source [01] is full/);
  });
});
