// Data chunks on JetStream: one source's buffer (or reduced result) for one step travels from a
// SmartTap to whichever CStager takes it, through a work-queue stream on file storage, so a chunk
// survives a stager crash and a NATS restart, and is removed once a stager acknowledges it.
// In: chunks { id, source, step, meta, bytes } at the publisher; a handler at each consumer.
// Out: the same chunks, checksum-verified, handed to exactly one of the competing consumers at a
// time (redelivered to another if that one dies before acknowledging); a full stream is a
// BackpressureError at the publisher, never a silent drop.
//
// A chunk larger than the server's max_payload is split. Its tail parts go first, each on its own
// subject outside the consumers' filter (`_part.<id>.<index>.<head subject>`), then the head (part
// 0, with the chunk's headers) on the chunk subject. A consumer therefore only ever receives
// heads, and only once every part is stored; it reads the tail parts by subject (direct get),
// verifies the checksum of the whole, calls the handler, acknowledges the head, then purges the
// parts. Putting every part through the work queue would not do: competing consumers sharing a
// durable would each get some parts of the same chunk, and a full stream of half-received chunks
// could never drain.
//
// Each message has Nats-Msg-Id `${id}.${part}`, so a chunk published again within the stream's
// duplicate window (after a source restart, or a retry after a timeout or backpressure) is
// stored once; a retry only adds the parts that are missing.
// Delivery is at least once: a stager that stalls past the ack wait without its keep-alives
// getting through (a network partition) may see its chunk handled elsewhere too. Chunk ids let
// the staging side drop such a duplicate.

import { createHash } from "node:crypto";
import * as zlib from "node:zlib";
import { headers, MsgHdrsImpl, type MsgHdrs, type NatsConnection } from "@nats-io/transport-node";
import {
  AckPolicy, DeliverPolicy, DiscardPolicy, JetStreamApiError, RetentionPolicy, StorageType,
  type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg, type StreamConfig,
} from "@nats-io/jetstream";

export interface Chunk {
  /** Unique per chunk (letters, digits, '-' and '_': it becomes a subject token). */
  id: string;
  source: number;
  step: number;
  /** Small JSON-able facts that travel with the bytes (records, tags...). */
  meta: object;
  bytes: Uint8Array;
}

export class BackpressureError extends Error {
  constructor(
    message: string,
    readonly chunkId: string,
    /** Parts already stored: publishing the same chunk again adds only the missing ones. */
    readonly partsStored: number,
  ) {
    super(message);
    this.name = "BackpressureError";
  }
}

const PART_ROOT = "_part";
const H_ID = "Enstage-Chunk-Id";
const H_PART = "Enstage-Chunk-Part";
const H_PARTS = "Enstage-Chunk-Parts";
const H_SIZE = "Enstage-Chunk-Size";
const H_SUM = "Enstage-Chunk-Checksum";
/** Chunks stored by an earlier version carry a bare SHA-256 hex under this name. */
const H_SHA_OLD = "Enstage-Chunk-Sha256";
const H_SOURCE = "Enstage-Chunk-Source";
const H_STEP = "Enstage-Chunk-Step";
const H_META = "Enstage-Chunk-Meta";
const H_MSG_ID = "Nats-Msg-Id";

function partSubject(id: string, part: number, headSubject: string): string {
  return `${PART_ROOT}.${id}.${part}.${headSubject}`;
}

// The checksum guards reassembly (a wrong, stale or garbled part), not against forgery: whoever
// can publish a part can publish its checksum too, and JetStream's file store checks each stored
// message itself. So CRC-32, about 3x faster than SHA-256 here (4.8 against 1.75 GB/s; it runs
// twice per chunk on the data path: bench/distributed.ts). zlib.crc32 came with Node 20.15; an
// older Node sends SHA-256, and either end verifies whichever the header names.
const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** `crc32:<8 hex>` or `sha256:<64 hex>` of the bytes; undefined for an algorithm this Node lacks. */
function checksum(bytes: Uint8Array, algorithm: string = crc32 ? "crc32" : "sha256"): string | undefined {
  if (algorithm === "crc32") return crc32 ? `crc32:${crc32(bytes).toString(16).padStart(8, "0")}` : undefined;
  if (algorithm === "sha256") return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
  return undefined;
}

function nanos(ms: number): number {
  return Math.round(ms * 1_000_000);
}

// ---------------------------------------------------------------- the stream

export interface ChunkStreamOptions {
  name: string;
  /** The chunk subjects (e.g. `enstage.chunks.>`); consumers filter on these. */
  subjects: string[];
  /** The staging area's size: past it, publishers get BackpressureError. */
  maxBytes: number;
  /** How long a chunk id is remembered for de-duplication (default 2 min). */
  duplicateWindowMs?: number;
}

const managers = new WeakMap<JetStreamClient, Promise<JetStreamManager>>();

function managerOf(js: JetStreamClient): Promise<JetStreamManager> {
  let jsm = managers.get(js);
  if (!jsm) {
    jsm = js.jetstreamManager(false);
    managers.set(js, jsm);
  }
  return jsm;
}

/** Create the chunk stream, or bring an existing one's limits to these values. */
export async function ensureChunkStream(js: JetStreamClient, options: ChunkStreamOptions): Promise<void> {
  const jsm = await managerOf(js);
  // Tail parts live under `_part.*.*.<chunk subject>`: in the stream, outside every consumer's filter.
  const subjects = [...options.subjects, ...options.subjects.map((s) => `${PART_ROOT}.*.*.${s}`)];
  const config: Partial<StreamConfig> & { name: string } = {
    name: options.name,
    subjects,
    retention: RetentionPolicy.Workqueue,
    storage: StorageType.File,
    // The default (discard old) would drop unconsumed chunks when the stream fills up.
    discard: DiscardPolicy.New,
    max_bytes: options.maxBytes,
    duplicate_window: nanos(options.duplicateWindowMs ?? 120_000),
    allow_direct: true,
  };
  let existing;
  try {
    existing = await jsm.streams.info(options.name);
  } catch (e) {
    if (!(e instanceof JetStreamApiError && e.code === 10059)) throw e;
  }
  if (!existing) {
    await jsm.streams.add(config);
    return;
  }
  if (existing.config.retention !== RetentionPolicy.Workqueue) {
    throw new Error(`stream ${options.name} exists with ${existing.config.retention} retention, not workqueue: delete it or pick another name`);
  }
  await jsm.streams.update(options.name, { ...existing.config, ...config });
}

// ---------------------------------------------------------------- publishing

export interface PublishOptions {
  /** Chunks of one source being published at once; further calls wait (default 4). */
  maxInFlightPerSource?: number;
  /** On a full stream, keep retrying this long before BackpressureError (default 0: fail at once). */
  blockMs?: number;
  /** Retry time for transient failures: timeouts, no JetStream responder, reconnecting (default 10 s). */
  retryForMs?: number;
  /** Override the server's max_payload (tests). */
  maxPayload?: number;
}

export interface PublishedChunk {
  parts: number;
  /** The head was already stored (a republished chunk id): nothing new was queued. */
  duplicate: boolean;
}

/** A counting semaphore: acquire waits FIFO when all permits are out. */
class Semaphore {
  private waiting: (() => void)[] = [];
  constructor(private permits: number) {}
  async acquire(): Promise<void> {
    if (this.permits > 0) { this.permits--; return; }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next(); else this.permits++;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function connectionOf(js: JetStreamClient): NatsConnection {
  // The JetStream client keeps its connection in `nc` (BaseApiClientImpl); the type hides it.
  const nc = (js as unknown as { nc?: NatsConnection }).nc;
  if (!nc) throw new Error("internal: JetStream client without a connection");
  return nc;
}

function isBackpressure(e: unknown): boolean {
  return e instanceof JetStreamApiError &&
    /maximum (bytes|messages)|insufficient resources/i.test(e.message);
}

function isTransient(e: unknown): boolean {
  // Any API error (other than a full stream) is the server's considered answer: retrying won't help.
  return !(e instanceof JetStreamApiError);
}

function headerBytes(h: MsgHdrs): number {
  return h instanceof MsgHdrsImpl ? h.encode().length : 1024;
}

/**
 * Publishes chunks with a bound on how many of one source's chunks are being published at once
 * (memory at the source stays bounded by that many chunks).
 */
export class ChunkPublisher {
  private slots = new Map<number, Semaphore>();
  constructor(private js: JetStreamClient, private options: PublishOptions = {}) {}

  async publish(subject: string, chunk: Chunk): Promise<PublishedChunk> {
    let slot = this.slots.get(chunk.source);
    if (!slot) {
      slot = new Semaphore(this.options.maxInFlightPerSource ?? 4);
      this.slots.set(chunk.source, slot);
    }
    await slot.acquire();
    try {
      return await this.publishNow(subject, chunk);
    } finally {
      slot.release();
    }
  }

  private async publishNow(subject: string, chunk: Chunk): Promise<PublishedChunk> {
    if (!/^[A-Za-z0-9_-]+$/.test(chunk.id)) throw new Error(`chunk id '${chunk.id}' is not a subject token (use letters, digits, '-', '_')`);
    const maxPayload = this.options.maxPayload ?? connectionOf(this.js).info?.max_payload ?? 1024 * 1024;
    const sum = checksum(chunk.bytes)!;
    const size = chunk.bytes.length;

    const common = (part: number, parts: number): MsgHdrs => {
      const h = headers();
      h.set(H_MSG_ID, `${chunk.id}.${part}`);
      h.set(H_ID, chunk.id);
      h.set(H_PART, String(part));
      h.set(H_PARTS, String(parts));
      h.set(H_SIZE, String(size));
      h.set(H_SUM, sum);
      return h;
    };
    const headHeaders = (parts: number): MsgHdrs => {
      const h = common(0, parts);
      h.set(H_SOURCE, String(chunk.source));
      h.set(H_STEP, String(chunk.step));
      h.set(H_META, JSON.stringify(chunk.meta));
      return h;
    };
    // Headers count against max_payload; a few digits of slack cover the part numbers growing.
    const headRoom = maxPayload - headerBytes(headHeaders(999_999)) - 16;
    const tailRoom = maxPayload - headerBytes(common(999_999, 999_999)) - 16;
    if (headRoom <= 0 || tailRoom <= 0) throw new Error(`chunk ${chunk.id}: its headers alone exceed max_payload (${maxPayload} bytes)`);
    const parts = size <= headRoom ? 1 : 1 + Math.ceil((size - headRoom) / tailRoom);

    let stored = 0;
    const send = async (subj: string, data: Uint8Array, h: MsgHdrs) => {
      const ack = await this.withRetries(chunk.id, () => stored, () => this.js.publish(subj, data, { headers: h }));
      stored++;
      return ack;
    };
    // Tail parts first, a few at a time (their PubAcks pipelined), the head last.
    const window = 8;
    const tail: Promise<unknown>[] = [];
    for (let part = 1; part < parts; part++) {
      const start = headRoom + (part - 1) * tailRoom;
      tail.push(send(partSubject(chunk.id, part, subject), chunk.bytes.subarray(start, Math.min(size, start + tailRoom)), common(part, parts)));
      if (tail.length >= window) await Promise.all(tail.splice(0));
    }
    await Promise.all(tail);
    const ack = await send(subject, chunk.bytes.subarray(0, Math.min(size, headRoom)), headHeaders(parts));
    return { parts, duplicate: ack.duplicate };
  }

  private async withRetries<T>(id: string, stored: () => number, op: () => Promise<T>): Promise<T> {
    const start = Date.now();
    const blockMs = this.options.blockMs ?? 0;
    const retryForMs = this.options.retryForMs ?? 10_000;
    for (let wait = 25; ; wait = Math.min(wait * 2, 1000)) {
      try {
        return await op();
      } catch (e) {
        const elapsed = Date.now() - start;
        if (isBackpressure(e)) {
          if (elapsed >= blockMs) {
            throw new BackpressureError(`the staging stream is full: chunk ${id} not queued (${(e as Error).message})`, id, stored());
          }
        } else if (!isTransient(e) || elapsed >= retryForMs) {
          throw e;
        }
        await sleep(wait);
      }
    }
  }
}

const defaultPublishers = new WeakMap<JetStreamClient, ChunkPublisher>();

/** Publish one chunk through the connection's default publisher (4 chunks in flight per source). */
export function publishChunk(js: JetStreamClient, subject: string, chunk: Chunk): Promise<PublishedChunk> {
  let publisher = defaultPublishers.get(js);
  if (!publisher) {
    publisher = new ChunkPublisher(js);
    defaultPublishers.set(js, publisher);
  }
  return publisher.publish(subject, chunk);
}

// ---------------------------------------------------------------- consuming

export interface ConsumeOptions {
  /** The chunk subject filter (default: the stream's one chunk subject). */
  filter?: string;
  /** How long an unacknowledged chunk waits before redelivery to another consumer (default 10 s). */
  ackWaitMs?: number;
  /** Chunks handled at once by this consumer (default 2). */
  concurrency?: number;
  /** Redelivery delay after the handler failed (default 1 s). */
  retryDelayMs?: number;
  /** Faults: a corrupt or incomplete chunk (terminated), a failed handler (redelivered later). */
  onFault?: (fault: ChunkFault) => void;
  /**
   * Reassemble into these reused buffers (shared by consumers one after another, e.g. one per
   * step). A chunk's bytes then belong to the handler only until its promise resolves; keep a
   * copy of anything needed later. Default: a new buffer per chunk.
   */
  buffers?: ChunkBuffers;
}

/**
 * Chunk-sized buffers reused from chunk to chunk. A fresh multi-megabyte buffer per chunk costs
 * its page faults and the garbage collector's time to free it: at staging, about as much CPU as
 * moving the chunk through the client (bench/distributed.ts).
 */
export class ChunkBuffers {
  private readonly free: ArrayBuffer[] = [];
  /** Keeps at most `keep` free buffers; chunks below `minBytes` are not worth keeping. */
  constructor(private readonly keep = 8, private readonly minBytes = 64 * 1024) {}

  take(size: number): Uint8Array {
    if (size >= this.minBytes) {
      // Not much larger than needed: one odd big chunk must not pin memory for the small ones.
      const i = this.free.findIndex((b) => b.byteLength >= size && b.byteLength <= 2 * size);
      if (i >= 0) return new Uint8Array(this.free.splice(i, 1)[0], 0, size);
    }
    return new Uint8Array(size);
  }

  give(bytes: Uint8Array): void {
    if (bytes.byteLength >= this.minBytes && this.free.length < this.keep && !this.free.includes(bytes.buffer as ArrayBuffer)) {
      this.free.push(bytes.buffer as ArrayBuffer);
    }
  }
}

export interface ChunkFault {
  /** stream-reset: not a chunk's fault; the server lost the stream's sequence and the consumer was recreated. */
  kind: "checksum" | "missing-part" | "malformed" | "handler" | "ack" | "stream-reset";
  chunkId?: string;
  source?: number;
  step?: number;
  message: string;
}

export interface ChunkConsumer {
  /** Stop taking chunks; resolves once the chunks being handled are done and acknowledged. */
  stop(): Promise<void>;
}

class ChunkFaultError extends Error {
  constructor(readonly kind: ChunkFault["kind"], message: string) { super(message); }
}

function intHeader(h: MsgHdrs | undefined, name: string): number {
  const v = h?.get(name) ?? "";
  if (!/^-?\d+$/.test(v)) throw new ChunkFaultError("malformed", `header ${name} is '${v}', not an integer`);
  return Number(v);
}

function consumerConfig(durable: string, filter: string, ackWaitMs: number, concurrency: number) {
  return {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(ackWaitMs),
    filter_subject: filter,
    max_ack_pending: Math.max(64, concurrency * 4),
  };
}

type ConsumerConfigFor = ReturnType<typeof consumerConfig>;

async function ensureConsumer(jsm: JetStreamManager, stream: string, config: ConsumerConfigFor): Promise<void> {
  const durable = config.durable_name;
  let info;
  try {
    info = await jsm.consumers.info(stream, durable);
  } catch (e) {
    if (!(e instanceof JetStreamApiError && e.code === 10014)) throw e;
  }
  if (!info) {
    try {
      await jsm.consumers.add(stream, config);
      return;
    } catch (e) {
      // Another stager created it at the same moment: use theirs (same name, same job).
      info = await jsm.consumers.info(stream, durable);
    }
  }
  if (info.config.filter_subject !== config.filter_subject) {
    throw new Error(`consumer ${durable} on ${stream} filters '${info.config.filter_subject}', not '${config.filter_subject}'`);
  }
  if (info.config.ack_wait !== config.ack_wait) {
    await jsm.consumers.update(stream, durable, { ack_wait: config.ack_wait });
  }
}

/**
 * nats-server before 2.11 can lose a work-queue stream's sequence numbers when it is killed while
 * the stream is empty (nats-server#6600, fixed by #6789): the stream restarts at 1 while the
 * durable consumer remembers a later sequence, and waits for ever. Such a consumer is recreated.
 * In a work-queue stream every stored message is one nobody acknowledged, so a fresh consumer
 * that delivers all of them loses nothing (a chunk being handled elsewhere may come twice).
 */
async function repairConsumer(jsm: JetStreamManager, stream: string, config: ConsumerConfigFor): Promise<boolean> {
  const [si, ci] = await Promise.all([jsm.streams.info(stream), jsm.consumers.info(stream, config.durable_name)]);
  if (ci.delivered.stream_seq <= si.state.last_seq) return false;
  await jsm.consumers.delete(stream, config.durable_name).catch(() => {});
  // Another stager may have recreated it already; then its consumer is ours too.
  await jsm.consumers.add(stream, config).catch(() => {});
  return true;
}

/**
 * Take chunks from `stream` as the durable consumer `durable` (stagers sharing the name share the
 * work) and hand each, complete and verified, to `onChunk`; the chunk is acknowledged once
 * `onChunk` resolves. While a chunk waits or is handled, keep-alives stop it from being
 * redelivered; if this process dies, it is redelivered to another consumer after the ack wait.
 */
export async function consumeChunks(
  js: JetStreamClient, stream: string, durable: string,
  onChunk: (chunk: Chunk) => Promise<void>, options: ConsumeOptions = {},
): Promise<ChunkConsumer> {
  const jsm = await managerOf(js);
  const nc = connectionOf(js);
  const ackWaitMs = options.ackWaitMs ?? 10_000;
  const concurrency = options.concurrency ?? 2;
  const report = options.onFault ?? ((f: ChunkFault) => console.error(`enstage: ${f.chunkId ? `chunk ${f.chunkId}: ` : ""}${f.kind}: ${f.message}`));
  let filter = options.filter;
  if (filter === undefined) {
    const chunkSubjects = (await jsm.streams.info(stream)).config.subjects.filter((s) => !s.startsWith(`${PART_ROOT}.`));
    if (chunkSubjects.length !== 1) throw new Error(`stream ${stream} has ${chunkSubjects.length} chunk subjects: pass a filter`);
    filter = chunkSubjects[0]!;
  }
  const config = consumerConfig(durable, filter, ackWaitMs, concurrency);
  await ensureConsumer(jsm, stream, config);
  const repaired = () => report({ kind: "stream-reset", message: `stream ${stream} lost its sequence numbers (a server killed while it was empty): consumer ${durable} recreated` });
  if (await repairConsumer(jsm, stream, config)) repaired();

  const slots = new Semaphore(concurrency);
  const handling = new Set<Promise<void>>();
  // Stream sequences being handled here. JetStream may deliver one of them again (its ack wait
  // ran out once, as after a takeover from a dead consumer): the first delivery's keep-alives and
  // ack settle it (the server goes by stream sequence), so the repeat is dropped. Handled, it
  // would hold a slot for as long as the first (a stager holds its chunks until the step is
  // stored) and could starve the chunk the step still waits for.
  const held = new Set<number>();
  let stopped = false;

  const readParts = async (m: JsMsg, id: string, parts: number): Promise<Uint8Array[]> => {
    const out: Uint8Array[] = [m.data];
    const window = 8;
    for (let first = 1; first < parts; first += window) {
      const batch = [];
      for (let part = first; part < Math.min(parts, first + window); part++) {
        batch.push(jsm.direct.getMessage(stream, { last_by_subj: partSubject(id, part, m.subject) }).catch(() => null));
      }
      for (const [i, sm] of (await Promise.all(batch)).entries()) {
        const part = first + i;
        if (!sm) throw new ChunkFaultError("missing-part", `part ${part} of ${parts} is not in stream ${stream}`);
        if (sm.header.get(H_ID) !== id || Number(sm.header.get(H_PART)) !== part || Number(sm.header.get(H_PARTS)) !== parts) {
          throw new ChunkFaultError("malformed", `part ${part} of ${parts} carries headers of another chunk or part`);
        }
        out.push(sm.data);
      }
    }
    return out;
  };

  const handle = async (m: JsMsg): Promise<void> => {
    if (held.has(m.seq)) return;
    held.add(m.seq);
    // Keep-alives from arrival on: the ack wait then only runs out for a consumer that died.
    const keepAlive = setInterval(() => {
      if (nc.isClosed()) { clearInterval(keepAlive); return; }
      try { m.working(); } catch { /* reconnecting: the next one may get through */ }
    }, Math.max(100, ackWaitMs / 3));
    const h = m.headers;
    const id = h?.get(H_ID) ?? `seq${m.seq}`;
    let source: number | undefined;
    let step: number | undefined;
    try {
      await slots.acquire();
      let parts = 1;
      let chunk: Chunk;
      let bytes: Uint8Array | undefined;
      try {
        source = intHeader(h, H_SOURCE);
        step = intHeader(h, H_STEP);
        parts = intHeader(h, H_PARTS);
        const size = intHeader(h, H_SIZE);
        const pieces = parts > 1 ? await readParts(m, id, parts) : [m.data];
        bytes = options.buffers ? options.buffers.take(size) : new Uint8Array(size);
        let at = 0;
        for (const piece of pieces) {
          if (at + piece.length > size) throw new ChunkFaultError("malformed", `parts hold more than the ${size} bytes announced`);
          bytes.set(piece, at);
          at += piece.length;
        }
        if (at !== size) throw new ChunkFaultError("malformed", `parts hold ${at} bytes, ${size} announced`);
        const old = h?.get(H_SHA_OLD);
        const sent = h?.get(H_SUM) || (old ? `sha256:${old}` : "");
        const got = checksum(bytes, sent.slice(0, sent.indexOf(":")));
        if (got === undefined) throw new ChunkFaultError("malformed", `checksum '${sent}': not an algorithm this stager knows (crc32, sha256)`);
        if (got !== sent) throw new ChunkFaultError("checksum", `the ${size} bytes have ${got}, the publisher sent ${sent}`);
        chunk = { id, source, step, meta: JSON.parse(h?.get(H_META) || "{}") as object, bytes };
      } catch (e) {
        if (bytes) options.buffers?.give(bytes);
        // A corrupt chunk stays corrupt: drop it (and its parts) loudly rather than loop on it.
        const kind = e instanceof ChunkFaultError ? e.kind : "malformed";
        report({ kind, chunkId: id, source, step, message: (e as Error).message });
        m.term();
        if (parts > 1) await jsm.streams.purge(stream, { filter: `${PART_ROOT}.${id}.*.${m.subject}` }).catch(() => {});
        return;
      }
      try {
        await onChunk(chunk);
      } catch (e) {
        // Not given back: a handler that failed may still hold on to the bytes.
        report({ kind: "handler", chunkId: id, source, step, message: (e as Error).message });
        m.nak(options.retryDelayMs ?? 1000);
        return;
      }
      options.buffers?.give(chunk.bytes);
      if (!(await m.ackAck().catch(() => false))) {
        report({ kind: "ack", chunkId: id, source, step, message: "the acknowledgement was not confirmed: the chunk may be delivered again" });
        return;
      }
      // Acknowledged first, purged second: a crash in between leaves stray parts, never a lost chunk.
      if (parts > 1) await jsm.streams.purge(stream, { filter: `${PART_ROOT}.${id}.*.${m.subject}` }).catch(() => {});
    } finally {
      clearInterval(keepAlive);
      slots.release();
      held.delete(m.seq);
    }
  };

  // One consume() session per consumer incarnation: a repaired consumer gets a new session.
  let messages: ConsumerMessages | undefined;
  const loop = (async () => {
    while (!stopped && !nc.isClosed()) {
      try {
        // No more buffered than can be handled soon: a buffered chunk is one another stager cannot take.
        messages = await (await js.consumers.get(stream, durable)).consume({ max_messages: concurrency });
        if (stopped) messages.stop();
        for await (const m of messages) {
          if (stopped) break;
          const p = handle(m).catch((e) => report({ kind: "handler", chunkId: m.headers?.get(H_ID) ?? `seq${m.seq}`, message: (e as Error).message }));
          handling.add(p);
          void p.finally(() => handling.delete(p));
        }
      } catch {
        // The connection closed under us (what was not acknowledged is redelivered elsewhere), or
        // the consumer is being recreated: try again shortly.
        if (!stopped && !nc.isClosed()) await sleep(250);
      }
    }
  })();
  // After a reconnect the server may have restarted: check for a lost stream sequence.
  void (async () => {
    for await (const status of nc.status()) {
      if (stopped) break;
      if (status.type !== "reconnect") continue;
      if (await repairConsumer(jsm, stream, config).catch(() => false)) {
        repaired();
        messages?.stop();
      }
    }
  })();

  return {
    async stop() {
      stopped = true;
      messages?.stop();
      await loop;
      await Promise.all(handling);
    },
  };
}
