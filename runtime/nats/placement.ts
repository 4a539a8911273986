// Placement in a JetStream KV bucket: for each operation (the key), which module version runs and
// where each of its steps runs (at the source or at staging), from which simulation step on.
// Every runtime watches its operation's key; a deploy changes it with compare-and-set, so two
// deploys at once never overwrite each other: the loser re-reads and applies its change again.
// In: the bucket and a key (letters, digits, '-', '_', '/', '=', '.'). Out: the current placement
// and its revision, updates through a change function, and a watch that calls back on each change.

import type { NatsConnection } from "@nats-io/transport-node";
import { JetStreamApiError, StorageType } from "@nats-io/jetstream";
import { Kvm, type KV, type KvEntry } from "@nats-io/kv";
import type { Step } from "../operation.js";

export type { KV } from "@nats-io/kv";

export interface Placement {
  /** 1 for the first placement, +1 on each update (set by updatePlacement). */
  version: number;
  /** The module hash (sha256 hex of the generic module's bytes) in the module store. */
  module: string;
  /** The operation's steps in order, each with where it runs. */
  steps: Step[];
  /** The first simulation step this placement applies to (absent: the next step to start). */
  fromStep?: number;
}

export interface PlacementEntry {
  placement: Placement;
  /** The KV revision: what compare-and-set compares. */
  revision: number;
}

export class PlacementError extends Error {
  constructor(readonly key: string, message: string) {
    super(message);
    this.name = "PlacementError";
  }
}

/** Open the placement bucket, creating it on file storage the first time. */
export async function ensurePlacementBucket(nc: NatsConnection, bucket = "enstage-placement"): Promise<KV> {
  return new Kvm(nc).create(bucket, { storage: StorageType.File, history: 16 });
}

function parsePlacement(key: string, entry: KvEntry): Placement {
  let value: unknown;
  try {
    value = JSON.parse(entry.string());
  } catch (e) {
    throw new PlacementError(key, `placement '${key}' (revision ${entry.revision}) is not JSON: ${(e as Error).message}`);
  }
  const p = value as Placement;
  const ok = typeof p === "object" && p !== null && Number.isInteger(p.version) && typeof p.module === "string" &&
    Array.isArray(p.steps) && p.steps.every((s) => typeof s?.fragment === "string" && (s.at === "source" || s.at === "staging")) &&
    (p.fromStep === undefined || Number.isInteger(p.fromStep));
  if (!ok) throw new PlacementError(key, `placement '${key}' (revision ${entry.revision}) is not { version, module, steps: [{ fragment, at }], fromStep? }`);
  return p;
}

/** The current placement, or undefined if the key was never set (or was deleted). */
export async function readPlacement(kv: KV, key: string): Promise<PlacementEntry | undefined> {
  const entry = await kv.get(key);
  if (!entry || entry.operation !== "PUT") return undefined;
  return { placement: parsePlacement(key, entry), revision: entry.revision };
}

function isConflict(e: unknown): boolean {
  return e instanceof JetStreamApiError && (e.code === 10071 || e.code === 10164);
}

/**
 * Change a placement with compare-and-set: read it, apply `change`, write it only if nobody wrote
 * in between, else read again and retry. `change` may run several times and must not have effects
 * of its own. The version is set here: one more than the placement it changed.
 */
export async function updatePlacement(
  kv: KV, key: string,
  change: (current: Placement | undefined) => Omit<Placement, "version"> | Promise<Omit<Placement, "version">>,
  options: { maxAttempts?: number } = {},
): Promise<PlacementEntry> {
  const maxAttempts = options.maxAttempts ?? 20;
  for (let attempt = 1; ; attempt++) {
    const current = await readPlacement(kv, key);
    const next: Placement = { ...(await change(current?.placement)), version: (current?.placement.version ?? 0) + 1 };
    const value = JSON.stringify(next);
    try {
      const revision = current ? await kv.update(key, value, current.revision) : await kv.create(key, value);
      return { placement: next, revision };
    } catch (e) {
      if (!isConflict(e)) throw e;
      if (attempt >= maxAttempts) throw new PlacementError(key, `placement '${key}' kept changing under ${maxAttempts} attempts to update it`);
      // Someone else wrote first: back off a little (randomized, so two writers do not collide again).
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
    }
  }
}

export interface PlacementWatch {
  stop(): void;
}

/**
 * Call `onChange` with the current placement (if any), then with every new one; undefined when
 * the key is deleted. A malformed value is passed to `onError` and skipped.
 */
export async function watchPlacement(
  kv: KV, key: string,
  onChange: (entry: PlacementEntry | undefined) => void,
  onError: (e: PlacementError) => void = (e) => console.error(`enstage: ${e.message}`),
): Promise<PlacementWatch> {
  const watcher = await kv.watch({ key });
  void (async () => {
    for await (const entry of watcher) {
      if (entry.operation !== "PUT") { onChange(undefined); continue; }
      try {
        onChange({ placement: parsePlacement(key, entry), revision: entry.revision });
      } catch (e) {
        if (e instanceof PlacementError) onError(e); else throw e;
      }
    }
  })();
  return { stop: () => watcher.stop() };
}
