// A CStager across machines: one of any number of stager processes sharing a run on NATS.
// In: an open run (runtime/nats/run.ts), the operation (pipeline steps, plain params), how many
// sources and steps the run has, a specializer, an output directory. Out: each step the stager
// took stored as its own HDF5 file (`step_000003.h5`, one group, written to a temporary name
// and renamed, so a step redone after a crash replaces it whole: each record is stored once),
// each step's report in the run's KV bucket, and a summary when the whole run is stored.
//
// The work is shared at the level of steps. Every stager reads the run's event stream (the
// announcements the stagers store for the sources, with their partial states), so each knows
// when all sources announced a step and then queues a token for it (de-duplicated by message
// id). The stagers compete for tokens on a work queue; the one that takes step s runs it with
// the same step code as the in-process CStager: global phase, specialization, pulls by core
// request/reply to each source (bounded in number), the source answering once the chunk is
// stored in the chunk stream, where this stager's consumer for step s receives it. Chunks and
// token are acknowledged only after the step's file is written and its report stored. A stager
// that dies leaves its token and chunks unacknowledged: after the ack wait another stager gets
// them and redoes the step; the sources answer repeated pulls without rerunning anything.
//
// Versions: the placement (KV, watched) names the module; each step takes the newest version
// that passed the checks when it starts, and records it (`version.<step>`, created once) so a
// step redone elsewhere runs the same version: no step mixes two. A placement naming a module
// that is missing, does not match its hash, is corrupt, or would compute other partials is
// refused with a message, and the previous version keeps running.

import { mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { AckPolicy, DeliverPolicy, JetStreamApiError, type JsMsg } from "@nats-io/jetstream";
import type { Msg, Subscription } from "@nats-io/transport-node";
import type { Manifest } from "../abi.js";
import { CStager, type StepIO, type StepReport } from "../cstager.js";
import type { OutputSink, StepOutput } from "../hdf5.js";
import type { Specializer, Step } from "../operation.js";
import type { Announce, Data, Pull } from "../protocol.js";
import { loadGuarded } from "../sandbox.js";
import { ChunkBuffers, consumeChunks, type Chunk } from "./chunks.js";
import { getModule, putModule } from "./modules.js";
import { readPlacement, updatePlacement, watchPlacement, type PlacementWatch } from "./placement.js";
import { b64, type OpenRun } from "./run.js";
import { encodePull, type ChunkMeta } from "./source.js";

export interface DistributedStagerOptions {
  run: OpenRun;
  /** This stager's name, in logs and in the step reports. */
  name: string;
  sources: number;
  /** Steps the simulation writes: the run is over when all are stored and every source is done. */
  steps: number;
  params?: Record<string, number | bigint>;
  specialize: Specializer;
  /** Directory of the per-step HDF5 files; null: store nothing, count only. */
  outputDir: string | null;
  maxPulls?: number;
  /** How long an unacknowledged token or chunk waits before another stager gets it (default 10 s). */
  ackWaitMs?: number;
  /** Extra time per step (tests: a stager slower than the sources). */
  delayMs?: number;
  log?: (line: string) => void;
  onStep?: (report: StepReport) => void;
}

interface Version {
  hash: string;
  binary: Uint8Array;
  manifest: Manifest;
  steps: Step[];
}

export interface DistributedSummary {
  /** Every step's report (from whichever stager ran it), in step order. */
  steps: (StepReport & { stager: string })[];
  /** Steps this stager ran. */
  mine: number[];
  /** Placements refused, with why. */
  refused: string[];
  /** What each source reported when it finished. */
  sources: Record<string, unknown>[];
}

const enc = new TextEncoder();
const dec = new TextDecoder();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** JSON with bigints as strings, bytes as base64. */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v instanceof Uint8Array ? b64.encode(v) : v));
}

/** Writes a step to `dir/step_NNNNNN.h5` under a temporary name first, then renames it. */
class StepFileSink implements OutputSink {
  bytesStored = 0;
  constructor(private readonly dir: string | null, private readonly attrs: Record<string, string | number>) {}
  async write(out: StepOutput): Promise<void> {
    const bytes = out.datasets.reduce((n, d) => n + d.bytes.byteLength, 0);
    if (this.dir !== null) {
      const { Hdf5Sink } = await import("../hdf5.js");
      const final = join(this.dir, `step_${String(out.step).padStart(6, "0")}.h5`);
      const temp = `${final}.${process.pid}.tmp`;
      rmSync(temp, { force: true });
      const sink = await Hdf5Sink.open(temp, this.attrs);
      await sink.write(out);
      await sink.close();
      renameSync(temp, final);
    }
    this.bytesStored += bytes;
  }
  close(): void {}
}

export class DistributedStager {
  private readonly o: DistributedStagerOptions;
  private readonly r: OpenRun;
  private current?: Version;
  /** The first good version: later ones must compute the same partials (the sources' local phase). */
  private origin?: Version;
  private readonly refused: string[] = [];
  private readonly considered = new Map<string, Promise<void>>();
  private readonly announced = new Map<number, Map<number, Announce>>();
  private readonly done = new Map<number, Record<string, unknown>>();
  private readonly stagers = new Map<string, CStager>();
  private readonly sink: StepFileSink;
  /** Reassembly buffers reused from step to step: a chunk's bytes are done with once its step is stored. */
  private readonly buffers = new ChunkBuffers();
  private readonly mine: number[] = [];
  private subs: Subscription[] = [];
  private watch?: PlacementWatch;
  private stopping = false;
  private announcedWaiters: (() => void)[] = [];

  constructor(options: DistributedStagerOptions) {
    this.o = options;
    this.r = options.run;
    if (options.outputDir !== null) mkdirSync(options.outputDir, { recursive: true });
    this.sink = new StepFileSink(options.outputDir, { run: this.r.names.run });
  }

  private log(line: string): void {
    (this.o.log ?? ((l: string) => process.stderr.write(`${l}\n`)))(`stager ${this.o.name}: ${line}`);
  }

  /**
   * Publishes the pipeline's module and placement if the run has none yet (the first stager to
   * start does; a deploy changes it later), then serves until the run is stored.
   */
  async run(initial: { binary: Uint8Array; manifest: Manifest; steps: Step[] }): Promise<DistributedSummary> {
    const existing = await readPlacement(this.r.placement, this.r.names.run);
    if (!existing) {
      const hash = await putModule(this.r.modules, initial.binary, JSON.stringify(initial.manifest));
      await updatePlacement(this.r.placement, this.r.names.run, (cur) => cur ?? { module: hash, steps: initial.steps });
    }
    this.watch = await watchPlacement(this.r.placement, this.r.names.run, (entry) => {
      if (entry) void this.consider(entry.placement.module, entry.placement.steps);
    });
    const first = await readPlacement(this.r.placement, this.r.names.run);
    if (first) await this.consider(first.placement.module, first.placement.steps);
    if (!this.current) throw new Error(`the run's placement names a module this stager refuses: ${this.refused.at(-1) ?? "unknown"}`);

    this.serveControl();
    const events = this.followEvents();
    const tokens = this.takeTokens();
    try {
      while (!(await this.finished())) await sleep(300);
    } finally {
      this.stopping = true;
      for (const s of this.subs) s.unsubscribe();
      this.watch?.stop();
      // At most 3 s for the loops to notice; the timer must not outlive them (it would keep
      // the process alive for its full length after the run is stored).
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([events, tokens]), new Promise((r) => (timer = setTimeout(r, 3000)))]);
      clearTimeout(timer);
    }
    return this.summary();
  }

  /** A placement's module, checked; if it passes it becomes the version new steps take. */
  private consider(hash: string, steps: Step[]): Promise<void> {
    // The watch and the first read may both bring the same placement: check it once.
    const key = `${hash}|${JSON.stringify(steps)}`;
    let p = this.considered.get(key);
    if (!p) this.considered.set(key, (p = this.check(hash, steps)));
    return p;
  }

  private async check(hash: string, steps: Step[]): Promise<void> {
    const refuse = (why: string) => {
      const line = `placement refused (module ${hash.slice(0, 12)}…): ${why}; the previous version keeps running`;
      this.refused.push(line);
      this.log(line);
    };
    let version: Version;
    try {
      const stored = await getModule(this.r.modules, hash);
      const manifest = JSON.parse(stored.manifestJson) as Manifest;
      version = { hash, binary: stored.binary, manifest, steps };
      const zeros = Object.fromEntries(manifest.params.filter((p) => !p.bound).map((p) => [p.name, p.wasm === "i64" ? 0n : 0]));
      loadGuarded(stored.binary, manifest, { params: zeros, expectedHash: hash });
    } catch (e) {
      return refuse((e as Error).message);
    }
    const missing = steps.filter((s) => !version.manifest.fragments.some((f) => f.name === s.fragment));
    if (missing.length > 0) return refuse(`it lacks ${missing.map((s) => `'${s.fragment}'`).join(", ")}`);
    const histograms = new Set((version.manifest.phases?.globals ?? []).filter((g) => g.aggregate === "histogram").map((g) => g.param));
    const state = version.manifest.state.filter((v) => !histograms.has(v.name));
    if (state.length > 0) {
      return refuse(`it keeps state (${state.map((v) => v.name).join(", ")}), which several stagers cannot share yet: run it in one process`);
    }
    const phaseOf = (m: Manifest) => (m.phases ? JSON.stringify({ ...m.phases, dependents: undefined }) : "none");
    if (this.origin && phaseOf(this.origin.manifest) !== phaseOf(version.manifest)) {
      return refuse("its global params differ from the run's (the sources' local phase is fixed for a run)");
    }
    this.origin ??= version;
    this.current = version;
    this.log(`version ${hash.slice(0, 12)}… (${steps.map((s) => `${s.fragment}@${s.at}`).join(", ")}) for the next steps`);
  }

  /** Announcements and "done" from the sources: stored in the event stream, then answered. */
  private serveControl(): void {
    const store = (subject: (b: Record<string, unknown>) => string, id: (b: Record<string, unknown>) => string) => (err: Error | null, msg: Msg) => {
      if (err) return;
      void (async () => {
        try {
          const body = JSON.parse(dec.decode(msg.data)) as Record<string, unknown>;
          await this.r.js.publish(subject(body), msg.data, { msgID: id(body) });
          msg.respond(enc.encode('{"ok":true}'));
        } catch (e) {
          msg.respond(enc.encode(JSON.stringify({ error: (e as Error).message })));
        }
      })();
    };
    const n = this.r.names;
    this.subs.push(this.r.nc.subscribe(n.announceControl, {
      queue: "stagers",
      callback: store((b) => n.announceSubject(Number(b.step), Number(b.source)), (b) => `a.${b.step}.${b.source}`),
    }));
    this.subs.push(this.r.nc.subscribe(n.doneControl, {
      queue: "stagers",
      callback: store((b) => n.doneSubject(Number(b.source)), (b) => `d.${b.source}`),
    }));
  }

  /** Reads every event of the run; queues a step's token once all its sources announced. */
  private async followEvents(): Promise<void> {
    const consumer = await this.r.js.consumers.get(this.r.names.events, { deliver_policy: DeliverPolicy.All });
    const messages = await consumer.consume();
    const stop = setInterval(() => this.stopping && messages.stop(), 200);
    try {
      for await (const m of messages) {
        const body = JSON.parse(dec.decode(m.data)) as Record<string, unknown>;
        if (m.subject.includes(".done.")) {
          this.done.set(Number(body.source), body);
          continue;
        }
        const step = Number(body.step);
        const a: Announce = {
          type: "announce", source: Number(body.source), step, bytes: Number(body.bytes), records: Number(body.records), writeMs: Number(body.writeMs),
          ...(typeof body.partial === "string" ? { partial: b64.decode(body.partial) } : {}),
          ...(typeof body.phaseFault === "string" ? { phaseFault: body.phaseFault } : {}),
          ...(typeof body.phase === "string" ? { phase: body.phase } : {}),
        };
        const at = this.announced.get(step) ?? new Map<number, Announce>();
        at.set(a.source, a);
        this.announced.set(step, at);
        for (const w of this.announcedWaiters.splice(0)) w();
        if (at.size === this.o.sources) {
          await this.r.js.publish(this.r.names.stepSubject(step), enc.encode(String(step)), { msgID: `t.${step}` }).catch((e) => this.log(`queueing step ${step}: ${(e as Error).message}`));
        }
      }
    } finally {
      clearInterval(stop);
    }
  }

  /**
   * Takes step tokens one at a time and runs each step. Once a step is stored the next token is
   * taken at once: the stored step's chunks are acknowledged and purged meanwhile (a round trip
   * or two per chunk, a sixth of a step's time in bench/distributed.ts), and only then is its
   * token acknowledged, so a stager that dies in between leaves the token to another, which
   * finds the step stored and purges its chunks.
   */
  private async takeTokens(): Promise<void> {
    const durable = "stagers";
    const ackWaitMs = this.o.ackWaitMs ?? 10_000;
    try {
      await this.r.jsm.consumers.add(this.r.names.steps, { durable_name: durable, ack_policy: AckPolicy.Explicit, ack_wait: ackWaitMs * 1e6, max_ack_pending: 1024 });
    } catch (e) {
      if (!(e instanceof JetStreamApiError)) throw e;
    }
    const consumer = await this.r.js.consumers.get(this.r.names.steps, durable);
    const settling = new Set<Promise<void>>();
    while (!this.stopping) {
      // One stored step settling at a time besides the running one: its chunks' buffers come back.
      while (settling.size > 1) await Promise.race(settling);
      let m: JsMsg | null;
      try {
        m = await consumer.next({ expires: 1000 });
      } catch (e) {
        if (!this.stopping) this.log(`waiting for steps: ${(e as Error).message}`);
        await sleep(500);
        continue;
      }
      if (!m) continue;
      const token = m;
      const step = Number(dec.decode(token.data));
      const keepAlive = setInterval(() => {
        try {
          token.working();
        } catch {
          /* reconnecting: the next one may get through */
        }
      }, Math.max(100, ackWaitMs / 3));
      let settled: Promise<void>;
      try {
        ({ settled } = await this.runStep(step));
      } catch (e) {
        this.log(`step ${step} failed, handing it back: ${(e as Error).message}`);
        token.nak(1000);
        clearInterval(keepAlive);
        continue;
      }
      const p = settled.then(() => token.ack(), (e) => {
        // Stored, not settled: another stager taking the token finds the step stored and settles it.
        this.log(`step ${step} stored, its chunks not settled, handing its token back: ${(e as Error).message}`);
        token.nak(1000);
      }).finally(() => {
        clearInterval(keepAlive);
        settling.delete(p);
      });
      settling.add(p);
    }
    await Promise.allSettled(settling);
  }

  /** Runs a step until its report is stored; `settled`: then its chunks acknowledged, its consumer and leftovers gone. */
  private async runStep(step: number): Promise<{ settled: Promise<void> }> {
    if (await this.r.kv.get(`out.${step}`)) return { settled: this.settle(step) }; // already stored by someone
    while ((this.announced.get(step)?.size ?? 0) < this.o.sources) await new Promise<void>((r) => this.announcedWaiters.push(r));
    const version = await this.versionOf(step);
    const stager = this.stagerFor(version);
    const n = this.o.sources;

    // This step's chunks: received here, acknowledged once the step is stored.
    const arrived = new Map<number, Data>();
    const waiting = new Map<number, (d: Data) => void>();
    let stored!: () => void;
    const storedP = new Promise<void>((r) => (stored = r));
    const chunks = await consumeChunks(this.r.js, this.r.names.chunks, `step-${step}`, async (c: Chunk) => {
      const meta = c.meta as ChunkMeta;
      const d: Data = {
        type: "data", source: c.source, step: c.step, bytes: c.bytes, applied: meta.applied, faults: meta.faults, runMs: meta.runMs,
        ...(meta.state ? { state: b64.decode(meta.state) } : {}), ...(meta.refused ? { refused: meta.refused } : {}),
      };
      if (!arrived.has(c.source)) {
        arrived.set(c.source, d);
        waiting.get(c.source)?.(d);
      }
      await storedP;
    }, { filter: this.r.names.chunkFilter(step), concurrency: n, buffers: this.buffers, ackWaitMs: this.o.ackWaitMs ?? 10_000, onFault: (f) => this.log(`chunk ${f.chunkId}: ${f.kind}: ${f.message}`) });

    const io: StepIO = {
      pull: async (st, source, run) => {
        const got = new Promise<Data>((resolve) => {
          const have = arrived.get(source);
          if (have) resolve(have);
          else waiting.set(source, resolve);
        });
        if (!arrived.has(source)) await this.pull(source, { type: "pull", step: st, ...(run ? { run } : {}) }, got);
        return got;
      },
      release: () => {},
    };
    let stepStored = false;
    try {
      const announces = [...this.announced.get(step)!.values()];
      const report = await stager.processStep(step, announces, io, { version: { hash: version.hash, binary: version.binary, manifest: version.manifest }, steps: version.steps });
      if (this.o.delayMs) await sleep(this.o.delayMs);
      await this.r.kv.put(`out.${step}`, toJson({ ...report, stager: this.o.name }));
      this.mine.push(step);
      this.o.onStep?.(report);
      stepStored = true;
    } finally {
      stored();
      if (!stepStored) await chunks.stop();
    }
    return { settled: chunks.stop().then(() => this.settle(step)) };
  }

  /**
   * A stored step's chunks are done with: its consumer goes, and so does any chunk still in the
   * stream, whose ack was lost (a NATS restart just after the step was stored). Left there, it
   * would count against the stream's size limit for the rest of the run.
   */
  private async settle(step: number): Promise<void> {
    await this.r.jsm.consumers.delete(this.r.names.chunks, `step-${step}`).catch(() => {});
    await this.r.jsm.streams.purge(this.r.names.chunks, { filter: this.r.names.chunkFilter(step) }).catch(() => {});
  }

  /** Asks a source for its chunk until it answers (or the chunk arrives anyway). */
  private async pull(source: number, pull: Pull, arrived: Promise<Data>): Promise<void> {
    const payload = encodePull(pull);
    let got = false;
    void arrived.then(() => (got = true));
    for (let wait = 200; !got && !this.stopping; wait = Math.min(2 * wait, 2000)) {
      try {
        const reply = await this.r.nc.request(this.r.names.pullControl(source), payload, { timeout: 10_000 });
        const answer = JSON.parse(dec.decode(reply.data)) as { ok?: boolean; error?: string };
        if (answer.ok) return;
        this.log(`source ${source} refused the pull of step ${pull.step}: ${answer.error}`);
      } catch (e) {
        if (got) return;
        this.log(`source ${source} did not answer the pull of step ${pull.step} (${(e as Error).message}); asking again`);
      }
      await sleep(wait);
    }
  }

  /** The version a step runs: recorded by the first stager to start it, reused by any other. */
  private async versionOf(step: number): Promise<Version> {
    const key = `version.${step}`;
    let entry = await this.r.kv.get(key);
    if (!entry || entry.operation !== "PUT") {
      const v = this.current!;
      try {
        await this.r.kv.create(key, JSON.stringify({ module: v.hash, steps: v.steps }));
        return v;
      } catch {
        entry = await this.r.kv.get(key);
      }
    }
    const rec = JSON.parse(entry!.string()) as { module: string; steps: Step[] };
    if (this.current && rec.module === this.current.hash && JSON.stringify(rec.steps) === JSON.stringify(this.current.steps)) return this.current;
    const stored = await getModule(this.r.modules, rec.module);
    return { hash: rec.module, binary: stored.binary, manifest: JSON.parse(stored.manifestJson) as Manifest, steps: rec.steps };
  }

  private stagerFor(v: Version): CStager {
    const key = `${v.hash}|${JSON.stringify(v.steps)}`;
    let s = this.stagers.get(key);
    if (!s) {
      s = new CStager({
        sources: this.o.sources, binary: v.binary, manifest: v.manifest, steps: v.steps, params: this.o.params,
        specialize: this.o.specialize, sink: this.sink, maxPulls: this.o.maxPulls, alwaysSendModules: true,
        name: this.r.names.run,
      });
      this.stagers.set(key, s);
    }
    return s;
  }

  private async finished(): Promise<boolean> {
    if (this.done.size < this.o.sources) return false;
    for (let s = 0; s < this.o.steps; s++) if (!(await this.r.kv.get(`out.${s}`))) return false;
    return true;
  }

  private async summary(): Promise<DistributedSummary> {
    const steps: DistributedSummary["steps"] = [];
    for (let s = 0; s < this.o.steps; s++) {
      const e = await this.r.kv.get(`out.${s}`);
      if (e) steps.push(JSON.parse(e.string()) as StepReport & { stager: string });
    }
    const sources = [...this.done.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
    return { steps, mine: this.mine.sort((a, b) => a - b), refused: this.refused, sources };
  }
}

