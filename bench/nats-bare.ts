// A bare JetStream work queue over loopback: the reference the NATS pipeline is measured against.
// One publisher (PubAcks pipelined, a window of them outstanding) and one pull consumer acking
// each message, on separate connections, moving fixed-size messages through a file-storage
// work-queue stream, as the chunk stream is. Prints MB/s end to end (first publish to last
// message received) and the publisher's own rate, for each of 3 runs, then the median. No splitting, checksums or headers: what
// JetStream alone costs. Never fails on time.
//   npx tsx bench/nats-bare.ts [TOTAL_MB (1024)] [MESSAGE_KB (1024)] [SECONDS (30)]
// Starts its own nats-server unless NATS_URL names one (the stream 'BENCH_BARE' is recreated there).

import { AckPolicy, DiscardPolicy, jetstream, jetstreamManager, JetStreamApiError, RetentionPolicy, StorageType } from "@nats-io/jetstream";
import { connect } from "../runtime/nats/connect.js";
import { natsServerAvailable, startNatsServer, type NatsServer } from "../test/nats-server.js";

const totalMB = Number(process.argv[2] ?? 1024);
const messageKB = Number(process.argv[3] ?? 1024);
const seconds = Number(process.argv[4] ?? 30);
const size = messageKB * 1024;
const count = Math.max(1, Math.floor((totalMB * 1024 * 1024) / size));
const window = 32;

let server: NatsServer | undefined;
let url = process.env.NATS_URL;
if (!url) {
  if (!natsServerAvailable()) {
    console.log("nats-bare: skipped: nats-server is not installed (apt-get install -y nats-server), and NATS_URL is not set");
    process.exit(0);
  }
  // max_payload must hold a whole message; the server's own limit is 1 MiB by default.
  server = await startNatsServer({ maxPayload: Math.max(1024 * 1024, size + 1024) });
  url = server.url;
}

const runs = 3;

interface RunResult { mb: number; endToEnd: number; publisher: number; fullWaits: number }

async function runOnce(url: string): Promise<RunResult> {
  const pubConn = await connect(url, { name: "bench-bare-pub" });
  const subConn = await connect(url, { name: "bench-bare-sub" });
  const jsm = await jetstreamManager(pubConn);
  const stream = "BENCH_BARE";
  await jsm.streams.delete(stream).catch(() => {});
  await jsm.streams.add({
    name: stream, subjects: ["bench.bare"], retention: RetentionPolicy.Workqueue, storage: StorageType.File,
    discard: DiscardPolicy.New, max_bytes: 1024 * 1024 * 1024,
  });
  await jsm.consumers.add(stream, { durable_name: "bare", ack_policy: AckPolicy.Explicit, ack_wait: 30e9, max_ack_pending: 256 });

  const payload = new Uint8Array(size);
  for (let i = 0; i < size; i++) payload[i] = (i * 2654435761) >>> 24;
  const deadline = Date.now() + seconds * 1000;
  const start = performance.now();

  // Consumer: pull, ack each, count.
  let published = 0;
  let received = 0;
  let lastReceived = start;
  const consumer = await jetstream(subConn).consumers.get(stream, "bare");
  // Bounded in bytes: past 64 MiB unread, nats-server drops the connection as a slow consumer.
  const messages = await consumer.consume({ max_bytes: 16 * 1024 * 1024 });
  const consumed = (async () => {
    for await (const m of messages) {
      m.ack();
      received++;
      lastReceived = performance.now();
    }
  })();

  // Publisher: keep `window` PubAcks outstanding; a full stream (the consumer lagging) waits.
  const js = jetstream(pubConn);
  let fullWaits = 0;
  const inFlight = new Set<Promise<void>>();
  const publishOne = async (): Promise<void> => {
    for (;;) {
      try {
        await js.publish("bench.bare", payload);
        return;
      } catch (e) {
        if (!(e instanceof JetStreamApiError && /maximum bytes/.test(e.message))) throw e;
        fullWaits++;
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  };
  for (let i = 0; i < count && Date.now() < deadline; i++) {
    const p = publishOne().then(() => { published++; });
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    if (inFlight.size >= window) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const publishedAt = performance.now();
  while (received < published) await new Promise((r) => setTimeout(r, 1));
  messages.stop();
  await consumed;

  const mb = (published * size) / 1e6;
  await jsm.streams.delete(stream).catch(() => {});
  await pubConn.close();
  await subConn.close();
  return { mb, endToEnd: mb / ((lastReceived - start) / 1000), publisher: mb / ((publishedAt - start) / 1000), fullWaits };
}

console.log(`bare JetStream work queue over loopback (${server ? "private nats-server" : url}, file storage)`);
console.log(`  ${count} messages of ${messageKB} KiB, window ${window} PubAcks, pull consumer acking each; ${runs} runs`);
const results: RunResult[] = [];
for (let run = 0; run < runs; run++) {
  const r = await runOnce(url);
  results.push(r);
  console.log(`  run ${run + 1}: ${r.mb.toFixed(0)} MB, end to end ${r.endToEnd.toFixed(0)} MB/s, publisher ${r.publisher.toFixed(0)} MB/s (full-stream waits: ${r.fullWaits})`);
}
const sorted = results.map((r) => r.endToEnd).sort((x, y) => x - y);
console.log(`  end to end: median ${sorted[Math.floor(runs / 2)]!.toFixed(0)} MB/s, best ${sorted[runs - 1]!.toFixed(0)} MB/s`);
await server?.stop();
