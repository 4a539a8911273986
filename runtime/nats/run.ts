// One pipeline run on NATS: the names its processes agree on, and the streams and buckets they
// share. Every name derives from the run's name (by default the pipeline file's), so several
// runs share one NATS deployment without seeing each other's data.
// In: a run name and a connection. Out: `RunNames` and `openRun`, which creates (or opens) the
// run's streams and buckets:
//   <RUN>_CHUNKS   work queue, file storage: data chunks, `enstage.<run>.chunks.<step>.<source>`
//   <RUN>_EVENTS   limits, file storage: announcements with partial states
//                  (`enstage.<run>.announce.<step>.<source>`) and sources finished
//                  (`enstage.<run>.done.<source>`), so a stager that starts late or restarts
//                  sees every one
//   <RUN>_STEPS    work queue: one token per step whose sources all announced; the stagers
//                  compete for them, and a step whose stager died is redelivered to another
//   KV enstage-run-<run>: the module version each step runs (`version.<step>`, set once) and
//                  each finished step's report (`out.<step>`)
//   KV enstage-placement, key <run>: the placement (module hash, steps and where they run)
//   Object Store enstage-modules: compiled modules by hash
// Control is core NATS request/reply: `enstage.<run>.ctl.announce` and `.ctl.done` (served by
// the stagers as a queue group) and `enstage.<run>.ctl.pull.<source>` (served by that source).

import type { NatsConnection } from "@nats-io/transport-node";
import { JetStreamApiError, RetentionPolicy, StorageType, DiscardPolicy, type JetStreamClient, type JetStreamManager } from "@nats-io/jetstream";
import { Kvm, type KV } from "@nats-io/kv";
import { ensureChunkStream } from "./chunks.js";
import { openJetStream } from "./connect.js";
import { ensureModuleStore, type ObjectStore } from "./modules.js";
import { ensurePlacementBucket } from "./placement.js";

export interface RunNames {
  run: string;
  chunks: string;
  events: string;
  steps: string;
  chunkSubject: (step: number, source: number) => string;
  /** Every source's chunk of one step. */
  chunkFilter: (step: number) => string;
  announceSubject: (step: number, source: number) => string;
  doneSubject: (source: number) => string;
  stepSubject: (step: number) => string;
  announceControl: string;
  doneControl: string;
  pullControl: (source: number) => string;
  bucket: string;
}

/** A run name becomes part of subjects and stream names: letters, digits, '-' and '_'. */
export function runNames(run: string): RunNames {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(run)) throw new Error(`run name '${run}' must be 1 to 64 letters, digits, '-' or '_'`);
  const upper = run.toUpperCase().replace(/-/g, "_");
  const p = `enstage.${run}`;
  return {
    run,
    chunks: `ENSTAGE_${upper}_CHUNKS`,
    events: `ENSTAGE_${upper}_EVENTS`,
    steps: `ENSTAGE_${upper}_STEPS`,
    chunkSubject: (step, source) => `${p}.chunks.${step}.${source}`,
    chunkFilter: (step) => `${p}.chunks.${step}.*`,
    announceSubject: (step, source) => `${p}.announce.${step}.${source}`,
    doneSubject: (source) => `${p}.done.${source}`,
    stepSubject: (step) => `${p}.step.${step}`,
    announceControl: `${p}.ctl.announce`,
    doneControl: `${p}.ctl.done`,
    pullControl: (source) => `${p}.ctl.pull.${source}`,
    bucket: `enstage-run-${run}`,
  };
}

export interface OpenRun {
  names: RunNames;
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  kv: KV;
  placement: KV;
  modules: ObjectStore;
}

export interface RunLimits {
  /** The staging area's size: chunks past it are backpressure at the sources (default 1 GiB). */
  maxBytes?: number;
}

async function ensureStream(jsm: JetStreamManager, name: string, subjects: string[], retention: RetentionPolicy): Promise<void> {
  try {
    await jsm.streams.info(name);
    return;
  } catch (e) {
    if (!(e instanceof JetStreamApiError && e.code === 10059)) throw e;
  }
  try {
    await jsm.streams.add({ name, subjects, retention, storage: StorageType.File, discard: DiscardPolicy.New, duplicate_window: 120_000_000_000 });
  } catch (e) {
    // Another process created it at the same moment.
    await jsm.streams.info(name);
  }
}

/** Opens (creating when needed) everything a run's processes share. */
export async function openRun(nc: NatsConnection, run: string, limits: RunLimits = {}): Promise<OpenRun> {
  const names = runNames(run);
  const js = openJetStream(nc);
  const jsm = await js.jetstreamManager();
  await ensureChunkStream(js, { name: names.chunks, subjects: [`enstage.${run}.chunks.>`], maxBytes: limits.maxBytes ?? 1024 ** 3 });
  await ensureStream(jsm, names.events, [`enstage.${run}.announce.>`, `enstage.${run}.done.>`], RetentionPolicy.Limits);
  await ensureStream(jsm, names.steps, [`enstage.${run}.step.>`], RetentionPolicy.Workqueue);
  const kv = await new Kvm(nc).create(names.bucket, { storage: StorageType.File });
  const placement = await ensurePlacementBucket(nc);
  const modules = await ensureModuleStore(nc);
  return { names, nc, js, jsm, kv, placement, modules };
}

/** Deletes a finished run's streams and bucket (not the modules, nor its placement). */
export async function resetRun(nc: NatsConnection, run: string): Promise<void> {
  const names = runNames(run);
  const jsm = await openJetStream(nc).jetstreamManager();
  for (const s of [names.chunks, names.events, names.steps]) {
    await jsm.streams.delete(s).catch((e) => {
      if (!(e instanceof JetStreamApiError && e.code === 10059)) throw e;
    });
  }
  await jsm.streams.delete(`KV_${names.bucket}`).catch(() => {});
}

/** Base64 for bytes inside JSON control messages (partials and state are small). */
export const b64 = {
  encode: (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64"),
  decode: (text: string): Uint8Array => new Uint8Array(Buffer.from(text, "base64")),
};
