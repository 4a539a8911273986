// The AST builder: operator precedence and associativity, every literal form decoded (and every
// bad one reported by code and position), declarators nested as src/ast.ts says, the early
// desugarings (loops, `->`, offsetof, va_arg, `?:`), spans, and placeholders after syntax errors.
import { describe, expect, it } from "vitest";
import type { Declaration, Declarator, Expr, FunctionDef, Initializer, Stmt, TranslationUnit, TypeName } from "../src/ast.js";
import { buildAst } from "../src/build-ast.js";
import { Diagnostics } from "../src/diagnostics.js";
import { lex } from "../src/lex.js";
import { parse } from "../src/parse.js";
import { preprocess } from "../src/preprocess.js";
import { SourceFile } from "../src/source.js";

function build(text: string): { unit: TranslationUnit; errors: string[] } {
  const diags = new Diagnostics();
  const source = new SourceFile("t.c", text);
  const tokens = preprocess(lex(source, diags), source, diags, {});
  const unit = buildAst(parse(tokens, diags, "t.c"), source, diags);
  return { unit, errors: diags.list.map((d) => `${d.span.line}:${d.span.col} ${d.code}`) };
}

/** Lisp-like rendering of an expression: `(+ a (* b c))`. */
function show(e: Expr | undefined): string {
  if (!e) return "_";
  switch (e.kind) {
    case "int":
      return `${e.value}${e.suffix}`;
    case "float":
      return `${e.value}${e.suffix ? e.suffix : ""}`;
    case "string":
      return JSON.stringify(new TextDecoder().decode(e.bytes));
    case "ident":
      return e.name;
    case "unary":
      return `(${e.op} ${show(e.operand)})`;
    case "incdec":
      return `(${e.prefix ? "pre" : "post"}${e.op} ${show(e.operand)})`;
    case "binary":
    case "assign":
      return e.kind === "binary" ? `(${e.op} ${show(e.left)} ${show(e.right)})` : `(${e.op} ${show(e.target)} ${show(e.value)})`;
    case "cond":
      return `(? ${show(e.cond)} ${show(e.then)} ${show(e.else)})`;
    case "call":
      return `(call ${show(e.callee)}${e.args.map((a) => " " + show(a)).join("")})`;
    case "index":
      return `(index ${show(e.base)} ${show(e.index)})`;
    case "member":
      return `(${e.arrow ? "->" : "."} ${show(e.base)} ${e.name})`;
    case "cast":
      return `(cast ${typeName(e.typeName)} ${show(e.operand)})`;
    case "sizeof":
    case "alignof":
      return `(${e.kind} ${e.typeName ? typeName(e.typeName) : show(e.operand)})`;
    case "compound":
      return `(compound ${typeName(e.typeName)} ${init(e.init)})`;
    case "stmtexpr":
      return `({ ${e.body.items.length} items })`;
  }
}

/** A type name as `words declarator`: `int *`, `struct P`, `T (*)(int)`. */
function typeName(t: TypeName | undefined): string {
  if (!t) return "?";
  const ts = t.specs.type;
  const base =
    ts?.kind === "builtin" ? ts.words.join(" ") : ts?.kind === "typedefName" ? ts.name : ts?.kind === "record" ? `struct ${ts.tag}` : ts?.kind ?? "implicit";
  const d = decl(t.declarator);
  return d ? `${base} ${d}` : base;
}

/**
 * A declarator, outermost first, which is the order its parts apply to the base type:
 * `int *[3]a` is int, pointer to it, array of 3 of those: `int *a[3]`.
 */
function decl(d: Declarator): string {
  switch (d.kind) {
    case "name":
      return d.name ?? "";
    case "pointer":
      return `*${d.const ? "const " : ""}${decl(d.inner)}`;
    case "array":
      return `[${d.size ? show(d.size) : ""}]${decl(d.inner)}`;
    case "function":
      return `(${d.params.map((p) => typeName(p)).join(", ")}${d.variadic ? ", ..." : ""})${decl(d.inner)}`;
  }
}

function init(i: Initializer | undefined): string {
  if (!i) return "_";
  if (i.kind === "expr") return show(i.expr);
  const items = i.items.map((it) => {
    const des = it.designators.map((d) => (d.kind === "field" ? `.${d.name}` : `[${show(d.index)}${d.last ? ` ... ${show(d.last)}` : ""}]`));
    return `${des.join("")}${des.length ? "=" : ""}${init(it.init)}`;
  });
  return `{${items.join(", ")}}`;
}

/** The initializer of the last declarator of the last file-scope declaration, shown. */
function value(text: string): string {
  const { unit, errors } = build(text);
  expect(errors).toEqual([]);
  const d = unit.items[unit.items.length - 1] as Declaration;
  return init(d.declarators[d.declarators.length - 1].init);
}

/** The statements of the body of the last function. */
function body(text: string): Stmt[] {
  const { unit, errors } = build(text);
  expect(errors).toEqual([]);
  const f = unit.items.filter((i) => i.kind === "function").pop() as FunctionDef;
  return f.body.items as Stmt[];
}

describe("expressions", () => {
  const cases: [string, string][] = [
    ["a + b * c", "(+ a (* b c))"],
    ["a - b - c", "(- (- a b) c)"],
    ["a * b + c * d", "(+ (* a b) (* c d))"],
    ["a || b && c | d ^ e & f == g < h << i + j * k", "(|| a (&& b (| c (^ d (& e (== f (< g (<< h (+ i (* j k))))))))))"],
    ["a * b / c % d << 1 >> 2", "(>> (<< (% (/ (* a b) c) d) 1) 2)"],
    ["a < b == c > d != e", "(!= (== (< a b) (> c d)) e)"],
    ["a == b < c", "(== a (< b c))"],
    ["a & b == c", "(& a (== b c))"],
    ["a + b << c - d", "(<< (+ a b) (- c d))"],
    ["a = b = c += 2", "(= a (= b (+= c 2)))"],
    ["a ? b : c ? d : e", "(? a b (? c d e))"],
    ["a || b ? c , d : e", "(? (|| a b) (, c d) e)"],
    ["a = 1, b = 2, c", "(, (, (= a 1) (= b 2)) c)"],
    ["*p++", "(* (post++ p))"],
    ["++*p", "(pre++ (* p))"],
    ["-x[1]", "(- (index x 1))"],
    ["&a.b->c", "(& (-> (. a b) c))"],
    ["!f(1, g(2))(3)", "(! (call (call f 1 (call g 2)) 3))"],
    ["- -x - -1", "(- (- (- x)) (- 1))"],
    ["~x + +y", "(+ (~ x) (+ y))"],
    ["sizeof x + 1", "(+ (sizeof x) 1)"],
    ["sizeof(int) * 2", "(* (sizeof int) 2)"],
    ["sizeof (x) * 2", "(* (sizeof x) 2)"],
    ["sizeof(int (*)[3])", "(sizeof int [3]*)"],
    ["_Alignof(double)", "(alignof double)"],
    ["(int)x + 1", "(+ (cast int x) 1)"],
    ["(char *)p - (long)-1", "(- (cast char * p) (cast long (- 1)))"],
    ["(int (*)(int))f", "(cast int (int)* f)"],
    ["(unsigned long)(a + b)", "(cast unsigned long (+ a b))"],
    ['"x" "yz"', '"xyz"'],
  ];
  it.each(cases)("%s", (src, expected) => {
    const { unit, errors } = build(`int a, b, c, d, e, f, g, h, i, j, k, x[2], *p; int test(void) { return ${src}; }`);
    expect(errors.filter((e) => !e.endsWith("E1001"))).toEqual([]);
    const ret = (unit.items[1] as FunctionDef).body.items[0] as Extract<Stmt, { kind: "return" }>;
    expect(show(ret.value)).toBe(expected);
  });

  it("builds compound literals, with postfix operators applied to them", () => {
    expect(value("struct P { int x, y; }; int v = (struct P){1, 2}.y;")).toBe("(. (compound struct P {1, 2}) y)");
    expect(value("int *p = (int[]){1, 2, 3};")).toBe("(compound int [] {1, 2, 3})");
    expect(value("unsigned long n = sizeof (int[]){1, 2};")).toBe("(sizeof (compound int [] {1, 2}))");
  });

  it("lowers __builtin_va_arg(ap, T) to a cast of the va_arg call to T", () => {
    const [ret] = body("int f(__builtin_va_list ap) { return __builtin_va_arg(ap, unsigned char *)[0]; }");
    expect(show((ret as Extract<Stmt, { kind: "return" }>).value)).toBe("(index (cast unsigned char * (call __builtin_va_arg ap)) 0)");
  });

  it("lowers __builtin_offsetof(T, m.d[i]) to (unsigned long)&((T *)0)->m.d[i]", () => {
    expect(value("struct S { int a; struct { char c[4]; } m; }; unsigned long o = __builtin_offsetof(struct S, m.c[2]);")).toBe(
      "(cast unsigned long (& (index (. (-> (cast struct S * 0) m) c) 2)))",
    );
    // The pointer goes innermost, so an array type stays an array: pointer to int[3].
    expect(value("typedef int A[3]; unsigned long o = __builtin_offsetof(struct { A a; }, a);")).toMatch(/^\(cast unsigned long \(& \(-> \(cast/);
  });

  it("lowers GNU a ?: b to a statement expression that evaluates a once", () => {
    const [ret] = body("int g(void); int f(int b) { return g() ?: b; }");
    const e = (ret as Extract<Stmt, { kind: "return" }>).value!;
    expect(e.kind).toBe("stmtexpr");
    const items = (e as Extract<Expr, { kind: "stmtexpr" }>).body.items;
    const tmp = items[0] as Declaration;
    expect(tmp.specs.type).toMatchObject({ kind: "typeof", expr: { kind: "call" } });
    expect(show(tmp.declarators[0].init && (tmp.declarators[0].init as { expr: Expr }).expr)).toBe("(call g)");
    expect(show((items[1] as Extract<Stmt, { kind: "expr" }>).expr)).toBe("(? __elvis1 __elvis1 b)");
  });

  it("builds a statement expression from its block", () => {
    const [decl] = body("int f(int a) { int b = ({ int t = a; t * 2; }); return b; }");
    const e = ((decl as unknown as Declaration).declarators[0].init as { expr: Expr }).expr;
    expect(e.kind).toBe("stmtexpr");
    expect((e as Extract<Expr, { kind: "stmtexpr" }>).body.items.map((i) => i.kind)).toEqual(["declaration", "expr"]);
  });
});

describe("literals", () => {
  const ints: [string, bigint, string, number][] = [
    ["0", 0n, "", 8],
    ["42", 42n, "", 10],
    ["0x1F", 31n, "", 16],
    ["0XffU", 255n, "u", 16],
    ["017", 15n, "", 8],
    ["0b101", 5n, "", 2],
    ["10u", 10n, "u", 10],
    ["10UL", 10n, "ul", 10],
    ["10lu", 10n, "ul", 10],
    ["7L", 7n, "l", 10],
    ["3ll", 3n, "ll", 10],
    ["3LL", 3n, "ll", 10],
    ["7LLU", 7n, "ull", 10],
    ["7uLL", 7n, "ull", 10],
    ["18446744073709551615", 18446744073709551615n, "", 10],
    ["0xFFFFFFFFFFFFFFFFull", 18446744073709551615n, "ull", 16],
  ];
  it.each(ints)("integer %s", (text, v, suffix, radix) => {
    const { unit, errors } = build(`unsigned long long x = ${text};`);
    expect(errors).toEqual([]);
    const e = ((unit.items[0] as Declaration).declarators[0].init as { expr: Expr }).expr;
    expect(e).toMatchObject({ kind: "int", value: v, suffix, radix });
  });

  it.each(["09", "0x", "0b", "12abc", "1lL", "0b102", "1uu", "99999999999999999999"])("reports the bad integer %s at its position", (text) => {
    const { errors } = build(`int x =\n  ${text};`);
    expect(errors).toEqual(["2:3 E0005"]);
  });

  const floats: [string, number, string][] = [
    ["1.5", 1.5, ""],
    [".5", 0.5, ""],
    ["1.", 1, ""],
    ["1e10", 1e10, ""],
    ["2.5e-3f", 0.0025, "f"],
    ["1.0L", 1, "l"],
    ["0x1.8p3", 12, ""],
    ["0x1p-2f", 0.25, "f"],
    ["0x.8p1", 1, ""],
    ["0x1p-1074", 5e-324, ""],
  ];
  it.each(floats)("float %s", (text, v, suffix) => {
    const { unit, errors } = build(`double x = ${text};`);
    expect(errors).toEqual([]);
    expect(((unit.items[0] as Declaration).declarators[0].init as { expr: Expr }).expr).toMatchObject({ kind: "float", value: v, suffix });
  });

  const chars: [string, bigint][] = [
    ["'a'", 97n],
    ["'\\n'", 10n],
    ["'\\t'", 9n],
    ["'\\0'", 0n],
    ["'\\''", 39n],
    ["'\"'", 34n],
    ["'\\\\'", 92n],
    ["'\\?'", 63n],
    ["'\\a'", 7n],
    ["'\\e'", 27n],
    ["'\\x41'", 65n],
    ["'\\101'", 65n],
    ["'\\xff'", -1n],
    ["'\\377'", -1n],
    ["'\\200'", -128n],
    ["'ab'", 0x6162n],
    ["'abcd'", 0x61626364n],
    ["'\\xff\\xff\\xff\\xff'", -1n],
    ["L'\\xff'", 255n],
    ["L'é'", 0xe9n],
  ];
  it.each(chars)("character %s", (text, v) => {
    const { unit, errors } = build(`int x = ${text};`);
    expect(errors).toEqual([]);
    expect(((unit.items[0] as Declaration).declarators[0].init as { expr: Expr }).expr).toEqual({
      kind: "int",
      value: v,
      suffix: "",
      radix: 10,
      isChar: true,
      span: expect.anything(),
    });
  });

  it("reports an empty character literal, and a bad escape at its backslash", () => {
    expect(build("int x = '';").errors).toEqual(["1:9 E0006"]);
    expect(build("int x = '\\q';\nchar *s = \"a\\qb\" L\"\\x\";").errors).toEqual(["1:10 E0004", "2:13 E0004", "2:18 E3033", "2:20 E0004"]);
    // Made by a macro, the literal has the position of the macro use: the escape cannot be located.
    expect(build("#define S \"ab\\q\"\nchar *s = S;").errors).toEqual(["2:11 E0004"]);
  });

  it("decodes strings to UTF-8 bytes and joins adjacent literals", () => {
    const bytes = (text: string) => {
      const { unit, errors } = build(`char *s = ${text};`);
      expect(errors).toEqual([]);
      const e = ((unit.items[0] as Declaration).declarators[0].init as { expr: Expr }).expr;
      expect(e.kind).toBe("string");
      return [...(e as Extract<Expr, { kind: "string" }>).bytes];
    };
    expect(bytes('"a" "b" "c"')).toEqual([97, 98, 99]);
    expect(bytes('"\\x41\\101\\n\\0"')).toEqual([65, 65, 10, 0]);
    expect(bytes('"\\xff\\377"')).toEqual([255, 255]);
    expect(bytes('"é€"')).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac]);
    expect(bytes('"\\u00e9"')).toEqual([0xc3, 0xa9]);
    expect(bytes('u8"x" "y"')).toEqual([120, 121]);
    expect(bytes('""')).toEqual([]);
    expect(bytes('"\\x41" "1"')).toEqual([65, 49]); // the escape ends with its literal
  });
});

describe("declarations", () => {
  function declarators(text: string): string[] {
    const { unit, errors } = build(text);
    expect(errors).toEqual([]);
    return (unit.items as Declaration[]).flatMap((d) => d.declarators.map((i) => decl(i.declarator)));
  }

  it("nests declarators outside-in: pointers, then suffixes last to first, then the inner declarator", () => {
    expect(declarators("int *a[3]; int (*b)[3]; int **c; int d[2][3]; int * const e;")).toEqual(["*[3]a", "[3]*b", "**c", "[3][2]d", "*const e"]);
    expect(declarators("int (*fp)(int, char *); int (*tab[4])(void); void (*signal(int, void (*)(int)))(int);")).toEqual([
      "(int, char *)*fp",
      "(void)*[4]tab",
      "(int)*(int, void (int)*)signal",
    ]);
  });

  it("keeps parameter lists as written and marks variadic, unprototyped and K&R ones", () => {
    const { unit } = build("int f(void); int g(); int h(int a, ...); int k(a, b) int a; char b; { return a + b; }");
    const fn = (i: number) => {
      const item = unit.items[i];
      return (item.kind === "function" ? item.declarator : item.declarators[0].declarator) as Extract<Declarator, { kind: "function" }>;
    };
    expect([fn(0).params.length, fn(0).unprototyped, fn(0).variadic]).toEqual([1, false, false]);
    expect([fn(1).params.length, fn(1).unprototyped]).toEqual([0, true]);
    expect([fn(2).params.map((p) => decl(p.declarator)), fn(2).variadic]).toEqual([["a"], true]);
    expect(fn(3).oldStyleNames?.map((n) => n.name)).toEqual(["a", "b"]);
    expect((unit.items[3] as FunctionDef).oldStyleDecls.map((d) => decl(d.declarators[0].declarator))).toEqual(["a", "b"]);
  });

  it("folds specifiers written in any order", () => {
    const { unit, errors } = build("const int static a; long unsigned int b; typedef unsigned T; register T c; inline static void f(void) {} x;");
    expect(errors).toEqual([]);
    const specs = unit.items.map((i) => i.specs);
    expect(specs[0]).toMatchObject({ storage: "static", const: true, type: { kind: "builtin", words: ["int"] } });
    expect(specs[1].type).toMatchObject({ words: ["long", "unsigned", "int"] });
    expect(specs[3]).toMatchObject({ storage: "register", type: { kind: "typedefName", name: "T" } });
    expect(specs[4]).toMatchObject({ storage: "static", inline: true });
    expect(specs[5].type).toBeUndefined(); // implicit int
  });

  it("reports two storage classes and two kinds of type specifier", () => {
    expect(build("static extern int a;").errors).toEqual(["1:8 E2014"]);
    expect(build("typedef int T; T int b;").errors).toEqual(["1:18 E2013"]);
  });

  it("builds structs with bit-fields, unnamed and anonymous members, and attributes", () => {
    const { unit, errors } = build(
      "struct __attribute__((packed)) S { int a : 3; int : 0; struct { int x; }; char *p __attribute__((aligned(8))); } s;\n" +
        "struct T { char c; } __attribute__((aligned(16), packed)); int v __attribute__((aligned(2 * 4)));",
    );
    expect(errors).toEqual([]);
    const s = (unit.items[0] as Declaration).specs.type as Extract<NonNullable<Declaration["specs"]["type"]>, { kind: "record" }>;
    expect(s).toMatchObject({ kind: "record", union: false, tag: "S", packed: true });
    expect(s.fields!.map((f) => f.declarators.map((d) => `${d.declarator ? decl(d.declarator) : "-"}${d.bitWidth ? ":" + show(d.bitWidth) : ""}`))).toEqual([
      ["a:3"],
      ["-:0"],
      [],
      ["*p"],
    ]);
    expect(s.fields![3].specs.aligned).toBe(8); // an attribute after a member's declarator applies to the member
    const t = (unit.items[1] as Declaration).specs.type;
    expect(t).toMatchObject({ kind: "record", tag: "T", packed: true, aligned: 16 });
    expect((unit.items[2] as Declaration).specs.aligned).toBe(8);
  });

  it("gives a declaration without declarators none, and an anonymous member no declarator", () => {
    const { unit, errors } = build("struct S { int a; struct { int b; }; }; enum E { A }; int;");
    expect(errors).toEqual([]);
    expect(unit.items.map((i) => (i as Declaration).declarators.length)).toEqual([0, 0, 0]);
    const s = (unit.items[0] as Declaration).specs.type as Extract<NonNullable<Declaration["specs"]["type"]>, { kind: "record" }>;
    expect(s.fields!.map((f) => f.declarators.length)).toEqual([1, 0]);
  });

  it("builds enums with values and a trailing comma", () => {
    const { unit } = build("enum color { RED, GREEN = 5, BLUE = GREEN << 1, };");
    const e = (unit.items[0] as Declaration).specs.type as Extract<NonNullable<Declaration["specs"]["type"]>, { kind: "enum" }>;
    expect(e.items!.map((i) => `${i.name}=${show(i.value)}`)).toEqual(["RED=_", "GREEN=5", "BLUE=(<< GREEN 1)"]);
  });

  it("builds initializers with nesting, designators, GNU ranges and old-style field labels", () => {
    expect(value("struct P { int x, y; } p[4] = { [0] = { .y = 2, .x = 1 }, [1 ... 2] = { 3 }, { 4, 5, }, };")).toBe(
      "{[0]={.y=2, .x=1}, [1 ... 2]={3}, {4, 5}}",
    );
    expect(value("struct Q { struct { int a[3]; } in; } q = { .in.a[1] = 7, x: 1 };")).toBe("{.in.a[1]=7, .x=1}");
    expect(value("int z[2] = {};")).toBe("{}");
  });

  it("drops _Static_assert and file-scope asm, and keeps __typeof__", () => {
    const { unit, errors } = build('_Static_assert(1, "x"); __asm__("nop"); int a; __typeof__(a) b; __typeof__(int *) c;');
    expect(errors).toEqual([]);
    expect(unit.items.map((i) => i.specs.type?.kind)).toEqual(["builtin", "typeof", "typeof"]);
    expect((unit.items[1] as Declaration).specs.type).toMatchObject({ expr: { kind: "ident", name: "a" } });
    expect((unit.items[2] as Declaration).specs.type).toMatchObject({ typeName: { declarator: { kind: "pointer" } } });
  });
});

describe("statements", () => {
  it("makes while, do and for one loop form", () => {
    const [w, d, f, g] = body("void f(int n) { while (n) n--; do n++; while (n < 3); for (int i = 0; i < n; i++) ; for (;;) break; }");
    expect(w).toMatchObject({ kind: "loop", test: "before", cond: { kind: "ident", name: "n" } });
    expect(w).not.toHaveProperty("init");
    expect(d).toMatchObject({ kind: "loop", test: "after", body: { kind: "expr" } });
    expect(f).toMatchObject({ kind: "loop", test: "before", init: { kind: "declaration" }, cond: { kind: "binary", op: "<" }, step: { kind: "incdec" } });
    expect(g).toMatchObject({ kind: "loop", test: "before", body: { kind: "break" } });
    expect(g).not.toHaveProperty("cond");
  });

  it("binds else to the nearest if", () => {
    const [s] = body("void f(int a, int b) { if (a) if (b) a = 1; else a = 2; }");
    expect(s).toMatchObject({ kind: "if", then: { kind: "if", else: { kind: "expr" } } });
    expect(s).not.toHaveProperty("else");
  });

  it("builds switch bodies with cases, GNU case ranges and default", () => {
    const [s] = body("int f(int c) { switch (c) { case 1: return 1; case 2 ... 5: case 'a': return 2; default: return 0; } }");
    const items = ((s as Extract<Stmt, { kind: "switch" }>).body as Extract<Stmt, { kind: "block" }>).items as Stmt[];
    expect(items.map((i) => (i.kind === "case" ? `case ${show(i.value)}${i.last ? ".." + show(i.last) : ""}` : i.kind))).toEqual([
      "case 1",
      "case 2..5",
      "default",
    ]);
    expect((items[1] as Extract<Stmt, { kind: "case" }>).body).toMatchObject({ kind: "case", value: { value: 97n, isChar: true } });
  });

  it("puts a declaration after a label as the next item of the block", () => {
    const items = body("void f(void) { goto L; L: int x = 1; M: ; x++; end: }");
    expect(items.map((i) => i.kind)).toEqual(["goto", "label", "declaration", "label", "expr", "label"]);
    expect(items[1]).toMatchObject({ label: "L", body: { kind: "expr" } });
    expect(items[5]).toMatchObject({ label: "end", body: { kind: "expr" } });
  });

  it("keeps asm statements and attribute statements as empty statements", () => {
    const items = body('void f(int c) { __asm__ volatile("" : : "r"(c) : "memory"); __attribute__((fallthrough)); }');
    expect(items).toMatchObject([{ kind: "expr" }, { kind: "expr" }]);
    expect(items.every((i) => i.kind === "expr" && i.expr === undefined)).toBe(true);
  });

  it("reports a nested function at its name and keeps it as a declaration", () => {
    const { unit, errors } = build("int main(void) {\n  int inner(int x) { return x + 1; }\n  return inner(2);\n}");
    expect(errors).toEqual(["2:7 E4005"]);
    const [decl] = (unit.items[0] as FunctionDef).body.items;
    expect(decl).toMatchObject({ kind: "declaration", declarators: [{ declarator: { kind: "function", inner: { name: "inner" } } }] });
  });

  it("passes a typedef name used as a value, and an unknown type name, on to the checker", () => {
    const [assign] = body("typedef int count_t; int f(int n) { n = n + count_t; return n; }");
    expect(show((assign as Extract<Stmt, { kind: "expr" }>).expr)).toBe("(= n (+ n count_t))");
    const [decl] = body("int f(void) { mystery_t value = 3; return value; }");
    expect(decl).toMatchObject({ kind: "declaration", specs: { type: { kind: "typedefName", name: "mystery_t" } }, declarators: [{ declarator: { name: "value" } }] });
  });

  it("turns a->b into a member access with arrow set", () => {
    const [ret] = body("struct S { int b; }; int f(struct S *a) { return a->b; }");
    expect((ret as Extract<Stmt, { kind: "return" }>).value).toMatchObject({ kind: "member", arrow: true, name: "b", base: { kind: "ident", name: "a" } });
  });
});

describe("spans", () => {
  it("cover a node from its first token to its last", () => {
    const text = "int main(void) {\n  int x = a + b * 2;\n  return x;\n}\n";
    const { unit } = build(text);
    const f = unit.items[0] as FunctionDef;
    const slice = (s: { start: number; end: number }) => text.slice(s.start, s.end);
    expect(slice(f.span)).toBe(text.trimEnd());
    expect([f.span.line, f.span.col, f.span.file]).toEqual([1, 1, "t.c"]);
    const decl = f.body.items[0] as Declaration;
    expect(slice(decl.span)).toBe("int x = a + b * 2;");
    const e = (decl.declarators[0].init as { expr: Expr }).expr as Extract<Expr, { kind: "binary" }>;
    expect([slice(e.span), e.span.line, e.span.col]).toEqual(["a + b * 2", 2, 11]);
    expect(slice(e.right.span)).toBe("b * 2");
    expect(slice(decl.specs.span)).toBe("int");
    expect(slice(decl.declarators[0].declarator.span)).toBe("x");
    const ret = f.body.items[1] as Extract<Stmt, { kind: "return" }>;
    expect([slice(ret.span), ret.span.line, ret.span.col]).toEqual(["return x;", 3, 3]);
  });

  it("include the parentheses of a parenthesized expression and the whole of a call", () => {
    const text = "int f(int);\nint y = (f(1) + 2) * 3;";
    const { unit } = build(text);
    const e = ((unit.items[1] as Declaration).declarators[0].init as { expr: Expr }).expr as Extract<Expr, { kind: "binary" }>;
    expect(text.slice(e.left.span.start, e.left.span.end)).toBe("(f(1) + 2)");
    const call = (e.left as Extract<Expr, { kind: "binary" }>).left;
    expect(text.slice(call.span.start, call.span.end)).toBe("f(1)");
  });

  it("point into the header for declarations that come from one", () => {
    const { unit } = build("#include <stddef.h>\nsize_t n;");
    const files = new Set(unit.items.map((i) => i.span.file));
    expect(files.has("t.c")).toBe(true);
    expect([...files].some((f) => f.includes("stddef.h"))).toBe(true);
  });
});

describe("after syntax errors", () => {
  it("keeps what was parsed before the error: `int y = ;` still declares y", () => {
    const { unit, errors } = build("int f(void) {\n  int y = ;\n  return y;\n}");
    expect(errors).toEqual(["2:11 E1004"]);
    const [decl, ret] = (unit.items[0] as FunctionDef).body.items;
    expect(decl).toMatchObject({ kind: "declaration", declarators: [{ declarator: { kind: "name", name: "y" }, init: { kind: "expr" } }] });
    expect(ret).toMatchObject({ kind: "return", value: { kind: "ident", name: "y" } });
  });

  it("builds placeholders without reporting anything more", () => {
    const { unit, errors } = build("int f(int a) {\n  int x = a + ;\n  return (a * ;\n}\nint g(void) { return 1; }");
    expect(errors).toEqual(["2:15 E1004", "3:15 E1004"]);
    expect(unit.items.map((i) => i.kind)).toEqual(["function", "function"]);
    const ret = (unit.items[1] as FunctionDef).body.items[0];
    expect(ret).toMatchObject({ kind: "return", value: { kind: "int", value: 1n } });
  });

  it("tolerates every truncation of a program", () => {
    const text =
      "typedef struct { int x; } P; static int t[3] = {1, [2] = 3};\n" +
      "int f(P *p, int n) { for (int i = 0; i < n; i++) { switch (i) { case 1 ... 2: p->x += t[i]; break; default: ; } }\n" +
      "  return p->x ? (int)sizeof(P) : ({ int y = n; y; }) + __builtin_offsetof(P, x) + 'a' + \"s\"[0]; }";
    for (let cut = 0; cut <= text.length; cut += 3) {
      expect(() => build(text.slice(0, cut))).not.toThrow();
    }
  });
});
