// Two-phase compilation of global aggregates (spec §8.4).
// In: a checked unit whose params are `= global AGG(expr)`, and its source text. Out: C source
// to append to the file, defining the three phase functions, and the phase graph for the
// manifest:
//   enstage_local(buf, n, partial)  at every source, over one buffer: count, and per global the
//                                   running mean and M2 (Welford), min, max, sum;
//   enstage_merge(acc, partial)     at staging, associative: Chan et al.'s parallel update of
//                                   the moments (no catastrophic cancellation);
//   enstage_finalize(partial, out)  the global values, one double per global param, in order.
// The dependent fragments stay generic modules whose params are bound to the finalized values
// by specialization. Generating C (rather than IR) keeps one code generator and lets the
// aggregated expression be any C the user wrote over the record.

import type { CheckedUnit } from "./check.js";
import { exprChildren, type Declaration, type Expr, type FunctionDef, type GlobalInfo, type Stmt, type Symbol } from "./ast.js";
import type { SourceFile } from "./source.js";
import { typeToString } from "./types.js";
import type { PhaseGraph } from "../runtime/abi.js";

export type { PhaseGraph };

export const PHASES_MARK = "/* enstage: phase functions derived from the global params (spec §8.4) */";

/** The globals of a checked unit, or an empty list. */
export function globalParams(unit: CheckedUnit): { sym: Symbol; info: GlobalInfo }[] {
  // Scalar globals are params; a histogram is a global array (src/check.ts). Source order.
  return [...unit.params, ...unit.globals.filter((g) => g.global && !unit.params.includes(g))]
    .flatMap((sym) => (sym.global?.info ? [{ sym, info: sym.global.info }] : []))
    .sort((a, b) => a.sym.span.start - b.sym.span.start);
}

/** C source for the three phase functions, or undefined when the file has no global param. */
export function phaseSource(unit: CheckedUnit, source: SourceFile): string | undefined {
  const globals = globalParams(unit);
  if (globals.length === 0) return undefined;
  const record = typeToString(globals[0].info.record);
  // One accumulator per distinct expression: `mean(e)` and `stddev(e)` share their moments.
  const accumulators: { text: string; kinds: Set<GlobalInfo["aggregate"]> }[] = [];
  const slot = globals.map(({ info }) => {
    if (info.aggregate === "count") return -1;
    const text = exprText(info, source);
    let i = accumulators.findIndex((a) => a.text === text);
    if (i < 0) i = accumulators.push({ text, kinds: new Set() }) - 1;
    accumulators[i].kinds.add(info.aggregate);
    return i;
  });
  const histogramSteps: string[] = [];
  const fields: string[] = ["long count;"];
  const init: string[] = ["long count = 0;"];
  const step: string[] = ["count++;"];
  const store: string[] = ["out->count = count;"];
  const merge: string[] = [];
  const clear: string[] = [];
  // Histograms count straight into the partial state.
  globals.forEach(({ info }, g) => {
    if (info.aggregate !== "histogram") return;
    const n = info.bins!;
    const x = `x${slot[g]}`;
    fields.push(`long hist${g}[${n}];`);
    clear.push(`for (int k = 0; k < ${n}; k++) out->hist${g}[k] = 0;`);
    const scale = `((double)${n} / ((double)(${info.high}) - (double)(${info.low})))`;
    histogramSteps.push(
      `if (${x} >= (double)(${info.low}) && ${x} < (double)(${info.high})) {`,
      `  long b = (long)((${x} - (double)(${info.low})) * ${scale});`,
      `  out->hist${g}[b < ${n - 1} ? b : ${n - 1}]++;`,
      `}`,
    );
    merge.push(`for (int k = 0; k < ${n}; k++) a->hist${g}[k] += b->hist${g}[k];`);
  });
  accumulators.forEach(({ text, kinds }, i) => {
    const has = (...k: GlobalInfo["aggregate"][]) => k.some((x) => kinds.has(x));
    step.push(`double x${i} = (double)(${text});`);
    if (has("mean", "variance", "stddev")) {
      fields.push(`double mean${i}, m2_${i};`);
      init.push(`double mean${i} = 0, m2_${i} = 0;`);
      step.push(`double d${i} = x${i} - mean${i};`, `mean${i} += d${i} / (double)count;`, `m2_${i} += d${i} * (x${i} - mean${i});`);
      store.push(`out->mean${i} = mean${i};`, `out->m2_${i} = m2_${i};`);
      merge.push(
        `double d${i} = b->mean${i} - a->mean${i};`,
        `a->m2_${i} = a->m2_${i} + b->m2_${i} + d${i} * d${i} * (na * nb / n);`,
        `a->mean${i} = a->mean${i} + d${i} * (nb / n);`,
      );
    }
    if (has("min")) {
      fields.push(`double min${i};`);
      init.push(`double min${i} = __builtin_inf();`);
      step.push(`if (x${i} < min${i}) min${i} = x${i};`);
      store.push(`out->min${i} = min${i};`);
      merge.push(`if (b->min${i} < a->min${i}) a->min${i} = b->min${i};`);
    }
    if (has("max")) {
      fields.push(`double max${i};`);
      init.push(`double max${i} = -__builtin_inf();`);
      step.push(`if (x${i} > max${i}) max${i} = x${i};`);
      store.push(`out->max${i} = max${i};`);
      merge.push(`if (b->max${i} > a->max${i}) a->max${i} = b->max${i};`);
    }
    if (has("sum")) {
      fields.push(`double sum${i};`);
      init.push(`double sum${i} = 0;`);
      step.push(`sum${i} += x${i};`);
      store.push(`out->sum${i} = sum${i};`);
      merge.push(`a->sum${i} += b->sum${i};`);
    }
  });
  let at = 0;
  const fin = globals.map(({ info }, g) => {
    const i = slot[g];
    if (info.aggregate === "histogram") {
      const line = `for (int k = 0; k < ${info.bins}; k++) out[${at} + k] = (double)p->hist${g}[k];`;
      at += info.bins!;
      return line;
    }
    const variance = `(p->count > 0 ? p->m2_${i} / (double)p->count : 0.0)`;
    const value = {
      count: "(double)p->count",
      sum: `p->sum${i}`,
      mean: `p->mean${i}`,
      variance,
      stddev: `__builtin_sqrt(${variance})`,
      min: `p->min${i}`,
      max: `p->max${i}`,
    }[info.aggregate];
    return `out[${at++}] = ${value};`;
  });
  const indent = (lines: string[], n: number) => lines.map((l) => " ".repeat(n) + l).join("\n");
  return `
${PHASES_MARK}
struct enstage_partial {
${indent(fields, 2)}
};

void enstage_local(const ${record} *buf, long n, struct enstage_partial *out) {
${indent(clear, 2)}
${indent(init, 2)}
  for (long i = 0; i < n; i++) {
    const ${record} *enstage_r = &buf[i];
${indent(step, 4)}
${indent(histogramSteps, 4)}
  }
${indent(store, 2)}
}

/* Chan, Golub and LeVeque's pairwise update; the runtime merges in source-id order. */
void enstage_merge(struct enstage_partial *a, const struct enstage_partial *b) {
  if (b->count == 0) return;
  if (a->count == 0) {
    *a = *b;
    return;
  }
  double na = (double)a->count, nb = (double)b->count, n = na + nb;
${indent(merge, 2)}
  (void)n;
  a->count += b->count;
}

void enstage_finalize(const struct enstage_partial *p, double *out) {
${indent(fin, 2)}
}
`;
}

/** The aggregated expression as written, with the record's name replaced by the current record. */
function exprText(info: GlobalInfo, source: SourceFile): string {
  const { exprSpan, recordRefs } = info;
  let text = "";
  let at = exprSpan.start;
  for (const ref of [...recordRefs].sort((a, b) => a.start - b.start)) {
    text += source.text.slice(at, ref.start) + "(*enstage_r)";
    at = ref.end;
  }
  return text + source.text.slice(at, exprSpan.end);
}

/** The phase graph for the manifest. */
export function phaseGraph(unit: CheckedUnit, recordSize: number): PhaseGraph | undefined {
  const globals = globalParams(unit);
  if (globals.length === 0) return undefined;
  return {
    record: typeToString(globals[0].info.record).replace(/^struct /, ""),
    recordSize,
    local: "enstage_local",
    merge: "enstage_merge",
    finalize: "enstage_finalize",
    partial: "enstage_partial",
    globals: globals.map(({ sym, info }) => ({
      param: sym.name,
      aggregate: info.aggregate,
      type: typeToString(sym.type).replace(/^const /, ""),
      ...(info.aggregate === "histogram" ? { length: info.bins!, low: info.low!, high: info.high! } : {}),
    })),
    dependents: dependentFragments(unit),
  };
}

/** Fragments that read a global param, directly or through the functions they call. */
function dependentFragments(unit: CheckedUnit): string[] {
  const byName = new Map(unit.functions.map((f) => [f.sym!.name, f]));
  const reads = new Map<FunctionDef, { globals: boolean; calls: Set<string> }>();
  for (const f of unit.functions) {
    const info = { globals: false, calls: new Set<string>() };
    walkStmt(f.body, (e) => {
      if (e.kind === "ident" && e.sym?.global) info.globals = true;
      if (e.kind === "ident" && e.sym?.kind === "func") info.calls.add(e.sym.name);
    });
    reads.set(f, info);
  }
  const depends = (f: FunctionDef, seen: Set<FunctionDef>): boolean => {
    if (seen.has(f)) return false;
    seen.add(f);
    const r = reads.get(f)!;
    return r.globals || [...r.calls].some((c) => byName.has(c) && depends(byName.get(c)!, seen));
  };
  return unit.fragments.filter((f) => depends(f, new Set())).map((f) => f.sym!.name);
}

function walkStmt(s: Stmt | Declaration, visit: (e: Expr) => void): void {
  const expr = (e: Expr | undefined): void => {
    if (!e) return;
    visit(e);
    if (e.kind === "stmtexpr") walkStmt(e.body, visit);
    else exprChildren(e).forEach(expr);
  };
  switch (s.kind) {
    case "declaration":
      for (const d of s.declarators) for (const f of d.flatInit ?? []) expr(f.expr);
      return;
    case "block":
      return s.items.forEach((i) => walkStmt(i, visit));
    case "expr":
      return expr(s.expr);
    case "if":
      expr(s.cond);
      walkStmt(s.then, visit);
      if (s.else) walkStmt(s.else, visit);
      return;
    case "loop":
      if (s.init) {
        if (s.init.kind === "declaration") walkStmt(s.init, visit);
        else expr(s.init);
      }
      expr(s.cond);
      expr(s.step);
      return walkStmt(s.body, visit);
    case "switch":
      expr(s.expr);
      return walkStmt(s.body, visit);
    case "case":
    case "default":
    case "label":
      return walkStmt(s.body, visit);
    case "return":
      return expr(s.value);
    default:
      return;
  }
}
