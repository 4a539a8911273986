// The commands that run a pipeline across processes on NATS: `enstage stager`, `enstage run
// --nats` (the simulation's ranks) and `enstage deploy` (a new module version or placement while
// the pipeline runs).
// In: a pipeline file (src/pipeline.ts), a NATS URL and credentials, the command's settings.
// Out: the run on NATS (runtime/nats/): a stager prints each step it ran and, when the run is
// stored, the totals; the sources print their write-time share; deploy prints the new version.
// Exit status 0, 1 for a bad pipeline, a module that does not compile, an unreachable server or a
// failed run (every problem named), 2 is left to the caller for usage errors.

import { basename } from "node:path";
import type { Pipeline } from "./pipeline.js";
import { compileFragments, loadPipeline, preparePipeline } from "./run-pipeline.js";
import { specialize } from "./specialize.js";
import type { Step } from "../runtime/operation.js";

export interface NatsSettings {
  url?: string;
  run?: string;
  credsFile?: string;
  user?: string;
  pass?: string;
  token?: string;
}

type Print = (line: string) => void;

/** The server and run: the command line's, else the pipeline file's, else the defaults. */
function resolveNats(s: NatsSettings, pipeline: Pipeline | undefined, pipelinePath: string | undefined) {
  const url = s.url ?? pipeline?.nats?.url ?? process.env.NATS_URL;
  const run = s.run ?? pipeline?.nats?.run ?? (pipelinePath ? basename(pipelinePath).replace(/\.json$/, "").replace(/[^A-Za-z0-9_-]/g, "_") : undefined);
  return { url, run };
}

async function connectTo(s: NatsSettings, url: string, name: string) {
  const { connect } = await import("../runtime/nats/connect.js");
  try {
    return await connect(url, { name, credsFile: s.credsFile, user: s.user, pass: s.pass, token: s.token });
  } catch (e) {
    // A server that accepts the connection but never greets times the client out, and the
    // client (nats.js 3.4) then leaves its socket open: it would keep this process alive for
    // ever after the error is reported. Nothing else runs by then, so end it shortly.
    setTimeout(() => process.exit(process.exitCode ?? 1), 500).unref();
    throw e;
  }
}

async function open(s: NatsSettings, url: string, run: string, name: string, maxBytes?: number) {
  const { openRun } = await import("../runtime/nats/run.js");
  return openRun(await connectTo(s, url, name), run, { maxBytes });
}

export async function stagerCommand(
  path: string, s: NatsSettings & { name?: string; output?: string | null; delayMs?: number; ackWaitMs?: number },
  out: Print, err: Print,
): Promise<number> {
  const prepared = preparePipeline(path, err, "stager");
  if (typeof prepared === "number") return prepared;
  const { pipeline, ...module } = prepared;
  const { url, run } = resolveNats(s, pipeline, path);
  if (!url) {
    err("enstage: stager: no NATS server: give --nats URL (or \"nats\": { \"url\" } in the pipeline, or NATS_URL)");
    return 1;
  }
  const name = s.name ?? `${process.pid}`;
  const outputDir = s.output === undefined ? `out/${run}` : s.output;
  // A stager holds a step's chunks unacknowledged until the step is stored, so the stream must
  // hold at least one step of raw chunks per stager, or the stagers and the sources wait on each
  // other (the sources see it as backpressure that never clears).
  const maxBytes = pipeline.nats?.maxBytes;
  const stepBytes = pipeline.simulation.ranks * pipeline.simulation.particles * 64;
  if (maxBytes !== undefined && maxBytes < 2 * stepBytes) {
    err(`enstage: stager: warning: nats.maxBytes (${maxBytes}) holds less than two steps of raw chunks (${2 * stepBytes} bytes); with fragments at staging this can stall: each stager keeps one step's chunks until that step is stored`);
  }
  let r;
  try {
    r = await open(s, url, run!, `enstage stager ${name}`, pipeline.nats?.maxBytes);
  } catch (e) {
    err(`enstage: stager: ${(e as Error).message}`);
    return 1;
  }
  const { DistributedStager } = await import("../runtime/nats/stager.js");
  const stager = new DistributedStager({
    run: r, name, sources: pipeline.simulation.ranks, steps: pipeline.simulation.steps, params: pipeline.params,
    specialize, outputDir, maxPulls: pipeline.runtime.pulls, delayMs: s.delayMs, ackWaitMs: s.ackWaitMs,
    log: (line) => err(line),
    onStep: (rep) => out(`step ${rep.step}: ${rep.placement.map((p) => `${p.fragment}@${p.at}`).join(", ") || "no fragments"}, version ${rep.version.slice(0, 12)}…, moved ${rep.bytesMoved} bytes, stored ${rep.records} records${rep.faults.length ? `, ${rep.faults.length} fault(s)` : ""}`),
  });
  out(`stager ${name}: run '${run}' on ${url}: ${pipeline.simulation.ranks} sources, ${pipeline.simulation.steps} steps, output ${outputDir ?? "not stored"}`);
  try {
    const summary = await stager.run({ ...module, steps: pipeline.steps });
    const written = summary.steps.reduce((n, x) => n + x.bytesWritten, 0);
    const moved = summary.steps.reduce((n, x) => n + x.bytesMoved, 0);
    const stored = summary.steps.reduce((n, x) => n + x.bytesStored, 0);
    const pct = (n: number) => `${((100 * n) / Math.max(1, written)).toFixed(2)}%`;
    out(`run '${run}' stored: ${summary.steps.length} steps (this stager ran ${summary.mine.length}: ${summary.mine.join(", ") || "none"})`);
    out(`  bytes   written ${written}, moved to staging ${moved} (${pct(moved)}), stored ${stored} (${pct(stored)})`);
    if (summary.refused.length > 0) for (const x of summary.refused) out(`  ${x}`);
    return 0;
  } catch (e) {
    err(`enstage: stager: ${(e as Error).message}`);
    return 1;
  } finally {
    await r.nc.close().catch(() => {});
  }
}

/** Parses "0-3" or "0,2,5" against the pipeline's rank count. */
export function parseRanks(text: string | undefined, ranks: number): number[] | string {
  if (text === undefined) return Array.from({ length: ranks }, (_, i) => i);
  const out = new Set<number>();
  for (const part of text.split(",")) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) return `--ranks '${text}': expected numbers and ranges such as 0-3 or 0,2`;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a || b >= ranks) return `--ranks '${text}': ranks go from 0 to ${ranks - 1} (the pipeline has ${ranks})`;
    for (let i = a; i <= b; i++) out.add(i);
  }
  return [...out].sort((x, y) => x - y);
}

export async function sourcesCommand(path: string, s: NatsSettings & { ranks?: string }, out: Print, err: Print): Promise<number> {
  const pipeline = loadPipeline(path, err, "run");
  if (typeof pipeline === "number") return pipeline;
  const { url, run } = resolveNats(s, pipeline, path);
  if (!url) {
    err("enstage: run: no NATS server: give --nats URL");
    return 1;
  }
  const ranks = parseRanks(s.ranks, pipeline.simulation.ranks);
  if (typeof ranks === "string") {
    err(`enstage: run: ${ranks}`);
    return 1;
  }
  let r;
  try {
    r = await open(s, url, run!, `enstage ranks ${ranks.join(",")}`, pipeline.nats?.maxBytes);
  } catch (e) {
    err(`enstage: run: ${(e as Error).message}`);
    return 1;
  }
  const { runSourcesOverNats } = await import("../runtime/nats/source.js");
  const sim = pipeline.simulation;
  const started = performance.now();
  try {
    const results = await runSourcesOverNats(r, ranks, {
      steps: sim.steps, particles: sim.particles, seed: sim.seed, work: sim.work,
      slots: pipeline.runtime.slots, policy: pipeline.runtime.policy, timeoutMs: pipeline.runtime.timeoutMs,
    });
    const stepMs = results.reduce((n, x) => n + x.stepMs, 0);
    const writeMs = results.reduce((n, x) => n + x.writeMs, 0);
    const runMs = results.reduce((n, x) => n + x.tap.runMs, 0);
    const bytes = results.reduce((n, x) => n + x.tap.bytesWritten, 0);
    out(`ranks ${ranks.join(", ")} of run '${run}': ${sim.steps} steps x ${sim.particles} particles each, ${bytes} bytes written in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    out(`  write time  ${((100 * writeMs) / Math.max(stepMs, 1e-9)).toFixed(2)}% of the step time inside write; fragments run here: ${((100 * runMs) / Math.max(stepMs, 1e-9)).toFixed(2)}% more`);
    return 0;
  } catch (e) {
    err(`enstage: run: ${(e as Error).name === "Error" ? "" : `${(e as Error).name}: `}${(e as Error).message}`);
    return 1;
  } finally {
    await r.nc.close().catch(() => {});
  }
}

/** `--place FRAGMENT=source|staging`, applied to the running placement's steps. */
export function applyPlacements(steps: Step[], places: string[]): Step[] | string {
  let next = steps.map((s) => ({ ...s }));
  for (const p of places) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(source|staging)$/.exec(p);
    if (!m) return `--place '${p}': expected FRAGMENT=source or FRAGMENT=staging`;
    if (!next.some((s) => s.fragment === m[1])) return `--place '${p}': '${m[1]}' is not a step of the run (${next.map((s) => s.fragment).join(", ") || "none"})`;
    next = next.map((s) => (s.fragment === m[1] ? { ...s, at: m[2] as Step["at"] } : s));
  }
  const first = next.findIndex((s) => s.at === "staging");
  const bad = first >= 0 ? next.slice(first).find((s) => s.at === "source") : undefined;
  if (bad) return `'${bad.fragment}' cannot run at the source after '${next[first].fragment}' ran at staging: data only moves toward staging`;
  return next;
}

export async function deployCommand(
  file: string | undefined, s: NatsSettings & { place: string[] }, out: Print, err: Print,
): Promise<number> {
  const { url, run } = resolveNats(s, undefined, undefined);
  if (!url || !run) {
    err("enstage: deploy: give --nats URL and --run NAME (the run to change)");
    return 1;
  }
  const module = file === undefined ? undefined : compileFragments(file, err, "enstage: deploy");
  if (file !== undefined && !module) return 1;
  // Only the shared buckets: opening the run would create its streams, for a mistyped name too.
  const { ensureModuleStore, putModule } = await import("../runtime/nats/modules.js");
  const { ensurePlacementBucket, readPlacement, updatePlacement } = await import("../runtime/nats/placement.js");
  let r;
  try {
    (await import("../runtime/nats/run.js")).runNames(run);
    const nc = await connectTo(s, url, "enstage deploy");
    try {
      r = { nc, placement: await ensurePlacementBucket(nc), modules: await ensureModuleStore(nc) };
    } catch (e) {
      await nc.close().catch(() => {});
      throw e;
    }
  } catch (e) {
    err(`enstage: deploy: ${(e as Error).message}`);
    return 1;
  }
  try {
    const current = await readPlacement(r.placement, run);
    if (!current) {
      err(`enstage: deploy: run '${run}' has no placement yet: start a stager for it first`);
      return 1;
    }
    const hash = module ? await putModule(r.modules, module.binary, JSON.stringify(module.manifest)) : current.placement.module;
    const steps = applyPlacements(current.placement.steps, s.place);
    if (typeof steps === "string") {
      err(`enstage: deploy: ${steps}`);
      return 1;
    }
    const started = Date.now();
    const entry = await updatePlacement(r.placement, run, () => ({ module: hash, steps }));
    out(`run '${run}': placement version ${entry.placement.version}: module ${hash.slice(0, 12)}…, ${steps.map((x) => `${x.fragment}@${x.at}`).join(", ")} (published at ${new Date(started).toISOString()})`);
    return 0;
  } catch (e) {
    err(`enstage: deploy: ${(e as Error).message}`);
    return 1;
  } finally {
    await r.nc.close().catch(() => {});
  }
}
