// Building the AST.
// In: the `translationUnit` CST from src/parse.ts (shape: grammar/cst.d.ts). Out: the
// `TranslationUnit` of src/ast.ts, with a span on every node, literals decoded (integers to
// bigint with their suffix, floats, characters to `int`, strings to UTF-8 bytes, adjacent strings
// joined) and the early desugarings: `while`/`do`/`for` become `loop`, `a->b` a member with
// `arrow`, binary operators get their precedence (§5.0: the grammar keeps them flat), GNU `a ?: b`
// becomes a statement expression (see `elvis`), and the two builtins that take a type become
// ordinary expressions (see `primary`). `_Static_assert` and `__asm__` leave nothing behind.
// A bad literal is reported here (E0004, E0005, E0006): the lexer accepts a superset on purpose.
// After a syntax error the CST has holes (missing children, nodes without a location); every
// hole becomes a placeholder and is not reported again, since the parser already did.

import type { CstNode, IToken } from "chevrotain";
import type * as C from "../grammar/cst.js";
import type {
  BinaryOp, AssignOp, Block, Declaration, DeclSpecs, Declarator, Designator, EnumItem, Expr,
  FieldDeclaration, FunctionDef, GlobalAggregate, InitDeclarator, Initializer, InitItem, ParamDeclaration, Stmt,
  StorageClass, TranslationUnit, TypeName, TypeSpecifier,
} from "./ast.js";
import type { Diagnostics } from "./diagnostics.js";
import { joinSpans, type SourceFile, type Span } from "./source.js";

export function buildAst(cst: CstNode, source: SourceFile, diags: Diagnostics): TranslationUnit {
  return new AstBuilder(source, diags).unit(cst as C.TranslationUnitCstNode);
}

/** Binding strength of each binary operator (§5.0; C11 6.5.5–6.5.14); all associate to the left. */
const precedence: Record<string, number> = {
  "*": 10, "/": 10, "%": 10, "+": 9, "-": 9, "<<": 8, ">>": 8, "<": 7, ">": 7, "<=": 7, ">=": 7,
  "==": 6, "!=": 6, "&": 5, "^": 4, "|": 3, "&&": 2, "||": 1,
};

const integerSuffixes: Record<string, string> = {
  "": "", u: "u", l: "l", ll: "ll", ul: "ul", lu: "ul", ull: "ull", llu: "ull",
};

class AstBuilder {
  /** The span of the last node built: where a placeholder for a missing piece points. */
  private last: Span;
  /** The file of the external declaration being built. */
  private file: string;
  /** Declarations that followed a label (`L: int x;`), to be placed after it in the block. */
  private afterLabel: Declaration[] = [];
  private elvisCount = 0;

  constructor(
    private readonly source: SourceFile,
    private readonly diags: Diagnostics,
  ) {
    this.last = { file: source.name, start: 0, end: 0, line: 1, col: 1 };
    this.file = source.name;
  }

  // ---- spans ----------------------------------------------------------------------------

  private tokSpan(t: IToken | undefined): Span {
    if (!t || Number.isNaN(t.startOffset)) return this.last;
    const file = (t as { file?: string }).file ?? this.source.name;
    return (this.last = {
      file,
      start: t.startOffset,
      end: Math.max((t.endOffset ?? t.startOffset) + 1, t.startOffset),
      line: t.startLine ?? 0,
      col: t.startColumn ?? 0,
    });
  }

  /**
   * First token to last token of a CST node. Chevrotain tracks the offsets; the file is the one
   * of the external declaration being built (one cannot straddle files), found once per item.
   */
  private span(node: CstNode | undefined): Span {
    const loc = node?.location;
    if (!node || !loc || Number.isNaN(loc.startOffset)) return this.last;
    return (this.last = {
      file: this.file,
      start: loc.startOffset,
      end: Math.max((loc.endOffset ?? loc.startOffset) + 1, loc.startOffset),
      line: loc.startLine ?? 0,
      col: loc.startColumn ?? 0,
    });
  }

  private report(code: "E0004" | "E0005" | "E0006" | "E2013" | "E2014" | "E3033" | "E4005", span: Span, ...args: string[]): void {
    this.diags.report(code, span, ...args);
  }

  // ---- §7 translation unit ----------------------------------------------------------------

  unit(node: C.TranslationUnitCstNode): TranslationUnit {
    const items: (FunctionDef | Declaration)[] = [];
    for (const ext of node.children?.externalDeclaration ?? []) {
      this.file = firstFile(ext) ?? this.source.name;
      const c = ext.children;
      if (c.functionDefinition) items.push(this.functionDefinition(c.functionDefinition[0]));
      else if (c.fragmentDefinition) {
        // §8.1: a fragment is a function definition whose kind word replaces its return type.
        const f = c.fragmentDefinition[0].children;
        const def = f.functionDefinition ? this.functionDefinition(f.functionDefinition[0]) : undefined;
        const kind = f.kind?.[0]?.image;
        if (def && (kind === "filter" || kind === "transform" || kind === "router" || kind === "aggregate")) {
          def.fragmentKind = kind;
          def.span = this.span(c.fragmentDefinition[0]);
          items.push(def);
        }
      } else if (c.paramDeclaration) {
        // §8.2: `param T name;` is a declaration marked as a param.
        const d = c.paramDeclaration[0].children.declaration?.[0];
        if (d) {
          const decl = this.declaration(d);
          decl.specs.param = true;
          decl.span = this.span(c.paramDeclaration[0]);
          items.push(decl);
        }
      } else if (c.declaration) {
        const d = this.declaration(c.declaration[0]);
        if (!isEmptyDeclaration(d)) items.push(d);
      } else if (c.initDeclaratorList) {
        // Old C's implicit int: `x; f();` (the checker warns).
        const span = this.span(ext);
        items.push({
          kind: "declaration",
          span,
          specs: { span: { ...span, end: span.start } },
          declarators: this.initDeclaratorList(c.initDeclaratorList[0]),
        });
      }
      // `;`, `_Static_assert` (not evaluated: dropped) and file-scope `__asm__` leave nothing.
    }
    this.file = this.source.name;
    return { kind: "unit", span: this.source.span(0, this.source.text.length), items };
  }

  private functionDefinition(node: C.FunctionDefinitionCstNode): FunctionDef {
    const c = node.children;
    const span = this.span(node);
    const specs = c.declarationSpecifiers
      ? this.declSpecs(c.declarationSpecifiers[0])
      : { span: { ...span, end: span.start } }; // `main() {…}`: implicit int
    return {
      kind: "function",
      span,
      specs,
      declarator: this.declarator(c.declarator?.[0]),
      oldStyleDecls: (c.declaration ?? []).map((d) => this.declaration(d)),
      body: this.block(c.compoundStatement?.[0]),
    };
  }

  // ---- §4 declarations --------------------------------------------------------------------

  private declaration(node: C.DeclarationCstNode): Declaration {
    const c = node.children;
    const span = this.span(node);
    const specs = this.declSpecs(c.declarationSpecifiers?.[0]);
    if (c.functionDefinition) return this.nestedFunction(span, specs, c.functionDefinition[0]);
    return {
      kind: "declaration",
      span,
      specs,
      declarators: c.initDeclaratorList ? this.initDeclaratorList(c.initDeclaratorList[0], specs) : [],
    };
  }

  /**
   * gcc applies `__attribute__((aligned(N)))` after a declarator to that declarator alone; the
   * AST keeps attributes per declaration, so they go into the shared `specs` (exact for the usual
   * one declarator per declaration).
   */
  private initDeclaratorList(node: C.InitDeclaratorListCstNode, specs?: DeclSpecs): InitDeclarator[] {
    return (node.children.initDeclarator ?? []).filter((d) => !isEmptyNode(d)).map((d) => {
      const c = d.children;
      const init: InitDeclarator = { span: this.span(d), declarator: this.declarator(c.declarator?.[0]) };
      const global = c.initializer?.[0].children.globalAggregate?.[0];
      if (global) init.global = this.globalAggregate(global);
      else if (c.initializer) init.init = this.initializer(c.initializer[0]);
      if (specs) this.applyAttributes(specs, c.attributeSpecifier);
      return init;
    });
  }

  /** §4.1: specifiers in any order, folded into one `DeclSpecs`. */
  private declSpecs(node: C.DeclarationSpecifiersCstNode | undefined): DeclSpecs {
    const specs: DeclSpecs = { span: this.span(node) };
    if (!node) return specs;
    const c = node.children;
    for (const t of c.storageClass ?? []) {
      if (specs.storage === undefined) specs.storage = t.image as StorageClass;
      else this.report("E2014", this.tokSpan(t), t.image);
    }
    for (const t of c.typeQualifier ?? []) {
      if (t.image === "const") specs.const = true;
      else if (t.image === "volatile") specs.volatile = true; // `restrict` changes nothing here
    }
    for (const t of c.functionSpecifier ?? []) if (t.image === "inline") specs.inline = true;

    // At most one kind of type specifier; the builtin words go together (`unsigned long`).
    let found: TypeSpecifier[] = [];
    if (c.typeKeyword) {
      const words = c.typeKeyword.map((t) => t.image);
      const span = this.join(this.tokSpan(c.typeKeyword[0]), this.tokSpan(c.typeKeyword[c.typeKeyword.length - 1]));
      found.push({ kind: "builtin", span, words });
    }
    for (const t of c.TypedefName ?? []) found.push({ kind: "typedefName", span: this.tokSpan(t), name: t.image });
    for (const s of c.structOrUnionSpecifier ?? []) found.push(this.recordSpec(s));
    for (const s of c.enumSpecifier ?? []) found.push(this.enumSpec(s));
    for (const s of c.typeofSpecifier ?? []) found.push(this.typeofSpec(s));
    found = found.sort((a, b) => a.span.start - b.span.start); // as written
    if (found.length > 0) specs.type = found[0];
    if (found.length > 1) this.report("E2013", found[1].span, found.map(describeSpecifier).join(" and "));

    this.applyAttributes(specs, c.attributeSpecifier);
    for (const a of c.alignasSpecifier ?? []) {
      const e = a.children.conditionalExpression?.[0];
      const n = e ? constValue(this.conditional(e)) : undefined; // `_Alignas(type)` is not evaluated here
      if (n !== undefined) specs.aligned = Math.max(specs.aligned ?? 0, Number(n));
    }
    return specs;
  }

  /** Records `packed` and `aligned(N)` (N a constant the builder can fold); other attributes are ignored. */
  private applyAttributes(target: { packed?: boolean; aligned?: number }, attrs: C.AttributeSpecifierCstNode[] | undefined): void {
    for (const spec of attrs ?? []) {
      for (const a of spec.children.attribute ?? []) {
        const name = a.children.name?.[0]?.image.replace(/^__(.*)__$/, "$1");
        if (name === "packed") target.packed = true;
        else if (name === "aligned") {
          const arg = a.children.assignmentExpression?.[0];
          // Without an argument gcc uses the largest alignment of the target: 16 on x86-64.
          const n = arg ? constValue(this.assignment(arg)) : 16n;
          if (n !== undefined && n > 0n) target.aligned = Math.max(target.aligned ?? 0, Number(n));
        }
      }
    }
  }

  private recordSpec(node: C.StructOrUnionSpecifierCstNode): TypeSpecifier {
    const c = node.children;
    const spec: Extract<TypeSpecifier, { kind: "record" }> = {
      kind: "record",
      span: this.span(node),
      union: c.KwUnion !== undefined,
    };
    const tag = identifierToken(c.identifier?.[0]);
    if (tag) {
      spec.tag = tag.image;
      spec.tagSpan = this.tokSpan(tag);
    }
    const body = c.structBody?.[0];
    if (body) spec.fields = (body.children.structDeclaration ?? []).flatMap((d) => this.fieldDeclaration(d));
    const attrs: { packed?: boolean; aligned?: number } = {};
    this.applyAttributes(attrs, c.attributeSpecifier);
    if (attrs.packed) spec.packed = true;
    if (attrs.aligned) spec.aligned = attrs.aligned;
    return spec;
  }

  /** Attributes after a member's declarator go into the member declaration's specs (see `initDeclaratorList`). */
  private fieldDeclaration(node: C.StructDeclarationCstNode): FieldDeclaration[] {
    const c = node.children;
    if (!c.declarationSpecifiers) return []; // `;` or `_Static_assert`
    const specs = this.declSpecs(c.declarationSpecifiers[0]);
    return [
      {
        span: this.span(node),
        specs,
        declarators: (c.structDeclarator ?? []).filter((sd) => !isEmptyNode(sd)).map((sd) => {
          this.applyAttributes(specs, sd.children.attributeSpecifier);
          const f: FieldDeclaration["declarators"][number] = { span: this.span(sd) };
          const d = sd.children.declarator?.[0];
          if (d && !isEmptyNode(d)) f.declarator = this.declarator(d);
          const w = sd.children.conditionalExpression?.[0];
          if (w) f.bitWidth = this.conditional(w);
          return f;
        }),
      },
    ];
  }

  private enumSpec(node: C.EnumSpecifierCstNode): TypeSpecifier {
    const c = node.children;
    const spec: Extract<TypeSpecifier, { kind: "enum" }> = { kind: "enum", span: this.span(node) };
    const tag = identifierToken(c.identifier?.[0]);
    if (tag) {
      spec.tag = tag.image;
      spec.tagSpan = this.tokSpan(tag);
    }
    const body = c.enumBody?.[0];
    if (body) {
      spec.items = (body.children.enumerator ?? []).map((e) => {
        const item: EnumItem = {
          span: this.span(e),
          name: identifierToken(e.children.identifier?.[0])?.image ?? "<error>",
        };
        const v = e.children.conditionalExpression?.[0];
        if (v) item.value = this.conditional(v);
        return item;
      });
    }
    return spec;
  }

  private typeofSpec(node: C.TypeofSpecifierCstNode): TypeSpecifier {
    const c = node.children;
    const spec: Extract<TypeSpecifier, { kind: "typeof" }> = { kind: "typeof", span: this.span(node) };
    if (c.typeName) spec.typeName = this.typeName(c.typeName[0]);
    else spec.expr = this.expression(c.expression?.[0]);
    return spec;
  }

  // ---- §4.2 declarators -------------------------------------------------------------------

  /**
   * C's inside-out declarator as the AST nests it: pointers outermost (the first `*` applies
   * first), then the suffixes from last to first, then the nested declarator or the name.
   */
  private declarator(node: C.DeclaratorCstNode | undefined): Declarator {
    const whole = this.span(node);
    const direct = node?.children.directDeclarator?.[0];
    const dc = direct?.children;
    let d: Declarator;
    if (dc?.declarator) d = this.declarator(dc.declarator[0]);
    else {
      const name = identifierToken(dc?.identifier?.[0]);
      d = name
        ? { kind: "name", span: this.tokSpan(name), name: name.image }
        : { kind: "name", span: { ...whole, end: whole.start } }; // abstract
    }
    for (const s of dc?.declaratorSuffix ?? []) d = this.declaratorSuffix(s, d);
    const pointers = node?.children.pointer ?? [];
    for (let i = pointers.length - 1; i >= 0; i--) {
      const p = pointers[i];
      const quals = (p.children.typeQualifier ?? []).map((t) => t.image);
      const ptr: Declarator = { kind: "pointer", span: this.join(this.span(p), d.span), inner: d };
      if (quals.includes("const")) ptr.const = true;
      if (quals.includes("volatile")) ptr.volatile = true;
      d = ptr;
    }
    return d;
  }

  private declaratorSuffix(node: C.DeclaratorSuffixCstNode, inner: Declarator): Declarator {
    const c = node.children;
    const span = this.join(inner.span, this.span(node));
    if (c.LBracket) {
      const arr: Declarator = { kind: "array", span, inner };
      if (c.assignmentExpression) arr.size = this.assignment(c.assignmentExpression[0]);
      if (c.KwStatic) arr.static = true;
      return arr;
    }
    const list = c.parameterList?.[0];
    const ids = c.identifierList?.[0];
    const fn: Extract<Declarator, { kind: "function" }> = {
      kind: "function",
      span,
      params: (list?.children.parameterDeclaration ?? []).map((p) => this.parameter(p)),
      variadic: list?.children.Ellipsis !== undefined,
      unprototyped: !list && !ids,
      inner,
    };
    // `(void)` stays a one-parameter list, as written; the checker reads it as "no parameters".
    if (ids) fn.oldStyleNames = (ids.children.Identifier ?? []).map((t) => ({ name: t.image, span: this.tokSpan(t) }));
    return fn;
  }

  private parameter(node: C.ParameterDeclarationCstNode): ParamDeclaration {
    return {
      span: this.span(node),
      specs: this.declSpecs(node.children.declarationSpecifiers?.[0]),
      declarator: this.declarator(node.children.declarator?.[0]),
    };
  }

  private typeName(node: C.TypeNameCstNode | undefined): TypeName {
    return {
      span: this.span(node),
      specs: this.declSpecs(node?.children.declarationSpecifiers?.[0]),
      declarator: this.declarator(node?.children.declarator?.[0]),
    };
  }

  // ---- §4.4 initializers ------------------------------------------------------------------

  private initializer(node: C.InitializerCstNode | undefined): Initializer {
    const list = node?.children.initializerList?.[0];
    if (list) return this.initializerList(list);
    const expr = this.assignment(node?.children.assignmentExpression?.[0]);
    return { kind: "expr", span: expr.span, expr };
  }

  /** §8.4: `global mean(particle.energy)`; the checker decides what the arguments mean. */
  private globalAggregate(node: C.GlobalAggregateCstNode): GlobalAggregate {
    const g = node.children;
    const agg = g.aggregate?.[0];
    return {
      span: this.span(node),
      aggregate: agg?.image ?? "<error>",
      aggregateSpan: agg ? this.tokSpan(agg) : this.span(node),
      args: (g.argument ?? []).map((a) => this.assignment(a)),
    };
  }

  private initializerList(node: C.InitializerListCstNode): Initializer {
    return {
      kind: "list",
      span: this.span(node),
      items: (node.children.initializerItem ?? []).map((item): InitItem => {
        const c = item.children;
        const designators: Designator[] = (c.designator ?? []).map((d) => this.designator(d));
        const old = identifierToken(c.identifier?.[0]); // GNU `x: value`
        if (old) designators.push({ kind: "field", span: this.tokSpan(old), name: old.image });
        return { span: this.span(item), designators, init: this.initializer(c.initializer?.[0]) };
      }),
    };
  }

  private designator(node: C.DesignatorCstNode): Designator {
    const c = node.children;
    const span = this.span(node);
    if (c.Dot) return { kind: "field", span, name: identifierToken(c.identifier?.[0])?.image ?? "<error>" };
    const [first, last] = c.conditionalExpression ?? [];
    const d: Designator = { kind: "index", span, index: this.conditional(first) };
    if (last) d.last = this.conditional(last);
    return d;
  }

  // ---- §6 statements ----------------------------------------------------------------------

  private block(node: C.CompoundStatementCstNode | undefined): Block {
    const items: (Stmt | Declaration)[] = [];
    for (const item of node?.children.item ?? []) {
      if (item.name === "declaration") {
        const d = this.declaration(item as C.DeclarationCstNode);
        // An attribute-only declaration (`__attribute__((fallthrough));`) is an empty statement.
        items.push(isEmptyDeclaration(d) ? { kind: "expr", span: d.span } : d);
      } else if (item.name === "statement") {
        items.push(this.statement(item as C.StatementCstNode, true));
        items.push(...this.afterLabel.splice(0));
      } // `_Static_assert` is dropped
    }
    return { kind: "block", span: this.span(node), items };
  }

  /**
   * A GNU nested function, which fragments do not allow: reported at its name, and kept as a
   * declaration of the function so the calls to it raise nothing more.
   */
  private nestedFunction(span: Span, specs: DeclSpecs, node: C.FunctionDefinitionCstNode): Declaration {
    const declarator = this.declarator(node.children.declarator?.[0]);
    this.report("E4005", innermostName(declarator).span);
    return { kind: "declaration", span, specs, declarators: [{ span: declarator.span, declarator }] };
  }

  /**
   * `inBlock`: the statement is an item of a block. There a label followed by a declaration
   * (`L: int x;`, C23) becomes the label on an empty statement followed by the declaration, so
   * the declared name stays in the block's scope.
   */
  private statement(node: C.StatementCstNode | undefined, inBlock = false): Stmt {
    const span = this.span(node);
    const c = node?.children;
    if (!c) return { kind: "expr", span };
    if (c.expressionStatement) {
      const e = c.expressionStatement[0].children.expression?.[0];
      return e ? { kind: "expr", span, expr: this.expression(e) } : { kind: "expr", span };
    }
    if (c.compoundStatement) return this.block(c.compoundStatement[0]);
    if (c.ifStatement) {
      const s = c.ifStatement[0].children;
      const stmt: Stmt = {
        kind: "if",
        span,
        cond: this.expression(s.expression?.[0]),
        then: this.statement(s.statement?.[0]),
      };
      if (s.KwElse && s.statement?.[1]) stmt.else = this.statement(s.statement[1]);
      return stmt;
    }
    if (c.whileStatement) {
      const s = c.whileStatement[0].children;
      return { kind: "loop", span, cond: this.expression(s.expression?.[0]), body: this.statement(s.statement?.[0]), test: "before" };
    }
    if (c.doStatement) {
      const s = c.doStatement[0].children;
      return { kind: "loop", span, cond: this.expression(s.expression?.[0]), body: this.statement(s.statement?.[0]), test: "after" };
    }
    if (c.forStatement) {
      const s = c.forStatement[0].children;
      const loop: Extract<Stmt, { kind: "loop" }> = { kind: "loop", span, body: this.statement(s.statement?.[0]), test: "before" };
      if (s.declaration) loop.init = this.declaration(s.declaration[0]);
      else if (s.init) loop.init = this.expression(s.init[0]);
      if (s.cond) loop.cond = this.expression(s.cond[0]);
      if (s.step) loop.step = this.expression(s.step[0]);
      return loop;
    }
    if (c.switchStatement) {
      const s = c.switchStatement[0].children;
      return { kind: "switch", span, expr: this.expression(s.expression?.[0]), body: this.statement(s.statement?.[0]) };
    }
    if (c.returnStatement) {
      const e = c.returnStatement[0].children.expression?.[0];
      return e ? { kind: "return", span, value: this.expression(e) } : { kind: "return", span };
    }
    if (c.breakStatement) return { kind: "break", span };
    if (c.continueStatement) return { kind: "continue", span };
    if (c.gotoStatement) {
      const label = identifierToken(c.gotoStatement[0].children.identifier?.[0])?.image ?? "<error>";
      return { kind: "goto", span, label };
    }
    if (c.labeledStatement) {
      const s = c.labeledStatement[0].children;
      const label = s.Identifier?.[0]?.image ?? "<error>";
      return { kind: "label", span, label, body: this.labelBody(s, span, inBlock) };
    }
    if (c.caseStatement) {
      const s = c.caseStatement[0].children;
      const [first, last] = s.conditionalExpression ?? [];
      const value = this.conditional(first);
      const body = this.labelBody(s, span, inBlock);
      return last ? { kind: "case", span, value, last: this.conditional(last), body } : { kind: "case", span, value, body };
    }
    if (c.defaultStatement) return { kind: "default", span, body: this.labelBody(c.defaultStatement[0].children, span, inBlock) };
    // `__asm__(…);` does nothing in WebAssembly: an empty statement.
    return { kind: "expr", span };
  }

  private labelBody(
    c: { statement?: C.StatementCstNode[]; declaration?: C.DeclarationCstNode[] },
    span: Span,
    inBlock: boolean,
  ): Stmt {
    if (c.statement) return this.statement(c.statement[0], inBlock);
    const empty: Stmt = { kind: "expr", span };
    if (c.declaration) {
      const d = this.declaration(c.declaration[0]);
      if (inBlock) {
        this.afterLabel.push(d);
        return empty;
      }
      return { kind: "block", span: d.span, items: [d] };
    }
    return empty; // a label right before `}` (C23)
  }

  // ---- §5 expressions ---------------------------------------------------------------------

  /** A placeholder where the parser recovered from a missing expression. */
  private missing(): Expr {
    return { kind: "int", span: this.last, value: 0n, suffix: "", radix: 10 };
  }

  private join(a: Span, b: Span): Span {
    return a.file === b.file && b.end >= a.start ? joinSpans(a, b) : a;
  }

  private expression(node: C.ExpressionCstNode | undefined): Expr {
    const parts = node?.children.assignmentExpression ?? [];
    if (parts.length === 0) return this.missing();
    let e = this.assignment(parts[0]);
    for (let i = 1; i < parts.length; i++) {
      const right = this.assignment(parts[i]);
      e = { kind: "binary", span: this.join(e.span, right.span), op: ",", left: e, right };
    }
    return e;
  }

  private assignment(node: C.AssignmentExpressionCstNode | undefined): Expr {
    if (!node) return this.missing();
    const c = node.children;
    const target = this.conditional(c.conditionalExpression?.[0]);
    const op = c.operator?.[0];
    if (!op) return target;
    const value = this.assignment(c.assignmentExpression?.[0]);
    return { kind: "assign", span: this.join(target.span, value.span), op: op.image as AssignOp, target, value };
  }

  private conditional(node: C.ConditionalExpressionCstNode | undefined): Expr {
    if (!node) return this.missing();
    const c = node.children;
    const cond = this.binary(c.castExpression ?? [], c.operator ?? []);
    if (!c.Question) return cond;
    const otherwise = this.conditional(c.conditionalExpression?.[0]);
    const span = this.join(cond.span, otherwise.span);
    if (!c.expression) return this.elvis(cond, otherwise, span);
    const then = this.expression(c.expression[0]);
    return { kind: "cond", span, cond, then, else: otherwise };
  }

  /**
   * GNU `a ?: b` is lowered to `({ __typeof__(a) tmp = a; tmp ? tmp : b; })`, which evaluates
   * a once, as gcc does (typeof does not evaluate its operand). The temporary's name cannot
   * clash with a C identifier a program would use.
   */
  private elvis(a: Expr, b: Expr, span: Span): Expr {
    const name = `__elvis${++this.elvisCount}`;
    const tmp = (): Expr => ({ kind: "ident", span: a.span, name });
    const decl: Declaration = {
      kind: "declaration",
      span: a.span,
      specs: { span: a.span, type: { kind: "typeof", span: a.span, expr: structuredClone(a) } },
      declarators: [{ span: a.span, declarator: { kind: "name", span: a.span, name }, init: { kind: "expr", span: a.span, expr: a } }],
    };
    const value: Expr = { kind: "cond", span, cond: tmp(), then: tmp(), else: b };
    return { kind: "stmtexpr", span, body: { kind: "block", span, items: [decl, { kind: "expr", span, expr: value }] } };
  }

  /** §5.0/§5.4: precedence climbing over the flat operand/operator list the grammar produces. */
  private binary(castNodes: C.CastExpressionCstNode[], opTokens: IToken[]): Expr {
    const operands = castNodes.map((e) => this.cast(e));
    const ops = opTokens.map((t) => t.image);
    if (operands.length === 0) return this.missing();
    while (operands.length < ops.length + 1) operands.push(this.missing()); // recovered: an operand is missing
    let pos = 0; // the next operator; operands[pos] is its left operand
    const climb = (left: Expr, minPrec: number): Expr => {
      while (pos < ops.length && precedence[ops[pos]] >= minPrec) {
        const op = ops[pos++];
        let right = operands[pos];
        // A tighter operator to the right takes the right operand first.
        while (pos < ops.length && precedence[ops[pos]] > precedence[op]) right = climb(right, precedence[op] + 1);
        left = { kind: "binary", span: this.join(left.span, right.span), op: op as BinaryOp, left, right };
      }
      return left;
    };
    return climb(operands[0], 0);
  }

  /** §5.2, §5.3: casts, compound literals, prefix operators, sizeof/_Alignof, postfix chains. */
  private cast(node: C.CastExpressionCstNode | undefined): Expr {
    if (!node) return this.missing();
    const c = node.children;
    if (c.primaryExpression) return this.postfix(this.primary(c.primaryExpression[0]), c.postfixSuffix);
    const span = this.span(node);
    const op = c.operator?.[0]?.image;
    if (op === "sizeof" || op === "_Alignof") {
      const kind = op === "sizeof" ? "sizeof" : "alignof";
      if (c.typeName) {
        const typeName = this.typeName(c.typeName[0]);
        if (c.initializerList) {
          // `sizeof (T){…}` measures a compound literal.
          const lit = this.initializerList(c.initializerList[0]);
          return { kind, span, operand: { kind: "compound", span: this.join(typeName.span, lit.span), typeName, init: lit } };
        }
        return { kind, span, typeName };
      }
      return { kind, span, operand: this.cast(c.castExpression?.[0]) };
    }
    if (op === "++" || op === "--") return { kind: "incdec", span, op, prefix: true, operand: this.cast(c.castExpression?.[0]) };
    if (op !== undefined) {
      return { kind: "unary", span, op: op as "-" | "+" | "!" | "~" | "*" | "&", operand: this.cast(c.castExpression?.[0]) };
    }
    if (!c.typeName) return this.missing(); // recovered before any alternative began
    const typeName = this.typeName(c.typeName[0]);
    if (c.initializerList) {
      // A compound literal `(T){…}`, then any postfix operators on it.
      const litSpan = this.join(this.tokSpan(c.LParen?.[0]), this.span(c.initializerList[0]));
      const lit: Expr = { kind: "compound", span: litSpan, typeName, init: this.initializerList(c.initializerList[0]) };
      return this.postfix(lit, c.postfixSuffix);
    }
    return { kind: "cast", span, typeName, operand: this.cast(c.castExpression?.[0]) };
  }

  private postfix(base: Expr, suffixes: C.PostfixSuffixCstNode[] | undefined): Expr {
    let e = base;
    for (const s of suffixes ?? []) {
      const c = s.children;
      const span = this.join(e.span, this.span(s));
      if (c.LBracket) e = { kind: "index", span, base: e, index: this.expression(c.expression?.[0]) };
      else if (c.LParen) e = { kind: "call", span, callee: e, args: (c.argument ?? []).map((a) => this.assignment(a)) };
      else if (c.Dot || c.Arrow) {
        const name = identifierToken(c.identifier?.[0])?.image ?? "<error>";
        e = { kind: "member", span, base: e, arrow: c.Arrow !== undefined, name };
      } else e = { kind: "incdec", span, op: c.PlusPlus ? "++" : "--", prefix: false, operand: e };
    }
    return e;
  }

  /**
   * §5.1. The builtins that take a type are lowered to expressions the AST already has:
   *  - `__builtin_va_arg(ap, T)` is `(T) __builtin_va_arg(ap)`: a cast whose operand is the call
   *    (the checker recognizes that shape);
   *  - `__builtin_offsetof(T, m.a[2])` is `(unsigned long) &((T *) 0)->m.a[2]`, which the checker
   *    folds to a constant like any address arithmetic on a null base.
   */
  private primary(node: C.PrimaryExpressionCstNode | undefined): Expr {
    if (!node) return this.missing();
    const c = node.children;
    const span = this.span(node);
    // A typedef name here is an error the checker reports (E2010): it arrives as an identifier.
    const name = c.Identifier?.[0] ?? c.TypedefName?.[0];
    if (name) return { kind: "ident", span, name: name.image };
    if (c.IntegerLiteral) return this.integerLiteral(c.IntegerLiteral[0]);
    if (c.FloatLiteral) return this.floatLiteral(c.FloatLiteral[0]);
    if (c.CharLiteral) return this.charLiteral(c.CharLiteral[0]);
    if (c.StringLiteral) return this.stringLiterals(c.StringLiteral, span);
    if (c.KwBuiltin_va_arg) {
      const ap = this.assignment(c.assignmentExpression?.[0]);
      const callee: Expr = { kind: "ident", span: this.tokSpan(c.KwBuiltin_va_arg[0]), name: "__builtin_va_arg" };
      return { kind: "cast", span, typeName: this.typeName(c.typeName?.[0]), operand: { kind: "call", span, callee, args: [ap] } };
    }
    if (c.KwBuiltin_offsetof) return this.offsetof(c, span);
    if (c.compoundStatement) return { kind: "stmtexpr", span, body: this.block(c.compoundStatement[0]) };
    // A parenthesized expression: the node keeps the parentheses in its span.
    const inner = this.expression(c.expression?.[0]);
    return { ...inner, span };
  }

  private offsetof(c: C.PrimaryExpressionCstChildren, span: Span): Expr {
    const t = this.typeName(c.typeName?.[0]);
    const pointerToT: TypeName = { span: t.span, specs: t.specs, declarator: pointerInnermost(t.declarator) };
    const nullT: Expr = { kind: "cast", span, typeName: pointerToT, operand: { kind: "int", span, value: 0n, suffix: "", radix: 10 } };
    const first = identifierToken(c.identifier?.[0])?.image ?? "<error>";
    let e: Expr = { kind: "member", span, base: nullT, arrow: true, name: first };
    for (const d of c.designator ?? []) {
      const des = this.designator(d);
      e = des.kind === "field"
        ? { kind: "member", span, base: e, arrow: false, name: des.name }
        : { kind: "index", span, base: e, index: des.index };
    }
    const ulong: TypeName = {
      span,
      specs: { span, type: { kind: "builtin", span, words: ["unsigned", "long"] } },
      declarator: { kind: "name", span: { ...span, end: span.start } },
    };
    return { kind: "cast", span, typeName: ulong, operand: { kind: "unary", span, op: "&", operand: e } };
  }

  // ---- literals (§2) -------------------------------------------------------------------------

  /** Decimal, octal, hex and binary integers with any `u`/`l`/`ll` suffix; value as bigint. */
  private integerLiteral(tok: IToken): Expr {
    const span = this.tokSpan(tok);
    const text = tok.image;
    const bad = (): Expr => {
      this.report("E0005", span, text);
      return { kind: "int", span, value: 0n, suffix: "", radix: 10 };
    };
    // prefix, digits, suffix; `0` alone is octal, and `09` an octal with a bad suffix
    const m =
      /^(0[xX])([0-9a-fA-F]*)(.*)$/.exec(text) ??
      /^(0[bB])([01]*)(.*)$/.exec(text) ??
      /^(0)([0-7]*)(.*)$/.exec(text) ??
      /^()([1-9][0-9]*)(.*)$/.exec(text);
    if (!m) return bad();
    const [, prefix, digits, rest] = m;
    const radix = prefix === "" ? 10 : prefix === "0" ? 8 : /[xX]/.test(prefix) ? 16 : 2;
    if (radix !== 8 && digits === "") return bad(); // `0x`, `0b`
    // The suffix is case-insensitive except that `ll` must be one case (`lL` is not C).
    if (!/^(?:[uU]?(?:ll|LL|l|L)?|(?:ll|LL|l|L)[uU])$/.test(rest)) return bad();
    const suffix = integerSuffixes[rest.toLowerCase()];
    const value = digits === "" ? 0n : BigInt(radix === 10 ? digits : `${prefix.toLowerCase()}${digits}`.replace(/^0(?=[0-7])/, "0o"));
    if (value >= 1n << 64n) {
      this.report("E0005", span, text); // too large for any integer type
      return { kind: "int", span, value: value & ((1n << 64n) - 1n), suffix, radix };
    }
    return { kind: "int", span, value, suffix, radix };
  }

  private floatLiteral(tok: IToken): Expr {
    const span = this.tokSpan(tok);
    let text = tok.image;
    let suffix = "";
    if (/[fFlL]$/.test(text) && !/^0[xX][0-9a-fA-F.]*$/.test(text)) {
      suffix = text.slice(-1).toLowerCase();
      text = text.slice(0, -1);
    }
    let value: number;
    const hex = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(text);
    if (hex) {
      const [, whole, frac = "", exp] = hex;
      const mantissa = BigInt(`0x${whole}${frac}`);
      value = Number(mantissa) * 2 ** (Number(exp) - 4 * frac.length);
      // Very large or small exponents: scale in two steps so neither overflows on its own.
      if (!Number.isFinite(value) || (value === 0 && mantissa !== 0n)) {
        const e = Number(exp) - 4 * frac.length;
        value = Number(mantissa) * 2 ** Math.trunc(e / 2) * 2 ** (e - Math.trunc(e / 2));
      }
    } else value = Number(text);
    if (Number.isNaN(value)) {
      this.report("E0005", span, tok.image);
      value = 0;
    }
    return { kind: "float", span, value, suffix };
  }

  /**
   * A character constant has type int. One char: its value as a (signed) char, so '\xff' is
   * -1. Several ('ab'): gcc packs them big-endian into an int. L'x', u'x', U'x': the code point.
   */
  private charLiteral(tok: IToken): Expr {
    const span = this.tokSpan(tok);
    const m = /^(L|u|U)?'(.*)'$/s.exec(tok.image);
    const wide = m?.[1] !== undefined;
    const body = m?.[2] ?? "";
    const lit = (value: bigint): Expr => ({ kind: "int", span, value, suffix: "", radix: 10, isChar: true });
    if (body === "") {
      this.report("E0006", span);
      return lit(0n);
    }
    const units = this.decode(body, tok, (m?.[1] ?? "").length + 1, wide);
    if (wide) return lit(BigInt(units[0] ?? 0));
    if (units.length === 1) return lit(BigInt(units[0] >= 0x80 ? units[0] - 0x100 : units[0]));
    let v = 0;
    for (const b of units) v = ((v << 8) | b) >>> 0;
    return lit(BigInt(v | 0));
  }

  /** Adjacent string literals are one: their bytes concatenated (C11 5.1.1.2, phase 6). */
  private stringLiterals(toks: IToken[], span: Span): Expr {
    const parts: number[] = [];
    for (const tok of toks) {
      const m = /^(u8|L|u|U)?"(.*)"$/s.exec(tok.image);
      if (m?.[1] !== undefined && m[1] !== "u8") this.report("E3033", this.tokSpan(tok), "wide string literals");
      for (const b of this.decode(m?.[2] ?? "", tok, (m?.[1] ?? "").length + 1, false)) parts.push(b);
    }
    return { kind: "string", span, bytes: Uint8Array.from(parts) };
  }

  /**
   * The position of the backslash at `index` in a literal token's text. A token made by macro
   * expansion carries the position of the macro use, and a literal may be continued over a
   * line: there the offset within the text says nothing, so the whole token is the span.
   */
  private escapeSpan(tok: IToken, index: number): Span {
    const span = this.tokSpan(tok);
    const own = span.end - span.start === tok.image.length && !tok.image.slice(0, index).includes("\n");
    if (!own) return span;
    return { ...span, start: span.start + index, end: Math.min(span.end, span.start + index + 2), col: span.col + index };
  }

  /**
   * The bytes of a literal's body: escapes decoded, other characters as UTF-8. `\x` and octal
   * escapes give raw bytes; `\u`/`\U` give the UTF-8 of the code point. With `wide`, code
   * points instead of bytes (for L'x').
   */
  private decode(body: string, tok: IToken, bodyStart: number, wide: boolean): number[] {
    const out: number[] = [];
    const bad = (at: number, escape: string) => this.report("E0004", this.escapeSpan(tok, bodyStart + at), escape);
    const pushCodePoint = (cp: number) => {
      if (wide) out.push(cp);
      else for (const b of utf8.encode(String.fromCodePoint(cp))) out.push(b);
    };
    for (let i = 0; i < body.length; ) {
      const ch = body[i];
      if (ch !== "\\") {
        const cp = body.codePointAt(i)!;
        pushCodePoint(cp);
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
      const e = body[i + 1] ?? "";
      i += 2;
      const simple = simpleEscapes[e];
      if (simple !== undefined) out.push(simple);
      else if (e === "\n") continue; // a line continuation inside the literal
      else if (e === "\r" && body[i] === "\n") i++;
      else if (e >= "0" && e <= "7") {
        let v = Number(e);
        for (let k = 0; k < 2 && body[i] >= "0" && body[i] <= "7"; k++, i++) v = v * 8 + Number(body[i]);
        out.push(wide ? v : v & 0xff);
      } else if (e === "x") {
        const hex = /^[0-9a-fA-F]+/.exec(body.slice(i))?.[0] ?? "";
        if (hex === "") {
          bad(i - 2, "x");
          continue;
        }
        i += hex.length;
        const v = Number.parseInt(hex.slice(-8), 16);
        out.push(wide ? v : v & 0xff);
      } else if (e === "u" || e === "U") {
        const n = e === "u" ? 4 : 8;
        const hex = body.slice(i, i + n);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n || Number.parseInt(hex, 16) > 0x10ffff) {
          bad(i - 2, e);
          continue;
        }
        i += n;
        pushCodePoint(Number.parseInt(hex, 16));
      } else {
        bad(i - 2, e);
        if (e !== "") pushCodePoint(e.codePointAt(0)!);
      }
    }
    return out;
  }
}

const utf8 = new TextEncoder();

const simpleEscapes: Record<string, number> = {
  n: 10, t: 9, r: 13, "\\": 92, "'": 39, '"': 34, a: 7, b: 8, f: 12, v: 11, "?": 63,
  e: 27, E: 27, // GNU: ESC
};

// ---- helpers ------------------------------------------------------------------------------

/** The file of a node's first token (children keep the order in which they were first added). */
function firstFile(node: CstNode): string | undefined {
  for (const key in node.children) {
    const first = node.children[key][0];
    if (first === undefined) continue;
    return "image" in first ? (first as { file?: string }).file : firstFile(first as CstNode);
  }
  return undefined;
}

function identifierToken(node: C.IdentifierCstNode | undefined): IToken | undefined {
  return node?.children.Identifier?.[0] ?? node?.children.TypedefName?.[0];
}

/** A node that consumed no token (an abstract declarator with nothing in it): it has no location. */
function isEmptyNode(node: CstNode): boolean {
  return node.location === undefined || Number.isNaN(node.location.startOffset);
}

function isEmptyDeclaration(d: Declaration): boolean {
  return d.declarators.length === 0 && d.specs.type === undefined && d.specs.storage === undefined;
}

function describeSpecifier(t: TypeSpecifier): string {
  switch (t.kind) {
    case "builtin":
      return `'${t.words.join(" ")}'`;
    case "typedefName":
      return `'${t.name}'`;
    case "record":
      return `'${t.union ? "union" : "struct"}${t.tag ? ` ${t.tag}` : ""}'`;
    case "enum":
      return `'enum${t.tag ? ` ${t.tag}` : ""}'`;
    case "typeof":
      return "'__typeof__'";
  }
}

/** The name at the heart of a declarator. */
function innermostName(d: Declarator): Extract<Declarator, { kind: "name" }> {
  return d.kind === "name" ? d : innermostName(d.inner);
}

/** The declarator of pointer-to-T given T's: a pointer around the innermost (name) position. */
function pointerInnermost(d: Declarator): Declarator {
  if (d.kind === "name") return { kind: "pointer", span: d.span, inner: d };
  return { ...d, inner: pointerInnermost(d.inner) };
}

/** Integer constant folding for attribute arguments only (`aligned(2 * 8)`); anything else is undefined. */
function constValue(e: Expr): bigint | undefined {
  switch (e.kind) {
    case "int":
      return e.value;
    case "unary": {
      const v = constValue(e.operand);
      if (v === undefined) return undefined;
      return e.op === "-" ? -v : e.op === "+" ? v : undefined;
    }
    case "binary": {
      const a = constValue(e.left);
      const b = constValue(e.right);
      if (a === undefined || b === undefined) return undefined;
      switch (e.op) {
        case "+": return a + b;
        case "-": return a - b;
        case "*": return a * b;
        case "/": return b === 0n ? undefined : a / b;
        case "<<": return a << b;
        default: return undefined;
      }
    }
    default:
      return undefined;
  }
}
