// The runtimes end to end (issue 6): synthetic simulation ranks writing through SmartTaps, a
// CStager pulling, running the global phase and the fragments where they are placed, storing one
// group per step. Every result is held against runOperation (the in-process reference driver) on
// the same synthetic particles, byte for byte. Also: ids counted through the pipeline, hot
// deployment (refused modules, a new version mid-run), placement changes mid-run (with state),
// and operations the stager must refuse. Faults and backpressure: test/runtimes-faults.test.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CStager } from "../runtime/cstager.js";
import type { Step } from "../runtime/operation.js";
import { particleId } from "../runtime/synthetic.js";
import {
  compileExample, compileText, examples, idsOf, TestSink, PARTICLES, particleStruct, reference, runPipeline, same, STEPS, written, type Module,
} from "./runtimes-harness.js";

interface Pipeline {
  fragments: string;
  steps: Step[];
  params?: Record<string, number>;
}

const operations = ["bbox-in-place", "bbox-new-buffer", "bbox-at-staging", "tagged-output", "subsample"];
const pipelines = new Map(operations.map((op) => [op, JSON.parse(readFileSync(join(examples, `${op}.json`), "utf8")) as Pipeline]));
const modules = new Map<string, Module>();
const moduleOf = (file: string) => {
  if (!modules.has(file)) modules.set(file, compileExample(file));
  return modules.get(file)!;
};
const bbox = () => moduleOf("bounding-box.cod");
const box = pipelines.get("bbox-in-place")!.params!;
const inBox = (at: "source" | "staging"): Step[] => [{ fragment: "in_box", at }];
// A per-record transform numbering the records it sees: its counter is state, one per source.
const numbering = (more = "") => `${particleStruct}
struct numbered { long id; long seq; };
static long seq;${more}
transform number(const struct particle *p, struct numbered *out) { out->id = p->id; out->seq = seq++; return 1; }
`;

describe("each EnStage operation equals the reference, step by step", () => {
  const cases = [
    ...operations.flatMap((op) => [1, 4].map((ranks) => ({ op, ranks, threads: false }))),
    { op: "subsample", ranks: 4, threads: true },
    { op: "bbox-in-place", ranks: 4, threads: true },
    { op: "bbox-in-place", ranks: 1, threads: true },
  ];
  it.each(cases)("$op with $ranks source(s), threads: $threads", async ({ op, ranks, threads }) => {
    const p = pipelines.get(op)!;
    const mod = moduleOf(p.fragments);
    const { report, sink } = await runPipeline(mod, { ranks, steps: p.steps, params: p.params, threads });
    expect(report.faults).toEqual([]);
    expect(report.steps.map((s) => s.step)).toEqual([0, 1, 2]);
    expect(sink.steps.map((s) => s.step)).toEqual([0, 1, 2]);
    for (let step = 0; step < STEPS; step++) {
      const ref = reference(mod, ranks, step, p.steps, p.params);
      const got = report.steps[step];
      expect(same(sink.bytes(step), ref.records), `step ${step} records`).toBe(true);
      expect(sink.steps[step].datasets.map((d) => d.name)).toEqual(["records"]);
      expect(got.globals).toEqual(ref.globals);
      expect(got.locals).toEqual(ref.locals);
      expect(got.placement).toEqual(p.steps);
      expect(got.bytesWritten).toBe(ref.bytesWritten);
      expect(got.bytesMoved).toBe(ref.bytesMoved);
      expect(got.bytesStored).toBe(ref.bytesStored);
      expect(got.version).toBe(report.steps[0].version);
    }
    expect(report.sources.map((s) => [s.source, s.steps, s.bytesWritten])).toEqual(
      Array.from({ length: ranks }, (_, r) => [r, STEPS, STEPS * PARTICLES * 64]),
    );
  });

  it("the global-phase operations really have globals to compare", async () => {
    const ref = reference(moduleOf("subsample.cod"), 4, 0, pipelines.get("subsample")!.steps);
    expect(Object.keys(ref.globals).sort()).toEqual(["emin", "mu", "sigma"]);
    expect(Object.keys(reference(moduleOf("tagged-output.cod"), 4, 0, []).globals)).toHaveLength(6);
  });
});

describe("nothing is lost or duplicated", () => {
  it("a pass-through pipeline stores every id of every rank and step exactly once", async () => {
    const ranks = 4;
    const { report, sink } = await runPipeline(bbox(), { ranks, steps: [], params: box });
    const seen = new Map<bigint, number>();
    for (const s of sink.steps) for (const d of s.datasets) for (const id of idsOf(d.bytes)) seen.set(id, (seen.get(id) ?? 0) + 1);
    const expected: bigint[] = [];
    for (let step = 0; step < STEPS; step++) for (let r = 0; r < ranks; r++) for (let i = 0; i < PARTICLES; i++) expected.push(particleId(r, step, i));
    expect(seen.size).toBe(expected.length);
    expect(expected.every((id) => seen.get(id) === 1)).toBe(true);
    expect(report.steps.map((s) => s.records)).toEqual([ranks * PARTICLES, ranks * PARTICLES, ranks * PARTICLES]);
    // Stored in source order, each source's particles in the order they were written.
    for (let step = 0; step < STEPS; step++) expect(same(sink.bytes(step), Buffer.concat(written(ranks, step)))).toBe(true);
  });

  it.each(["source", "staging"] as const)("with the box filter at the %s, the stored ids are exactly the reference's", async (at) => {
    const ranks = 4;
    const { sink } = await runPipeline(bbox(), { ranks, steps: inBox(at), params: box });
    for (let step = 0; step < STEPS; step++) {
      const want = idsOf(reference(bbox(), ranks, step, inBox(at), box).records);
      expect(want.length).toBeGreaterThan(0);
      expect(want.length).toBeLessThan(ranks * PARTICLES);
      expect(idsOf(sink.bytes(step))).toEqual(want);
    }
  });
});

describe("hot deployment", () => {
  // Same fragment names, another selection: a new version's results cannot pass for the old one's.
  const changed = () =>
    compileText(readFileSync(join(examples, "bounding-box.cod"), "utf8").replace("{ return inside(p); }", "{ return inside(p) && p->energy < 1.0; }"), "bounding-box-v2.cod");
  const unrelated = () => compileText(`${particleStruct}\nfilter hot(const struct particle *p) { return p->energy > 2.0; }\n`, "hot.cod");

  it("refuses a corrupt module, a wrong ABI version and a module lacking a fragment, and the old version keeps running", async () => {
    const mod = bbox();
    const flipped = mod.binary.slice();
    for (const at of [0, 1, 2, 3]) flipped[at] ^= 0xff; // the magic number
    const truncated = mod.binary.slice(0, Math.floor(mod.binary.length / 2));
    const other = unrelated();
    const answers: ({ ok: true; hash: string } | { ok: false; error: string })[] = [];
    let deployer: CStager | undefined;
    const { report, sink } = await runPipeline(mod, {
      ranks: 2, steps: inBox("source"), params: box,
      extra: {
        onStep: (s) => {
          if (s.step !== 0) return;
          answers.push(deployer!.deploy(flipped, mod.manifest));
          answers.push(deployer!.deploy(truncated, mod.manifest));
          answers.push(deployer!.deploy(mod.binary, { ...mod.manifest, abiVersion: mod.manifest.abiVersion + 1 }));
          answers.push(deployer!.deploy(other.binary, other.manifest));
        },
      },
      onStager: (st) => (deployer = st),
    });
    const errors = answers.map((a) => (a.ok ? "accepted" : a.error));
    expect(errors[0]).toMatch(/^module refused \(wasm\): .*not valid WebAssembly/);
    expect(errors[1]).toMatch(/^module refused \(wasm\)/);
    expect(errors[2]).toMatch(/^module refused \(abi\): the module was built for fragment ABI \d+/);
    expect(errors[3]).toMatch(/lacks fragment 'in_box'/);
    expect(report.refused).toEqual(errors);
    expect(report.faults).toEqual([]);
    const hash = report.steps[0].version;
    for (let step = 0; step < STEPS; step++) {
      expect(report.steps[step].version).toBe(hash);
      expect(same(sink.bytes(step), reference(mod, 2, step, inBox("source"), box).records)).toBe(true);
    }
  });

  it.each([
    { at: "source" as const, when: "after step 0 (onStep)" },
    { at: "staging" as const, when: "after step 0 (onStep)" },
    { at: "source" as const, when: "while step 0 is being written" },
    { at: "staging" as const, when: "while step 0 is being written" },
  ])("a new version deployed $when, placed at the $at, runs from step 1 on, never mixed", async ({ at, when }) => {
    const old = bbox();
    const next = changed();
    let accepted: { ok: boolean } | undefined;
    let stager: CStager | undefined;
    const deploy = (step: number) => {
      if (step === 0) accepted = stager!.deploy(next.binary, next.manifest);
    };
    const midStep = when.startsWith("while");
    const { report, sink } = await runPipeline(old, {
      ranks: 4, steps: inBox(at), params: box,
      onStager: (st) => (stager = st),
      sink: new TestSink(0, midStep ? deploy : undefined),
      extra: midStep ? {} : { onStep: (s) => deploy(s.step) },
    });
    expect(accepted).toMatchObject({ ok: true });
    const [h0, h1, h2] = report.steps.map((s) => s.version);
    expect(h0).not.toBe(h1);
    expect(h2).toBe(h1);
    expect(report.steps[1].specialized).not.toBe(report.steps[0].specialized);
    for (let step = 0; step < STEPS; step++) {
      const want = reference(step === 0 ? old : next, 4, step, inBox(at), box).records;
      const other = reference(step === 0 ? next : old, 4, step, inBox(at), box).records;
      expect(other.length).not.toBe(want.length);
      expect(same(sink.bytes(step), want), `step ${step}`).toBe(true);
      expect(sink.steps[step].attrs.module).toBe(report.steps[step].version);
    }
  });
  it.each(["source", "staging"] as const)("a new version whose state does not fit the old state faults at the %s; the data is kept", async (at) => {
    const old = compileText(numbering(), "numbering.cod");
    const next = compileText(numbering("\nstatic long other;"), "numbering-v2.cod");
    let stager: CStager | undefined;
    const { report, sink } = await runPipeline(old, {
      ranks: 2, steps: [{ fragment: "number", at }], onStager: (s) => (stager = s),
      extra: { onStep: (s) => { if (s.step === 0) expect(stager!.deploy(next.binary, next.manifest)).toMatchObject({ ok: true }); } },
    });
    expect(report.faults.map((f) => [f.fragment, f.step, f.source, f.reason])).toEqual(
      (at === "source" ? [0, 1] : ["staging"]).map((source) => ["number", 1, source, "error"]),
    );
    expect(report.faults[0].message).toMatch(/state variable 'other' is missing from the state/);
    expect(report.steps.map((s) => [s.records, s.unprocessed])).toEqual([[2 * PARTICLES, 0], [0, 2 * PARTICLES], [0, 2 * PARTICLES]]);
    for (const step of [1, 2]) expect(same(sink.bytes(step, "unprocessed"), Buffer.concat(written(2, step)))).toBe(true);
  });
  // A new version's global params must be the running one's: the sources run the local phase at
  // write time, with the module they were set up with, and staging merges with it too.
  const deployPhases = async (from: string, to: string) => {
    const mod = moduleOf("subsample.cod");
    const other = compileText(readFileSync(join(examples, "subsample.cod"), "utf8").replace(from, to), "subsample-v2.cod");
    let answer: { ok: boolean; error?: string } | undefined;
    let stager: CStager | undefined;
    const p = pipelines.get("subsample")!;
    const { report, sink } = await runPipeline(mod, {
      ranks: 2, steps: p.steps, onStager: (s) => (stager = s),
      extra: { onStep: (s) => { if (s.step === 0) answer = stager!.deploy(other.binary, other.manifest); } },
    });
    expect(answer?.ok, "deploy accepted it").toBe(false);
    expect(answer?.error).toMatch(/^module refused: its global params differ from the running version's/);
    for (let step = 0; step < STEPS; step++) expect(same(sink.bytes(step), reference(mod, 2, step, p.steps).records)).toBe(true);
    expect(new Set(report.steps.map((s) => s.version)).size).toBe(1);
  };

  it("refuses a version whose global params differ (another aggregate)", async () => {
    await deployPhases("global min(particle.energy)", "global max(particle.energy)");
  });

  // The phase graph carries a hash of the derived phase code, so another expression is seen.
  it("refuses a version whose global params differ (another expression)", async () => {
    await deployPhases("global min(particle.energy)", "global min(particle.vx)");
  });
});

describe("placement changes mid-run", () => {
  const expectReference = (sink: Awaited<ReturnType<typeof runPipeline>>["sink"], ranks: number) => {
    for (let step = 0; step < STEPS; step++) expect(same(sink.bytes(step), reference(bbox(), ranks, step, inBox("staging"), box).records), `step ${step}`).toBe(true);
  };

  it("the box filter moved from staging to the sources at step 2 (placements option) gives the same results", async () => {
    const still = await runPipeline(bbox(), { ranks: 4, steps: inBox("staging"), params: box });
    const moved = await runPipeline(bbox(), { ranks: 4, steps: inBox("staging"), params: box, extra: { placements: [{ step: 2, fragment: "in_box", at: "source" }] } });
    expect(moved.report.steps.map((s) => s.placement[0].at)).toEqual(["staging", "staging", "source"]);
    expect(still.report.steps.map((s) => s.placement[0].at)).toEqual(["staging", "staging", "staging"]);
    expectReference(moved.sink, 4);
    for (let step = 0; step < STEPS; step++) expect(same(moved.sink.bytes(step), still.sink.bytes(step))).toBe(true);
    // Moving it shrinks what moves: only the kept particles leave the sources at step 2.
    expect(moved.report.steps[2].bytesMoved).toBe(moved.report.steps[2].bytesStored);
    expect(moved.report.steps[1].bytesMoved).toBe(4 * PARTICLES * 64);
  });

  it("the box filter moved by stager.place from onStep, and back", async () => {
    let stager: CStager | undefined;
    const { report, sink } = await runPipeline(bbox(), {
      ranks: 4, steps: inBox("staging"), params: box, onStager: (s) => (stager = s),
      extra: {
        onStep: (s) => {
          if (s.step === 0) stager!.place("in_box", "source");
          if (s.step === 1) stager!.place("in_box", "staging");
        },
      },
    });
    expect(report.steps.map((s) => s.placement[0].at)).toEqual(["staging", "source", "staging"]);
    expectReference(sink, 4);
  });

  it("the subsample's histogram moved staging -> source -> staging gives the same histograms", async () => {
    const mod = moduleOf("subsample.cod");
    const steps: Step[] = [{ fragment: "energy_histogram", at: "staging", cap: 1 }, { fragment: "merge_histograms", at: "staging", cap: 1 }];
    const { report, sink } = await runPipeline(mod, {
      ranks: 4, steps,
      extra: { placements: [{ step: 1, fragment: "energy_histogram", at: "source" }, { step: 2, fragment: "energy_histogram", at: "staging" }] },
    });
    expect(report.steps.map((s) => s.placement.map((p) => p.at).join())).toEqual(["staging,staging", "source,staging", "staging,staging"]);
    for (let step = 0; step < STEPS; step++) expect(same(sink.bytes(step), reference(mod, 4, step, pipelines.get("subsample")!.steps).records), `step ${step}`).toBe(true);
    // At the sources, four histograms move instead of the particles.
    expect(report.steps[1].bytesMoved).toBe(4 * sink.steps[1].datasets[0].layout.size);
  });

  it("the subsample's histogram at the sources runs by param values in a kept instance: no module shipped, same bytes", async () => {
    const mod = moduleOf("subsample.cod");
    const p = pipelines.get("subsample")!;
    expect(p.steps[0]).toMatchObject({ fragment: "energy_histogram", at: "source" });
    const pulls: { values?: object; binary: boolean; hash: string }[] = [];
    const onStager = (stager: CStager) => {
      const attach = stager.attach.bind(stager);
      stager.attach = (link) => attach({
        ...link,
        onMessage: link.onMessage.bind(link),
        send: (m, transfer) => {
          if (m.type === "pull" && m.run) pulls.push({ values: m.run.values, binary: m.run.module.binary !== undefined, hash: m.run.module.hash });
          link.send(m, transfer);
        },
      });
    };
    const { report, sink } = await runPipeline(mod, { ranks: 4, steps: p.steps, onStager });
    expect(report.faults).toEqual([]);
    expect(pulls).toHaveLength(4 * STEPS);
    for (const pull of pulls) {
      expect(pull.hash).toBe(report.steps[0].version); // the generic module, held since the setup
      expect(pull.binary).toBe(false);
      expect(Object.keys(pull.values ?? {}).sort()).toEqual(["emin", "mu", "sigma"]);
    }
    for (let step = 0; step < STEPS; step++) expect(same(sink.bytes(step), reference(mod, 4, step, p.steps).records), `step ${step}`).toBe(true);
  });

  it("a fault of a fragment run by param values: the data passes on, later steps and the local phase go on", async () => {
    // Out of fuel on source 1 at step 0 only (its ids carry rank and step: runtime/synthetic.ts).
    const text = readFileSync(join(examples, "subsample.cod"), "utf8").replace(
      "    double hi = mu + 2 * sigma;",
      "    double hi = mu + 2 * sigma;\n    if (n > 0 && in[0].id >> 52 == 1 && (in[0].id >> 32 & 0xfffff) == 0) while (1) {}",
    );
    const mod = compileText(text, "subsample-hang.cod");
    const p = pipelines.get("subsample")!;
    const { report, sink } = await runPipeline(mod, { ranks: 4, steps: p.steps });
    expect(report.steps.map((s) => s.step)).toEqual([0, 1, 2]);
    expect(report.faults.map((f) => [f.fragment, f.step, f.source, f.reason])).toEqual([["energy_histogram", 0, 1, "fuel"]]);
    expect(report.faults[0].hash).toBe(report.steps[0].version);
    // Quarantined afterwards: the particles of every later step move raw, and the local phase
    // still gives the same globals as the reference.
    for (let step = 1; step < STEPS; step++) {
      const ref = reference(mod, 4, step, []);
      expect(report.steps[step].globals).toEqual(ref.globals);
      expect(report.steps[step].placement[0].quarantined).toBe(true);
    }
    expect(sink.steps[0].datasets.some((d) => d.name.startsWith("unprocessed"))).toBe(true);
  });

  it("a fragment run by param values that writes through a wild pointer cannot reach the other buffered steps", async () => {
    // On source 1 at step 0 only: fill two slots' worth of memory just after its input with
    // ones (after a malloc that makes room, so nothing traps). Were the input the pool slot
    // itself (the fragment run in the phase instance), that would overwrite the steps buffered
    // after it; in an instance of its own it only spoils its own output.
    const text = "#include <stdlib.h>\n" + readFileSync(join(examples, "subsample.cod"), "utf8").replace(
      "    double hi = mu + 2 * sigma;",
      "    double hi = mu + 2 * sigma;\n    if (n > 0 && in[0].id >> 52 == 1 && (in[0].id >> 32 & 0xfffff) == 0) { malloc(1 << 20); long *w = (long *)(in + n + 16); for (long k = 0; k < 16 * n; k++) w[k] = -1; }",
    );
    const mod = compileText(text, "subsample-wild.cod");
    const p = pipelines.get("subsample")!;
    const { report, sink } = await runPipeline(mod, { ranks: 4, steps: p.steps });
    expect(report.steps.map((s) => s.step)).toEqual([0, 1, 2]);
    expect(report.faults).toEqual([]);
    for (let step = 1; step < STEPS; step++) {
      const ref = reference(mod, 4, step, p.steps);
      expect(report.steps[step].globals).toEqual(ref.globals);
      expect(same(sink.bytes(step), ref.records), `step ${step}`).toBe(true);
    }
  });

  it("a stateful fragment moved staging -> source -> staging takes its state along", async () => {
    const mod = compileText(numbering(), "numbering.cod");
    const ranks = 2;
    const steps: Step[] = [{ fragment: "number", at: "staging" }];
    const still = await runPipeline(mod, { ranks, steps });
    const atSource = await runPipeline(mod, { ranks, steps: [{ fragment: "number", at: "source" }] });
    const moved = await runPipeline(mod, {
      ranks, steps,
      extra: { placements: [{ step: 1, fragment: "number", at: "source" }, { step: 2, fragment: "number", at: "staging" }] },
    });
    let stager: CStager | undefined;
    const placed = await runPipeline(mod, {
      ranks, steps, onStager: (s) => (stager = s),
      extra: { onStep: (s) => { if (s.step === 0) stager!.place("number", "source"); if (s.step === 1) stager!.place("number", "staging"); } },
    });
    const threaded = await runPipeline(mod, {
      ranks, steps, threads: true,
      extra: { placements: [{ step: 1, fragment: "number", at: "source" }, { step: 2, fragment: "number", at: "staging" }] },
    });
    expect(moved.report.steps.map((s) => s.placement[0].at)).toEqual(["staging", "source", "staging"]);
    expect(placed.report.steps.map((s) => s.placement[0].at)).toEqual(["staging", "source", "staging"]);
    for (let step = 0; step < STEPS; step++) {
      // The oracle: each source counts its own particles, on from where the previous step stopped.
      const want: bigint[] = [];
      for (let r = 0; r < ranks; r++) for (let i = 0; i < PARTICLES; i++) want.push(particleId(r, step, i), BigInt(step * PARTICLES + i));
      const got = still.sink.bytes(step);
      const dv = new DataView(got.buffer, got.byteOffset, got.byteLength);
      expect(Array.from({ length: got.byteLength / 8 }, (_, k) => dv.getBigInt64(k * 8, true))).toEqual(want);
      for (const run of [atSource, moved, placed, threaded]) expect(same(run.sink.bytes(step), got), `step ${step}`).toBe(true);
    }
  });
});

describe("operations the stager refuses", () => {
  it("a step naming a fragment the module does not have", async () => {
    await expect(runPipeline(bbox(), { ranks: 2, steps: [{ fragment: "in_circle", at: "staging" }], params: box })).rejects.toThrow(/'in_circle'/);
  });

  it("a source step after a staging step", async () => {
    const steps: Step[] = [{ fragment: "in_box", at: "staging" }, { fragment: "box_positions", at: "source" }];
    await expect(runPipeline(bbox(), { ranks: 2, steps, params: box })).rejects.toThrow(/'box_positions' cannot run at the source after 'in_box' ran at staging/);
  });

  it("a placement change naming an unknown fragment, or putting a source step after a staging one", async () => {
    await expect(runPipeline(bbox(), { ranks: 1, steps: inBox("staging"), params: box, extra: { placements: [{ step: 1, fragment: "in_circle", at: "source" }] } }))
      .rejects.toThrow(/'in_circle' is not a step of this operation/);
    const steps: Step[] = [{ fragment: "in_box", at: "staging" }, { fragment: "box_positions", at: "staging" }];
    const errors: string[] = [];
    await runPipeline(bbox(), {
      ranks: 1, steps, params: box,
      onStager: (s) => {
        for (const [fragment, at] of [["box_positions", "source"], ["in_box", "source"]] as const) {
          try {
            s.place(fragment, at);
          } catch (e) {
            errors.push((e as Error).message);
          }
        }
      },
    });
    // in_box may go to the sources (it runs first); box_positions alone may not.
    expect(errors).toEqual(["'box_positions' cannot run at the source after 'in_box' ran at staging: data only moves toward staging"]);
  });
});
