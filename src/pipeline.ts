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
//     "simulation": { "ranks": 4, "particles": 100000, "seed": 1 }
//   }

import { dirname, resolve } from "node:path";
import type { Step } from "../runtime/operation.js";

export interface Pipeline {
  /** Absolute path of the fragment file. */
  fragments: string;
  steps: Step[];
  params: Record<string, number>;
  simulation: { ranks: number; particles: number; seed: number };
}

const topKeys = ["fragments", "steps", "params", "simulation"];

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
  const sim = { ranks: 4, particles: 100_000, seed: 1 };
  if (o.simulation !== undefined) {
    if (typeof o.simulation !== "object" || o.simulation === null) problems.push("simulation: expected { ranks, particles, seed }");
    else {
      for (const [k, v] of Object.entries(o.simulation)) {
        if (!(k in sim)) problems.push(`simulation.${k}: unknown key (expected ranks, particles, seed)`);
        else if (!Number.isInteger(v) || (v as number) < (k === "seed" ? 0 : 1)) problems.push(`simulation.${k}: expected a ${k === "seed" ? "non-negative" : "positive"} integer`);
        else sim[k as keyof typeof sim] = v as number;
      }
    }
  }
  if (problems.length > 0) return { problems };
  return { pipeline: { fragments: resolve(dirname(path), o.fragments as string), steps, params, simulation: sim }, problems };
}
