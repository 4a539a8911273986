// Pipeline descriptions: what `enstage run` runs.
// In: the text of a JSON pipeline file and its path. Out: a validated `Pipeline`, or a list of
// problems, each naming the bad key (`steps[1].at: expected "source" or "staging"`), so a
// scientist can fix every mistake in one go.
//
//   {
//     "fragments": "subsample.cod",                       the fragment file, relative to this one
//     "steps": [ { "fragment": "energy_histogram", "at": "source", "cap": 1 },
//                { "fragment": "merge_histograms", "at": "staging", "cap": 1 } ],
//     "params": { "xmin": -0.5 },                          values of the file's plain params
//     "placements": [ { "step": 2, "fragment": "bbox", "at": "source" } ],
//                                                          placement changes while it runs
//     "output": "out/subsample.h5",                        HDF5 file, relative to the current
//                                                          directory (default out/NAME.h5)
//     "simulation": { "ranks": 4, "particles": 100000, "seed": 1, "steps": 4, "work": 1 },
//                                                          the built-in synthetic simulation;
//                                                          work: microseconds per particle
//     "runtime": { "slots": 4, "policy": "block", "timeoutMs": 30000, "pulls": 4, "threads": true },
//                                                          pool slots per rank, what a full pool
//                                                          does, pulls in flight, ranks as threads
//     "nats": { "url": "nats://127.0.0.1:4222", "run": "subsample", "maxBytes": 1073741824 }
//   }                                                      across processes (optional): the
//                                                          server, the run's name (default: the
//                                                          pipeline file's), the staging stream's size

import { dirname, resolve } from "node:path";
import type { Step } from "../runtime/operation.js";

export interface Pipeline {
  /** Absolute path of the fragment file. */
  fragments: string;
  steps: Step[];
  params: Record<string, number>;
  placements: { step: number; fragment: string; at: "source" | "staging" }[];
  /** The HDF5 output file as written (relative to the current directory), if given. */
  output?: string;
  simulation: { ranks: number; particles: number; seed: number; steps: number; work: number };
  runtime: { slots: number; policy: "block" | "fail"; timeoutMs: number; pulls: number; threads: boolean };
  /** Across processes on NATS: the server and run name, when the file says. */
  nats?: { url?: string; run?: string; maxBytes?: number };
}

const topKeys = ["fragments", "steps", "params", "placements", "output", "simulation", "runtime", "nats"];

export function parsePipeline(text: string, path: string): { pipeline?: Pipeline; problems: string[] } {
  const problems: string[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { problems: [`not valid JSON: ${(e as Error).message}`] };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { problems: ["the pipeline must be a JSON object"] };
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!topKeys.includes(k)) problems.push(`${k}: unknown key (expected ${topKeys.join(", ")})`);
  if (typeof o.fragments !== "string" || o.fragments === "") problems.push("fragments: expected the path of a fragment file");
  const steps: Step[] = [];
  if (!Array.isArray(o.steps)) problems.push("steps: expected a list of { fragment, at }");
  else {
    o.steps.forEach((s: unknown, i) => {
      const at = `steps[${i}]`;
      if (typeof s !== "object" || s === null) return problems.push(`${at}: expected { fragment, at }`);
      const st = s as Record<string, unknown>;
      for (const k of Object.keys(st)) if (!["fragment", "at", "cap"].includes(k)) problems.push(`${at}.${k}: unknown key (expected fragment, at, cap)`);
      if (typeof st.fragment !== "string") problems.push(`${at}.fragment: expected a fragment name`);
      if (st.at !== "source" && st.at !== "staging") problems.push(`${at}.at: expected "source" or "staging"`);
      if (st.cap !== undefined && !(Number.isInteger(st.cap) && (st.cap as number) > 0)) problems.push(`${at}.cap: expected a positive integer`);
      steps.push({ fragment: String(st.fragment), at: st.at as Step["at"], ...(st.cap !== undefined ? { cap: st.cap as number } : {}) });
    });
    const firstStaging = steps.findIndex((s) => s.at === "staging");
    if (firstStaging >= 0) {
      steps.slice(firstStaging).forEach((s, i) => {
        if (s.at === "source") problems.push(`steps[${firstStaging + i}].at: a source step cannot follow a staging step`);
      });
    }
  }
  const params: Record<string, number> = {};
  if (o.params !== undefined) {
    if (typeof o.params !== "object" || o.params === null || Array.isArray(o.params)) problems.push("params: expected an object of numbers");
    else {
      for (const [k, v] of Object.entries(o.params)) {
        if (typeof v !== "number" || !Number.isFinite(v)) problems.push(`params.${k}: expected a number`);
        else params[k] = v;
      }
    }
  }
  const placements: Pipeline["placements"] = [];
  if (o.placements !== undefined) {
    if (!Array.isArray(o.placements)) problems.push("placements: expected a list of { step, fragment, at }");
    else {
      o.placements.forEach((p: unknown, i) => {
        const at = `placements[${i}]`;
        if (typeof p !== "object" || p === null) return problems.push(`${at}: expected { step, fragment, at }`);
        const pl = p as Record<string, unknown>;
        for (const k of Object.keys(pl)) if (!["step", "fragment", "at"].includes(k)) problems.push(`${at}.${k}: unknown key (expected step, fragment, at)`);
        if (!Number.isInteger(pl.step) || (pl.step as number) < 0) problems.push(`${at}.step: expected a step number (0 or more)`);
        if (typeof pl.fragment !== "string" || !steps.some((s) => s.fragment === pl.fragment)) {
          problems.push(`${at}.fragment: expected one of the steps' fragments (${steps.map((s) => s.fragment).join(", ") || "none"})`);
        }
        if (pl.at !== "source" && pl.at !== "staging") problems.push(`${at}.at: expected "source" or "staging"`);
        placements.push({ step: pl.step as number, fragment: String(pl.fragment), at: pl.at as "source" | "staging" });
      });
    }
  }
  if (o.output !== undefined && (typeof o.output !== "string" || o.output === "")) problems.push("output: expected the path of an HDF5 file");
  const sim = { ranks: 4, particles: 100_000, seed: 1, steps: 4, work: 1 };
  if (o.simulation !== undefined) {
    if (typeof o.simulation !== "object" || o.simulation === null || Array.isArray(o.simulation)) problems.push("simulation: expected { ranks, particles, seed, steps, work }");
    else {
      for (const [k, v] of Object.entries(o.simulation)) {
        if (!(k in sim)) problems.push(`simulation.${k}: unknown key (expected ranks, particles, seed, steps, work)`);
        else if (k === "work") {
          if (typeof v !== "number" || !(v >= 0) || !Number.isFinite(v)) problems.push("simulation.work: expected microseconds per particle (a number, 0 or more)");
          else sim.work = v;
        } else if (!Number.isInteger(v) || (v as number) < (k === "seed" ? 0 : 1)) problems.push(`simulation.${k}: expected a ${k === "seed" ? "non-negative" : "positive"} integer`);
        else sim[k as keyof typeof sim] = v as number;
      }
    }
  }
  const runtime: Pipeline["runtime"] = { slots: 4, policy: "block", timeoutMs: 30_000, pulls: 4, threads: true };
  if (o.runtime !== undefined) {
    if (typeof o.runtime !== "object" || o.runtime === null || Array.isArray(o.runtime)) problems.push("runtime: expected { slots, policy, timeoutMs, pulls, threads }");
    else {
      for (const [k, v] of Object.entries(o.runtime)) {
        if (k === "policy") {
          if (v !== "block" && v !== "fail") problems.push('runtime.policy: expected "block" (wait for a free buffer, up to timeoutMs) or "fail" (refuse the write)');
          else runtime.policy = v;
        } else if (k === "threads") {
          if (typeof v !== "boolean") problems.push("runtime.threads: expected true (ranks as worker threads) or false");
          else runtime.threads = v;
        } else if (k === "slots" || k === "timeoutMs" || k === "pulls") {
          if (!Number.isInteger(v) || (v as number) < 1) problems.push(`runtime.${k}: expected a positive integer`);
          else runtime[k] = v as number;
        } else problems.push(`runtime.${k}: unknown key (expected slots, policy, timeoutMs, pulls, threads)`);
      }
    }
  }
  let nats: Pipeline["nats"];
  if (o.nats !== undefined) {
    if (typeof o.nats !== "object" || o.nats === null || Array.isArray(o.nats)) problems.push("nats: expected { url, run, maxBytes }");
    else {
      nats = {};
      for (const [k, v] of Object.entries(o.nats)) {
        if (k === "url") {
          if (typeof v !== "string" || !/^(nats|tls|ws|wss):\/\//.test(v)) problems.push("nats.url: expected a NATS URL such as nats://127.0.0.1:4222");
          else nats.url = v;
        } else if (k === "run") {
          if (typeof v !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(v)) problems.push("nats.run: expected 1 to 64 letters, digits, '-' or '_'");
          else nats.run = v;
        } else if (k === "maxBytes") {
          if (!Number.isInteger(v) || (v as number) < 1 << 20) problems.push("nats.maxBytes: expected a whole number of bytes, at least 1 MiB");
          else nats.maxBytes = v as number;
        } else problems.push(`nats.${k}: unknown key (expected url, run, maxBytes)`);
      }
    }
  }
  if (problems.length > 0) return { problems };
  return {
    pipeline: {
      fragments: resolve(dirname(path), o.fragments as string),
      steps, params, placements, simulation: sim, runtime,
      ...(typeof o.output === "string" ? { output: o.output } : {}),
      ...(nats ? { nats } : {}),
    },
    problems,
  };
}
