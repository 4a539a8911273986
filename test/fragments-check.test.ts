// Fragment syntax and checking (spec §8): contextual keywords, signatures by kind, params,
// EVPath's queue functions in aggregates; and plain C that uses the same words still compiles.
import { describe, expect, it } from "vitest";
import { typeToString, type FunctionType } from "../src/types.js";
import { codes, front } from "./helpers.js";

const particle = "struct particle { double x, y, z, vx, vy, vz, energy; long id; };\nstruct summary { double energy; long id; };\n";

describe("fragments", () => {
  it("recognizes each kind with its per-record or per-buffer signature", () => {
    const r = front(`${particle}
param double mu;
filter low(const struct particle *p) { return p->energy < mu; }
filter nonempty(const struct particle *buf, long n) { return n > 0; }
transform sum(const struct particle *in, struct summary *out) { out->id = in->id; return 1; }
transform sums(const struct particle *in, long n, struct summary *out, long cap) { return n < cap ? n : cap; }
router side(const struct particle *p) { return p->x < 0; }
aggregate pairs(void) {
  if (EVcount_particle() < 2) return 0;
  struct summary s = { EVdata_particle(0)->energy, 0 };
  EVsubmit_summary(0, &s);
  EVdiscard_particle(0);
  return 1;
}`);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const got = r.checked!.fragments.map((f) => [
      f.sym!.name,
      f.fragment!.kind,
      f.fragment!.perRecord,
      f.fragment!.input ? typeToString(f.fragment!.input) : "-",
      f.fragment!.output ? typeToString(f.fragment!.output) : "-",
      typeToString((f.sym!.type as FunctionType).ret),
    ]);
    expect(got).toEqual([
      ["low", "filter", true, "struct particle", "-", "int"],
      ["nonempty", "filter", false, "struct particle", "-", "int"],
      ["sum", "transform", true, "struct particle", "struct summary", "int"],
      ["sums", "transform", false, "struct particle", "struct summary", "long"],
      ["side", "router", true, "struct particle", "-", "int"],
      ["pairs", "aggregate", false, "-", "-", "int"],
    ]);
    expect(r.checked!.params.map((p) => `${p.name}: ${typeToString(p.type)}`)).toEqual(["mu: const double"]);
  });

  it("leaves C that uses the words as identifiers alone", () => {
    const r = front("int filter(int x) { return 2 * x; }\nint param = 3;\ntypedef int router;\nrouter transform(router r) { return r; }\nint main(void) { return filter(param) + transform(1); }");
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.checked!.fragments).toEqual([]);
    expect(r.checked!.params).toEqual([]);
  });

  it("reports a wrong signature, a non-arithmetic param and a written return type", () => {
    expect(codes(`${particle}filter f(int x) { return 1; }`)).toEqual(["3:8 E3034"]);
    expect(codes(`${particle}router r(const struct particle *p, int n) { return 0; }`)).toEqual(["3:8 E3034"]);
    expect(codes(`${particle}transform t(const struct particle *in, const struct summary *out) { return 1; }`)).toEqual(["3:11 E3034"]);
    expect(codes(`${particle}aggregate a(long n) { return 1; }`)).toEqual(["3:11 E3034"]);
    expect(codes(`${particle}param struct particle p;`)).toEqual(["3:23 E3035"]);
    expect(codes(`${particle}param double mu;\nint f(void) { mu = 2; return 0; }`)).toEqual(["4:15 E3004"]);
  });

  it("knows the queue functions only inside aggregates", () => {
    const r = front(`${particle}long f(void) { return EVcount_particle(); }`);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["W0003"]);
  });
});
