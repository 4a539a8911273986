// One simulation rank as a worker thread: the synthetic simulation writing through its own
// SmartTap, whose link to staging is the thread's parent port.
// In: workerData = { rank: RankSettings, slots }. Out: nothing but protocol messages; a
// failure (say a BackpressureError under the "fail" policy) goes to staging as a `failure`.
// Bundled on its own into dist/sim-worker.mjs: it carries no compiler.

import { parentPort, workerData } from "node:worker_threads";
import { portLink, type ToSource, type ToStager } from "./protocol.js";
import { PARTICLE_SIZE } from "./synthetic.js";
import { simulateRank, type RankSettings } from "./simulation.js";
import { SmartTap } from "./smarttap.js";

const { rank, slots } = workerData as { rank: RankSettings; slots: number };
const link = portLink<ToSource, ToStager>(parentPort!);
const tap = new SmartTap(link, { source: rank.source, slots, slotBytes: Math.max(1, rank.particles * PARTICLE_SIZE) });
simulateRank(tap, rank).then(
  () => process.exit(0),
  (e: Error) => {
    link.send({ type: "failure", source: rank.source, message: `${e.name === "Error" ? "" : `${e.name}: `}${e.message}` });
  },
);
