// The NATS pieces of the cross-process transport against a real nats-server (Debian's 2.9.x):
// chunks on a work-queue stream (split, checksum, dedupe, backpressure, competing consumers, a
// server crash), modules in the Object Store, placement in KV. The server runs with a 64 KiB
// max_payload so that modest chunks exercise the split. Skipped, with a message, when
// nats-server is not installed; CI installs it.

import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { headers } from "@nats-io/transport-node";
import {
  BackpressureError, ChunkPublisher, consumeChunks, ensureChunkStream, publishChunk,
  type Chunk, type ChunkConsumer, type ChunkFault,
} from "../runtime/nats/chunks.js";
import { connect, ConnectError, openJetStream, type JetStreamClient, type NatsConnection } from "../runtime/nats/connect.js";
import { ensureModuleStore, getModule, ModuleStoreError, putModule } from "../runtime/nats/modules.js";
import { ensurePlacementBucket, readPlacement, updatePlacement, watchPlacement, type PlacementEntry } from "../runtime/nats/placement.js";
import { freePort, natsServerAvailable, startNatsServer, type NatsServer } from "./nats-server.js";

const available = natsServerAvailable();
if (!available) console.warn("test/nats.test.ts skipped: nats-server is not installed (apt-get install -y nats-server)");

const KiB = 1024;
const MAX_PAYLOAD = 64 * KiB;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

function makeChunk(id: string, size: number, source = 0, step = 0): Chunk {
  return { id, source, step, meta: { records: size >> 6, tag: id }, bytes: new Uint8Array(randomBytes(size)) };
}

/** Collects what a consumer received, by chunk id. */
function collector() {
  const got = new Map<string, Chunk>();
  const faults: ChunkFault[] = [];
  return {
    got, faults,
    onChunk: async (c: Chunk) => { got.set(c.id, c); },
    onFault: (f: ChunkFault) => { faults.push(f); },
  };
}

async function streamMessages(js: JetStreamClient, stream: string): Promise<number> {
  const jsm = await js.jetstreamManager(false);
  return (await jsm.streams.info(stream)).state.messages;
}

describe.skipIf(!available)("NATS transport (real nats-server)", () => {
  let server: NatsServer;
  let nc: NatsConnection;
  let js: JetStreamClient;
  const extra: NatsConnection[] = [];
  const consumers: ChunkConsumer[] = [];

  beforeAll(async () => {
    server = await startNatsServer({ maxPayload: MAX_PAYLOAD });
    nc = await connect(server.url, { name: "nats.test" });
    js = openJetStream(nc);
  });

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop().catch(() => {})));
    for (const c of [...extra, nc]) await c?.close().catch(() => {});
    await server?.stop();
  });

  it("names the URL when no server answers", async () => {
    const url = `nats://127.0.0.1:${await freePort()}`;
    const err = await connect(url, { name: "nobody", timeoutMs: 1000 }).catch((e) => e);
    expect(err).toBeInstanceOf(ConnectError);
    expect(err.message).toContain(url);
  });

  it("connects with credentials, and names the URL when they are refused", async () => {
    const guarded = await startNatsServer({ config: "authorization { user: stager, password: s3cret }" });
    try {
      const ok = await connect(guarded.url, { name: "auth-ok", user: "stager", pass: "s3cret" });
      await ok.close();
      const err = await connect(guarded.url, { name: "auth-bad", user: "stager", pass: "wrong", maxReconnectAttempts: 0 }).catch((e) => e);
      expect(err).toBeInstanceOf(ConnectError);
      expect(err.message).toContain(guarded.url);
      expect(err.message).toContain("credentials");
    } finally {
      await guarded.stop();
    }
  });

  it("moves chunks, splitting one of 3x max_payload and checking it whole", async () => {
    expect(nc.info?.max_payload).toBe(MAX_PAYLOAD);
    await ensureChunkStream(js, { name: "RT", subjects: ["rt.chunks.>"], maxBytes: 16 * 1024 * KiB });
    const chunks = [makeChunk("small", 100, 0, 1), makeChunk("big", 3 * MAX_PAYLOAD, 1, 1), makeChunk("empty", 0, 2, 1), makeChunk("edge", MAX_PAYLOAD - 400, 3, 1)];
    const published = [];
    for (const c of chunks) published.push(await publishChunk(js, `rt.chunks.${c.source}`, c));
    expect(published.map((p) => p.parts)).toEqual([1, 4, 1, 1]);

    const col = collector();
    consumers.push(await consumeChunks(js, "RT", "stagers", col.onChunk, { onFault: col.onFault }));
    await until("all chunks", () => col.got.size === chunks.length);
    for (const c of chunks) {
      const got = col.got.get(c.id)!;
      expect(got.bytes).toEqual(c.bytes);
      expect([got.source, got.step, got.meta]).toEqual([c.source, c.step, c.meta]);
    }
    expect(col.faults).toEqual([]);
    // Heads acknowledged, tail parts purged: the work queue is empty again.
    await until("an empty stream", async () => (await streamMessages(js, "RT")) === 0);
  });

  it("detects a corrupted part, reports it and drops the chunk", async () => {
    await ensureChunkStream(js, { name: "BAD", subjects: ["bad.chunks"], maxBytes: 16 * 1024 * KiB });
    const chunk = makeChunk("tampered", 3 * MAX_PAYLOAD, 5, 2);
    await publishChunk(js, "bad.chunks", chunk);
    // Replace stored part 2 by a copy with one bit flipped (same subject and headers).
    const jsm = await js.jetstreamManager(false);
    const subject = "_part.tampered.2.bad.chunks";
    const stored = (await jsm.streams.getMessage("BAD", { last_by_subj: subject }))!;
    await jsm.streams.deleteMessage("BAD", stored.seq);
    const h = headers();
    for (const [k, v] of stored.header) if (k !== "Nats-Msg-Id") for (const x of v) h.append(k, x);
    const data = stored.data.slice();
    data[100] ^= 1;
    await js.publish(subject, data, { headers: h });

    const col = collector();
    consumers.push(await consumeChunks(js, "BAD", "stagers", col.onChunk, { onFault: col.onFault }));
    await until("the fault", () => col.faults.length > 0);
    expect(col.got.size).toBe(0);
    expect(col.faults[0]).toMatchObject({ kind: "checksum", chunkId: "tampered", source: 5, step: 2 });
    // Terminated and purged, not redelivered for ever.
    await until("an empty stream", async () => (await streamMessages(js, "BAD")) === 0);
  });

  it("stores a republished chunk id once", async () => {
    await ensureChunkStream(js, { name: "DUP", subjects: ["dup.chunks"], maxBytes: 16 * 1024 * KiB });
    const small = makeChunk("again", 1000);
    const big = makeChunk("again-big", 2 * MAX_PAYLOAD);
    expect((await publishChunk(js, "dup.chunks", small)).duplicate).toBe(false);
    expect((await publishChunk(js, "dup.chunks", big)).duplicate).toBe(false);
    expect((await publishChunk(js, "dup.chunks", small)).duplicate).toBe(true);
    expect((await publishChunk(js, "dup.chunks", big)).duplicate).toBe(true);
    expect(await streamMessages(js, "DUP")).toBe(1 + 3);

    const received: string[] = [];
    consumers.push(await consumeChunks(js, "DUP", "stagers", async (c) => { received.push(c.id); }));
    await until("both chunks", () => received.length === 2);
    await sleep(300);
    expect(received.sort()).toEqual(["again", "again-big"]);
  });

  it("turns a full stream into BackpressureError at the publisher, and recovers once drained", async () => {
    await ensureChunkStream(js, { name: "FULL", subjects: ["full.chunks"], maxBytes: 256 * KiB });
    const publisher = new ChunkPublisher(js);
    let published = 0;
    let error: unknown;
    for (let i = 0; i < 20 && !error; i++) {
      try {
        await publisher.publish("full.chunks", makeChunk(`f${i}`, 60 * KiB));
        published++;
      } catch (e) {
        error = e;
      }
    }
    expect(error).toBeInstanceOf(BackpressureError);
    expect((error as BackpressureError).chunkId).toBe(`f${published}`);
    expect(published).toBeGreaterThanOrEqual(3);
    expect(published).toBeLessThanOrEqual(4);

    // A blocking publisher waits for a stager to make room instead of failing.
    const blocking = new ChunkPublisher(js, { blockMs: 10_000 });
    const late = blocking.publish("full.chunks", makeChunk("late", 60 * KiB));
    const received: string[] = [];
    consumers.push(await consumeChunks(js, "FULL", "stagers", async (c) => { received.push(c.id); await sleep(50); }));
    await late;
    await until("every chunk", () => received.length === published + 1);
    expect(received).toContain("late");
  });

  it("shares chunks between competing consumers, each chunk to one of them", async () => {
    await ensureChunkStream(js, { name: "SHARE", subjects: ["share.chunks"], maxBytes: 16 * 1024 * KiB });
    const ncB = await connect(server.url, { name: "stager-b" });
    extra.push(ncB);
    const byA: string[] = [];
    const byB: string[] = [];
    const slow = (into: string[]) => async (c: Chunk) => { into.push(c.id); await sleep(20); };
    consumers.push(await consumeChunks(js, "SHARE", "stagers", slow(byA)));
    consumers.push(await consumeChunks(openJetStream(ncB), "SHARE", "stagers", slow(byB)));
    const ids = Array.from({ length: 24 }, (_, i) => `s${i}`);
    for (const [i, id] of ids.entries()) await publishChunk(js, "share.chunks", makeChunk(id, i % 3 ? 2000 : 2 * MAX_PAYLOAD, i % 4));
    await until("every chunk", () => byA.length + byB.length >= ids.length);
    await sleep(200);
    expect([...byA, ...byB].sort()).toEqual([...ids].sort());
    expect(byA.length).toBeGreaterThan(0);
    expect(byB.length).toBeGreaterThan(0);
  });

  it("redelivers a dead consumer's unacknowledged chunk to a competing one", async () => {
    await ensureChunkStream(js, { name: "WORK", subjects: ["work.chunks"], maxBytes: 16 * 1024 * KiB });
    // Stager A takes the chunk and dies (its connection closes) before acknowledging it.
    const ncA = await connect(server.url, { name: "stager-a" });
    extra.push(ncA);
    const seenByA: string[] = [];
    await consumeChunks(openJetStream(ncA), "WORK", "stagers", (c) => { seenByA.push(c.id); return new Promise(() => {}); }, { ackWaitMs: 1000 });
    const chunk = makeChunk("orphan", 2 * MAX_PAYLOAD, 7, 3);
    await publishChunk(js, "work.chunks", chunk);
    await until("A to take the chunk", () => seenByA.length === 1);
    // A keeps it alive while it lives: B, started now, does not get it.
    const col = collector();
    consumers.push(await consumeChunks(js, "WORK", "stagers", col.onChunk, { ackWaitMs: 1000, onFault: col.onFault }));
    await sleep(1500);
    expect(col.got.size).toBe(0);
    await ncA.close();
    const died = Date.now();
    await until("B to get the redelivered chunk", () => col.got.size === 1);
    expect(Date.now() - died).toBeLessThan(3000);
    expect(col.got.get("orphan")!.bytes).toEqual(chunk.bytes);
    expect(col.faults).toEqual([]);
    await until("an empty stream", async () => (await streamMessages(js, "WORK")) === 0);
  });

  it("stores modules by hash and refuses tampered ones", async () => {
    const os = await ensureModuleStore(nc, "modules-test");
    const binary = new Uint8Array(randomBytes(100 * KiB));
    const manifest = JSON.stringify({ abi: 1, fragments: [] });
    const hash = await putModule(os, binary, manifest);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const got = await getModule(os, hash);
    expect(got.binary).toEqual(binary);
    expect(got.manifestJson).toBe(manifest);

    await expect(getModule(os, "0".repeat(64))).rejects.toMatchObject({ reason: "missing" });
    // Someone overwrites the object under the same name: the bytes no longer hash to the key.
    const tampered = binary.slice();
    tampered[0] ^= 0xff;
    await os.putBlob({ name: hash, metadata: { "manifest-sha256": "x" } }, tampered);
    const err = await getModule(os, hash).catch((e) => e);
    expect(err).toBeInstanceOf(ModuleStoreError);
    expect(err).toMatchObject({ reason: "mismatch", hash });
  });

  it("updates placement with compare-and-set, retrying a conflict, and watchers see each version", async () => {
    const kv = await ensurePlacementBucket(nc, "placement-test");
    const seen: (PlacementEntry | undefined)[] = [];
    const watch = await watchPlacement(kv, "op1", (e) => seen.push(e));
    await updatePlacement(kv, "op1", () => ({ module: "a".repeat(64), steps: [{ fragment: "f", at: "staging" }] }));

    // Two deploys read version 1 at the same moment; one write conflicts and is retried.
    let calls = 0;
    let release!: () => void;
    const bothRead = new Promise<void>((r) => { release = r; });
    const change = (at: "source" | "staging", fragment: string) => async (cur: any) => {
      calls++;
      if (calls === 2) release();
      await bothRead;
      return { ...cur, steps: [...cur.steps, { fragment, at }] };
    };
    const [r1, r2] = await Promise.all([
      updatePlacement(kv, "op1", change("source", "g")),
      updatePlacement(kv, "op1", change("staging", "h")),
    ]);
    expect(calls).toBe(3);
    expect([r1.placement.version, r2.placement.version].sort()).toEqual([2, 3]);
    const final = (await readPlacement(kv, "op1"))!;
    expect(final.placement.version).toBe(3);
    expect(final.placement.steps.map((s) => s.fragment).sort()).toEqual(["f", "g", "h"]);
    await until("the watcher to see version 3", () => seen.at(-1)?.placement.version === 3);
    expect(seen.map((e) => e?.placement.version)).toEqual([1, 2, 3]);
    watch.stop();
  });

  it("loses nothing when the server is killed and restarted (file storage)", async () => {
    const crashy = await startNatsServer({ maxPayload: MAX_PAYLOAD });
    try {
      const ncC = await connect(crashy.url, { name: "crash-test" });
      extra.push(ncC);
      const jsC = openJetStream(ncC);
      let reconnects = 0;
      void (async () => { for await (const s of ncC.status()) if (s.type === "reconnect") reconnects++; })();
      const crash = async () => {
        const before = reconnects;
        await crashy.kill("SIGKILL");
        await crashy.restart();
        await until("the client to reconnect", () => reconnects > before);
      };
      await ensureChunkStream(jsC, { name: "CRASH", subjects: ["crash.chunks"], maxBytes: 64 * 1024 * KiB });
      const col = collector();
      const sent: Chunk[] = [];
      const send = async (prefix: string, n: number) => {
        for (let i = 0; i < n; i++) {
          const c = makeChunk(`${prefix}${i}`, i % 2 ? 3 * MAX_PAYLOAD : 5000, i, 0);
          await publishChunk(jsC, "crash.chunks", c);
          sent.push(c);
        }
      };

      // A stager runs through a crash that finds the stream empty (nats-server 2.9 then loses
      // the stream's sequence numbers; the consumer must not wait for ever).
      const stager = await consumeChunks(jsC, "CRASH", "stagers", col.onChunk, { onFault: col.onFault });
      await send("a", 3);
      await until("the first chunks", () => col.got.size === 3);
      await until("an empty stream", async () => (await streamMessages(jsC, "CRASH")) === 0);
      await crash();
      await send("b", 3);
      await until("chunks sent after the crash", () => col.got.size === 6);
      await stager.stop();

      // Chunks stored and not yet taken survive a crash.
      await send("c", 4);
      await crash();
      const next = await consumeChunks(jsC, "CRASH", "stagers", col.onChunk, { onFault: col.onFault });
      consumers.push(next);
      await until("every chunk", () => col.got.size === sent.length);
      for (const c of sent) expect(col.got.get(c.id)!.bytes).toEqual(c.bytes);
      expect(col.faults.filter((f) => f.kind !== "stream-reset")).toEqual([]);
      await next.stop();
      await ncC.close();
    } finally {
      await crashy.stop();
    }
  });
});
