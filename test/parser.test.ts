// The parser: every run program and a set of tricky C parses without a diagnostic; typedef
// names, casts and declarators are told apart as C requires; each independent syntax error is
// reported once, by code and position; no token sequence makes it throw; the generated CST
// typings match the grammar.
import { readdirSync, readFileSync } from "node:fs";
import { generateCstDts, type CstNode, type IToken } from "chevrotain";
import { describe, expect, it } from "vitest";
import { ensureParser } from "../grammar/parser.js";
import { buildAst } from "../src/build-ast.js";
import { Diagnostics } from "../src/diagnostics.js";
import { lex } from "../src/lex.js";
import { parse } from "../src/parse.js";
import { preprocess } from "../src/preprocess.js";
import { SourceFile } from "../src/source.js";

function tokensOf(text: string, diags = new Diagnostics()): IToken[] {
  const source = new SourceFile("t.c", text);
  return preprocess(lex(source, diags), source, diags, {});
}

function run(text: string) {
  const diags = new Diagnostics();
  const tokens = tokensOf(text, diags);
  const before = diags.list.length;
  const cst = parse(tokens, diags, "t.c");
  const errors = diags.list.slice(before).map((d) => `${d.span.line}:${d.span.col} ${d.code}`);
  return { cst, errors, diags: diags.list.slice(before) };
}

/** Names of the CST nodes on the path `key/key/...` (first child at each step). */
function at(node: CstNode, path: string): CstNode {
  let n = node;
  for (const key of path.split("/")) {
    const [name, i] = key.split("#");
    const child = n.children[name]?.[Number(i ?? 0)];
    if (!child || "image" in child) throw new Error(`no node ${key} under ${n.name}`);
    n = child as CstNode;
  }
  return n;
}

/** The item kinds of the body of the function that is external declaration `i`: `declaration` or the statement kind. */
function bodyItems(cst: CstNode, i: number): string[] {
  const body = at(cst, `externalDeclaration#${i}/functionDefinition/compoundStatement`);
  return (body.children.item ?? []).map((item) => {
    const n = item as CstNode;
    return n.name === "statement" ? Object.keys(n.children)[0] : n.name;
  });
}

describe("valid programs parse without a diagnostic", () => {
  const dir = new URL("programs/run/", import.meta.url);
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".c")).sort();
  } catch {
    // the folder is written by another stage's author; the inline programs below still run
  }
  it("has run programs to try", () => expect(files.length).toBeGreaterThan(100));
  it.each(files)("%s", (file) => {
    expect(run(readFileSync(new URL(file, dir), "utf8")).errors).toEqual([]);
  });

  const snippets: Record<string, string> = {
    "specifiers in any order": "long unsigned int a; const int static b; int long signed long c; unsigned d; register e;",
    "K&R definitions and implicit int": "int f(a, b) int a; char *b; { return a + *b; }\nmain() { return 0; }\ng(x) { return x; }\nh();",
    prototypes: "int f(void); int g(); int h(int, char *, ...); void k(int a[static 3], int (*cb)(int), double);",
    "function pointers": "int (*fp)(int); int (*tab[3])(int) = {0}; void (*signal(int, void (*)(int)))(int); int (*(*pp)[2])(void);",
    "abstract declarators": "int n = sizeof(int (*)(int, char *)) + sizeof(int[3]) + sizeof(char **) + sizeof(int (*)[4]);",
    "struct, union, bit-fields, anonymous members":
      "struct S { int a : 3; int : 0; unsigned b : 1; struct { int x, y; }; union { int i; float f; }; struct S *next; int flex[]; };",
    "enums with trailing comma": "enum color { RED, GREEN = 5, BLUE, }; enum { A = 1 << 2, B = A | 1 } e;",
    "typedefs in every position":
      "typedef struct node { int v; struct node *next; } node_t, *node_p; typedef int (*cmp_t)(const void *, const void *);\n" +
      "node_p head; cmp_t cmp; node_t nodes[4]; typedef node_t *list[2]; list l;",
    initializers:
      "struct P { int x, y; } ps[3] = { [0] = { .x = 1, .y = 2 }, [1 ... 2] = { 3, 4 }, }; int a[] = { 1, 2, 3, }; int z[2][2] = {{1}, {2, 3}};\n" +
      "struct P q = { x: 1, y: 2 }; int e[4] = {};",
    "casts, compound literals, sizeof":
      "typedef struct { int x, y; } P; int f(int *p, long v) {\n" +
      "  int a = (int)v + (char)'a' * (unsigned)-1; P q = (P){1, 2}; int b = (P){3, 4}.y + ((P){5, 6}).x;\n" +
      "  int *r = (int[]){1, 2, 3}; return sizeof a + sizeof(int) + sizeof (P){0, 0} + (int)sizeof(q) + a + b + *r + *p;\n}",
    "every operator": "int f(int a, int b, int *p) { a += b -= 1; a *= 2; a /= 3; a %= 4; a <<= 1; a >>= 1; a &= 7; a ^= 3; a |= 8;\n" +
      "  return a || b && a | b ^ a & b == a != b < a > b <= a >= b << a >> b + a - b * a / b % a, !a, ~b, -a, +b, *p, &a, ++a, --b, a++, b--, a ? b : a ? 1 : 2; }",
    statements:
      "int f(int n) { int s = 0; for (int i = 0; i < n; i++) { if (i & 1) continue; else if (i > 9) break; s += i; }\n" +
      "  for (;;) break; while (n--) s++; do s--; while (s > 100); switch (n) { case 0: case 1 ... 3: s = 1; break; default: ; }\n" +
      "  goto end; end: return s; }",
    "labels before declarations and at the end of a block": "void f(void) { L: int x = 1; (void)x; switch (x) { case 1: int y; default: } M: }",
    "GNU statement expressions and typeof":
      "int f(int a) { int b = ({ int t = a * 2; t + 1; }); __typeof__(b) c = b; __typeof__(int *) p = &c; return *p + ({ a; }); }",
    "GNU elvis": "int f(int a, int b) { return a ?: b; }",
    attributes:
      "struct __attribute__((packed)) S { char c; int i; } __attribute__((aligned(8)));\n" +
      "int x __attribute__((aligned(16))) = 3; void die(void) __attribute__((noreturn)); __attribute__((noinline)) static int g(void) { return 1; }\n" +
      "static int __attribute__((unused)) h(int a __attribute__((unused))) { return 0; }\n" +
      "int k2(void) __attribute__((cold)); int k2(void) __attribute__((cold)) { return 0; }\n" +
      "void k(int c) { switch (c) { case 1: c++; __attribute__((fallthrough)); default: break; } }\n" +
      "int * __attribute__((aligned(8))) p; struct T { int a __attribute__((packed)); };",
    "asm statements and labels": 'int counter __asm__("counter_sym"); void f(int x) { __asm__ volatile("" : : "r"(x) : "memory"); __asm__("nop"); }',
    "static assertions": '_Static_assert(sizeof(int) == 4, "int"); void f(void) { _Static_assert(1, "x"); struct { int a; _Static_assert(1, "y"); } s; (void)s; }',
    "builtins that take a type":
      "struct S { int a; int b[4]; }; unsigned long o = __builtin_offsetof(struct S, b[2]);\n" +
      "int f(__builtin_va_list ap) { return __builtin_va_arg(ap, int) + (int)__builtin_va_arg(ap, double); }",
    "strings and characters": "const char *s = \"a\" \"b\" L\"c\" u8\"d\"; int c = 'x' + L'y' + '\\n';",
    "empty declarations and statements": "; int x;; void f(void) { ;; }",
    "alignment and qualifiers": "_Alignas(16) int a; _Alignas(long) char b; const volatile int *restrict p; int * const * volatile q; _Noreturn void stop(void); inline static int sq(int x) { return x * x; }",
    "the predefined typedef names": "string s; void f(string name, __builtin_va_list ap) { string t = name; (void)t; (void)ap; }",
  };
  it.each(Object.entries(snippets))("%s", (_, text) => {
    expect(run(text).errors).toEqual([]);
  });
});

describe("typedef names", () => {
  it("makes `T * x;` a declaration where T names a type and a product where it is shadowed", () => {
    const { cst, errors } = run("typedef int T; int f(void) { T * p; { int T = 2; T * 3; } T * q; return 0; }");
    expect(errors).toEqual([]);
    expect(bodyItems(cst, 1)).toEqual(["declaration", "compoundStatement", "declaration", "returnStatement"]);
    const inner = at(cst, "externalDeclaration#1/functionDefinition/compoundStatement/item#1/compoundStatement");
    expect((inner.children.item as CstNode[]).map((n) => n.name)).toEqual(["declaration", "statement"]);
  });

  it("lets parameters, enumerators and file-scope objects shadow a typedef", () => {
    const { cst, errors } = run(
      "typedef int T; typedef int U; typedef int V;\n" +
        "int f(int T) { T * 2; return T; }\n" +
        "int g(void) { enum { U = 1 }; U * 2; return U; }\n" +
        "int V; int h(void) { V * 2; return V; }",
    );
    expect(errors).toEqual([]);
    expect(bodyItems(cst, 3)).toEqual(["expressionStatement", "returnStatement"]);
    expect(bodyItems(cst, 4)).toEqual(["declaration", "expressionStatement", "returnStatement"]);
    expect(bodyItems(cst, 6)).toEqual(["expressionStatement", "returnStatement"]);
  });

  it("ends a typedef's scope with its block and sees it right after its declarator", () => {
    const { errors } = run("void f(void) { typedef int T; T a; { T b; } } int T; void g(void) { T * 2; } typedef int U, V[sizeof(U)];");
    expect(errors).toEqual([]);
  });

  it("takes a typedef name after a type specifier as the declarator (`unsigned T;`, `T T;`)", () => {
    const { cst, errors } = run("typedef int T; void f(void) { unsigned T; T * 2; } struct S { T T; };");
    expect(errors).toEqual([]);
    expect(bodyItems(cst, 1)).toEqual(["declaration", "expressionStatement"]);
  });

  it("tells a cast from a parenthesized expression by the token after `(`", () => {
    const { cst, errors } = run("typedef int T; int a, b; int f(void) { return (T)+a + (a)+b + (a)(b); }");
    expect(errors).toEqual([]);
    const ret = at(cst, "externalDeclaration#2/functionDefinition/compoundStatement/item/returnStatement");
    const binary = at(ret, "expression/assignmentExpression/conditionalExpression");
    const operands = binary.children.castExpression as CstNode[];
    expect(operands.map((c) => Object.keys(c.children).includes("typeName"))).toEqual([true, false, false, false]);
  });

  it("reads `(T)` in a parameter as a parameter list and `(x)` as a nested declarator", () => {
    const { cst, errors } = run("typedef int T; void f(int (T)); int (x);");
    expect(errors).toEqual([]);
    const param = at(
      cst,
      "externalDeclaration#1/declaration/initDeclaratorList/initDeclarator/declarator/directDeclarator/declaratorSuffix/parameterList/parameterDeclaration/declarator/directDeclarator",
    );
    expect(Object.keys(param.children)).toEqual(["declaratorSuffix"]);
    const x = at(cst, "externalDeclaration#2/declaration/initDeclaratorList/initDeclarator/declarator/directDeclarator");
    expect(Object.keys(x.children)).toEqual(["LParen", "declarator", "RParen"]);
  });
});

describe("syntax errors", () => {
  it("reports each independent error once, with its position", () => {
    const { errors } = run(
      [
        "int f(void) {",
        "  int x = 3 + ;",
        "  int y = 4",
        "  return x;",
        "}",
        "}",
        "int g(int a { return a; }",
        "int k(void) { return (1 + 2; }",
        "struct S { int a; int b } s;",
        "int main(void) { if (x) { } else }",
      ].join("\n"),
    );
    expect(errors).toEqual([
      "2:15 E1004", // expression expected after `+`
      "4:3 E1001", // `;` expected before `return`
      "6:1 E1002", // a stray `}` at file scope
      "7:13 E1001", // `)` expected
      "8:28 E1001", // `)` expected
      "9:25 E1001", // `;` expected after the last member
      "10:34 E1003", // a statement expected after `else`
    ]);
  });

  it("words a mismatch with the expected token and what was found", () => {
    const { diags } = run("int x = 1\nint y;");
    expect(diags.map((d) => [d.code, ...d.args])).toEqual([["E1001", "';'", "int"]]);
  });

  it("reports an unexpected end of input at the end of the last token", () => {
    const { diags } = run("int f(void) {\n  return 1;");
    expect(diags.map((d) => `${d.span.line}:${d.span.col} ${d.code}`)).toEqual(["2:12 E1006"]);
  });

  it("says a type name was expected where only a type fits", () => {
    expect(run("int f(__builtin_va_list ap) { return __builtin_va_arg(ap, 3); }").errors).toEqual(["1:59 E1005"]);
    expect(run("__typeof__(;) x;").errors).toEqual(["1:12 E1005"]);
  });

  it("says what an item of a block or a struct must be when something else is there", () => {
    expect(run("int f(int x) {\n  x = 1;\n  else x = 2;\n  return x;\n}").errors).toEqual(["3:3 E1003"]);
    expect(run("struct point {\n  int x;\n  5 y;\n};").errors).toEqual(["3:3 E1005"]);
  });

  it("parses what only the checker can reject: nested functions, unknown type names, types as values", () => {
    const { cst, errors } = run("typedef int T; int f(int a) { int inner(int x) { return x; } mystery_t v = 1; return a + T; }");
    expect(errors).toEqual([]);
    expect(bodyItems(cst, 1)).toEqual(["declaration", "declaration", "returnStatement"]);
    const nested = at(cst, "externalDeclaration#1/functionDefinition/compoundStatement/item");
    expect(Object.keys(nested.children)).toEqual(["declarationSpecifiers", "functionDefinition"]);
  });

  it("recovers inside a function and keeps parsing the functions after it", () => {
    const { cst, errors } = run("int f(void) { x = ; y = 2; }\nint g(void) { return 1 +; }\nint h(void) { return 2; }");
    expect(errors).toEqual(["1:19 E1004", "2:25 E1004"]);
    expect(cst.children.externalDeclaration).toHaveLength(3);
  });

  it("never throws, and the AST builder accepts whatever CST recovery left", () => {
    // Deterministic mutations of a valid program: drop, duplicate and swap tokens.
    const base = tokensOf(readFileSync(new URL("programs/run/162-quicksort.c", import.meta.url), "utf8"));
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
    let failures = 0;
    for (let k = 0; k < 150; k++) {
      const toks = base.slice();
      for (let m = 0; m < 1 + rand(4); m++) {
        const i = rand(toks.length);
        const j = rand(toks.length);
        const op = rand(3);
        if (op === 0) toks.splice(i, 1);
        else if (op === 1) toks.splice(i, 0, toks[j]);
        else [toks[i], toks[j]] = [toks[j], toks[i]];
      }
      const diags = new Diagnostics();
      const cst = parse(toks, diags, "t.c");
      buildAst(cst, new SourceFile("t.c", ""), diags);
      if (diags.list.some((d) => d.code === "ICE")) failures++;
    }
    expect(failures).toBe(0);
  });
});

describe("generated artifacts", () => {
  it("grammar/cst.d.ts matches the grammar (run `npm run diagrams` after changing it)", () => {
    const committed = readFileSync(new URL("../grammar/cst.d.ts", import.meta.url), "utf8");
    expect(committed.slice(committed.indexOf("\n") + 1)).toBe(generateCstDts(ensureParser().getGAstProductions()));
  });
});
