// The type checker: types it decides, conversions it inserts, and the errors it reports
// (asserted by code and position, never wording).
import { describe, expect, it } from "vitest";
import type { Expr, FunctionDef, Stmt } from "../src/ast.js";
import { typeToString, sizeOf, type RecordType } from "../src/types.js";
import { codes, front } from "./helpers.js";

/** The checked expression of `return EXPR;` in the last function of `src`. */

function exprType(decls: string, expr: string): string {
  const r = front(`${decls}\nvoid probe(void) { ${expr}; }`);
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  expect(errors).toEqual([]);
  const fn = r.checked!.functions.at(-1)!;
  const stmt = fn.body.items[0] as Extract<Stmt, { kind: "expr" }>;
  return typeToString(stmt.expr!.type!);
}

describe("expression types follow C's conversions", () => {
  it.each([
    ["char c;", "c + c", "int"],
    ["unsigned char c;", "c + 1", "int"],
    ["unsigned u; int i;", "u + i", "unsigned int"],
    ["long l; unsigned u;", "l + u", "long"],
    ["unsigned long ul; long l;", "ul - l", "unsigned long"],
    ["float f; int i;", "f * i", "float"],
    ["float f; double d;", "f + d", "double"],
    ["int *p;", "p + 1", "int *"],
    ["int *p, *q;", "p - q", "long"],
    ["int a[4];", "a[1]", "int"],
    ["int a[4][5];", "a[1]", "int [5]"],
    ["struct s { int x; char y[3]; } v;", "v.y", "char [3]"],
    ["struct s { int x; } *p;", "p->x", "int"],
    ["int x;", "x < 3", "int"],
    ["double d;", "!d", "int"],
    ["int i;", "i ? 1 : 2.0", "double"],
    ["int *p; void *v;", "1 ? p : v", "void *"],
    ["short s;", "-s", "int"],
    ["short s;", "s++", "short"],
    ["int x;", "(x, 2.5f)", "float"],
    ["int x;", "sizeof x", "unsigned long"],
    ["char c;", "c <<= 2", "char"],
    ["int (*fp)(int);", "fp(3)", "int"],
    ["int f(int);", "f", "int (int)"],
    ["", "'a'", "int"],
    ["", "4000000000", "long"],
    ["", "0xffffffff", "unsigned int"],
    ["", "1u", "unsigned int"],
    ["", "1ULL", "unsigned long long"],
    ["", "\"abc\"", "char [4]"],
    ["enum e { A, B } v;", "v", "enum e"],
  ])("%s %s : %s", (decls, expr, type) => {
    expect(exprType(decls, expr)).toBe(type);
  });
});

describe("conversions are explicit in the checked tree", () => {
  it("inserts implicit casts for the usual arithmetic conversions", () => {
    const r = front("int f(char c, long l) { return c + l; }");
    const ret = r.checked!.functions[0].body.items[0] as Extract<Stmt, { kind: "return" }>;
    // (int)((long)c + l)
    expect(ret.value!.kind).toBe("cast");
    const sum = (ret.value as Extract<Expr, { kind: "cast" }>).operand as Extract<Expr, { kind: "binary" }>;
    expect(sum.left.kind).toBe("cast");
    expect(typeToString(sum.left.type!)).toBe("long");
    expect(typeToString(sum.right.type!)).toBe("long");
  });
  it("lowers a[i] to *(a + i) with a decayed array", () => {
    const r = front("int a[3]; int f(int i) { return a[i]; }");
    const ret = r.checked!.functions[0].body.items[0] as Extract<Stmt, { kind: "return" }>;
    const deref = ret.value as Extract<Expr, { kind: "unary" }>;
    expect(deref.kind).toBe("unary");
    expect(deref.op).toBe("*");
    const add = deref.operand as Extract<Expr, { kind: "binary" }>;
    expect(add.op).toBe("+");
    expect(typeToString(add.left.type!)).toBe("int *");
  });
  it("folds sizeof and enum constants to literals", () => {
    const r = front("enum { K = 7 }; struct s { char c; double d; }; long f(void) { return sizeof(struct s) + K; }");
    expect(r.hasErrors).toBe(false);
  });
});

describe("layout follows the x86-64 ABI", () => {
  const recordOf = (src: string) => {
    const r = front(`${src}\nvoid probe(void) {}`);
    expect(r.hasErrors).toBe(false);
    const decl = r.checked!.unit.items[0];
    if (decl.kind !== "declaration") throw new Error("expected a declaration");
    return decl.declarators[0].sym!.type as RecordType;
  };
  it.each([
    ["struct { char c; int i; } v;", 8],
    ["struct { char c; double d; char e; } v;", 24],
    ["struct { double x, y, z, vx, vy, vz, energy; long id; } v;", 64],
    ["struct { char *p; char c; } v;", 16],
    ["union { char c[5]; int i; } v;", 8],
    ["struct { int a : 3; int b : 5; char c; } v;", 4],
    ["struct { char a; int b : 4; } v;", 4],
    ["struct { long double x; char c; } v;", 32],
    ["struct { char c; struct { short s; } in; } v;", 4],
  ])("%s has size %i", (src, size) => {
    expect(sizeOf(recordOf(src))).toBe(size);
  });
});

describe("initializers", () => {
  const flat = (src: string) => {
    const r = front(src);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const g = r.checked!.globals.find((s) => s.name === "v")!;
    return {
      type: typeToString(g.type),
      stores: (g.flatInit ?? []).map((f) => `${f.offset}:${f.expr.kind === "int" ? f.expr.value : f.expr.kind}`),
    };
  };
  it("takes an incomplete array's length from its initializer", () => {
    expect(flat("int v[] = {1, 2, 3};")).toEqual({ type: "int [3]", stores: ["0:1", "4:2", "8:3"] });
    expect(flat("char v[] = \"hi\";").type).toBe("char [3]");
  });
  it("handles designators and brace elision", () => {
    expect(flat("struct p { int x, y; } v[2] = { 1, 2, 3 };").stores).toEqual(["0:1", "4:2", "8:3"]);
    expect(flat("int v[5] = { [3] = 7, 8 };").stores).toEqual(["12:7", "16:8"]);
    expect(flat("struct p { int x, y; } v = { .y = 5 };").stores).toEqual(["4:5"]);
    expect(flat("int v[2][2] = { {1}, {2, 3} };").stores).toEqual(["0:1", "8:2", "12:3"]);
    expect(flat("int v[6] = { [1 ... 3] = 9 };").stores).toEqual(["4:9", "8:9", "12:9"]);
  });
  it("folds static initializers to constants and address constants", () => {
    const r = flat("int g[4]; int *v = &g[2];");
    expect(r.stores).toEqual(["0:cast"]);
    expect(flat("long v = 3 * 4 + (1 << 4);").stores).toEqual(["0:28"]);
  });
});

describe("errors carry codes and positions", () => {
  it.each([
    ["int main(void) { return y; }", ["1:25 E2001"]],
    ["int x; int x = 1; int x = 2;", ["1:23 E2002"]],
    ["int f(int); double f(int);", ["1:20 E2003"]],
    ["void f(void) { goto out; }", ["1:16 E2004"]],
    ["struct s { int a; }; int f(struct s v) { return v.b; }", ["1:49 E2006"]],
    ["int f(int *p) { return p * 2; }", ["1:24 E3001"]],
    ["struct s { int a; }; void f(void) { struct s v; int i = v; }", ["1:57 E3002"]],
    ["void f(void) { 3 = 4; }", ["1:16 E3003"]],
    ["void f(void) { const int c = 1; c = 2; }", ["1:33 E3004"]],
    ["void f(void) { int i; i(); }", ["1:23 E3005"]],
    ["int g(int, int); void f(void) { g(1); }", ["1:33 E3006"]],
    ["void f(void) { int i; i[0] = 1; }", ["1:23 E3008"]],
    ["void f(void) { int i; i.x = 1; }", ["1:23 E3009"]],
    ["void g(void); int f(void) { return g() + 1; }", ["1:36 E3001"]],
    ["void f(void) { break; }", ["1:16 E4001"]],
    ["void f(void) { continue; }", ["1:16 E4002"]],
    ["void f(int x) { switch (x) { case 1: case 1: break; } }", ["1:38 E2008"]],
    ["void f(int x) { switch (x) { default: default: break; } }", ["1:39 E2009"]],
    ["void f(int x) { case 1: ; }", ["1:17 E4003"]],
    ["void f(void) { return 1; }", ["1:16 E3015"]],
    ["int a[-1];", ["1:7 E3017"]],
    ["void v;", ["1:6 E3024"]],
    ["int f(void) { int x; return x.y + z; }", ["1:29 E3009", "1:35 E2001"]],
  ])("%s", (src, expected) => {
    expect(codes(src)).toEqual(expected);
  });
  it("does not cascade from one bad operand", () => {
    expect(codes("int f(void) { return (undefined_thing + 1) * 2 - 3; }")).toEqual(["1:23 E2001"]);
  });
  it("warns the usual suspects without failing", () => {
    const ws = codes("int f(void) { int unused; double d = 2.5; int i = d; char *p = 5; return g(i) + (p == 0); }", { warnings: true });
    expect(ws).toEqual(["1:19 W0001", "1:51 W0002", "1:64 W0004", "1:74 W0003"]);
  });
  it("accepts a libc call without its header, with its real prototype", () => {
    const r = front("int main(void) { printf(\"%d\\n\", 1); return (int)strlen(\"ab\"); }");
    expect(r.hasErrors).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["W0003", "W0003"]);
  });
});
