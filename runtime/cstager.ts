// CStager: the staging side of the data path.
// In: links to the sources' SmartTaps (runtime/protocol.ts), the operation (a generic compiled
// module, its steps with their placement, plain param values), a specializer, an output sink.
// Out: one output group per step in the sink (records, plus any data a faulted fragment passed
// on unprocessed), and a report: bytes written, moved and stored, where each step ran, faults.
//
// A step starts once every source has announced it (steps are taken in order, one at a time,
// so fragment state moves in step order). Its global phase runs first: the sources' partials
// merged in source-id order, finalized, the module specialized with the values. Then the stager
// pulls each source's chunk, at most `maxPulls` at a time so that thousands of sources never
// flood it; a pull carries the specialized module and the steps placed at the sources, which run
// there on the still-buffered data. The remaining steps run here: a per-record fragment per
// chunk (so a stateful one keeps one state per source, as it would at the source), a per-buffer
// fragment over the step's chunks concatenated in source order.
//
// A step runs under one module version: `deploy` (a hot load) and `place` (a placement change)
// take effect at the next step to start. Fragment state is kept here per source between steps
// and travels with a pull, so a fragment can move between the sources and staging with its state.
// A fragment that faults (trap, fuel) is quarantined until a new version is deployed; its data
// passes on unmodified: to the next step when the fragment's input and output types agree,
// else to the step's `unprocessed` dataset. Nothing is dropped.

import type { Manifest, ManifestStruct } from "./abi.js";
import type { OutputSink, OutputDataset } from "./hdf5.js";
import type { Specializer, Step } from "./operation.js";
import { concat, sourceFuel } from "./operation.js";
import { globalPhase, instantiateForPhases, type GlobalValue } from "./phases.js";
import type { Announce, Data, Done, Link, ModuleRef, Pull, ToSource, ToStager } from "./protocol.js";
import { formatFault, loadGuarded, moduleHash, ModuleRefused, runGuarded, type FragmentFault, type GuardedModule } from "./sandbox.js";
import { extractState, installState } from "./state.js";

export interface StagerOptions {
  /** How many sources take part: a step starts when all of them announced it. */
  sources: number;
  /** The generic module (params unbound; compiled with fuel so that no fragment can hang a host). */
  binary: Uint8Array;
  manifest: Manifest;
  steps: Step[];
  /** Values of the file's plain params. */
  params?: Record<string, number | bigint>;
  specialize: Specializer;
  sink: OutputSink;
  /** Pulls in flight at once, over all sources (default 4). */
  maxPulls?: number;
  /** The sources' backpressure policy when their pool is full, and its timeout. */
  policy?: "block" | "fail";
  timeoutMs?: number;
  /** Placement changes by step: from `step` on, `fragment` runs `at`. */
  placements?: { step: number; fragment: string; at: "source" | "staging" }[];
  /** Send module bytes with every pull, not only a source's first (sources that may restart). */
  alwaysSendModules?: boolean;
  /** A name for the output's attributes (the fragment file). */
  name?: string;
  onFault?: (fault: FragmentFault) => void;
  onStep?: (report: StepReport) => void;
}

export interface StepReport {
  step: number;
  /** The generic module's hash, and the specialized one's that ran. */
  version: string;
  specialized: string;
  globals: Record<string, GlobalValue>;
  /** Per source, the aggregates over its own records (tags). */
  locals: Record<string, GlobalValue>[];
  /** Where each step ran; `quarantined`: it did not run (a fault earlier in this version). */
  placement: (Step & { quarantined?: boolean })[];
  bytesWritten: number;
  bytesMoved: number;
  bytesStored: number;
  records: number;
  unprocessed: number;
  faults: FragmentFault[];
}

export interface StagerReport {
  steps: StepReport[];
  bytesWritten: number;
  bytesMoved: number;
  bytesStored: number;
  faults: FragmentFault[];
  /** What each source reported when it finished. */
  sources: Done[];
  /** Module versions refused by `deploy`, with why. */
  refused: string[];
}

/** How a step's chunks are pulled and their pool buffers given back. */
export interface StepIO {
  /** One source's chunk of a step (processStep keeps at most `maxPulls` of these in flight). */
  pull(step: number, source: number, run: Pull["run"]): Promise<Data>;
  /** A chunk that moved raw (`applied` 0): its buffer may return to its source's pool. */
  release(d: Data): void;
}

export interface Version {
  hash: string;
  binary: Uint8Array;
  manifest: Manifest;
}

interface Chunk {
  source: number;
  bytes: Uint8Array;
  /** Index of the next step to run on it; `steps.length` when done. */
  pos: number;
  /** The record type the bytes hold. */
  type: string;
}

export class CStager {
  private readonly o: StagerOptions;
  private readonly links = new Map<number, Link<ToStager, ToSource>>();
  private readonly announced = new Map<number, Map<number, Announce>>();
  private readonly done = new Map<number, Done>();
  private version: Version;
  private pending?: Version;
  private steps: Step[];
  private readonly schedule = new Map<number, { fragment: string; at: "source" | "staging" }[]>();
  private readonly quarantined = new Set<string>();
  /** Fragment state per source (and "staging"), as extractState bytes. */
  private readonly state = new Map<number | "staging", Uint8Array>();
  /** Modules each source holds, by hash: sent once. */
  private readonly sent = new Map<number, Set<string>>();
  private readonly instances = new Map<string, { guarded: GuardedModule; initial?: Uint8Array }>();
  private phase?: ReturnType<typeof instantiateForPhases>;
  /** The generic module each source holds as its phase module (sent in its setup), by hash. */
  private processing = false;
  private lastStep = -1;
  private readonly report: StagerReport = { steps: [], bytesWritten: 0, bytesMoved: 0, bytesStored: 0, faults: [], sources: [], refused: [] };
  /**
   * Where a step's output records from several chunks are gathered, reused from step to step:
   * a fresh buffer of a step's size each time costs more than the copy itself (its pages are
   * zero-filled on first touch). A sink copies what it keeps: it cannot keep references anyway,
   * as raw pool buffers go back to their sources once `write` is done.
   */
  private gathered?: ArrayBuffer;
  private readonly waiting = new Map<string, (d: Data) => void>();
  private finished!: (r: StagerReport) => void;
  private failed!: (e: Error) => void;
  readonly result: Promise<StagerReport>;

  constructor(options: StagerOptions) {
    this.o = options;
    this.version = { hash: moduleHash(options.binary), binary: options.binary, manifest: options.manifest };
    this.steps = options.steps.map((s) => ({ ...s }));
    checkOrder(this.steps);
    const unknown = this.steps.filter((s) => !options.manifest.fragments.some((f) => f.name === s.fragment));
    if (unknown.length > 0) {
      throw new Error(`${unknown.map((s) => `'${s.fragment}'`).join(", ")} ${unknown.length > 1 ? "are not fragments" : "is not a fragment"} of the module (it has ${options.manifest.fragments.map((f) => f.name).join(", ") || "none"})`);
    }
    for (const p of options.placements ?? []) {
      if (!this.steps.some((s) => s.fragment === p.fragment)) throw new Error(`placement at step ${p.step}: '${p.fragment}' is not a step of this operation`);
      const list = this.schedule.get(p.step) ?? [];
      list.push({ fragment: p.fragment, at: p.at });
      this.schedule.set(p.step, list);
    }
    if (options.manifest.phases) this.phase = instantiateForPhases(options.binary, options.manifest);
    this.result = new Promise((resolve, reject) => {
      this.finished = resolve;
      this.failed = reject;
    });
    // A failure anywhere ends the run with an error; nobody may be awaiting `result` yet.
    this.result.catch(() => {});
  }

  /** Connects one source's link. The source introduces itself with `hello`. */
  attach(link: Link<ToStager, ToSource>): void {
    link.onMessage((m) => {
      try {
        this.onMessage(link, m);
      } catch (e) {
        this.fail(e as Error);
      }
    });
  }

  /** Ends the run with an error (a source died, a link broke). */
  fail(error: Error): void {
    this.failed(error);
  }

  /**
   * Hot-loads a new version of the fragment module: checked now, in effect from the next step
   * to start. A refused module leaves the current version running.
   */
  deploy(binary: Uint8Array, manifest: Manifest, expectedHash?: string): { ok: true; hash: string } | { ok: false; error: string } {
    const refuse = (error: string) => {
      this.report.refused.push(error);
      return { ok: false as const, error };
    };
    try {
      const zeros = Object.fromEntries(manifest.params.filter((p) => !p.bound).map((p) => [p.name, p.wasm === "i64" ? 0n : 0]));
      loadGuarded(binary, manifest, { params: zeros, ...(expectedHash ? { expectedHash } : {}) });
    } catch (e) {
      return refuse(e instanceof ModuleRefused ? `module refused (${e.check}): ${e.message}` : `module refused: ${(e as Error).message}`);
    }
    const missing = this.steps.filter((s) => !manifest.fragments.some((f) => f.name === s.fragment));
    if (missing.length > 0) return refuse(`module refused: it lacks fragment${missing.length > 1 ? "s" : ""} ${missing.map((s) => `'${s.fragment}'`).join(", ")} of this operation`);
    // The sources compute partials with the running version's local phase: a new version must
    // compute the same ones (same globals, same derived phase code; its dependents may differ).
    const phaseOf = (m: Manifest) => (m.phases ? JSON.stringify({ ...m.phases, dependents: undefined }) : "none");
    if (phaseOf(manifest) !== phaseOf(this.version.manifest)) {
      return refuse("module refused: its global params differ from the running version's (the sources' local phase is fixed for a run)");
    }
    const hash = moduleHash(binary);
    this.pending = { hash, binary, manifest };
    return { ok: true, hash };
  }

  /** Moves a fragment between the sources and staging, from `fromStep` (default: the next step to start). */
  place(fragment: string, at: "source" | "staging", fromStep?: number): void {
    const trial = this.steps.map((s) => (s.fragment === fragment ? { ...s, at } : s));
    if (!this.steps.some((s) => s.fragment === fragment)) throw new Error(`'${fragment}' is not a step of this operation`);
    checkOrder(trial);
    const step = Math.max(fromStep ?? 0, this.lastStep + 1);
    const list = this.schedule.get(step) ?? [];
    list.push({ fragment, at });
    this.schedule.set(step, list);
  }

  private onMessage(link: Link<ToStager, ToSource>, m: ToStager): void {
    switch (m.type) {
      case "hello": {
        if (m.source < 0 || m.source >= this.o.sources || this.links.has(m.source)) {
          throw new Error(`a source said hello as ${m.source}: expected a new id below ${this.o.sources}`);
        }
        this.links.set(m.source, link);
        this.sent.set(m.source, new Set());
        link.send({
          type: "setup",
          phase: this.phase ? this.ref(m.source, this.version) : undefined,
          policy: this.o.policy ?? "block",
          timeoutMs: this.o.timeoutMs ?? 30_000,
        });
        return;
      }
      case "announce": {
        const at = this.announced.get(m.step) ?? new Map<number, Announce>();
        at.set(m.source, m);
        this.announced.set(m.step, at);
        this.next();
        return;
      }
      case "data": {
        const resolve = this.waiting.get(`${m.step}:${m.source}`);
        if (!resolve) throw new Error(`source ${m.source} sent step ${m.step}, which was not pulled`);
        resolve(m);
        return;
      }
      case "done":
        this.done.set(m.source, m);
        this.next();
        return;
      case "failure":
        throw new Error(`source ${m.source}: ${m.message}`);
    }
  }

  /** Starts the next step when every source announced it, or finishes. */
  private next(): void {
    if (this.processing) return;
    const steps = [...this.announced.keys()].sort((a, b) => a - b);
    const s = steps[0];
    if (s !== undefined && this.announced.get(s)!.size === this.o.sources) {
      this.processing = true;
      this.runStep(s).then(
        () => {
          this.processing = false;
          this.next();
        },
        (e) => this.fail(e as Error),
      );
      return;
    }
    if (this.done.size === this.o.sources && this.announced.size === 0) {
      this.report.sources = [...this.done.values()].sort((a, b) => a.source - b.source);
      Promise.resolve(this.o.sink.close()).then(() => {
        for (const link of this.links.values()) link.send({ type: "close" });
        this.finished(this.report);
      }, (e) => this.fail(e as Error));
    }
  }

  /** The module as sent to one source: its bytes only the first time. */
  private ref(source: number, v: Version): ModuleRef {
    let sent = this.sent.get(source);
    if (!sent) this.sent.set(source, (sent = new Set()));
    const first = !sent.has(v.hash) || this.o.alwaysSendModules === true;
    sent.add(v.hash);
    return { hash: v.hash, manifest: v.manifest, ...(first ? { binary: v.binary } : {}) };
  }

  private async runStep(step: number): Promise<void> {
    const announces = this.announced.get(step)!;
    this.announced.delete(step);
    this.lastStep = step;
    if (this.pending) {
      this.version = this.pending;
      this.pending = undefined;
      this.instances.clear();
    }
    for (const p of this.schedule.get(step) ?? []) this.steps = this.steps.map((s) => (s.fragment === p.fragment ? { ...s, at: p.at } : s));
    this.schedule.delete(step);
    const io: StepIO = {
      pull: (st, source, run) => this.pull(st, source, run),
      release: (d) => this.links.get(d.source)!.send({ type: "release", buffer: d.bytes.buffer as ArrayBuffer }, [d.bytes.buffer as ArrayBuffer]),
    };
    await this.processStep(step, [...announces.values()], io, { version: this.version, steps: this.steps });
  }

  /**
   * One step, given every source's announcement: the global phase, the pulls (through `io`),
   * the steps at staging, the output. `plan` is the module version and placement it runs
   * under. The in-process stager calls it from its own links; a distributed one (NATS) calls it
   * for each step it claimed.
   */
  async processStep(step: number, announced: Announce[], io: StepIO, plan: { version: Version; steps: Step[] }): Promise<StepReport> {
    const steps = plan.steps.map((s) => ({ ...s }));
    const v = plan.version;
    const faults: FragmentFault[] = [];
    const fault = (f: FragmentFault) => {
      faults.push(f);
      this.report.faults.push(f);
      this.quarantined.add(`${v.hash}:${f.fragment}`);
      this.o.onFault?.(f);
    };
    const sources = [...announced].sort((a, b) => a.source - b.source);
    const bytesWritten = sources.reduce((n, a) => n + a.bytes, 0);

    // The global phase, then the module specialized with its values.
    let globals: Record<string, GlobalValue> = {};
    const locals: Record<string, GlobalValue>[] = [];
    let ready: Version | undefined = v;
    let arrays: Record<string, bigint[]> | undefined;
    let values: Record<string, number | bigint> | undefined;
    const missing = sources.filter((a) => !a.partial);
    if (this.phase && missing.length > 0) {
      for (const a of missing) {
        fault({ fragment: "(local phase)", hash: v.hash, step, source: a.source, reason: "trap", message: a.phaseFault ?? "no partial state" });
      }
      ready = undefined;
    } else if (this.phase) {
      const partials = sources.map((a) => ({ source: a.source, bytes: a.partial! }));
      for (const p of partials) locals.push(globalPhase(this.phase, [p]).values);
      globals = globalPhase(this.phase, partials).values;
    }
    if (ready && v.manifest.params.some((p) => !p.bound)) {
      const given: Record<string, number | bigint> = { ...this.o.params };
      arrays = {};
      for (const [name, x] of Object.entries(globals)) {
        if (Array.isArray(x)) arrays[name] = x;
        else given[name] = x;
      }
      const unbound = v.manifest.params.filter((p) => !p.bound && given[p.name] === undefined);
      if (unbound.length > 0) throw new Error(`no value for param${unbound.length > 1 ? "s" : ""} ${unbound.map((p) => `'${p.name}'`).join(", ")}`);
      values = given;
      const s = this.o.specialize(v.binary, v.manifest, given);
      ready = { hash: moduleHash(s.binary), binary: s.binary, manifest: s.manifest };
    }

    // The steps the sources run: the leading source steps, up to a quarantined one.
    let atSource = 0;
    while (ready && atSource < steps.length && steps[atSource].at === "source" && !this.quarantined.has(`${v.hash}:${steps[atSource].fragment}`)) atSource++;
    const inputType = steps.length > 0 ? this.fragment(v.manifest, steps[0].fragment).input! : `struct ${v.manifest.phases?.record ?? "particle"}`;

    // A source that holds this generic module as its phase module runs a lone stateless
    // transform by the values, in an instance of the generic module it keeps for that (its own
    // memory, not the pool's): no module to send, load or compile per step (runtime/smarttap.ts).
    // Same results: the specialized module is the generic one with those values folded in.
    const first = atSource === 1 ? v.manifest.fragments.find((f) => f.name === steps[0].fragment) : undefined;
    const byValues = ready !== v && values !== undefined && first?.kind === "transform" && v.manifest.state.length === 0;
    // Which generic module each source holds as its phase module, as its announcement says.
    const phaseOf = new Map(sources.map((a) => [a.source, a.phase]));
    const run = (source: number): Pull["run"] => {
      if (!ready || atSource === 0) return undefined;
      const runSteps = steps.slice(0, atSource).map((s) => ({ fragment: s.fragment, cap: s.cap }));
      if (byValues && phaseOf.get(source) === v.hash) return { module: this.ref(source, v), steps: runSteps, values: paramValues(v.manifest, values!) };
      return { module: this.ref(source, ready), steps: runSteps, arrays, state: this.state.get(source) };
    };
    // At most `maxPulls` in flight, so thousands of sources never flood staging.
    const limit = limiter(this.o.maxPulls ?? 4);
    const datas = await Promise.all(sources.map((a) => limit(() => io.pull(step, a.source, run(a.source)))));

    const chunks: Chunk[] = [];
    const unprocessed: Chunk[] = [];
    let bytesMoved = 0;
    for (const d of datas) {
      bytesMoved += d.bytes.byteLength;
      if (d.state) this.state.set(d.source, d.state);
      let pos = d.applied;
      let type = pos === 0 ? inputType : this.outputType(v.manifest, steps[pos - 1].fragment);
      if (d.refused) fault({ fragment: steps[0]?.fragment ?? "", hash: ready?.hash ?? v.hash, step, source: d.source, reason: "error", message: d.refused });
      for (const f of d.faults) fault(f);
      if (d.faults.length > 0 || d.refused) {
        // The faulted step passes its input on unmodified.
        if (pos < steps.length && this.outputType(v.manifest, steps[pos].fragment) === type) pos++;
        else {
          unprocessed.push({ source: d.source, bytes: d.bytes, pos, type });
          continue;
        }
      }
      if (!ready && pos < steps.length) {
        unprocessed.push({ source: d.source, bytes: d.bytes, pos, type });
        continue;
      }
      chunks.push({ source: d.source, bytes: d.bytes, pos, type });
    }

    // The remaining steps, here.
    let current = chunks;
    for (let k = 0; k < steps.length && ready; k++) {
      const group = current.filter((c) => c.pos === k);
      if (group.length === 0) continue;
      const rest = current.filter((c) => c.pos !== k);
      const s = steps[k];
      const f = this.fragment(ready.manifest, s.fragment);
      const outType = this.outputType(ready.manifest, s.fragment);
      const pass = (c: Chunk) => {
        if (outType === c.type) return { ...c, pos: k + 1 };
        unprocessed.push(c);
        return undefined;
      };
      let out: Chunk[];
      if (this.quarantined.has(`${v.hash}:${s.fragment}`)) {
        out = group.map(pass).filter((c): c is Chunk => c !== undefined);
      } else {
        const inputs = f.perRecord ? group : [{ source: group[0].source, bytes: concat(group.map((c) => c.bytes)), pos: k, type: group[0].type }];
        out = [];
        for (const c of inputs) {
          // Quarantined by a fault on an earlier chunk of this step: not run again.
          if (this.quarantined.has(`${v.hash}:${s.fragment}`)) {
            const p = pass(c);
            if (p) out.push(p);
            continue;
          }
          const key = f.perRecord ? c.source : "staging";
          const r = this.runHere(ready, arrays, s.fragment, c.bytes, step, key, s.cap);
          if (r.ok) out.push({ source: c.source, bytes: r.output.records, pos: k + 1, type: outType });
          else {
            fault(r.fault);
            const p = pass(c);
            if (p) out.push(p);
          }
        }
      }
      current = [...rest, ...out].sort((a, b) => a.source - b.source);
    }

    const done = current.filter((c) => c.pos === steps.length);
    unprocessed.push(...current.filter((c) => c.pos !== steps.length));
    const datasets: OutputDataset[] = [];
    const outType = steps.length > 0 ? this.outputType(v.manifest, steps[steps.length - 1].fragment) : inputType;
    const layout = this.layout(v.manifest, outType);
    const records = this.gather(done.map((c) => c.bytes));
    datasets.push({ name: "records", layout, bytes: records, count: records.byteLength / layout.size });
    const byType = new Map<string, Chunk[]>();
    for (const c of unprocessed.sort((a, b) => a.source - b.source)) byType.set(c.type, [...(byType.get(c.type) ?? []), c]);
    let unprocessedCount = 0;
    for (const [type, list] of byType) {
      const l = this.layout(v.manifest, type);
      const bytes = concat(list.map((c) => c.bytes));
      unprocessedCount += bytes.byteLength / l.size;
      datasets.push({ name: byType.size === 1 ? "unprocessed" : `unprocessed ${type}`, layout: l, bytes, count: bytes.byteLength / l.size });
    }
    const attrs: Record<string, string | number> = {
      fragments: steps.map((s) => s.fragment).join(", "),
      placement: steps.map((s, i) => `${s.fragment}@${i < atSource ? "source" : "staging"}`).join(", "),
      module: v.hash,
      specialized: ready?.hash ?? "",
    };
    if (this.o.name) attrs.file = this.o.name;
    for (const [k, x] of Object.entries(globals)) attrs[`global ${k}`] = Array.isArray(x) ? x.join(" ") : typeof x === "bigint" ? x.toString() : x;
    for (const [k, x] of Object.entries(this.o.params ?? {})) attrs[`param ${k}`] = typeof x === "bigint" ? x.toString() : x;
    // ASCII, so that h5dump prints it as it is.
    if (faults.length > 0) attrs.faults = faults.map((f) => formatFault(f).replace(/…/g, "...")).join("\n");
    const before = this.o.sink.bytesStored;
    await this.o.sink.write({ step, datasets, attrs });
    const bytesStored = this.o.sink.bytesStored - before;

    // The pool buffers that moved raw go back to their sources.
    for (const d of datas) if (d.applied === 0) io.release(d);

    const report: StepReport = {
      step, version: v.hash, specialized: ready?.hash ?? "", globals, locals,
      placement: steps.map((s, i) => ({
        ...s, at: i < atSource ? "source" : "staging",
        ...(this.quarantined.has(`${v.hash}:${s.fragment}`) && !faults.some((f) => f.fragment === s.fragment) ? { quarantined: true } : {}),
      })),
      bytesWritten, bytesMoved, bytesStored, records: records.byteLength / layout.size, unprocessed: unprocessedCount, faults,
    };
    this.report.steps.push(report);
    this.report.bytesWritten += bytesWritten;
    this.report.bytesMoved += bytesMoved;
    this.report.bytesStored += bytesStored;
    this.o.onStep?.(report);
    return report;
  }

  /** The parts one after another: the one part itself, else a view of `gathered` (valid until the next step). */
  private gather(parts: Uint8Array[]): Uint8Array {
    if (parts.length === 1) return parts[0];
    const bytes = parts.reduce((n, b) => n + b.byteLength, 0);
    if (bytes === 0) return new Uint8Array(0);
    if (!this.gathered || this.gathered.byteLength < bytes) this.gathered = new ArrayBuffer(bytes);
    const out = new Uint8Array(this.gathered, 0, bytes);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.byteLength;
    }
    return out;
  }

  /** Pulls one source's chunk, when fewer than `maxPulls` are in flight. */
  private async pull(step: number, source: number, run: Pull["run"]): Promise<Data> {
    const data = new Promise<Data>((resolve) => this.waiting.set(`${step}:${source}`, resolve));
    this.links.get(source)!.send({ type: "pull", step, ...(run ? { run } : {}) });
    const d = await data;
    this.waiting.delete(`${step}:${source}`);
    return d;
  }

  /** Runs one fragment at staging, with the state of the source (or of staging) it works for. */
  private runHere(v: Version, arrays: Record<string, bigint[]> | undefined, fragment: string, input: Uint8Array, step: number, key: number | "staging", cap?: number) {
    const id = `${v.hash}|${arrays ? Object.entries(arrays).map(([k, x]) => `${k}:${x.join(",")}`).join(";") : ""}`;
    let inst = this.instances.get(id);
    const where = { step, source: "staging" as const, cap };
    if (!inst) {
      try {
        const guarded = loadGuarded(v.binary, v.manifest, { expectedHash: v.hash, fuel: v.manifest.fuel ? sourceFuel : undefined, arrays });
        inst = { guarded, initial: v.manifest.state.length > 0 ? extractState(guarded.fragment.instance, v.manifest) : undefined };
        this.instances.set(id, inst);
      } catch (e) {
        return { ok: false as const, fault: { fragment, hash: v.hash, step, source: "staging" as const, reason: "error" as const, message: (e as Error).message } };
      }
    }
    const stateful = inst.initial !== undefined;
    if (stateful) {
      // State kept from another version may not fit this one (StateError): a fault, as at a source.
      try {
        installState(inst.guarded.fragment.instance, v.manifest, this.state.get(key) ?? inst.initial!);
      } catch (e) {
        this.instances.delete(id);
        return { ok: false as const, fault: { fragment, hash: v.hash, step, source: "staging" as const, reason: "error" as const, message: (e as Error).message } };
      }
    }
    const r = runGuarded(inst.guarded, fragment, input, where);
    if (!r.ok) this.instances.delete(id);
    else if (stateful) this.state.set(key, extractState(inst.guarded.fragment.instance, v.manifest));
    return r;
  }

  private fragment(m: Manifest, name: string) {
    const f = m.fragments.find((x) => x.name === name);
    if (!f) throw new Error(`the module has no fragment '${name}'`);
    return f;
  }

  private outputType(m: Manifest, name: string): string {
    const f = this.fragment(m, name);
    return (f.kind === "transform" ? f.output : f.input)!;
  }

  private layout(m: Manifest, type: string): ManifestStruct {
    const l = m.records.find((s) => s.name === type) ?? m.structs.find((s) => s.name === type);
    if (!l) throw new Error(`the manifest does not describe ${type}`);
    return l;
  }
}

/** The values of a module's unbound params as its globals take them (an i64 param's as a bigint). */
function paramValues(m: Manifest, values: Record<string, number | bigint>): Record<string, number | bigint> {
  const out: Record<string, number | bigint> = {};
  for (const p of m.params) if (!p.bound) out[p.name] = p.wasm === "i64" ? BigInt(values[p.name]) : Number(values[p.name]);
  return out;
}

/** Data only moves toward staging: no source step after a staging step. */
function checkOrder(steps: Step[]): void {
  const first = steps.findIndex((s) => s.at === "staging");
  if (first >= 0) {
    const bad = steps.slice(first).find((s) => s.at === "source");
    if (bad) throw new Error(`'${bad.fragment}' cannot run at the source after '${steps[first].fragment}' ran at staging: data only moves toward staging`);
  }
}

/** Runs at most `max` of the tasks given to it at once; the others wait their turn, in order. */
function limiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= max) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
