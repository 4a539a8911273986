// The abstract syntax tree.
// In: built from the parser's CST by `src/build-ast.ts`. Out: a discriminated union on `kind`;
// every node carries a `span`. Syntax only: type specifiers and declarators are kept as
// written, because resolving them needs scopes (typedefs, struct tags). The checker
// (`src/check.ts`) then decorates the same nodes: every expression gets its `type`, every
// identifier its `sym`, every declarator its `sym`, and it rewrites expressions to insert
// explicit conversions (`cast` with `implicit: true`) and to lower `a[i]` to `*(a + i)`.
// So code generation reads a fully decided tree and never guesses a type or a conversion.
//
// Desugared early, by the AST builder: `while`, `do`/`while` and `for` are one `loop` form;
// `a->b` is `member` with `arrow: true`; character literals are `int` literals.

import type { Span } from "./source.js";
import type { Field, Type } from "./types.js";

// ---- type syntax ------------------------------------------------------------------------

export type StorageClass = "typedef" | "extern" | "static" | "auto" | "register";

/** The declaration specifiers before a declarator list: `static const unsigned long`. */
export interface DeclSpecs {
  span: Span;
  storage?: StorageClass;
  inline?: boolean;
  const?: boolean;
  volatile?: boolean;
  /** Which type specifier was written; `undefined` means none (implicit int, with a warning). */
  type?: TypeSpecifier;
  /** CoD's `param`: a value fixed when the fragment is deployed (spec §8.2). */
  param?: boolean;
  /** GNU `__attribute__((packed))` and friends that change layout; others are parsed and ignored. */
  packed?: boolean;
  aligned?: number;
}

export type TypeSpecifier =
  /** Keywords in the order written: `["unsigned", "long", "long"]`. */
  | { kind: "builtin"; span: Span; words: string[] }
  | { kind: "typedefName"; span: Span; name: string }
  | { kind: "record"; span: Span; union: boolean; tag?: string; tagSpan?: Span; fields?: FieldDeclaration[]; packed?: boolean; aligned?: number }
  | { kind: "enum"; span: Span; tag?: string; tagSpan?: Span; items?: EnumItem[] }
  /** GNU `typeof(expr)` / `typeof(type)` / `__typeof__`. */
  | { kind: "typeof"; span: Span; expr?: Expr; typeName?: TypeName };

export interface FieldDeclaration {
  span: Span;
  specs: DeclSpecs;
  /** Empty for an anonymous struct/union member. */
  declarators: { span: Span; declarator?: Declarator; bitWidth?: Expr }[];
}

export interface EnumItem {
  span: Span;
  name: string;
  value?: Expr;
}

/**
 * C's inside-out declarators, kept as written: `int *a[3]` is pointer(array(name a)) around
 * the base type `int`. Resolving walks outside-in: a pointer declarator wraps the type built so
 * far in a pointer, then resolves its inner declarator with that type.
 */
export type Declarator =
  | { kind: "name"; span: Span; name?: string }
  | { kind: "pointer"; span: Span; const?: boolean; volatile?: boolean; inner: Declarator }
  | { kind: "array"; span: Span; size?: Expr; static?: boolean; inner: Declarator }
  | {
      kind: "function";
      span: Span;
      params: ParamDeclaration[];
      variadic: boolean;
      /** `()` with nothing inside: an unprototyped (old-style) function type. */
      unprototyped: boolean;
      /** K&R identifier list: `int f(a, b) int a; char b; {…}`. */
      oldStyleNames?: { name: string; span: Span }[];
      inner: Declarator;
    };

export interface ParamDeclaration {
  span: Span;
  specs: DeclSpecs;
  declarator: Declarator;
  /** Set by the checker. */
  sym?: Symbol;
}

export interface TypeName {
  span: Span;
  specs: DeclSpecs;
  declarator: Declarator;
  /** Set by the checker. */
  type?: Type;
}

// ---- declarations -----------------------------------------------------------------------

export type Initializer =
  | { kind: "expr"; span: Span; expr: Expr }
  | { kind: "list"; span: Span; items: InitItem[] };

/** `global mean(particle.energy)`: a param's value computed over all sources' records (§8.4). */
export interface GlobalAggregate {
  span: Span;
  aggregate: string;
  aggregateSpan: Span;
  args: Expr[];
  /** Set by the checker. */
  info?: GlobalInfo;
}

/** What the checker decided about a `global` aggregate. */
export interface GlobalInfo {
  aggregate: "count" | "sum" | "mean" | "variance" | "stddev" | "min" | "max" | "histogram";
  /** The record type the aggregate ranges over; `record` in the expression stands for each one. */
  record: Type;
  /** The struct tag used in the expression for "each record". */
  recordName: string;
  /** Where the expression is in its file, and where it names the record (to print it again). */
  exprSpan: Span;
  recordRefs: Span[];
  /** For a histogram: `bins` equal bins over [low, high); values outside are not counted. */
  low?: number;
  high?: number;
  bins?: number;
}

export interface InitItem {
  span: Span;
  designators: Designator[];
  init: Initializer;
}

export type Designator =
  | { kind: "field"; span: Span; name: string }
  | { kind: "index"; span: Span; index: Expr; /** GNU range `[a ... b]` */ last?: Expr };

export interface InitDeclarator {
  span: Span;
  declarator: Declarator;
  init?: Initializer;
  /** A param's `= global AGG(...)` in place of an initializer (§8.4). */
  global?: GlobalAggregate;
  /** Set by the checker. */
  sym?: Symbol;
  /** Set by the checker: the initializer flattened to (byte offset, scalar or string) pairs. */
  flatInit?: FlatInit[];
}

/** One scalar store of a checked initializer; `bitField` is set for bit-field members. */
export interface FlatInit {
  offset: number;
  type: Type;
  expr: Expr;
  bitField?: Field;
}

export interface Declaration {
  kind: "declaration";
  span: Span;
  specs: DeclSpecs;
  declarators: InitDeclarator[];
}

export type FragmentKind = "filter" | "transform" | "router" | "aggregate";

export interface FunctionDef {
  kind: "function";
  span: Span;
  /** Set for a fragment definition (`filter f(...) {...}`, spec §8.1); its return type is implied. */
  fragmentKind?: FragmentKind;
  specs: DeclSpecs;
  declarator: Declarator;
  /** Old-style (K&R) parameter declarations between `)` and `{`. */
  oldStyleDecls: Declaration[];
  body: Block;
  /** Set by the checker. */
  sym?: Symbol;
  params?: Symbol[];
  /** Every local (params included) and `static` local, in declaration order. */
  locals?: Symbol[];
  /** Set by the checker on fragments: what the runtime needs to drive it. */
  fragment?: FragmentInfo;
}

/** A checked fragment's signature, as the manifest describes it (spec §8.1). */
export interface FragmentInfo {
  kind: FragmentKind;
  /** Per record (`filter f(const T *r)`) or per buffer (`filter f(const T *buf, long n)`). */
  perRecord: boolean;
  /** The input record type, and for transforms the output record type (struct types). */
  input?: Type;
  output?: Type;
}

export interface TranslationUnit {
  kind: "unit";
  span: Span;
  items: (FunctionDef | Declaration)[];
}

// ---- statements -------------------------------------------------------------------------

export interface Block {
  kind: "block";
  span: Span;
  items: (Stmt | Declaration)[];
}

export type Stmt =
  | Block
  | { kind: "expr"; span: Span; expr?: Expr }
  | { kind: "if"; span: Span; cond: Expr; then: Stmt; else?: Stmt }
  /**
   * `while (c) s` is loop{cond c, body s, test "before"}; `do s while (c)` has test "after";
   * `for (i; c; n) s` has init and step. `continue` jumps to the step.
   */
  | {
      kind: "loop";
      span: Span;
      init?: Expr | Declaration;
      cond?: Expr;
      step?: Expr;
      body: Stmt;
      test: "before" | "after";
    }
  | { kind: "switch"; span: Span; expr: Expr; body: Stmt; cases?: CaseInfo[] }
  | { kind: "case"; span: Span; value: Expr; /** GNU `case 1 ... 5:` */ last?: Expr; body: Stmt; id?: number }
  | { kind: "default"; span: Span; body: Stmt; id?: number }
  | { kind: "break"; span: Span }
  | { kind: "continue"; span: Span }
  | { kind: "return"; span: Span; value?: Expr }
  | { kind: "goto"; span: Span; label: string }
  | { kind: "label"; span: Span; label: string; body: Stmt };

/** Filled in by the checker on each `switch`: its case values, in source order. */
export interface CaseInfo {
  id: number;
  low: bigint;
  high: bigint;
  isDefault: boolean;
}

// ---- expressions ------------------------------------------------------------------------

export type BinaryOp =
  | "*" | "/" | "%" | "+" | "-" | "<<" | ">>"
  | "<" | ">" | "<=" | ">=" | "==" | "!="
  | "&" | "^" | "|" | "&&" | "||" | ",";

export type AssignOp = "=" | "*=" | "/=" | "%=" | "+=" | "-=" | "<<=" | ">>=" | "&=" | "^=" | "|=";

interface ExprBase {
  span: Span;
  /** Set by the checker on every expression. */
  type?: Type;
}

export type Expr =
  | (ExprBase & { kind: "int"; value: bigint; /** `u`, `l`, `ul`, `ll`, `ull` (lower-case) or "" */ suffix: string; radix: number; isChar?: boolean })
  | (ExprBase & { kind: "float"; value: number; /** `f`, `l` or "" */ suffix: string })
  | (ExprBase & { kind: "string"; /** UTF-8 bytes, without the terminating NUL */ bytes: Uint8Array })
  | (ExprBase & { kind: "ident"; name: string; sym?: Symbol })
  | (ExprBase & { kind: "unary"; op: "-" | "+" | "!" | "~" | "*" | "&"; operand: Expr })
  | (ExprBase & { kind: "incdec"; op: "++" | "--"; prefix: boolean; operand: Expr })
  | (ExprBase & { kind: "binary"; op: BinaryOp; left: Expr; right: Expr })
  /**
   * For a compound assignment the checker sets `opType`, the type the operation is done in
   * (`target op value` after the usual conversions), so `c += 1` on a char computes in int.
   */
  | (ExprBase & { kind: "assign"; op: AssignOp; target: Expr; value: Expr; opType?: Type })
  | (ExprBase & { kind: "cond"; cond: Expr; then: Expr; else: Expr })
  | (ExprBase & { kind: "call"; callee: Expr; args: Expr[] })
  | (ExprBase & { kind: "index"; base: Expr; index: Expr })
  | (ExprBase & { kind: "member"; base: Expr; arrow: boolean; name: string; field?: Field; offset?: number })
  | (ExprBase & { kind: "cast"; typeName?: TypeName; operand: Expr; implicit?: boolean })
  | (ExprBase & { kind: "sizeof"; operand?: Expr; typeName?: TypeName })
  | (ExprBase & { kind: "alignof"; operand?: Expr; typeName?: TypeName })
  | (ExprBase & { kind: "compound"; typeName: TypeName; init: Initializer; sym?: Symbol; flatInit?: FlatInit[] })
  /** GNU statement expression `({ …; value; })`. */
  | (ExprBase & { kind: "stmtexpr"; body: Block });

export type ExprKind = Expr["kind"];
export type ExprOf<K extends ExprKind> = Extract<Expr, { kind: K }>;

// ---- symbols ----------------------------------------------------------------------------

/**
 * What a name refers to, made by the checker. `storage` says where a variable lives:
 * `global` (file scope, static or not), `static` (a function's `static` local: persistent
 * state), `local`, `param`; `extern` for functions and variables declared but not defined here
 * (host functions, the libc). Code generation allocates by `storage` and `addressTaken`.
 */
export interface Symbol {
  id: number;
  name: string;
  kind: "var" | "func" | "enumConst" | "typedef";
  type: Type;
  span: Span;
  storage: "global" | "static" | "local" | "param" | "extern" | "fragmentParam";
  /** Set when `&x` is taken or x is an array/record: it must live in linear memory. */
  addressTaken?: boolean;
  /** For enum constants. */
  value?: bigint;
  /** For functions and globals: has a definition (body, or a non-extern declaration). */
  defined?: boolean;
  /** Declared `register`: its address may not be taken. */
  register?: boolean;
  /** Internal linkage (`static` at file scope). */
  internal?: boolean;
  used?: boolean;
  /** For a param computed by the global phase (§8.4). */
  global?: GlobalAggregate;
  /** For globals and static locals: the checked initializer. */
  flatInit?: FlatInit[];
}

/** The direct sub-expressions of an expression (not into statement expressions). */
export function exprChildren(e: Expr): Expr[] {
  switch (e.kind) {
    case "unary":
    case "incdec":
    case "cast":
      return [e.operand];
    case "binary":
      return [e.left, e.right];
    case "assign":
      return [e.target, e.value];
    case "cond":
      return [e.cond, e.then, e.else];
    case "call":
      return [e.callee, ...e.args];
    case "index":
      return [e.base, e.index];
    case "member":
      return [e.base];
    case "sizeof":
    case "alignof":
      return e.operand ? [e.operand] : [];
    default:
      return [];
  }
}
