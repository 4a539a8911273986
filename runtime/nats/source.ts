// A SmartTap's link to staging over NATS: the same SmartTap as in one process, its messages
// carried by NATS instead of a MessagePort.
// In: a SmartTap's outgoing messages; the stagers' pulls on `enstage.<run>.ctl.pull.<source>`.
// Out: `hello` becomes a read of the run's placement and a fetch of its module from the Object
// Store (verified against its hash), answered locally with `setup`; `announce` and `done` are
// requests to the stagers' queue group, retried until one answers (a stager stores what it is
// told before answering, and storing twice is harmless: the message ids de-duplicate); `data` is
// published as a chunk to the run's work-queue stream, and only once JetStream has stored it is
// the pull answered and the pool buffer given back to the tap. A pull repeated for a step whose
// chunk is already stored (a stager that died and another that took over) is answered again
// without running anything twice. A full stream is retried until the chunk fits: meanwhile the
// buffer stays in the pool, so a staging area that cannot keep up turns into the tap's own
// backpressure (its policy: block or fail), never a lost chunk.

import type { Msg, Subscription } from "@nats-io/transport-node";
import type { Manifest } from "../abi.js";
import type { Data, Link, Pull, ToSource, ToStager } from "../protocol.js";
import { BackpressureError, ChunkPublisher } from "./chunks.js";
import { getModule } from "./modules.js";
import { readPlacement } from "./placement.js";
import { b64, type OpenRun } from "./run.js";
import { simulateRank } from "../simulation.js";
import { SmartTap } from "../smarttap.js";
import { PARTICLE_SIZE } from "../synthetic.js";

export interface SourceLinkOptions {
  source: number;
  /** What a full pool does to a write, and how long it may block. */
  policy: "block" | "fail";
  timeoutMs: number;
  /** How long to wait for the run's placement to appear (a stager publishes it; default 60 s). */
  placementWaitMs?: number;
  /** How long to keep retrying a request nobody answers (default 120 s). */
  retryForMs?: number;
  log?: (line: string) => void;
}

const enc = new TextEncoder();
const dec = new TextDecoder();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A pull as it travels: JSON, module bytes and state in base64, bins as decimal strings. */
export interface WirePull {
  step: number;
  run?: {
    module: { hash: string; manifest: Manifest; binary?: string };
    steps: { fragment: string; cap?: number }[];
    arrays?: Record<string, string[]>;
    /** Param values: decimal text, with a trailing 'n' for a 64-bit integer (JSON has neither bigints nor infinities). */
    values?: Record<string, string>;
    state?: string;
  };
}

export function encodePull(p: Pull): Uint8Array {
  const w: WirePull = { step: p.step };
  if (p.run) {
    w.run = {
      module: { hash: p.run.module.hash, manifest: p.run.module.manifest, ...(p.run.module.binary ? { binary: b64.encode(p.run.module.binary) } : {}) },
      steps: p.run.steps,
      ...(p.run.arrays ? { arrays: Object.fromEntries(Object.entries(p.run.arrays).map(([k, v]) => [k, v.map(String)])) } : {}),
      ...(p.run.values ? { values: Object.fromEntries(Object.entries(p.run.values).map(([k, v]) => [k, typeof v === "bigint" ? `${v}n` : Object.is(v, -0) ? "-0" : String(v)])) } : {}),
      ...(p.run.state ? { state: b64.encode(p.run.state) } : {}),
    };
  }
  return enc.encode(JSON.stringify(w));
}

export function decodePull(bytes: Uint8Array): Pull {
  const w = JSON.parse(dec.decode(bytes)) as WirePull;
  const pull: Pull = { type: "pull", step: w.step };
  if (w.run) {
    pull.run = {
      module: { hash: w.run.module.hash, manifest: w.run.module.manifest, ...(w.run.module.binary ? { binary: b64.decode(w.run.module.binary) } : {}) },
      steps: w.run.steps,
      ...(w.run.arrays ? { arrays: Object.fromEntries(Object.entries(w.run.arrays).map(([k, v]) => [k, v.map((x) => BigInt(x))])) } : {}),
      ...(w.run.values ? { values: Object.fromEntries(Object.entries(w.run.values).map(([k, v]) => [k, v.endsWith("n") ? BigInt(v.slice(0, -1)) : Number(v)])) } : {}),
      ...(w.run.state ? { state: b64.decode(w.run.state) } : {}),
    };
  }
  return pull;
}

/** What travels beside a chunk's bytes (the chunk's meta). */
export interface ChunkMeta {
  applied: number;
  faults: Data["faults"];
  runMs: number;
  state?: string;
  refused?: string;
}

export class NatsSourceLink implements Link<ToSource, ToStager> {
  private handler?: (m: ToSource) => void;
  private readonly publisher: ChunkPublisher;
  private pullSub?: Subscription;
  /** Pulls waiting for their chunk to be stored, by step. */
  private readonly pending = new Map<number, Msg[]>();
  /** Steps whose chunk is stored (or being stored): a repeated pull is answered, not rerun. */
  private readonly published = new Map<number, Promise<void>>();
  private closed = false;

  constructor(private readonly r: OpenRun, private readonly o: SourceLinkOptions) {
    // At most 2 chunks of this source on their way at once: memory stays bounded by the pool.
    this.publisher = new ChunkPublisher(r.js, { maxInFlightPerSource: 2, blockMs: 0 });
  }

  onMessage(handler: (m: ToSource) => void): void {
    this.handler = handler;
  }

  close(): void {
    this.closed = true;
    this.pullSub?.unsubscribe();
  }

  send(message: ToStager): void {
    const fail = (e: unknown) => this.log(`source ${this.o.source}: ${(e as Error).message}`);
    switch (message.type) {
      case "hello":
        this.start().catch(fail);
        return;
      case "announce":
        void this.request(this.r.names.announceControl, {
          source: message.source, step: message.step, bytes: message.bytes, records: message.records, writeMs: message.writeMs,
          ...(message.partial ? { partial: b64.encode(message.partial) } : {}),
          ...(message.phaseFault ? { phaseFault: message.phaseFault } : {}),
          ...(message.phase ? { phase: message.phase } : {}),
        }).catch(fail);
        return;
      case "data":
        this.publish(message).catch(fail);
        return;
      case "done":
        // Only once every chunk is stored: the tap's pool can be free while chunks are still on
        // their way (a reduced chunk, or a copy out of the phase memory, leaves its slot at once),
        // and the process ends at close, which would drop a chunk waiting for a full stream.
        void Promise.all(this.published.values())
          .then(() => this.request(this.r.names.doneControl, message))
          .then(() => this.handler?.({ type: "close" }))
          .catch(fail);
        return;
      case "failure":
        this.log(`source ${message.source}: ${message.message}`);
        return;
    }
  }

  private log(line: string): void {
    (this.o.log ?? ((l: string) => process.stderr.write(`${l}\n`)))(line);
  }

  /** The run's placement and phase module, then the tap's setup; then pulls are served. */
  private async start(): Promise<void> {
    const deadline = Date.now() + (this.o.placementWaitMs ?? 60_000);
    let entry = await readPlacement(this.r.placement, this.r.names.run);
    while (!entry) {
      if (Date.now() > deadline) throw new Error(`no placement for run '${this.r.names.run}' appeared: is a stager running for it?`);
      await sleep(200);
      entry = await readPlacement(this.r.placement, this.r.names.run);
    }
    const stored = await getModule(this.r.modules, entry.placement.module);
    const manifest = JSON.parse(stored.manifestJson) as Manifest;
    this.pullSub = this.r.nc.subscribe(this.r.names.pullControl(this.o.source), { callback: (err, msg) => { if (!err) this.onPull(msg); } });
    this.handler?.({
      type: "setup",
      ...(manifest.phases ? { phase: { hash: stored.hash, manifest, binary: stored.binary } } : {}),
      policy: this.o.policy,
      timeoutMs: this.o.timeoutMs,
    });
  }

  private onPull(msg: Msg): void {
    let pull: Pull;
    try {
      pull = decodePull(msg.data);
    } catch (e) {
      msg.respond(enc.encode(JSON.stringify({ error: `malformed pull: ${(e as Error).message}` })));
      return;
    }
    const done = this.published.get(pull.step);
    if (done) {
      // Already stored or on its way: answer when it is, run nothing again.
      // A publish that failed for good was reported where it failed; the stager asks again.
      done.then(() => msg.respond(enc.encode(JSON.stringify({ ok: true, again: true }))), () => {});
      return;
    }
    this.pending.set(pull.step, [...(this.pending.get(pull.step) ?? []), msg]);
    this.handler?.(pull);
  }

  private publish(d: Data): Promise<void> {
    const meta: ChunkMeta = {
      applied: d.applied, faults: d.faults, runMs: d.runMs,
      ...(d.state ? { state: b64.encode(d.state) } : {}),
      ...(d.refused ? { refused: d.refused } : {}),
    };
    const chunk = { id: `s${d.step}-r${d.source}`, source: d.source, step: d.step, meta, bytes: d.bytes };
    const work = (async () => {
      for (let wait = 50; ; wait = Math.min(2 * wait, 2000)) {
        try {
          await this.publisher.publish(this.r.names.chunkSubject(d.step, d.source), chunk);
          break;
        } catch (e) {
          if (this.closed) throw e;
          if (!(e instanceof BackpressureError)) this.log(`source ${d.source}: step ${d.step}: publishing its chunk failed, retrying: ${(e as Error).message}`);
          else if (wait === 50) this.log(`source ${d.source}: step ${d.step}: the staging stream is full; the chunk stays in the pool until it fits (${e.message})`);
          await sleep(wait);
        }
      }
      for (const m of this.pending.get(d.step) ?? []) m.respond(enc.encode(JSON.stringify({ ok: true })));
      this.pending.delete(d.step);
      // The chunk is stored: a buffer lent to us goes back to the pool.
      if (d.applied === 0) this.handler?.({ type: "release", buffer: d.bytes.buffer as ArrayBuffer });
    })();
    this.published.set(d.step, work);
    return work;
  }

  /** A request to the stagers, repeated until one answers (what they do with it is idempotent). */
  private async request(subject: string, body: object): Promise<void> {
    const deadline = Date.now() + (this.o.retryForMs ?? 120_000);
    const payload = enc.encode(JSON.stringify(body));
    for (let wait = 100; ; wait = Math.min(2 * wait, 2000)) {
      try {
        const reply = await this.r.nc.request(subject, payload, { timeout: 5000 });
        const answer = JSON.parse(dec.decode(reply.data)) as { ok?: boolean; error?: string };
        if (answer.ok) return;
        throw new Error(answer.error ?? "the stager refused it");
      } catch (e) {
        if (this.closed || Date.now() > deadline) throw new Error(`no stager answered ${subject}: ${(e as Error).message}`);
        await sleep(wait);
      }
    }
  }
}

/** Runs simulation ranks in this process, each writing through a SmartTap linked over NATS. */
export async function runSourcesOverNats(
  r: OpenRun,
  ranks: number[],
  settings: { steps: number; particles: number; seed: number; work: number; slots: number; policy: "block" | "fail"; timeoutMs: number; reuse?: boolean },
  onStep?: (source: number, step: number) => void,
): Promise<{ source: number; tap: SmartTap; stepMs: number; writeMs: number }[]> {
  return Promise.all(ranks.map(async (source) => {
    const link = new NatsSourceLink(r, { source, policy: settings.policy, timeoutMs: settings.timeoutMs });
    const tap = new SmartTap(link, { source, slots: settings.slots, slotBytes: Math.max(1, settings.particles * PARTICLE_SIZE) });
    try {
      const t = await simulateRank(tap, { source, steps: settings.steps, particles: settings.particles, seed: settings.seed, work: settings.work, ...(settings.reuse ? { reuse: true } : {}) }, (step) => onStep?.(source, step));
      return { source, tap, stepMs: t.stepMs, writeMs: t.writeMs };
    } finally {
      link.close();
    }
  }));
}
