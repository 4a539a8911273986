// The grammar of the fragment language: C99/C11 as gcc accepts it, plus the GNU extensions small
// test programs use (spec §4–§7). A chevrotain `CstParser`; every rule carries its EBNF and the
// spec section it implements. In: the preprocessed token stream (grammar/tokens.ts). Out: a
// concrete syntax tree whose shape grammar/cst.d.ts describes (generated: `npm run diagrams`).
//
// Departures from the textbook grammar, for speed or for better errors, none visible in the
// language accepted:
//  - The ten levels of binary operators are one flat list in `conditionalExpression`, and C's
//    unary and postfix expressions are folded into `castExpression`; the AST builder applies the
//    precedence table of §5.0. One rule per level would cost a dozen rule calls per operand
//    (chevrotain's own ECMAScript example flattens binary operators the same way).
//  - Declarators have an optional name everywhere, so one rule covers declarators and abstract
//    declarators (`int (*)(int)`); whether a name was required is the checker's business.
//  - A few things C forbids are parsed anyway so that the checker can name the mistake instead
//    of the parser reporting a syntax error and its cascade: a typedef name used as a value,
//    a nested function definition (GNU), an unknown type name (see `classify`).
//
// The one piece of state: typedef names. C's grammar has typedef-name as a terminal (C11 6.7.8),
// so `T * x;` is a declaration when T names a type and a multiplication otherwise; no context-free
// grammar can tell. As C compilers do (the "lexer hack"), the parser keeps a scope stack of names
// declared so far and re-tags an `Identifier` that currently names a typedef as a `TypedefName`
// token when it looks ahead (`LA`). A name declared as an ordinary identifier in an inner scope
// shadows the typedef (`typedef int T; void f() { int T = 3; T * 2; }`). Chevrotain runs every
// rule body once at construction to record the grammar, so all scope changes are in `ACTION`s,
// which do nothing then. Nothing else in the grammar carries state or meaning.

import {
  CstParser, EOF, EarlyExitException, NoViableAltException, createToken, isRecognitionException, Lexer,
  type CstNode, type DSLMethodOptsWithErr, type IOrAlt, type IToken, type OrMethodOpts, type TokenType,
} from "chevrotain";
import * as T from "./tokens.js";

const K = T.keywords;

/** An identifier that names a typedef in the current scope; the parser makes these from `Identifier`. */
export const TypedefName = createToken({ name: "TypedefName", pattern: Lexer.NA, label: "a type name" });

/** Typedef names every fragment starts with; the checker defines their types (§4.5). */
export const predefinedTypedefs = ["string", "__builtin_va_list"];

const storageClasses = [K.typedef, K.extern, K.static, K.auto, K.register];
const typeQualifiers = [K.const, K.volatile, K.restrict];
const functionSpecifiers = [K.inline, K._Noreturn];
const typeKeywords = [K.void, K.char, K.short, K.int, K.long, K.float, K.double, K.signed, K.unsigned, K._Bool];
const assignmentOperators = [
  T.Assign, T.StarAssign, T.SlashAssign, T.PercentAssign, T.PlusAssign, T.MinusAssign,
  T.ShlAssign, T.ShrAssign, T.AmpAssign, T.CaretAssign, T.PipeAssign,
];
/** Every binary operator; their precedence (§5.0) is applied by the AST builder. */
export const binaryOperators = [
  T.OrOr, T.AndAnd, T.Pipe, T.Caret, T.Amp, T.EqEq, T.NotEq, T.Less, T.Greater, T.LessEq,
  T.GreaterEq, T.Shl, T.Shr, T.Plus, T.Minus, T.Star, T.Slash, T.Percent,
];
const prefixOperators = [T.PlusPlus, T.MinusMinus, T.Amp, T.Star, T.Plus, T.Minus, T.Tilde, T.Bang];
/** Keywords that may name an attribute (`__attribute__((const))`). */
const attributeKeywords = [K.const, K.volatile, K.inline, K.restrict, K.static, K.auto, K.register, K.extern];

const idx = (types: TokenType[]): Set<number> => new Set(types.map((t) => t.tokenTypeIdx!));
/** Tokens that can begin declaration specifiers, minus `__attribute__` (which also trails declarators). */
const fragmentKinds = new Set(["filter", "transform", "router", "aggregate"]);

const specifierStarts = idx([
  ...storageClasses, ...typeQualifiers, ...functionSpecifiers, ...typeKeywords,
  K.struct, K.union, K.enum, K.__typeof__, K._Alignas, TypedefName,
]);
/** Tokens after `(` that make it a nested declarator `(*p)` rather than a parameter list `(int)`. */
const nestedDeclaratorStarts = idx([T.Star, T.LParen, T.LBracket, T.Identifier, K.__attribute__]);
/** Tokens that begin a declarator with no specifiers before it (old C's implicit int). */
const implicitIntStarts = idx([T.Identifier, T.Star, T.LParen]);
const IDENTIFIER = T.Identifier.tokenTypeIdx!;

export const parserTokens: TokenType[] = [...T.allTokens, TypedefName];

/** Chevrotain's own re-sync methods, which `CParser` narrows to the start rule. */
const chevrotainRecovery = CstParser.prototype as unknown as {
  findReSyncTokenType(this: CstParser): TokenType;
  isInCurrentRuleReSyncSet(this: CstParser, tokenType: TokenType): boolean;
};

export class CParser extends CstParser {
  /**
   * The names in scope: for each, its visible declarations, innermost last, each encoded as
   * `depth * 2 + (typedef ? 1 : 0)`; one map, so a lookup is one `get` however deep the scopes.
   */
  private names = new Map<string, number[]>();
  /** The names declared in each open scope (0: the predefined ones, 1: file scope), to undo on exit. */
  private scopeNames: string[][] = [];
  /** One `TypedefName` twin per source token, so a token keeps its identity across lookaheads. */
  private twins = new Map<IToken, IToken>();
  /** A type specifier was seen in the declaration specifiers being parsed (see `declarationSpecifiers`). */
  private sawTypeSpecifier = false;
  private readonly typeSeen = () => {
    this.sawTypeSpecifier = true;
  };
  // Alternatives and loop options are built once and reused: a rule body runs for every
  // match, and rebuilding dozens of closures each time was a third of the parse time.
  private readonly alts: Record<string, IOrAlt<unknown>[]> = {};
  private readonly loops: Record<string, DSLMethodOptsWithErr<unknown>> = {};
  private readonly orOptions: Record<string, OrMethodOpts<unknown>> = {};

  constructor() {
    super(parserTokens, {
      recoveryEnabled: true,
      nodeLocationTracking: "full",
      maxLookahead: 2,
      errorMessageProvider: {
        // parse.ts only needs the expected token; it words the diagnostic itself.
        buildMismatchTokenMessage: ({ expected }) => tokenLabel(expected),
        buildNotAllInputParsedMessage: () => "",
        buildNoViableAltMessage: () => "",
        buildEarlyExitMessage: () => "",
      },
    });
    this.resetScopes();
    this.performSelfAnalysis();
  }

  // ---- error recovery ----------------------------------------------------------------------
  //
  // Chevrotain repairs a missing or extra token in place (single-token insertion or deletion).
  // When that is not enough, its re-sync recovery stops wherever a token could follow some rule
  // on the stack, which in C is almost anywhere, and a cascade of errors follows. So no rule but
  // the start rule re-syncs (the two overrides below); each passes what it had built up to its
  // caller, and the units a C programmer thinks in (external declarations, declarations,
  // statements, struct members) recover in panic mode: skip to the `;` or the closing `}` that
  // ends the unit, counting brackets, and carry on with the next one. The unit keeps what was
  // parsed before the error (`int y = ;` still declares y), and the error is already recorded.

  private get atStartRule(): boolean {
    return (this as unknown as { RULE_STACK_IDX: number }).RULE_STACK_IDX === 0;
  }
  private findReSyncTokenType(): TokenType {
    return this.atStartRule ? chevrotainRecovery.findReSyncTokenType.call(this) : EOF;
  }
  private isInCurrentRuleReSyncSet(tokenType: TokenType): boolean {
    return this.atStartRule && chevrotainRecovery.isInCurrentRuleReSyncSet.call(this, tokenType);
  }

  /** The index of the last consumed token. */
  private get position(): number {
    return (this as unknown as { currIdx: number }).currIdx;
  }

  /**
   * Panic-mode recovery for the unit whose first token follows `start`: skip to its end, where
   * the brackets it opened are closed and then a `;` or a block's `}` ends it. `inBraces`: the
   * unit is an item of a block or struct body, so an unmatched `}` closes that and stays.
   * A `;` with only `(`/`[` open ends the unit too (`f(a;`), unless a bracket closes them
   * before the next brace (`for (i = ; i < n; i++)`, `__typeof__(;)`).
   */
  private recover(e: unknown, start: number, inBraces: boolean): void {
    if (!isRecognitionException(e as Error)) throw e;
    const tokens = this.input;
    const open: TokenType[] = []; // closers of the brackets this unit opened, innermost last
    const step = (t: TokenType): boolean => {
      const closer = closerOf.get(t);
      if (closer) open.push(closer);
      else if (t === T.RParen || t === T.RBracket || t === T.RBrace) {
        const at = open.lastIndexOf(t);
        if (at < 0) return false; // unmatched
        open.length = at; // also drops brackets left unclosed inside
      }
      return true;
    };
    for (let i = start + 1; i <= this.position; i++) step(tokens[i].tokenType);
    for (;;) {
      const t = this.LA(1).tokenType;
      if (t === EOF) return;
      if (t === T.Semicolon && !open.includes(T.RBrace) && (open.length === 0 || !this.closedLater())) {
        this.SKIP_TOKEN();
        return;
      }
      const wasOpen = open.length;
      if (!step(t)) {
        if (t === T.RBrace) {
          if (!inBraces) this.SKIP_TOKEN();
          return;
        }
        this.SKIP_TOKEN(); // an unmatched `)` or `]`: junk
        continue;
      }
      this.SKIP_TOKEN();
      if (t === T.RBrace && !open.includes(T.RBrace) && wasOpen > 0) return; // the unit ended with a block
    }
  }

  /** Whether a `)` or `]` after the next token closes a bracket opened before it, before any brace. */
  private closedLater(): boolean {
    let balance = 0;
    for (let i = 2; i < 256; i++) {
      const t = this.LA(i).tokenType;
      if (t === T.LParen || t === T.LBracket) balance++;
      else if (t === T.RParen || t === T.RBracket) {
        if (--balance < 0) return true;
      } else if (t === T.LBrace || t === T.RBrace || t === EOF) return false;
    }
    return false;
  }

  // ---- typedef-name state ---------------------------------------------------------------

  /** Forget every name but the predefined typedefs: call before each parse. */
  resetScopes(): void {
    this.names = new Map();
    this.scopeNames = [[]];
    for (const n of predefinedTypedefs) this.declare(n, true);
    this.scopeNames.push([]); // file scope
    this.twins.clear();
  }

  private pushScope(): number {
    this.scopeNames.push([]);
    return this.scopeNames.length - 1;
  }

  /** Pops back to below `mark`, however the scope was left (error recovery included). */
  private popScope(mark: number): void {
    if (mark < 2) return;
    while (this.scopeNames.length > mark) {
      for (const name of this.scopeNames.pop()!) this.names.get(name)!.pop();
    }
  }

  private declare(name: string | undefined, isTypedef: boolean): void {
    if (name === undefined) return;
    const depth = this.scopeNames.length - 1;
    let visible = this.names.get(name);
    if (visible === undefined) this.names.set(name, (visible = []));
    const entry = depth * 2 + (isTypedef ? 1 : 0);
    if (visible.length > 0 && visible[visible.length - 1] >> 1 === depth) visible[visible.length - 1] = entry;
    else {
      visible.push(entry);
      this.scopeNames[depth].push(name);
    }
  }

  /** true: a typedef name; false: an ordinary identifier; undefined: not declared at all. */
  private lookupName(name: string): boolean | undefined {
    const visible = this.names.get(name);
    if (visible === undefined || visible.length === 0) return undefined;
    return (visible[visible.length - 1] & 1) === 1;
  }

  /**
   * The token at `LA(howMuch)`, an identifier, as the parser should see it. An undeclared name
   * followed by another identifier (`mystery_t value;`) is taken for a type name too, as gcc
   * does: no other C has two identifiers in a row, and the checker then says the type is
   * unknown (E2011) instead of the parser reporting a syntax error and a cascade.
   */
  private classify(tok: IToken, howMuch: number): IToken {
    const known = this.lookupName(tok.image);
    if (known === false) return tok;
    if (known === undefined && super.LA(howMuch + 1).tokenTypeIdx !== IDENTIFIER) return tok;
    let twin = this.twins.get(tok);
    if (twin === undefined) {
      twin = { ...tok, tokenType: TypedefName, tokenTypeIdx: TypedefName.tokenTypeIdx! };
      this.twins.set(tok, twin);
    }
    return twin;
  }

  /**
   * The contextual keywords of spec §8 (`filter`, `transform`, `router`, `aggregate`, `param`)
   * are plain identifiers to C: a program may name a function `filter`. They start a fragment
   * or a param only at file scope, when the word is not a declared name and what follows could
   * not be C: `filter NAME (` or `param` then a type. Read from the raw tokens, before the
   * lexer hack below re-tags them.
   */
  private fragmentAhead(): boolean {
    const t = super.LA(1);
    return (
      t.tokenTypeIdx === IDENTIFIER &&
      fragmentKinds.has(t.image) &&
      this.lookupName(t.image) === undefined &&
      super.LA(2).tokenTypeIdx === IDENTIFIER &&
      super.LA(3).tokenType === T.LParen
    );
  }
  /** `global NAME (` in an initializer, `global` not being a declared name (§8.4). */
  private globalAhead(): boolean {
    const t = super.LA(1);
    return (
      t.tokenTypeIdx === IDENTIFIER &&
      t.image === "global" &&
      this.lookupName(t.image) === undefined &&
      super.LA(2).tokenTypeIdx === IDENTIFIER &&
      super.LA(3).tokenType === T.LParen
    );
  }

  private paramAhead(): boolean {
    const t = super.LA(1);
    if (t.tokenTypeIdx !== IDENTIFIER || t.image !== "param" || this.lookupName(t.image) !== undefined) return false;
    const next = super.LA(2);
    return specifierStarts.has(next.tokenTypeIdx) || (next.tokenTypeIdx === IDENTIFIER && this.lookupName(next.image) === true);
  }

  // Chevrotain reads tokens only through these two; re-tagging here is the lexer hack.
  protected override LA(howMuch: number): IToken {
    const tok = super.LA(howMuch);
    return tok.tokenTypeIdx === IDENTIFIER ? this.classify(tok, howMuch) : tok;
  }
  protected override LA_FAST(howMuch: number): IToken {
    const tok = super.LA_FAST(howMuch);
    return tok.tokenTypeIdx === IDENTIFIER ? this.classify(tok, howMuch) : tok;
  }

  /** One alternative per operator token, all under the CST key `operator`, so their order is kept. */
  private operatorAlts(types: TokenType[]): IOrAlt<unknown>[] {
    return types.map((t) => ({ ALT: () => this.CONSUME(t, { LABEL: "operator" }) }));
  }

  // Chevrotain words these two errors by computing every alternative's lookahead paths at the
  // point of failure, which on C's declaration rules takes tens of milliseconds per error.
  // parse.ts words its own diagnostics from the rule stack, so raise them bare.
  private raiseNoAltException(): never {
    throw this.saveError(new NoViableAltException("", this.LA(1), this.LA(0)));
  }
  private raiseEarlyExitException(): never {
    throw this.saveError(new EarlyExitException("", this.LA(1), this.LA(0)));
  }
  private saveError(e: Error): Error {
    return (this as unknown as { SAVE_ERROR(e: Error): Error }).SAVE_ERROR(e);
  }

  // Single-token insertion/deletion needs the tokens that may follow the expected one, which
  // chevrotain finds by walking the grammar from the top rule down the whole rule stack, on
  // every mismatch. The answer depends only on that path, so it is remembered (bounded).
  private followsMemo = new Map<string, TokenType[]>();
  private getFollowsForInRuleRecovery(tokType: TokenType, tokIdxInRule: number): TokenType[] {
    const self = this as unknown as {
      getCurrentGrammarPath(t: TokenType, i: number): { ruleStack: string[]; occurrenceStack: number[] };
      getNextPossibleTokenTypes(path: object): TokenType[];
    };
    const path = self.getCurrentGrammarPath(tokType, tokIdxInRule);
    const key = `${path.ruleStack.join()}|${path.occurrenceStack.join()}|${tokType.tokenTypeIdx}|${tokIdxInRule}`;
    let follows = this.followsMemo.get(key);
    if (follows === undefined) {
      if (this.followsMemo.size > 10_000) this.followsMemo.clear();
      follows = self.getNextPossibleTokenTypes(path);
      this.followsMemo.set(key, follows);
    }
    return follows;
  }

  /**
   * Decides, before committing, whether an external declaration is a function definition: scans
   * at bracket depth 0 for the body's `{` (skipping struct/union/enum bodies) or for K&R parameter
   * declarations after a declarator's `)`; `;`, `=` or `,` first means a declaration. Linear in
   * the declaration's head, once per external declaration.
   */
  private looksLikeFunctionDefinition(): boolean {
    let depth = 0;
    let tag = 0; // 1 after `struct`/`union`/`enum`, 2 after its tag: a `{` then opens its body
    let groupIsDeclarator = true; // the current depth-0 paren group is a declarator suffix
    for (let i = 1; ; i++) {
      const t = this.LA(i).tokenType;
      if (t === EOF) return false;
      if (depth > 0) {
        if (t === T.LParen || t === T.LBracket || t === T.LBrace) depth++;
        else if (t === T.RParen || t === T.RBracket || t === T.RBrace) {
          depth--;
          if (depth === 0 && t === T.RParen && groupIsDeclarator && specifierStarts.has(this.LA(i + 1).tokenTypeIdx)) {
            return true; // `int f(a, b) int a; …`
          }
        }
        continue;
      }
      if (t === T.Semicolon || t === T.Assign || t === T.Comma) return false;
      if (t === T.LBrace) {
        if (tag === 0) return true;
        // Skip the struct/union/enum body.
        for (let braces = 1; braces > 0; ) {
          const u = this.LA(++i).tokenType;
          if (u === EOF) return false;
          if (u === T.LBrace) braces++;
          else if (u === T.RBrace) braces--;
        }
        tag = 0;
      } else if (t === T.LParen || t === T.LBracket) {
        const prev = this.LA(i - 1).tokenType;
        groupIsDeclarator = !(
          prev === K.__attribute__ || prev === K.__typeof__ || prev === K._Alignas || prev === K.__asm__
        );
        depth = 1;
      } else if (t === K.struct || t === K.union || t === K.enum) tag = 1;
      else if (t === T.Identifier || t === TypedefName) tag = tag === 1 ? 2 : 0;
      else if (t !== K.__attribute__) tag = 0;
    }
  }

  // ---- §7 translation unit and functions ---------------------------------------------------

  /** translationUnit = externalDeclaration* EOF ;  (§7.1) */
  translationUnit = this.RULE("translationUnit", () => {
    this.MANY(() => this.SUBRULE(this.externalDeclaration));
    this.CONSUME(EOF);
  });

  /**
   * externalDeclaration = functionDefinition | declaration | staticAssertDeclaration
   *                     | asmStatement | initDeclaratorList ";" | ";" ;  (§7.1, §7.3)
   * The bare `initDeclaratorList ";"` is old C's implicit int (`x; f();`); gcc warns.
   */
  externalDeclaration = this.RULE("externalDeclaration", () => {
    const start = this.position;
    try {
      // One token decides, with the two gates: deeper lookahead over declaration heads is both
      // useless (they share unbounded prefixes) and very slow to compute.
      this.OR(
        (this.orOptions.externalDeclaration ??= {
          MAX_LOOKAHEAD: 1,
          DEF: [
            { GATE: () => this.fragmentAhead(), IGNORE_AMBIGUITIES: true, ALT: () => this.SUBRULE(this.fragmentDefinition) },
            { GATE: () => this.paramAhead(), IGNORE_AMBIGUITIES: true, ALT: () => this.SUBRULE(this.paramDeclaration) },
            {
              GATE: () => this.looksLikeFunctionDefinition(),
              IGNORE_AMBIGUITIES: true,
              ALT: () => this.SUBRULE(this.functionDefinition),
            },
            { ALT: () => this.SUBRULE(this.declaration, { ARGS: [true] }) },
            { ALT: () => this.SUBRULE(this.staticAssertDeclaration) },
            { ALT: () => this.SUBRULE(this.asmStatement) },
            { ALT: () => this.CONSUME2(T.Semicolon) },
            {
              // Without specifiers the declarator must visibly start, or `;` and `__asm__` would match.
              GATE: () => implicitIntStarts.has(this.LA(1).tokenTypeIdx),
              IGNORE_AMBIGUITIES: true,
              ALT: () => {
                this.SUBRULE(this.initDeclaratorList, { ARGS: [false] });
                this.CONSUME(T.Semicolon);
              },
            },
          ],
        }),
      );
    } catch (e) {
      this.recover(e, start, false);
    }
  });

  /**
   * functionDefinition = declarationSpecifiers? declarator attributeSpecifier* declaration* compoundStatement ;  (§7.2)
   * Missing specifiers are old C's implicit int (`main() {…}`); the declarations between the
   * declarator and the body are K&R parameter declarations. Parameters shadow typedef names in
   * the body, so they are declared in a scope of their own around it.
   */
  functionDefinition = this.RULE("functionDefinition", () => {
    // k=1: specifiers and K&R declarations after an empty declarator share unbounded prefixes.
    this.OPTION({ MAX_LOOKAHEAD: 1, DEF: () => this.SUBRULE(this.declarationSpecifiers) });
    const d = this.SUBRULE(this.declarator);
    let mark = -1;
    this.ACTION(() => {
      this.declare(declaratorName(d), false);
      mark = this.pushScope();
      for (const p of functionParamNames(d)) this.declare(p, false);
    });
    try {
      this.MANY(() => this.SUBRULE(this.attributeSpecifier));
      this.MANY2(() => this.SUBRULE(this.declaration));
      this.SUBRULE(this.compoundStatement);
    } finally {
      this.ACTION(() => this.popScope(mark));
    }
  });

  /**
   * fragmentDefinition = ("filter" | "transform" | "router" | "aggregate") functionDefinition ;  (§8.1)
   * The kind word is contextual (see `fragmentAhead`); the lexer hack may have re-tagged it as a
   * type name, so either token kind is accepted here.
   */
  fragmentDefinition = this.RULE("fragmentDefinition", () => {
    this.OR([
      { ALT: () => this.CONSUME(TypedefName, { LABEL: "kind" }) },
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: "kind" }) },
    ]);
    this.SUBRULE(this.functionDefinition);
  });

  /** paramDeclaration = "param" declaration ;  (§8.2) the word is contextual, as above. */
  paramDeclaration = this.RULE("paramDeclaration", () => {
    this.OR([
      { ALT: () => this.CONSUME(TypedefName, { LABEL: "keyword" }) },
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: "keyword" }) },
    ]);
    this.SUBRULE(this.declaration, { ARGS: [true] });
  });

  // ---- §4 declarations ----------------------------------------------------------------------

  /**
   * declaration = declarationSpecifiers (initDeclaratorList? ";" | functionDefinition) ;  (§4)
   * The second form, only inside a function, is GNU's nested function, which fragments do not
   * allow: it is parsed so the AST builder can say so (E4005) rather than a syntax error and its
   * cascade. Its specifiers are the declaration's.
   */
  declaration = this.RULE("declaration", (atFileScope = false) => {
    const start = this.position;
    try {
      const specs = this.SUBRULE(this.declarationSpecifiers);
      let isTypedef = false;
      this.ACTION(() => (isTypedef = specifiesTypedef(specs)));
      // Built per declaration (not cached like the others): the alternatives read this call's locals.
      this.OR({
        IGNORE_AMBIGUITIES: true, // the gate decides
        MAX_LOOKAHEAD: 1,
        DEF: [
          {
            GATE: () => !atFileScope && this.looksLikeFunctionDefinition(),
            ALT: () => this.SUBRULE(this.functionDefinition),
          },
          {
            ALT: () => {
              // Declarators may be empty (abstract), so without the gate `struct S {…};` would get one.
              this.OPTION({
                GATE: () => this.LA(1).tokenType !== T.Semicolon,
                DEF: () => this.SUBRULE(this.initDeclaratorList, { ARGS: [isTypedef] }),
              });
              this.CONSUME(T.Semicolon);
            },
          },
        ],
      });
    } catch (e) {
      this.recover(e, start, !atFileScope);
    }
  });

  /** staticAssertDeclaration = "_Static_assert" "(" conditionalExpression ("," StringLiteral+)? ")" ";" ;  (§4) */
  staticAssertDeclaration = this.RULE("staticAssertDeclaration", () => {
    this.CONSUME(K._Static_assert);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.conditionalExpression);
    this.OPTION(() => {
      this.CONSUME(T.Comma);
      this.AT_LEAST_ONE(() => this.CONSUME(T.StringLiteral));
    });
    this.CONSUME(T.RParen);
    this.CONSUME(T.Semicolon);
  });

  /** initDeclaratorList = initDeclarator ("," initDeclarator)* ;  (§4) */
  initDeclaratorList = this.RULE("initDeclaratorList", (isTypedef = false) => {
    this.SUBRULE(this.initDeclarator, { ARGS: [isTypedef] });
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.initDeclarator, { ARGS: [isTypedef] });
    });
  });

  /**
   * initDeclarator = declarator (asmLabel | attributeSpecifier)* ("=" initializer)? ;  (§4)
   * The name is in scope from the end of its declarator, so `int x = sizeof x;` works and
   * `typedef int T, U[sizeof(T)];` sees T as a type.
   */
  initDeclarator = this.RULE("initDeclarator", (isTypedef = false) => {
    const d = this.SUBRULE(this.declarator);
    this.ACTION(() => this.declare(declaratorName(d), isTypedef));
    this.MANY(() =>
      this.OR(
        (this.alts.initDeclarator ??= [
          { ALT: () => this.SUBRULE(this.asmLabel) },
          { ALT: () => this.SUBRULE(this.attributeSpecifier) },
        ]),
      ),
    );
    this.OPTION(() => {
      this.CONSUME(T.Assign);
      this.SUBRULE(this.initializer);
    });
  });

  /**
   * declarationSpecifiers = ( storageClass | typeQualifier | functionSpecifier | typeKeyword
   *     | TypedefName | structOrUnionSpecifier | enumSpecifier | typeofSpecifier
   *     | alignasSpecifier | attributeSpecifier )+ ;  (§4.1)
   * In any order (`const int static`). A typedef name counts only before any other type
   * specifier: in `unsigned T;` or `T T;` the second name is the declarator (C11 6.7.2p2).
   */
  declarationSpecifiers = this.RULE("declarationSpecifiers", () => {
    // Specifiers nest (`struct { T x; } y`, `__typeof__(…)`), so the flag is saved around them.
    const outer = this.sawTypeSpecifier;
    this.sawTypeSpecifier = false;
    try {
      this.AT_LEAST_ONE(
        (this.loops.declarationSpecifiers ??= {
          GATE: () => !this.sawTypeSpecifier || this.LA(1).tokenType !== TypedefName,
          DEF: () =>
            this.OR(
              (this.alts.declarationSpecifiers ??= [
                ...storageClasses.map((t) => ({ ALT: () => this.CONSUME(t, { LABEL: "storageClass" }) })),
                ...typeQualifiers.map((t) => ({ ALT: () => this.CONSUME(t, { LABEL: "typeQualifier" }) })),
                ...functionSpecifiers.map((t) => ({ ALT: () => this.CONSUME(t, { LABEL: "functionSpecifier" }) })),
                ...typeKeywords.map((t) => ({
                  ALT: () => {
                    this.CONSUME(t, { LABEL: "typeKeyword" });
                    this.ACTION(this.typeSeen);
                  },
                })),
                {
                  ALT: () => {
                    this.CONSUME(TypedefName);
                    this.ACTION(this.typeSeen);
                  },
                },
                {
                  ALT: () => {
                    this.SUBRULE(this.structOrUnionSpecifier);
                    this.ACTION(this.typeSeen);
                  },
                },
                {
                  ALT: () => {
                    this.SUBRULE(this.enumSpecifier);
                    this.ACTION(this.typeSeen);
                  },
                },
                {
                  ALT: () => {
                    this.SUBRULE(this.typeofSpecifier);
                    this.ACTION(this.typeSeen);
                  },
                },
                { ALT: () => this.SUBRULE(this.alignasSpecifier) },
                { ALT: () => this.SUBRULE(this.attributeSpecifier) },
              ]),
            ),
        }),
      );
    } finally {
      this.sawTypeSpecifier = outer;
    }
  });

  /** typeofSpecifier = "__typeof__" "(" (typeName | expression) ")" ;  (§4.1) */
  typeofSpecifier = this.RULE("typeofSpecifier", () => {
    this.CONSUME(K.__typeof__);
    this.CONSUME(T.LParen);
    this.OR(
      (this.orOptions.typeofSpecifier ??= {
        IGNORE_AMBIGUITIES: true, // a typedef name starts both kinds: the first alternative wins
        DEF: [
          { ALT: () => this.SUBRULE(this.typeName) },
          { ALT: () => this.SUBRULE(this.expression) },
        ],
      }),
    );
    this.CONSUME(T.RParen);
  });

  /** alignasSpecifier = "_Alignas" "(" (typeName | conditionalExpression) ")" ;  (§4.1) */
  alignasSpecifier = this.RULE("alignasSpecifier", () => {
    this.CONSUME(K._Alignas);
    this.CONSUME(T.LParen);
    this.OR(
      (this.orOptions.alignasSpecifier ??= {
        IGNORE_AMBIGUITIES: true, // a typedef name starts both kinds: the first alternative wins
        DEF: [
          { ALT: () => this.SUBRULE(this.typeName) },
          { ALT: () => this.SUBRULE(this.conditionalExpression) },
        ],
      }),
    );
    this.CONSUME(T.RParen);
  });

  /**
   * attributeSpecifier = "__attribute__" "(" "(" attribute? ("," attribute?)* ")" ")" ;  (§4.1)
   * GNU; accepted wherever gcc takes one. The AST keeps only `packed` and `aligned(N)`.
   */
  attributeSpecifier = this.RULE("attributeSpecifier", () => {
    this.CONSUME(K.__attribute__);
    this.CONSUME(T.LParen);
    this.CONSUME2(T.LParen);
    this.OPTION(() => this.SUBRULE(this.attribute));
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.OPTION2(() => this.SUBRULE2(this.attribute));
    });
    this.CONSUME(T.RParen);
    this.CONSUME2(T.RParen);
  });

  /**
   * attribute = (Identifier | TypedefName | keyword)
   *             ("(" (assignmentExpression ("," assignmentExpression)*)? ")")? ;  (§4.1)
   */
  attribute = this.RULE("attribute", () => {
    this.OR((this.alts.attribute ??= [
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: "name" }) },
      { ALT: () => this.CONSUME(TypedefName, { LABEL: "name" }) },
      ...attributeKeywords.map((t) => ({ ALT: () => this.CONSUME(t, { LABEL: "name" }) })),
    ]));
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.OPTION2(() => {
        this.SUBRULE(this.assignmentExpression);
        this.MANY(() => {
          this.CONSUME(T.Comma);
          this.SUBRULE2(this.assignmentExpression);
        });
      });
      this.CONSUME(T.RParen);
    });
  });

  /** asmLabel = "__asm__" "(" StringLiteral+ ")" ;  (§4.1, GNU; ignored) */
  asmLabel = this.RULE("asmLabel", () => {
    this.CONSUME(K.__asm__);
    this.CONSUME(T.LParen);
    this.AT_LEAST_ONE(() => this.CONSUME(T.StringLiteral));
    this.CONSUME(T.RParen);
  });

  // ---- §4.3 struct, union, enum ------------------------------------------------------------

  /**
   * structOrUnionSpecifier = ("struct" | "union") attributeSpecifier* (identifier structBody? | structBody)
   *                          attributeSpecifier* ;  (§4.3)
   * Attributes after the body (`} __attribute__((packed))`) belong to the type, as in gcc.
   */
  structOrUnionSpecifier = this.RULE("structOrUnionSpecifier", () => {
    this.OR(
      (this.alts.structOrUnionSpecifier ??= [
        { ALT: () => this.CONSUME(K.struct) },
        { ALT: () => this.CONSUME(K.union) },
      ]),
    );
    this.MANY(() => this.SUBRULE(this.attributeSpecifier));
    this.OR2((this.alts.structOrUnionSpecifier2 ??= [
      {
        ALT: () => {
          this.SUBRULE(this.identifier);
          this.OPTION(() => this.SUBRULE(this.structBody));
        },
      },
      { ALT: () => this.SUBRULE2(this.structBody) },
    ]));
    this.MANY2(() => this.SUBRULE2(this.attributeSpecifier));
  });

  /** structBody = "{" structDeclaration* "}" ;  (§4.3) */
  structBody = this.RULE("structBody", () => {
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.structDeclaration));
    this.CONSUME(T.RBrace);
  });

  /**
   * structDeclaration = declarationSpecifiers (structDeclarator ("," structDeclarator)*)? ";"
   *                   | staticAssertDeclaration | ";" ;  (§4.3)
   * No declarator: an anonymous struct/union member. Member names are not ordinary
   * identifiers, so they do not shadow typedef names.
   */
  structDeclaration = this.RULE("structDeclaration", () => {
    const start = this.position;
    try {
      this.OR((this.alts.structDeclaration ??= [
        {
          ALT: () => {
            this.SUBRULE(this.declarationSpecifiers);
            this.OPTION({
              GATE: () => this.LA(1).tokenType !== T.Semicolon, // an anonymous member has no declarator
              DEF: () => {
                this.SUBRULE(this.structDeclarator);
                this.MANY(() => {
                  this.CONSUME(T.Comma);
                  this.SUBRULE2(this.structDeclarator);
                });
              },
            });
            this.CONSUME(T.Semicolon);
          },
        },
        { ALT: () => this.SUBRULE(this.staticAssertDeclaration) },
        { ALT: () => this.CONSUME2(T.Semicolon) },
      ]));
    } catch (e) {
      this.recover(e, start, true);
    }
  });

  /** structDeclarator = declarator (":" conditionalExpression)? attributeSpecifier* ;  (§4.3; `int :0;` is unnamed) */
  structDeclarator = this.RULE("structDeclarator", () => {
    this.SUBRULE(this.declarator);
    this.OPTION(() => {
      this.CONSUME(T.Colon);
      this.SUBRULE(this.conditionalExpression);
    });
    this.MANY(() => this.SUBRULE(this.attributeSpecifier));
  });

  /** enumSpecifier = "enum" attributeSpecifier* (identifier enumBody? | enumBody) attributeSpecifier* ;  (§4.3) */
  enumSpecifier = this.RULE("enumSpecifier", () => {
    this.CONSUME(K.enum);
    this.MANY(() => this.SUBRULE(this.attributeSpecifier));
    this.OR((this.alts.enumSpecifier ??= [
      {
        ALT: () => {
          this.SUBRULE(this.identifier);
          this.OPTION(() => this.SUBRULE(this.enumBody));
        },
      },
      { ALT: () => this.SUBRULE2(this.enumBody) },
    ]));
    this.MANY2(() => this.SUBRULE2(this.attributeSpecifier));
  });

  /** enumBody = "{" enumerator ("," enumerator)* ","? "}" ;  (§4.3; a trailing comma is allowed) */
  enumBody = this.RULE("enumBody", () => {
    this.CONSUME(T.LBrace);
    this.SUBRULE(this.enumerator);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.enumerator);
    });
    this.OPTION(() => this.CONSUME2(T.Comma));
    this.CONSUME(T.RBrace);
  });

  /** enumerator = identifier attributeSpecifier* ("=" conditionalExpression)? ;  (§4.3; an ordinary identifier) */
  enumerator = this.RULE("enumerator", () => {
    const name = this.SUBRULE(this.identifier);
    this.ACTION(() => this.declare(tokenOf(name)?.image, false));
    this.MANY(() => this.SUBRULE(this.attributeSpecifier));
    this.OPTION(() => {
      this.CONSUME(T.Assign);
      this.SUBRULE(this.conditionalExpression);
    });
  });

  // ---- §4.2 declarators ----------------------------------------------------------------------

  /** declarator = pointer* directDeclarator ;  (§4.2; the name is optional: see the header) */
  declarator = this.RULE("declarator", () => {
    this.MANY(() => this.SUBRULE(this.pointer));
    this.SUBRULE(this.directDeclarator);
  });

  /** pointer = "*" (typeQualifier | attributeSpecifier)* ;  (§4.2) */
  pointer = this.RULE("pointer", () => {
    this.CONSUME(T.Star);
    this.MANY(() =>
      this.OR((this.alts.pointer ??= [
        ...typeQualifiers.map((t) => ({ ALT: () => this.CONSUME(t, { LABEL: "typeQualifier" }) })),
        { ALT: () => this.SUBRULE(this.attributeSpecifier) },
      ])),
    );
  });

  /**
   * directDeclarator = ( identifier | "(" attributeSpecifier* declarator ")" )? declaratorSuffix* ;  (§4.2)
   * A `(` opens a nested declarator only when followed by `*`, `(`, `[`, a plain identifier or an
   * attribute; otherwise (`int (int)`, `void (T)`, `f()`) it is a parameter list (C11 6.7.6.3p11).
   */
  directDeclarator = this.RULE("directDeclarator", () => {
    this.OPTION({
      GATE: () => this.LA(1).tokenType !== T.LParen || nestedDeclaratorStarts.has(this.LA(2).tokenTypeIdx),
      DEF: () =>
        this.OR((this.alts.directDeclarator ??= [
          { ALT: () => this.SUBRULE(this.identifier) },
          {
            ALT: () => {
              this.CONSUME(T.LParen);
              this.MANY(() => this.SUBRULE(this.attributeSpecifier));
              this.SUBRULE(this.declarator);
              this.CONSUME(T.RParen);
            },
          },
        ])),
    });
    this.MANY2(() => this.SUBRULE(this.declaratorSuffix));
  });

  /**
   * declaratorSuffix = "[" ("static" | typeQualifier)* ("*" "]" | assignmentExpression? "]")
   *                  | "(" (parameterList | identifierList)? ")" ;  (§4.2)
   * Parameter names live in a prototype scope of their own.
   */
  declaratorSuffix = this.RULE("declaratorSuffix", () => {
    this.OR((this.alts.declaratorSuffix ??= [
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.MANY(() =>
            this.OR2((this.alts.declaratorSuffix2 ??= [
              { ALT: () => this.CONSUME(K.static) },
              ...typeQualifiers.map((t) => ({ ALT: () => this.CONSUME(t, { LABEL: "typeQualifier" }) })),
            ])),
          );
          this.OR3((this.alts.declaratorSuffix3 ??= [
            {
              ALT: () => {
                this.CONSUME(T.Star);
                this.CONSUME(T.RBracket);
              },
            },
            {
              ALT: () => {
                this.OPTION(() => this.SUBRULE(this.assignmentExpression));
                this.CONSUME2(T.RBracket);
              },
            },
          ]));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          let mark = -1;
          this.ACTION(() => (mark = this.pushScope()));
          try {
            this.OPTION2(() =>
              this.OR4((this.alts.declaratorSuffix4 ??= [
                { ALT: () => this.SUBRULE(this.parameterList) },
                { ALT: () => this.SUBRULE(this.identifierList) },
              ])),
            );
          } finally {
            this.ACTION(() => this.popScope(mark));
          }
          this.CONSUME(T.RParen);
        },
      },
    ]));
  });

  /** parameterList = parameterDeclaration ("," parameterDeclaration)* ("," "...")? ;  (§4.2) */
  parameterList = this.RULE("parameterList", () => {
    this.SUBRULE(this.parameterDeclaration);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.parameterDeclaration);
    });
    this.OPTION(() => {
      this.CONSUME2(T.Comma);
      this.CONSUME(T.Ellipsis);
    });
  });

  /** parameterDeclaration = declarationSpecifiers declarator attributeSpecifier* ;  (§4.2) */
  parameterDeclaration = this.RULE("parameterDeclaration", () => {
    this.SUBRULE(this.declarationSpecifiers);
    const d = this.SUBRULE(this.declarator);
    this.ACTION(() => this.declare(declaratorName(d), false));
    this.MANY(() => this.SUBRULE(this.attributeSpecifier));
  });

  /** identifierList = Identifier ("," Identifier)* ;  (§4.2; K&R parameter names) */
  identifierList = this.RULE("identifierList", () => {
    this.CONSUME(T.Identifier);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.CONSUME2(T.Identifier);
    });
  });

  /** typeName = declarationSpecifiers declarator ;  (§4.2; the declarator is abstract) */
  typeName = this.RULE("typeName", () => {
    this.SUBRULE(this.declarationSpecifiers);
    this.SUBRULE(this.declarator);
  });

  /** identifier = Identifier | TypedefName ;  (§2; where any name may appear, a typedef name is just a name) */
  identifier = this.RULE("identifier", () => {
    this.OR(
      (this.alts.identifier ??= [
        { ALT: () => this.CONSUME(T.Identifier) },
        { ALT: () => this.CONSUME(TypedefName) },
      ]),
    );
  });

  // ---- §4.4 initializers ---------------------------------------------------------------------

  /** initializer = globalAggregate | initializerList | assignmentExpression ;  (§4.4, §8.4) */
  initializer = this.RULE("initializer", () => {
    this.OR(
      (this.alts.initializer ??= [
        { GATE: () => this.globalAhead(), IGNORE_AMBIGUITIES: true, ALT: () => this.SUBRULE(this.globalAggregate) },
        { ALT: () => this.SUBRULE(this.initializerList) },
        { ALT: () => this.SUBRULE(this.assignmentExpression) },
      ]),
    );
  });

  /**
   * globalAggregate = "global" Identifier "(" assignmentExpression ("," assignmentExpression)* ")" ;  (§8.4)
   * `global` is contextual, like the words of §8.1: see `globalAhead`.
   */
  globalAggregate = this.RULE("globalAggregate", () => {
    this.OR([
      { ALT: () => this.CONSUME(TypedefName, { LABEL: "keyword" }) },
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: "keyword" }) },
    ]);
    this.CONSUME2(T.Identifier, { LABEL: "aggregate" });
    this.CONSUME(T.LParen);
    this.SUBRULE(this.assignmentExpression, { LABEL: "argument" });
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.assignmentExpression, { LABEL: "argument" });
    });
    this.CONSUME(T.RParen);
  });

  /** initializerList = "{" (initializerItem ("," initializerItem)* ","?)? "}" ;  (§4.4; `{}` is GNU) */
  initializerList = this.RULE("initializerList", () => {
    this.CONSUME(T.LBrace);
    this.OPTION(() => {
      this.SUBRULE(this.initializerItem);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.initializerItem);
      });
      this.OPTION2(() => this.CONSUME2(T.Comma));
    });
    this.CONSUME(T.RBrace);
  });

  /** initializerItem = (designator+ "=" | identifier ":")? initializer ;  (§4.4; `x: 1` is old GNU) */
  initializerItem = this.RULE("initializerItem", () => {
    this.OPTION(() =>
      this.OR((this.alts.initializerItem ??= [
        {
          ALT: () => {
            this.AT_LEAST_ONE(() => this.SUBRULE(this.designator));
            this.CONSUME(T.Assign);
          },
        },
        {
          ALT: () => {
            this.SUBRULE(this.identifier);
            this.CONSUME(T.Colon);
          },
        },
      ])),
    );
    this.SUBRULE(this.initializer);
  });

  /** designator = "[" conditionalExpression ("..." conditionalExpression)? "]" | "." identifier ;  (§4.4) */
  designator = this.RULE("designator", () => {
    this.OR((this.alts.designator ??= [
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.SUBRULE(this.conditionalExpression);
          this.OPTION(() => {
            this.CONSUME(T.Ellipsis);
            this.SUBRULE2(this.conditionalExpression);
          });
          this.CONSUME(T.RBracket);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Dot);
          this.SUBRULE(this.identifier);
        },
      },
    ]));
  });

  // ---- §6 statements ---------------------------------------------------------------------------

  /**
   * compoundStatement = "{" (declaration | staticAssertDeclaration | statement)* "}" ;  (§6.2)
   * Items keep their order under the one key `item`. A block is a scope for typedef names.
   */
  compoundStatement = this.RULE("compoundStatement", () => {
    this.CONSUME(T.LBrace);
    let mark = -1;
    this.ACTION(() => (mark = this.pushScope()));
    try {
      this.MANY(() =>
        this.OR((this.orOptions.compoundStatement ??= {
          IGNORE_AMBIGUITIES: true, // a typedef name starts both kinds: the first alternative wins
          MAX_LOOKAHEAD: 1,
          DEF: [
            { ALT: () => this.SUBRULE(this.declaration, { LABEL: "item" }) },
            { ALT: () => this.SUBRULE(this.staticAssertDeclaration, { LABEL: "item" }) },
            { ALT: () => this.SUBRULE(this.statement, { LABEL: "item" }) },
          ],
        })),
      );
    } finally {
      this.ACTION(() => this.popScope(mark));
    }
    this.CONSUME(T.RBrace);
  });

  /**
   * statement = labeledStatement | caseStatement | defaultStatement | compoundStatement
   *           | ifStatement | switchStatement | whileStatement | doStatement | forStatement
   *           | gotoStatement | continueStatement | breakStatement | returnStatement
   *           | asmStatement | expressionStatement ;  (§6)
   */
  statement = this.RULE("statement", () => {
    const start = this.position;
    try {
      this.OR((this.alts.statement ??= [
        { ALT: () => this.SUBRULE(this.labeledStatement) },
        { ALT: () => this.SUBRULE(this.caseStatement) },
        { ALT: () => this.SUBRULE(this.defaultStatement) },
        { ALT: () => this.SUBRULE(this.compoundStatement) },
        { ALT: () => this.SUBRULE(this.ifStatement) },
        { ALT: () => this.SUBRULE(this.switchStatement) },
        { ALT: () => this.SUBRULE(this.whileStatement) },
        { ALT: () => this.SUBRULE(this.doStatement) },
        { ALT: () => this.SUBRULE(this.forStatement) },
        { ALT: () => this.SUBRULE(this.gotoStatement) },
        { ALT: () => this.SUBRULE(this.continueStatement) },
        { ALT: () => this.SUBRULE(this.breakStatement) },
        { ALT: () => this.SUBRULE(this.returnStatement) },
        { ALT: () => this.SUBRULE(this.asmStatement) },
        { ALT: () => this.SUBRULE(this.expressionStatement) },
      ]));
    } catch (e) {
      this.recover(e, start, true);
    }
  });

  /**
   * labelBody = declaration | statement ;  (§6.1)
   * What follows a label. A declaration (C23; gcc accepts) or nothing before `}` (C23) is allowed.
   */
  private labelBody(): void {
    this.OPTION9(() =>
      this.OR9((this.orOptions.labelBody9 ??= {
        IGNORE_AMBIGUITIES: true, // a typedef name starts both kinds: the first alternative wins
        MAX_LOOKAHEAD: 1,
        DEF: [
          { ALT: () => this.SUBRULE9(this.declaration) },
          { ALT: () => this.SUBRULE9(this.statement) },
        ],
      })),
    );
  }

  /** labeledStatement = Identifier ":" attributeSpecifier* (statement | declaration)? ;  (§6) */
  labeledStatement = this.RULE("labeledStatement", () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.MANY(() => this.SUBRULE(this.attributeSpecifier));
    this.labelBody();
  });

  /**
   * caseStatement = "case" conditionalExpression ("..." conditionalExpression)? ":" (statement | declaration)? ;
   * (§6; ranges are GNU)
   */
  caseStatement = this.RULE("caseStatement", () => {
    this.CONSUME(K.case);
    this.SUBRULE(this.conditionalExpression);
    this.OPTION(() => {
      this.CONSUME(T.Ellipsis);
      this.SUBRULE2(this.conditionalExpression);
    });
    this.CONSUME(T.Colon);
    this.labelBody();
  });

  /** defaultStatement = "default" ":" (statement | declaration)? ;  (§6) */
  defaultStatement = this.RULE("defaultStatement", () => {
    this.CONSUME(K.default);
    this.CONSUME(T.Colon);
    this.labelBody();
  });

  /** expressionStatement = expression? ";" ;  (§6) */
  expressionStatement = this.RULE("expressionStatement", () => {
    this.OPTION(() => this.SUBRULE(this.expression));
    this.CONSUME(T.Semicolon);
  });

  /** ifStatement = "if" "(" expression ")" statement ("else" statement)? ;  (§6; `else` binds to the nearest `if`) */
  ifStatement = this.RULE("ifStatement", () => {
    this.CONSUME(K.if);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
    this.SUBRULE(this.statement);
    this.OPTION(() => {
      this.CONSUME(K.else);
      this.SUBRULE2(this.statement);
    });
  });

  /** switchStatement = "switch" "(" expression ")" statement ;  (§6) */
  switchStatement = this.RULE("switchStatement", () => {
    this.CONSUME(K.switch);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
    this.SUBRULE(this.statement);
  });

  /** whileStatement = "while" "(" expression ")" statement ;  (§6) */
  whileStatement = this.RULE("whileStatement", () => {
    this.CONSUME(K.while);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
    this.SUBRULE(this.statement);
  });

  /** doStatement = "do" statement "while" "(" expression ")" ";" ;  (§6) */
  doStatement = this.RULE("doStatement", () => {
    this.CONSUME(K.do);
    this.SUBRULE(this.statement);
    this.CONSUME(K.while);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
    this.CONSUME(T.Semicolon);
  });

  /**
   * forStatement = "for" "(" (declaration | expression? ";") expression? ";" expression? ")" statement ;  (§6)
   * The three expressions carry labels `init`, `cond` and `step`. The loop is a scope.
   */
  forStatement = this.RULE("forStatement", () => {
    this.CONSUME(K.for);
    this.CONSUME(T.LParen);
    let mark = -1;
    this.ACTION(() => (mark = this.pushScope()));
    try {
      this.OR((this.orOptions.forStatement ??= {
        IGNORE_AMBIGUITIES: true, // a typedef name starts both kinds: the first alternative wins
        MAX_LOOKAHEAD: 1,
        DEF: [
          { ALT: () => this.SUBRULE(this.declaration) },
          {
            ALT: () => {
              this.OPTION(() => this.SUBRULE(this.expression, { LABEL: "init" }));
              this.CONSUME(T.Semicolon);
            },
          },
        ],
      }));
      this.OPTION2(() => this.SUBRULE2(this.expression, { LABEL: "cond" }));
      this.CONSUME2(T.Semicolon);
      this.OPTION3(() => this.SUBRULE3(this.expression, { LABEL: "step" }));
      this.CONSUME(T.RParen);
      this.SUBRULE(this.statement);
    } finally {
      this.ACTION(() => this.popScope(mark));
    }
  });

  /** gotoStatement = "goto" identifier ";" ;  (§6) */
  gotoStatement = this.RULE("gotoStatement", () => {
    this.CONSUME(K.goto);
    this.SUBRULE(this.identifier);
    this.CONSUME(T.Semicolon);
  });

  /** continueStatement = "continue" ";" ;  (§6) */
  continueStatement = this.RULE("continueStatement", () => {
    this.CONSUME(K.continue);
    this.CONSUME(T.Semicolon);
  });

  /** breakStatement = "break" ";" ;  (§6) */
  breakStatement = this.RULE("breakStatement", () => {
    this.CONSUME(K.break);
    this.CONSUME(T.Semicolon);
  });

  /** returnStatement = "return" expression? ";" ;  (§6) */
  returnStatement = this.RULE("returnStatement", () => {
    this.CONSUME(K.return);
    this.OPTION(() => this.SUBRULE(this.expression));
    this.CONSUME(T.Semicolon);
  });

  /**
   * asmStatement = "__asm__" ("volatile" | "inline" | "goto")* "(" StringLiteral+ (":" asmOperands?)* ")" ";" ;
   * asmOperands = asmOperand ("," asmOperand)* ;  (§6, GNU; parsed and ignored, also at file scope)
   */
  asmStatement = this.RULE("asmStatement", () => {
    this.CONSUME(K.__asm__);
    this.MANY(() =>
      this.OR((this.alts.asmStatement ??= [
        { ALT: () => this.CONSUME(K.volatile) },
        { ALT: () => this.CONSUME(K.inline) },
        { ALT: () => this.CONSUME(K.goto) },
      ])),
    );
    this.CONSUME(T.LParen);
    this.AT_LEAST_ONE(() => this.CONSUME(T.StringLiteral));
    this.MANY2(() => {
      this.CONSUME(T.Colon);
      this.OPTION(() => {
        this.SUBRULE(this.asmOperand);
        this.MANY3(() => {
          this.CONSUME(T.Comma);
          this.SUBRULE2(this.asmOperand);
        });
      });
    });
    this.CONSUME(T.RParen);
    this.CONSUME(T.Semicolon);
  });

  /** asmOperand = ("[" identifier "]")? StringLiteral+ ("(" expression ")")? | identifier ;  (§6) */
  asmOperand = this.RULE("asmOperand", () => {
    this.OR((this.alts.asmOperand ??= [
      {
        ALT: () => {
          this.OPTION(() => {
            this.CONSUME(T.LBracket);
            this.SUBRULE(this.identifier);
            this.CONSUME(T.RBracket);
          });
          this.AT_LEAST_ONE(() => this.CONSUME(T.StringLiteral));
          this.OPTION2(() => {
            this.CONSUME(T.LParen);
            this.SUBRULE(this.expression);
            this.CONSUME(T.RParen);
          });
        },
      },
      { ALT: () => this.SUBRULE2(this.identifier) },
    ]));
  });

  // ---- §5 expressions ------------------------------------------------------------------------

  /** expression = assignmentExpression ("," assignmentExpression)* ;  (§5.5) */
  expression = this.RULE("expression", () => {
    this.SUBRULE(this.assignmentExpression);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.assignmentExpression);
    });
  });

  /**
   * assignmentExpression = conditionalExpression (assignmentOperator assignmentExpression)? ;  (§5.5)
   * Right-associative. C requires a unary expression on the left; the checker reports a
   * non-assignable one, which is a clearer message than a syntax error.
   */
  assignmentExpression = this.RULE("assignmentExpression", () => {
    this.SUBRULE(this.conditionalExpression);
    this.OPTION(() => {
      this.OR(
        (this.alts.assignmentExpression ??= this.operatorAlts(assignmentOperators)),
      );
      this.SUBRULE(this.assignmentExpression);
    });
  });

  /**
   * conditionalExpression = castExpression (binaryOperator castExpression)*
   *                         ("?" expression? ":" conditionalExpression)? ;  (§5.4; the table is §5.0)
   * binaryOperator = "||" | "&&" | "|" | "^" | "&" | "==" | "!=" | "<" | ">" | "<=" | ">="
   *                | "<<" | ">>" | "+" | "-" | "*" | "/" | "%" ;
   * C's ten levels of binary operators, flat: the AST builder applies their precedence and left
   * associativity. Without the middle operand it is GNU's `a ?: b` (a if non-zero, evaluated once).
   */
  conditionalExpression = this.RULE("conditionalExpression", () => {
    this.SUBRULE(this.castExpression);
    this.MANY(() => {
      this.OR((this.alts.conditionalExpression ??= this.operatorAlts(binaryOperators)));
      this.SUBRULE2(this.castExpression);
    });
    this.OPTION(() => {
      this.CONSUME(T.Question);
      this.OPTION2(() => this.SUBRULE(this.expression));
      this.CONSUME(T.Colon);
      this.SUBRULE(this.conditionalExpression);
    });
  });

  /**
   * castExpression = "(" typeName ")" (initializerList postfixSuffix* | castExpression)
   *   | ("++" | "--" | "&" | "*" | "+" | "-" | "~" | "!") castExpression
   *   | ("sizeof" | "_Alignof") ("(" typeName ")" initializerList? | castExpression)
   *   | primaryExpression postfixSuffix* ;  (§5.2, §5.3)
   * C's cast-, unary- and postfix-expression in one rule, for fewer rule calls per operand. It
   * accepts a little more than C (`++(int)x`, `sizeof (int)x` is still sizeof(int)); the checker
   * rejects what is not an lvalue. `(T)x` is a cast and `(x)` a parenthesized expression: the
   * token after `(` decides, since typedef names arrive as their own token. `(T){…}` is a
   * compound literal; `sizeof (T){…}` measures one.
   */
  castExpression = this.RULE("castExpression", () => {
    this.OR((this.orOptions.castExpression ??= {
      IGNORE_AMBIGUITIES: true, // a typedef name starts both kinds: the first alternative wins
      DEF: [
        {
          ALT: () => {
            this.CONSUME(T.LParen);
            this.SUBRULE(this.typeName);
            this.CONSUME(T.RParen);
            this.OR2((this.alts.castExpression2 ??= [
              {
                ALT: () => {
                  this.SUBRULE(this.initializerList);
                  this.MANY(() => this.SUBRULE(this.postfixSuffix));
                },
              },
              { ALT: () => this.SUBRULE(this.castExpression) },
            ]));
          },
        },
        {
          ALT: () => {
            this.OR3((this.alts.castExpression3 ??= this.operatorAlts(prefixOperators)));
            this.SUBRULE2(this.castExpression);
          },
        },
        {
          ALT: () => {
            this.OR4((this.alts.castExpression4 ??= this.operatorAlts([K.sizeof, K._Alignof])));
            this.OR5((this.orOptions.castExpression5 ??= {
              IGNORE_AMBIGUITIES: true, // a typedef name starts both kinds: the first alternative wins
              DEF: [
                {
                  ALT: () => {
                    this.CONSUME2(T.LParen);
                    this.SUBRULE2(this.typeName);
                    this.CONSUME2(T.RParen);
                    this.OPTION(() => this.SUBRULE2(this.initializerList));
                  },
                },
                { ALT: () => this.SUBRULE3(this.castExpression) },
              ],
            }));
          },
        },
        {
          ALT: () => {
            this.SUBRULE(this.primaryExpression);
            this.MANY2(() => this.SUBRULE2(this.postfixSuffix));
          },
        },
      ],
    }));
  });

  /**
   * postfixSuffix = "[" expression "]" | "(" (assignmentExpression ("," assignmentExpression)*)? ")"
   *               | ("." | "->") identifier | "++" | "--" ;  (§5.2)
   */
  postfixSuffix = this.RULE("postfixSuffix", () => {
    this.OR((this.alts.postfixSuffix ??= [
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.SUBRULE(this.expression);
          this.CONSUME(T.RBracket);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.OPTION(() => {
            this.SUBRULE(this.assignmentExpression, { LABEL: "argument" });
            this.MANY(() => {
              this.CONSUME(T.Comma);
              this.SUBRULE2(this.assignmentExpression, { LABEL: "argument" });
            });
          });
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.OR2(
            (this.alts.postfixSuffix2 ??= [
              { ALT: () => this.CONSUME(T.Dot) },
              { ALT: () => this.CONSUME(T.Arrow) },
            ]),
          );
          this.SUBRULE(this.identifier);
        },
      },
      { ALT: () => this.CONSUME(T.PlusPlus) },
      { ALT: () => this.CONSUME(T.MinusMinus) },
    ]));
  });

  /**
   * primaryExpression = Identifier | TypedefName | IntegerLiteral | FloatLiteral | CharLiteral | StringLiteral+
   *   | "(" (compoundStatement | expression) ")"
   *   | "__builtin_va_arg" "(" assignmentExpression "," typeName ")"
   *   | "__builtin_offsetof" "(" typeName "," identifier designator* ")" ;  (§5.1)
   * `({ … })` is a GNU statement expression. The two builtins take a type, so they are syntax.
   * A typedef name is no value, but taking it here lets the checker say so (E2010); wherever a
   * type may also start, the type alternative comes first and wins.
   */
  primaryExpression = this.RULE("primaryExpression", () => {
    this.OR((this.alts.primaryExpression ??= [
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(TypedefName) },
      { ALT: () => this.CONSUME(T.IntegerLiteral) },
      { ALT: () => this.CONSUME(T.FloatLiteral) },
      { ALT: () => this.CONSUME(T.CharLiteral) },
      { ALT: () => this.AT_LEAST_ONE(() => this.CONSUME(T.StringLiteral)) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.OR2(
            (this.alts.primaryExpression2 ??= [
              { ALT: () => this.SUBRULE(this.compoundStatement) },
              { ALT: () => this.SUBRULE(this.expression) },
            ]),
          );
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.__builtin_va_arg);
          this.CONSUME2(T.LParen);
          this.SUBRULE(this.assignmentExpression);
          this.CONSUME(T.Comma);
          this.SUBRULE(this.typeName);
          this.CONSUME2(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.__builtin_offsetof);
          this.CONSUME3(T.LParen);
          this.SUBRULE2(this.typeName);
          this.CONSUME2(T.Comma);
          this.SUBRULE(this.identifier);
          this.MANY(() => this.SUBRULE(this.designator));
          this.CONSUME3(T.RParen);
        },
      },
    ]));
  });
}

// ---- helpers the ACTIONs use to read names out of finished CST nodes ------------------------

const closerOf = new Map<TokenType, TokenType>([
  [T.LParen, T.RParen],
  [T.LBracket, T.RBracket],
  [T.LBrace, T.RBrace],
]);

function tokenLabel(t: TokenType): string {
  if (t === EOF) return "end of input";
  if (t === T.Identifier) return "an identifier";
  return t.LABEL ?? t.name;
}

function isToken(x: CstNode | IToken): x is IToken {
  return (x as IToken).image !== undefined;
}

/** The token of an `identifier` node. */
function tokenOf(node: CstNode | undefined): IToken | undefined {
  const c = node?.children;
  const t = c?.Identifier?.[0] ?? c?.TypedefName?.[0];
  return t && isToken(t) ? t : undefined;
}

function specifiesTypedef(specs: CstNode): boolean {
  return (specs.children.storageClass ?? []).some((t) => isToken(t) && t.tokenType === K.typedef);
}

/** The innermost direct declarator: the one holding the name (or nothing, if abstract). */
function innermostDirect(declarator: CstNode | undefined): CstNode | undefined {
  const direct = declarator?.children.directDeclarator?.[0] as CstNode | undefined;
  const nested = direct?.children.declarator?.[0] as CstNode | undefined;
  return nested ? (innermostDirect(nested) ?? direct) : direct;
}

/** The name a declarator declares, if any (recovered nodes may lack it). */
export function declaratorName(declarator: CstNode | undefined): string | undefined {
  const direct = innermostDirect(declarator);
  return tokenOf(direct?.children.identifier?.[0] as CstNode | undefined)?.image;
}

/** Parameter names of the function a definition's declarator declares (`int (*f(int a))(char)` → a). */
function functionParamNames(declarator: CstNode): string[] {
  const suffix = innermostDirect(declarator)?.children.declaratorSuffix?.[0] as CstNode | undefined;
  const params = suffix?.children.parameterList?.[0] as CstNode | undefined;
  if (params) {
    return (params.children.parameterDeclaration ?? []).flatMap((p) => {
      const name = declaratorName((p as CstNode).children.declarator?.[0] as CstNode | undefined);
      return name === undefined ? [] : [name];
    });
  }
  const ids = suffix?.children.identifierList?.[0] as CstNode | undefined;
  return (ids?.children.Identifier ?? []).map((t) => (t as IToken).image);
}

/** The one parser instance: chevrotain parsers are built once (self-analysis is the slow part) and reused. */
let instance: CParser | undefined;
export function ensureParser(): CParser {
  return (instance ??= new CParser());
}
