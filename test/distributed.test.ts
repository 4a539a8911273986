// The pipeline across processes (issue 7), end to end: a real nats-server, the real bundled command
// (`node dist/enstage.mjs`, built by test/global-setup.ts) as separate stager, source and deploy
// processes. Every stored step file (DIR/step_NNNNNN.h5, read back with readHdf5) is held against
// the in-process reference (runOperation on the same synthetic particles), byte for byte; record
// ids are counted across the files. Covered: the three EnStage operations with 4 source and 2
// stager processes; a stager killed mid-step (SIGKILL) and restarted; the NATS server killed and
// restarted mid-run; hot reload (a new module, a placement move, modules that must be refused);
// a slow stager against the sources' pools (block: backpressure, bounded memory; fail: an error);
// bad input. Skipped, with a message, when nats-server is not installed.
//
// Processes are heavy here (node start ~0.5 s, a stager or deploy compiles its fragments with
// binaryen, ~2 s of CPU), so particle counts stay small and independent runs go concurrently.

import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Manifest, ManifestStruct } from "../runtime/abi.js";
import { planColumns, readHdf5 } from "../runtime/hdf5.js";
import { connect, openJetStream, type NatsConnection } from "../runtime/nats/connect.js";
import { putModule } from "../runtime/nats/modules.js";
import { updatePlacement } from "../runtime/nats/placement.js";
import { openRun, runNames, type OpenRun } from "../runtime/nats/run.js";
import { runOperation, type Step } from "../runtime/operation.js";
import { moduleHash } from "../runtime/sandbox.js";
import { particleField, particles, PARTICLE_SIZE } from "../runtime/synthetic.js";
import { specialize } from "../src/specialize.js";
import { compileExample, compileText, examples, same, type Module } from "./runtimes-harness.js";
import { natsServerAvailable, startNatsServer, type NatsServer } from "./nats-server.js";

const available = natsServerAvailable();
if (!available) console.warn("test/distributed.test.ts skipped: nats-server is not installed (apt-get install -y nats-server)");

const cli = join(import.meta.dirname, "..", "dist", "enstage.mjs");
const SEED = 1;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Per test: the machine is small and busy; a stager alone compiles for seconds. */
const LONG = 180_000;
let runCount = 0;
/** Streams persist on a server: every run gets a name of its own. */
const runName = (what: string) => `${what}-${process.pid}-${++runCount}`;

// ---- processes --------------------------------------------------------------------------------

/** One `enstage` process: its output as lines, its exit, and ways to wait for both. */
class Proc {
  readonly child: ChildProcess;
  readonly out: string[] = [];
  readonly err: string[] = [];
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private listeners: (() => void)[] = [];

  constructor(readonly name: string, args: string[], cwd: string) {
    this.child = spawn(process.execPath, [cli, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    for (const [stream, lines] of [[this.child.stdout!, this.out], [this.child.stderr!, this.err]] as const) {
      let partial = "";
      stream.setEncoding("utf8");
      stream.on("data", (text: string) => {
        partial += text;
        const parts = partial.split("\n");
        partial = parts.pop()!;
        lines.push(...parts);
        for (const l of this.listeners.splice(0)) l();
      });
    }
    this.exit = new Promise((resolve) => this.child.once("exit", (code, signal) => {
      for (const l of this.listeners.splice(0)) l();
      resolve({ code, signal });
    }));
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  text(): string {
    return `--- ${this.name} stdout\n${this.out.join("\n")}\n--- ${this.name} stderr\n${this.err.join("\n")}`;
  }

  /** The lines of both streams matching `re`. */
  matches(re: RegExp): string[] {
    return [...this.out, ...this.err].filter((l) => re.test(l));
  }

  /** Resolves with the `count`-th line matching `re` (stdout or stderr). */
  async waitFor(re: RegExp, timeoutMs = 60_000, count = 1): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.matches(re);
      if (found.length >= count) return found[count - 1];
      if (!this.running) throw new Error(`${this.name} exited before printing ${re}:\n${this.text()}`);
      if (Date.now() > deadline) throw new Error(`${this.name} did not print ${re} within ${timeoutMs} ms:\n${this.text()}`);
      await new Promise<void>((r) => {
        this.listeners.push(r);
        setTimeout(r, 200);
      });
    }
  }

  /** The exit code; a process still running after `timeoutMs` is an error (and is killed later). */
  async code(timeoutMs = 90_000): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.name} still running after ${timeoutMs} ms:\n${this.text()}`)), timeoutMs);
    });
    try {
      return (await Promise.race([this.exit, late])).code;
    } finally {
      clearTimeout(timer);
    }
  }

  kill(signal: NodeJS.Signals = "SIGKILL"): Promise<unknown> {
    if (this.running) this.child.kill(signal);
    return this.exit;
  }
}

/** The processes one test started; each test kills what it left running, however it ended. */
class Procs {
  private readonly all: Proc[] = [];
  constructor(private readonly cwd: string) {}
  start(name: string, args: string[]): Proc {
    const p = new Proc(name, args, this.cwd);
    this.all.push(p);
    everyProc.add(p);
    return p;
  }
  async killAll(): Promise<void> {
    await Promise.all(this.all.map((p) => p.kill("SIGKILL")));
    for (const p of this.all) everyProc.delete(p);
  }
  /** Every process's output, for a failure message. */
  text(): string {
    return this.all.map((p) => p.text()).join("\n");
  }
}
const everyProc = new Set<Proc>();

/** All must exit 0; the message of a failure carries every process's output. */
async function allSucceed(procs: Procs, list: Proc[], timeoutMs = 90_000): Promise<void> {
  const codes = await Promise.all(list.map((p) => p.code(timeoutMs))).catch((e: Error) => {
    throw new Error(`${e.message.split("\n")[0]}\n${procs.text()}`);
  });
  if (codes.some((c) => c !== 0)) throw new Error(`exit codes ${list.map((p, i) => `${p.name}=${codes[i]}`).join(", ")}:\n${procs.text()}`);
}

// ---- pipelines and references -----------------------------------------------------------------

interface PipelineFile {
  fragments: string;
  steps: Step[];
  params?: Record<string, number>;
  simulation?: Record<string, number>;
  runtime?: Record<string, unknown>;
  nats?: Record<string, unknown>;
}

/** A copy of an example pipeline in `dir`, its fragment file absolute, with settings replaced. */
function writePipeline(dir: string, op: string, over: Partial<PipelineFile>): string {
  const p = JSON.parse(readFileSync(join(examples, `${op}.json`), "utf8")) as PipelineFile;
  const file = join(dir, `${op}.json`);
  writeFileSync(file, JSON.stringify({ ...p, fragments: join(examples, p.fragments), ...over }, null, 2));
  return file;
}

const modules = new Map<string, Module>();
const moduleOf = (file: string) => {
  if (!modules.has(file)) modules.set(file, compileExample(file));
  return modules.get(file)!;
};

/** The records runOperation computes for one step of `ranks` sources of `n` particles. */
function reference(mod: Module, steps: Step[], params: Record<string, number> | undefined, ranks: number, n: number, step: number) {
  const sources = Array.from({ length: ranks }, (_, r) => particles(r, step, n, SEED));
  const r = runOperation(mod.binary, mod.manifest, sources, steps, specialize, params);
  return { ...r, records: new Uint8Array(Buffer.concat(r.outputs)) };
}

const layoutOf = (m: Manifest, name: string): ManifestStruct => m.structs.find((s) => s.name === name)!;

/** One step file: its attributes and its records, put back together from the columns. */
async function readStep(dir: string, step: number, layout: ManifestStruct) {
  const file = join(dir, `step_${String(step).padStart(6, "0")}.h5`);
  if (!existsSync(file)) throw new Error(`step ${step} was not stored (${file} is missing)`);
  const contents = await readHdf5(file);
  expect(contents.steps.map((s) => s.step)).toEqual([step]);
  const { attrs, datasets } = contents.steps[0];
  expect(Object.keys(datasets), `step ${step}: only records, nothing unprocessed`).toEqual(["records"]);
  return { attrs, records: fromColumns(datasets.records, layout) };
}

/** The inverse of the sink's column split: every column's bytes back at its field's offset. */
function fromColumns(columns: Record<string, ArrayLike<number | bigint>>, layout: ManifestStruct): Uint8Array {
  const plan = planColumns(layout);
  expect(plan.uncovered).toEqual([]);
  const per = (dims: number[]) => dims.reduce((a, b) => a * b, 1);
  const first = plan.columns[0];
  const count = (columns[first.name]?.length ?? 0) / per(first.dims);
  const out = new Uint8Array(count * layout.size);
  for (const c of plan.columns) {
    const col = columns[c.name] as unknown as ArrayBufferView;
    const n = per(c.dims);
    expect(col.byteLength, `column ${c.name}`).toBe(count * n * c.width);
    // Byte by byte (never through a float), in 4-byte lanes when everything is aligned.
    const lane = [c.width, c.offset, c.stride, layout.size, col.byteOffset].every((v) => v % 4 === 0) ? 4 : 1;
    const Lane = lane === 4 ? Uint32Array : Uint8Array;
    const src = new Lane(col.buffer as ArrayBuffer, col.byteOffset, col.byteLength / lane);
    const dst = new Lane(out.buffer);
    const w = c.width / lane, size = layout.size / lane, offset = c.offset / lane, stride = c.stride / lane;
    let k = 0;
    for (let i = 0; i < count; i++) {
      for (let j = 0, at = i * size + offset; j < n; j++, at += stride) for (let q = 0; q < w; q++) dst[at + q] = src[k++];
    }
  }
  return out;
}

/**
 * Counts particle ids (rank << 52 | step << 32 | index) over the step files: each id of
 * `ranks` x `steps` x `n` must be there exactly once, and nothing else.
 */
function expectEachIdOnce(stored: Uint8Array[], ranks: number, steps: number, n: number): void {
  const seen = new Uint8Array(ranks * steps * n);
  let strange = 0;
  for (const bytes of stored) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    for (let at = particleField.id / 4; at < words.length; at += PARTICLE_SIZE / 4) {
      const index = words[at], rank = words[at + 1] >>> 20, step = words[at + 1] & 0xfffff;
      if (rank >= ranks || step >= steps || index >= n) strange++;
      else seen[(rank * steps + step) * n + index]++;
    }
  }
  expect(strange, "ids that the simulation never wrote").toBe(0);
  const twice = seen.reduce((k, x) => k + (x > 1 ? 1 : 0), 0);
  const missing = seen.reduce((k, x) => k + (x === 0 ? 1 : 0), 0);
  expect(twice, "ids stored more than once").toBe(0);
  expect(missing, "ids never stored").toBe(0);
}

interface StepReport {
  step: number;
  stager: string;
  version: string;
  specialized: string;
  placement: Step[];
  globals: Record<string, unknown>;
  locals: Record<string, unknown>[];
  bytesMoved: number;
  records: number;
}

/** Bigints as the stager's report JSON writes them (decimal strings). */
const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x)));

/** A stager has compiled its fragments, connected, and taken the run's version. */
const ready = (stager: Proc) => stager.waitFor(/version \w+/, 120_000);

/** Lines "step N: ..." of a stager: the steps it ran. */
const stepsOf = (p: Proc) => p.out.map((l) => /^step (\d+):/.exec(l)).filter((m) => m !== null).map((m) => Number(m[1]));

// ---- the tests ---------------------------------------------------------------------------------

/** The tagged-output run (no fragments) stored every step equal to the reference, each id once. */
async function expectPassThroughStored(out: string, ranks: number, steps: number, n: number): Promise<void> {
  const mod = moduleOf("tagged-output.cod");
  const layout = layoutOf(mod.manifest, "struct particle");
  const stored: Uint8Array[] = [];
  for (let step = 0; step < steps; step++) {
    const got = await readStep(out, step, layout);
    expect(same(got.records, reference(mod, [], undefined, ranks, n, step).records), `step ${step} records`).toBe(true);
    stored.push(got.records);
  }
  expectEachIdOnce(stored, ranks, steps, n);
}

describe.skipIf(!available)("the pipeline across processes on NATS (real nats-server, real enstage processes)", () => {
  let server: NatsServer;
  let nc: NatsConnection;
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), "enstage-distributed-"));
    dirs.push(d);
    return d;
  };
  /** The run's KV bucket and the shared buckets, seen from the test. */
  const runs = new Map<string, OpenRun>();
  const openFor = async (run: string) => {
    if (!runs.has(run)) runs.set(run, await openRun(nc, run));
    return runs.get(run)!;
  };
  async function reportOf(run: string, step: number): Promise<StepReport & { created: number }> {
    const e = await (await openFor(run)).kv.get(`out.${step}`);
    if (!e) throw new Error(`run ${run}: no report for step ${step}`);
    return { ...(JSON.parse(e.string()) as StepReport), created: e.created.getTime() };
  }

  beforeAll(async () => {
    server = await startNatsServer();
    nc = await connect(server.url, { name: "distributed.test" });
  });

  afterAll(async () => {
    await Promise.all([...everyProc].map((p) => p.kill("SIGKILL")));
    await nc?.close().catch(() => {});
    await server?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const operations = [
    { op: "bbox-at-staging", record: "struct particle" },
    { op: "tagged-output", record: "struct particle" },
    { op: "subsample", record: "struct histogram" },
  ];

  // One operation at a time: 18 processes starting at once swamp a 2-core machine.
  it.each(operations)("$op: 4 source processes and 2 stagers store the reference's records", async ({ op, record }) => {
    const RANKS = 4, N = 5000, STEPS = 4;
    const dir = tempDir();
    const procs = new Procs(dir);
    try {
      const run = runName(op);
      const file = writePipeline(dir, op, { simulation: { ranks: RANKS, particles: N, steps: STEPS, seed: SEED, work: 0 } });
      const p = JSON.parse(readFileSync(file, "utf8")) as PipelineFile;
      const mod = moduleOf(p.fragments.split("/").pop()!);
      const out = join(dir, "out");
      // A little slower than the sources, so that both stagers find a step to take.
      const stagers = ["s1", "s2"].map((name) =>
        procs.start(name, ["stager", file, "--nats", server.url, "--run", run, "--name", name, "-o", out, "--delay-ms", "300"]));
      await Promise.all(stagers.map(ready));
      const sources = [0, 1, 2, 3].map((rank) => procs.start(`rank ${rank}`, ["run", file, "--nats", server.url, "--run", run, "--ranks", String(rank)]));
      await allSucceed(procs, [...sources, ...stagers]);

      // The steps are shared: each ran once, by one of them, and both took some.
      const ran = stagers.map(stepsOf);
      expect([...ran[0], ...ran[1]].sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
      expect(ran[0].length > 0 && ran[1].length > 0, `both stagers ran steps (${JSON.stringify(ran)})`).toBe(true);
      for (const s of stagers) expect(s.matches(/^run '.*' stored: 4 steps/)).toHaveLength(1);

      const layout = layoutOf(mod.manifest, record);
      for (let step = 0; step < STEPS; step++) {
        const ref = reference(mod, p.steps, p.params, RANKS, N, step);
        const got = await readStep(out, step, layout);
        expect(got.records.byteLength, `step ${step} size`).toBe(ref.records.byteLength);
        expect(same(got.records, ref.records), `step ${step} records equal the reference`).toBe(true);
        expect(got.attrs.module).toBe(moduleHash(mod.binary));
        const report = await reportOf(run, step);
        expect(report.stager).toBe(ran[0].includes(step) ? "s1" : "s2");
        expect(report.placement).toEqual(p.steps);
        expect(report.bytesMoved).toBe(ref.bytesMoved);
        // The global values (tagged output's tags; subsample's mean, stddev and min) in the
        // report and in the file, and each source's own (the local tags).
        expect(report.globals).toEqual(asJson(ref.globals));
        expect(report.locals).toEqual(asJson(ref.locals));
        for (const [k, v] of Object.entries(ref.globals)) expect(got.attrs[`global ${k}`], k).toBe(v);
        expect(Object.keys(ref.globals)).toHaveLength({ "bbox-at-staging": 0, "tagged-output": 6, subsample: 3 }[op]!);
      }
    } finally {
      await procs.killAll();
    }
  }, LONG);

  it("hot reload across processes: a new module, then a placement move, then refused modules; each step under one version", async () => {
    const RANKS = 4, N = 5000, STEPS = 20;
    const dir = tempDir();
    const procs = new Procs(dir);
    try {
      const run = runName("reload");
      const file = writePipeline(dir, "bbox-at-staging", {
        simulation: { ranks: RANKS, particles: N, steps: STEPS, seed: SEED, work: 0 },
        runtime: { slots: 2 },
      });
      const p = JSON.parse(readFileSync(file, "utf8")) as PipelineFile;
      // Version 2: the same operation with the box moved by a change in the source.
      const text = readFileSync(join(examples, "bounding-box.cod"), "utf8");
      const moved = (by: string) => text.replace("p->x >= xmin && p->x < xmax", `p->x >= xmin + ${by} && p->x < xmax + ${by}`);
      expect(moved("0.25")).not.toBe(text);
      const v2file = join(dir, "bounding-box-v2.cod");
      writeFileSync(v2file, moved("0.25"));
      const v1 = moduleOf("bounding-box.cod");
      const v2 = compileText(moved("0.25"), "bounding-box-v2.cod");
      const [h1, h2] = [moduleHash(v1.binary), moduleHash(v2.binary)];
      const out = join(dir, "out");

      const s1 = procs.start("s1", ["stager", file, "--nats", server.url, "--run", run, "--name", "s1", "-o", out, "--delay-ms", "400"]);
      await ready(s1);
      const sources = procs.start("ranks 0-3", ["run", file, "--nats", server.url, "--run", run]);
      // Compiling takes the deploy a few seconds: the first steps run meanwhile.
      const deployStarted = Date.now();
      const deploy = procs.start("deploy v2", ["deploy", v2file, "--nats", server.url, "--run", run]);
      expect(await deploy.code(), deploy.text()).toBe(0);
      const deployed = Date.now();
      expect(deploy.out.join("\n")).toContain(h2.slice(0, 12));
      await s1.waitFor(new RegExp(`^step \\d+: .*version ${h2.slice(0, 12)}`));

      const place = procs.start("deploy --place", ["deploy", "--nats", server.url, "--run", run, "--place", "in_box=source"]);
      expect(await place.code(), place.text()).toBe(0);
      const placed = Date.now();
      await s1.waitFor(/^step \d+: in_box@source/);

      // Refused: a module whose bytes are not its name's (tampered in the store), then one that
      // lacks the step's fragment. The stager says so and keeps running the last good version.
      const r = await openFor(run);
      const v3 = compileText(moved("0.125"), "bounding-box-v3.cod");
      const h3 = moduleHash(v3.binary);
      const manifestJson = JSON.stringify(v3.manifest);
      const tampered = v3.binary.slice();
      tampered[tampered.length - 1] ^= 1;
      await r.modules.putBlob({ name: `${h3}.manifest.json` }, new TextEncoder().encode(manifestJson));
      await r.modules.putBlob({ name: h3, metadata: { "manifest-sha256": createHash("sha256").update(manifestJson).digest("hex") } }, tampered);
      await updatePlacement(r.placement, run, (cur) => ({ module: h3, steps: cur!.steps }));
      expect(await s1.waitFor(/placement refused/)).toMatch(/hash/);
      const tagged = moduleOf("tagged-output.cod");
      const h4 = await putModule(r.modules, tagged.binary, JSON.stringify(tagged.manifest));
      await updatePlacement(r.placement, run, (cur) => ({ module: h4, steps: cur!.steps }));
      expect(await s1.waitFor(/placement refused/, 30_000, 2)).toContain("lacks 'in_box'");
      const refused = Date.now();
      await allSucceed(procs, [s1, sources]);

      // Each step's file and report name one version, and its records are that version's.
      const phases: string[] = [];
      const started: number[] = [];
      const layout = layoutOf(v1.manifest, "struct particle");
      for (let step = 0; step < STEPS; step++) {
        const got = await readStep(out, step, layout);
        const report = await reportOf(run, step);
        started.push((await r.kv.get(`version.${step}`))!.created.getTime());
        expect(got.attrs.module, `step ${step}`).toBe(report.version);
        expect(got.attrs.specialized, `step ${step}`).toBe(report.specialized);
        expect(got.attrs.placement).toBe(report.placement.map((s) => `${s.fragment}@${s.at}`).join(", "));
        const mod = report.version === h1 ? v1 : report.version === h2 ? v2 : undefined;
        expect(mod, `step ${step} ran module ${report.version}`).toBeDefined();
        const ref = reference(mod!, report.placement, p.params, RANKS, N, step);
        expect(same(got.records, ref.records), `step ${step} records equal version ${report.version.slice(0, 12)}'s`).toBe(true);
        expect(report.bytesMoved).toBe(ref.bytesMoved);
        phases.push(`${report.version === h1 ? "v1" : "v2"} ${got.attrs.placement}`);
      }
      // Old, then new, never back; each phase ran some steps; the move shrank what moves.
      const order = ["v1 in_box@staging", "v2 in_box@staging", "v2 in_box@source"];
      const seen = phases.map((x) => order.indexOf(x));
      expect(seen.every((k, i) => k >= 0 && (i === 0 || k >= seen[i - 1])), phases.join("; ")).toBe(true);
      for (const k of [0, 1, 2]) expect(seen.includes(k), `a step ran as ${order[k]}: ${phases.join("; ")}`).toBe(true);
      const moved0 = (await reportOf(run, seen.indexOf(1))).bytesMoved;
      const moved1 = (await reportOf(run, seen.indexOf(2))).bytesMoved;
      expect(moved1).toBeLessThan(moved0 / 2);
      // Timing (server clock vs ours, same machine; 1 s of grace for the watch and the checks).
      for (let step = 0; step < STEPS; step++) {
        if (started[step] < deployStarted) expect(seen[step], `step ${step} started before the deploy`).toBe(0);
        if (started[step] > deployed + 1000) expect(seen[step], `step ${step} started after the deploy`).toBeGreaterThanOrEqual(1);
        if (started[step] > placed + 1000) expect(seen[step], `step ${step} started after the move`).toBe(2);
      }
      expect(started.some((t) => t > refused), "steps ran after the refusals (under the last good version)").toBe(true);
      expect(s1.err.filter((l) => /placement refused/.test(l))).toHaveLength(2);
      console.log(`hot reload: steps per version ${order.map((x, k) => `${x} ${seen.filter((y) => y === k).length}`).join(", ")}; ${started.filter((t) => t > refused).length} after the refusals`);
    } finally {
      await procs.killAll();
    }
  }, LONG);

  it.concurrent("a stager killed mid-step (SIGKILL): the other takes its step over, the restarted one joins, every id once", async () => {
    const RANKS = 4, N = 5000, STEPS = 6;
    const dir = tempDir();
    const procs = new Procs(dir);
    try {
      const run = runName("kill-stager");
      const file = writePipeline(dir, "tagged-output", { simulation: { ranks: RANKS, particles: N, steps: STEPS, seed: SEED, work: 0 } });
      const out = join(dir, "out");
      const stager = (name: string) =>
        procs.start(name, ["stager", file, "--nats", server.url, "--run", run, "--name", name, "-o", out, "--delay-ms", "600", "--ack-wait-ms", "2000"]);
      const [s1, s2] = [stager("s1"), stager("s2")];
      await Promise.all([s1, s2].map(ready));
      const sources = ["0-1", "2-3"].map((ranks) => procs.start(`ranks ${ranks}`, ["run", file, "--nats", server.url, "--run", run, "--ranks", ranks]));

      // Once s1 finished a step, wait until two steps are under way (one of them is s1's) and
      // kill it there: its step token and chunks stay unacknowledged.
      await s1.waitFor(/^step \d+:/);
      const r = await openFor(run);
      const underWay = async () => {
        const keys: string[] = [];
        for await (const k of await r.kv.keys()) keys.push(k);
        return keys.filter((k) => k.startsWith("version.") && !keys.includes(`out.${k.slice(8)}`));
      };
      const deadline = Date.now() + 20_000;
      while ((await underWay()).length < 2) {
        if (Date.now() > deadline) throw new Error(`never two steps under way:\n${procs.text()}`);
        await sleep(25);
      }
      const killedAt = Date.now();
      await s1.kill("SIGKILL");
      const s1again = stager("s1-again");
      await allSucceed(procs, [...sources, s2, s1again]);

      const mod = moduleOf("tagged-output.cod");
      const layout = layoutOf(mod.manifest, "struct particle");
      const stored: Uint8Array[] = [];
      const reports = [];
      for (let step = 0; step < STEPS; step++) {
        const got = await readStep(out, step, layout);
        expect(same(got.records, reference(mod, [], undefined, RANKS, N, step).records), `step ${step} records`).toBe(true);
        stored.push(got.records);
        const version = await r.kv.get(`version.${step}`);
        reports.push({ ...(await reportOf(run, step)), started: version!.created.getTime() });
      }
      expectEachIdOnce(stored, RANKS, STEPS, N);
      // Every chunk and step token was acknowledged in the end: the work queues are empty.
      for (const stream of [r.names.chunks, r.names.steps]) expect((await r.jsm.streams.info(stream)).state.messages, stream).toBe(0);
      // The step s1 had started was finished by another stager after the kill.
      const takenOver = reports.filter((x) => x.started < killedAt && x.created > killedAt && x.stager !== "s1");
      expect(takenOver.length, JSON.stringify(reports.map(({ step, stager, started, created }) => ({ step, stager, started: started - killedAt, created: created - killedAt })))).toBeGreaterThan(0);
      expect(reports.filter((x) => x.stager === "s1").every((x) => x.created < killedAt)).toBe(true);
    } finally {
      await procs.killAll();
    }
  }, LONG);

  it.concurrent("the NATS server killed (SIGKILL) and restarted mid-run: the clients reconnect, the run completes, every id once", async () => {
    const RANKS = 4, N = 5000, STEPS = 6;
    const own = await startNatsServer();
    const dir = tempDir();
    const procs = new Procs(dir);
    let mine: NatsConnection | undefined;
    try {
      const run = runName("kill-nats");
      const file = writePipeline(dir, "tagged-output", { simulation: { ranks: RANKS, particles: N, steps: STEPS, seed: SEED, work: 0 } });
      const out = join(dir, "out");
      const s1 = procs.start("s1", ["stager", file, "--nats", own.url, "--run", run, "--name", "s1", "-o", out, "--delay-ms", "300", "--ack-wait-ms", "2000"]);
      await ready(s1);
      const sources = ["0-1", "2-3"].map((ranks) => procs.start(`ranks ${ranks}`, ["run", file, "--nats", own.url, "--run", run, "--ranks", ranks]));
      await s1.waitFor(/^step \d+:/);
      await own.kill("SIGKILL");
      await sleep(300);
      await own.restart();
      await allSucceed(procs, [s1, ...sources]);
      expect(stepsOf(s1).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);

      await expectPassThroughStored(out, RANKS, STEPS, N);
      mine = await connect(own.url, { name: "distributed.test kill-nats" });
      const r = await openRun(mine, run);
      const left = [];
      const si = await r.jsm.streams.info(r.names.chunks);
      for (let seq = si.state.first_seq; seq <= si.state.last_seq; seq++) {
        const m = await r.jsm.streams.getMessage(r.names.chunks, { seq }).catch(() => null);
        if (m) left.push(`${seq} ${m.subject} ${m.header.get("Nats-Msg-Id")} ${m.time.toISOString()}`);
      }
      // Nothing left behind either: every chunk and step token was settled.
      expect(left, "chunks left in the stream").toEqual([]);
      expect((await r.jsm.streams.info(r.names.steps)).state.messages).toBe(0);
    } finally {
      await procs.killAll();
      await mine?.close().catch(() => {});
      await own.stop();
    }
  }, LONG);

  /** VmRSS of a process in bytes (Linux), or undefined once it is gone. */
  const rssOf = (pid: number): number | undefined => {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      return kb === undefined ? undefined : Number(kb) * 1024;
    } catch {
      return undefined;
    }
  };

  const slowStager = (policy: "block" | "fail") => {
    // A source step: 20,000 particles, ~1 µs of work each (~20 ms); a stager step: 300 ms more.
    const RANKS = 4, N = 20_000, STEPS = 12, DELAY = 300;
    const stepBytes = RANKS * N * 64;
    return { RANKS, N, STEPS, DELAY, stepBytes, over: {
      simulation: { ranks: RANKS, particles: N, steps: STEPS, seed: SEED, work: 1 },
      runtime: { slots: 2, policy, timeoutMs: 60_000 },
      // A limit, but room for what the two stagers hold at once (a step each): below that the
      // run can stall (the stager warns: see the test below).
      nats: { maxBytes: Math.round(2.5 * stepBytes) },
    } };
  };

  it.concurrent("slow stagers, policy block: the sources block on their pools, memory stays bounded, nothing is lost", async () => {
    const { RANKS, N, STEPS, DELAY, stepBytes, over } = slowStager("block");
    const dir = tempDir();
    const procs = new Procs(dir);
    try {
      const run = runName("slow-block");
      const file = writePipeline(dir, "tagged-output", over);
      const out = join(dir, "out");
      const stagers = ["s1", "s2"].map((name) =>
        procs.start(name, ["stager", file, "--nats", server.url, "--run", run, "--name", name, "-o", out, "--delay-ms", String(DELAY)]));
      await Promise.all(stagers.map(ready));
      const started = Date.now();
      const sources = procs.start("ranks 0-3", ["run", file, "--nats", server.url, "--run", run]);
      // Resident size from the first stored step on (before it, node is still loading).
      const rss: number[] = [];
      const sampler = setInterval(() => {
        const v = rssOf(sources.pid);
        if (v !== undefined && stagers.some((s) => stepsOf(s).length > 0)) rss.push(v);
      }, 50);
      try {
        await allSucceed(procs, [sources, ...stagers]);
      } finally {
        clearInterval(sampler);
      }
      const sourcesMs = Date.now() - started;

      await expectPassThroughStored(out, RANKS, STEPS, N);

      // Backpressure: the sources waited for staging, as their own reports say.
      const r = await openFor(run);
      const done = await Promise.all(Array.from({ length: RANKS }, (_, s) =>
        r.jsm.streams.getMessage(r.names.events, { last_by_subj: r.names.doneSubject(s) }).then((m) => m!.json<{ blockedMs: number; writeMs: number; stepMs: number }>())));
      // Two stagers at DELAY ms a step each: the sources cannot finish much sooner.
      const paced = ((STEPS - 2) / 2) * DELAY;
      expect(sourcesMs).toBeGreaterThan(paced);
      for (const d of done) expect(d.blockedMs, JSON.stringify(done)).toBeGreaterThan(paced / 2);
      // Memory: the process holds its pools (allocated before the first step) and the chunks on
      // their way (a step per stager), never the run's data (STEPS x stepBytes, 61 MiB): once
      // it runs, its resident size stays within 40 MiB of where it started (GC slack included).
      expect(rss.length).toBeGreaterThan(20);
      const growth = Math.max(...rss) - rss[0];
      expect(growth, `RSS ${rss.map((x) => (x / 2 ** 20).toFixed(0)).join(" ")} MiB`).toBeLessThan(40 * 2 ** 20);
      console.log(`slow stagers (block): sources ${sourcesMs} ms, blocked ${done.map((d) => d.blockedMs.toFixed(0)).join(", ")} ms, RSS ${(rss[0] / 2 ** 20).toFixed(0)} -> max ${(Math.max(...rss) / 2 ** 20).toFixed(0)} MiB (the run wrote ${(STEPS * stepBytes / 2 ** 20).toFixed(0)} MiB)`);
    } finally {
      await procs.killAll();
    }
  }, LONG);

  // A stream limit below a step of raw chunks per stager can stall the run (a stager keeps a
  // step's chunks until the step is stored); the stager says so when it starts.
  it.concurrent("a stream limit too small for a step per stager is warned about when a stager starts", async () => {
    const { stepBytes, over } = slowStager("block");
    const dir = tempDir();
    const procs = new Procs(dir);
    try {
      const file = writePipeline(dir, "tagged-output", { ...over, nats: { maxBytes: Math.round(1.5 * stepBytes) } });
      const stager = procs.start("stager", ["stager", file, "--nats", "nats://127.0.0.1:1", "--run", runName("small-stream")]);
      expect(await stager.code(30_000), stager.text()).toBe(1);
      expect(stager.err.join("\n")).toContain(`nats.maxBytes (${Math.round(1.5 * stepBytes)}) holds less than two steps of raw chunks (${2 * stepBytes} bytes)`);
    } finally {
      await procs.killAll();
    }
  }, LONG);

  it.concurrent("policy fail: staging that does not keep up makes the source process exit non-zero, naming BackpressureError", async () => {
    const { over } = slowStager("fail");
    const dir = tempDir();
    const procs = new Procs(dir);
    try {
      // The slowest stager: none. The run's placement (what a stager would publish) comes from
      // here, so the sources start, fill their two slots, and the third write fails.
      const run = runName("slow-fail");
      const file = writePipeline(dir, "tagged-output", over);
      const r = await openFor(run);
      const mod = moduleOf("tagged-output.cod");
      const hash = await putModule(r.modules, mod.binary, JSON.stringify(mod.manifest));
      await updatePlacement(r.placement, run, () => ({ module: hash, steps: [] }));
      const sources = procs.start("ranks 0-3", ["run", file, "--nats", server.url, "--run", run]);
      expect(await sources.code(60_000), sources.text()).toBe(1);
      expect(sources.err.join("\n")).toMatch(/^enstage: run: BackpressureError: write of step 2 /m);
    } finally {
      await procs.killAll();
    }
  }, LONG);

  it.concurrent("bad input: an unreachable server is named and quick; a deploy to a run without a placement is refused", async () => {
    const dir = tempDir();
    const procs = new Procs(dir);
    try {
      const file = writePipeline(dir, "bbox-in-place", { simulation: { ranks: 2, particles: 100, steps: 1, seed: SEED, work: 0 } });
      const nowhere = "nats://127.0.0.1:1";
      const started = Date.now();
      const tries = [
        procs.start("run", ["run", file, "--nats", nowhere, "--ranks", "0"]),
        procs.start("deploy", ["deploy", "--nats", nowhere, "--run", "nothing", "--place", "in_box=source"]),
      ];
      // A server that accepts the connection and never greets: a timeout, then the exit.
      const silent = createServer((socket) => socket.on("error", () => {}));
      await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
      const mute = `nats://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const muteRun = procs.start("run (mute server)", ["run", file, "--nats", mute, "--ranks", "0"]);
      for (const p of tries) {
        expect(await p.code(30_000), p.text()).toBe(1);
        expect(p.err.join("\n"), p.name).toContain(`cannot connect to the NATS server at ${nowhere}`);
      }
      expect(Date.now() - started, "quickly, not retrying").toBeLessThan(10_000);
      try {
        expect(await muteRun.code(30_000), muteRun.text()).toBe(1);
        expect(muteRun.err.join("\n")).toContain(`cannot connect to the NATS server at ${mute}: timeout`);
      } finally {
        silent.close();
      }

      const run = runName("no-placement");
      const deploy = procs.start("deploy", ["deploy", "--nats", server.url, "--run", run, "--place", "in_box=source"]);
      expect(await deploy.code(), deploy.text()).toBe(1);
      expect(deploy.err.join("\n")).toContain(`run '${run}' has no placement yet: start a stager for it first`);
      // ... and it did not create the run it looked for.
      const jsm = await openJetStream(nc).jetstreamManager();
      await expect(jsm.streams.info(runNames(run).chunks)).rejects.toThrow(/stream not found/);
      const noRun = procs.start("deploy", ["deploy", "--nats", server.url, "--place", "in_box=source"]);
      expect(await noRun.code(), noRun.text()).toBe(1);
      expect(noRun.err.join("\n")).toContain("--run NAME");
    } finally {
      await procs.killAll();
    }
  }, LONG);
});
