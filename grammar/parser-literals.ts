// Bracketed constructs of expression mode: type names and attributes `[...]`, `( )`, `$( )`, `@( )`,
// hash literals `@{ }` and script block literals `{ }`. DSL option objects are created once (see
// parser-expressions.ts for why).
import type { IToken, ParserMethod } from 'chevrotain';
import type {
  ArrayExpressionAst, AttributeAst, ExpressionAst, HashtableAst, ParenAst, StatementAst, SubExpressionAst,
} from './ast.ts';
import type { TypeOrAttribute } from './parser-base.ts';
import { MemberParser } from './parser-members.ts';
import {
  AtCurly, AtParen, Comma, DollarParen, Dot, Equals, Identifier, LBracket, LCurly, LParen, NewLine, RBracket,
  RCurly, RParen, Semi, Separator,
} from './tokens.ts';

type NamedArgument = AttributeAst['named'][number];

interface AttributeArgument {
  named?: NamedArgument;
  positional?: ExpressionAst;
  end: number;
}

interface HashEntry {
  key: ExpressionAst;
  value: StatementAst;
}

export abstract class LiteralParser extends MemberParser {
  declare typeName: ParserMethod<[], { start: number; end: number }>;
  declare typeArgument: ParserMethod<[], void>;
  declare attributeArguments: ParserMethod<[], { positional: ExpressionAst[]; named: NamedArgument[]; end: number }>;
  declare attributeArgument: ParserMethod<[], AttributeArgument>;
  declare hashEntry: ParserMethod<[], HashEntry>;

  /** Where the type name being scanned ends (typeName loops update it). */
  private typeNameEnd = 0;
  private readonly attributeArgumentStack: AttributeArgument[] = [];
  private readonly hashEntryStack: HashtableAst['entries'] = [];
  private hashOpen = true;

  private readonly typeNameOption = {
    GATE: (): boolean => this.isIdentifier(this.LA(1)),
    DEF: (): { start: number; end: number } => this.subrule(0, this.typeName),
  };

  private readonly typeTail = (): { args?: ReturnType<LiteralParser['attributeArguments']>; end: number } => this.or(0, this.typeTailKinds);

  private readonly typeTailKinds = [
    { ALT: (): { args?: ReturnType<LiteralParser['attributeArguments']>; end: number } => ({ args: this.subrule(1, this.attributeArguments), end: 0 }) },
    { ALT: (): { args?: ReturnType<LiteralParser['attributeArguments']>; end: number } => ({ end: this.endOf(this.consume(1, RBracket)) }) },
  ];

  private readonly dottedName = {
    GATE: (): boolean => this.touching(this.LA(0), this.LA(1)) && this.isIdentifier(this.LA(2)),
    DEF: (): void => {
      this.consume(1, Dot);
      const part = this.consume(2, Identifier);
      this.typeNameEnd = this.endOf(part);
    },
  };

  private readonly typeSuffix = {
    GATE: (): boolean => this.touching(this.LA(0), this.LA(1)),
    DEF: (): void => {
      this.consume(3, LBracket);
      this.many(2, this.rankComma);
      this.repeated(3, this.typeArguments);
      const close = this.option(0, this.closingBracket);
      if (this.RECORDING_PHASE) return;
      if (close === undefined) this.reportError('EndSquareBracketExpectedAtEndOfAttribute', this.after(this.LA(0)));
      else this.typeNameEnd = this.endOf(close);
    },
  };

  private readonly rankComma = (): void => void this.consume(4, Comma);
  private readonly closingBracket = (): IToken => this.consume(6, RBracket);

  private readonly typeArguments = {
    GATE: (): boolean => this.isIdentifier(this.LA(1)) || this.LA(1).tokenType === LBracket,
    DEF: (): void => {
      this.subrule(0, this.typeArgument);
      this.many(4, this.moreTypeArguments);
    },
  };

  private readonly moreTypeArguments = (): void => {
    this.consume(5, Comma);
    this.subrule(1, this.typeArgument);
  };

  private readonly typeArgumentKinds = [
    { ALT: (): void => void this.subrule(0, this.typeName) },
    {
      ALT: (): void => {
        this.consume(0, LBracket);
        this.subrule(1, this.typeName);
        this.consume(1, RBracket);
      },
    },
  ];

  private readonly firstAttributeArgument = {
    GATE: (): boolean => this.isIdentifier(this.LA(1)) || this.canStartUnary(this.LA(1), true),
    DEF: (): void => {
      const argument = this.subrule(0, this.attributeArgument);
      if (!this.RECORDING_PHASE) this.attributeArgumentStack.push(argument);
      this.nl(211);
      this.many(0, this.moreAttributeArguments);
    },
  };

  private readonly moreAttributeArguments = (): void => {
    const comma = this.consume(5, Comma);
    this.nl(212);
    const argument = this.optional(6, this.nextAttributeArgument);
    this.nl(213);
    if (this.RECORDING_PHASE) return;
    if (argument === undefined) this.report('MissingExpressionAfterToken', this.after(comma), [',']);
    else this.attributeArgumentStack.push(argument);
  };

  private readonly nextAttributeArgument = {
    GATE: (): boolean => this.isIdentifier(this.LA(1)) || this.canStartUnary(this.LA(1), true),
    DEF: (): AttributeArgument => this.subrule(1, this.attributeArgument),
  };

  private readonly attributeArgumentKinds = [
    {
      GATE: (): boolean => this.isIdentifier(this.LA(1)),
      ALT: (): AttributeArgument => {
        const nameToken = this.consume(0, Identifier);
        const value = this.option(0, this.namedArgumentValue);
        if (this.RECORDING_PHASE) return undefined as never;
        const end = value?.span.end ?? this.endOf(nameToken);
        const named: NamedArgument = { name: nameToken.image, span: this.span(this.startOf(nameToken), end) };
        if (value) named.value = value;
        return { named, end };
      },
    },
    {
      ALT: (): AttributeArgument => {
        const expr = this.subrule(0, this.expression);
        return this.RECORDING_PHASE ? (undefined as never) : { positional: expr, end: expr.span.end };
      },
    },
  ];

  private readonly namedArgumentValue = (): ExpressionAst => {
    const equals = this.consume(1, Equals);
    this.nl(200);
    const expr = this.optional(1, this.namedArgumentExpression);
    if (this.RECORDING_PHASE) return undefined as never;
    if (expr === undefined) this.report('MissingExpressionInNamedArgument', this.after(equals));
    return expr ?? this.placeholder(this.after(equals));
  };

  private readonly namedArgumentExpression = {
    GATE: (): boolean => this.canStartUnary(this.LA(1), true),
    DEF: (): ExpressionAst => this.subrule(1, this.expression),
  };

  private readonly closingParen7 = (): IToken => this.consume(6, RParen);
  private readonly closingBracket8 = (): IToken => this.consume(7, RBracket);

  private readonly parenPipeline = {
    GATE: (): boolean => !this.isStatementEnd(this.LA(1)),
    DEF: (): StatementAst | undefined => this.withModes(false, false, () => this.subrule(0, this.pipeline)),
  };

  private readonly closingParen1 = (): IToken => this.consume(1, RParen);
  private readonly closingParen2 = (): IToken => this.consume(2, RParen);

  private readonly subExpressionOpeners = [
    { ALT: (): IToken => this.consume(0, DollarParen) },
    { ALT: (): IToken => this.consume(1, AtParen) },
  ];

  private readonly hashEntries = {
    GATE: (): boolean => this.hashOpen && (this.isIdentifier(this.LA(1)) || this.canStartUnary(this.LA(1), true)),
    DEF: (): void => {
      const entry = this.subrule(0, this.hashEntry);
      const before = this.RECORDING_PHASE ? 0 : this.LA(1).tokenType;
      this.many(1, this.entrySeparators);
      if (this.RECORDING_PHASE) return;
      this.hashEntryStack.push({ ...entry, span: this.join(entry.key, entry.value) });
      this.hashOpen = before === NewLine || before === Semi;
    },
  };

  private readonly entrySeparators = (): void => void this.consume(1, Separator);
  private readonly closingCurly2 = (): IToken => this.consume(2, RCurly);

  private readonly hashKeyKinds = [
    { GATE: (): boolean => this.isIdentifier(this.LA(1)), ALT: (): ExpressionAst => this.bareword(this.consume(0, Identifier)) },
    { ALT: (): ExpressionAst => this.withModes(true, false, () => this.subrule(0, this.unary)) },
  ];

  private readonly equalsSign = (): IToken => this.consume(1, Equals);

  private readonly hashValue = {
    GATE: (): boolean => !this.isStatementEnd(this.LA(1)),
    DEF: (): StatementAst | undefined => this.withModes(false, false, () => this.subrule(1, this.statement)),
  };

  protected defineLiteralRules(): void {
    this.typeOrAttribute = this.RULE('typeOrAttribute', () => {
      const lBracket = this.consume(0, LBracket);
      this.nl(200);
      const name = this.optional(0, this.typeNameOption);
      const tail = this.option(1, this.typeTail);
      if (this.RECORDING_PHASE) return undefined as never;
      if (name === undefined) {
        this.report('MissingTypename', this.after(lBracket));
        const span = this.tokenSpan(lBracket);
        return { kind: 'type', type: { kind: 'TypeName', name: '', span }, span } satisfies TypeOrAttribute;
      }
      const typeName = this.text.slice(name.start, name.end);
      const type = { kind: 'TypeName' as const, name: typeName, span: this.span(name.start, name.end) };
      if (tail?.args) {
        return { kind: 'Attribute', name: typeName, positional: tail.args.positional, named: tail.args.named,
          span: this.span(this.startOf(lBracket), tail.args.end) } satisfies TypeOrAttribute;
      }
      if (tail === undefined) {
        const at = Math.max(this.startOf(this.LA(1)) - 1, 0);
        this.reportError('EndSquareBracketExpectedAtEndOfAttribute', this.span(at, at));
        return { kind: 'type', type, span: this.span(this.startOf(lBracket), name.end) } satisfies TypeOrAttribute;
      }
      return { kind: 'type', type, span: this.span(this.startOf(lBracket), tail.end) } satisfies TypeOrAttribute;
    });

    // `System.Collections.Generic.List[string]`, `int[]`, `int[,]`, `Dictionary[[string],[int]]`.
    this.typeName = this.RULE('typeName', () => {
      const first = this.consume(0, Identifier);
      this.typeNameEnd = this.RECORDING_PHASE ? 0 : this.endOf(first);
      this.repeated(0, this.dottedName);
      this.repeated(1, this.typeSuffix);
      return this.RECORDING_PHASE ? (undefined as never) : { start: this.startOf(first), end: this.typeNameEnd };
    });

    this.typeArgument = this.RULE('typeArgument', () => this.or(0, this.typeArgumentKinds));

    // `(positional, Named = value, Flag)]` of an attribute.
    this.attributeArguments = this.RULE('attributeArguments', () => {
      const lParen = this.consume(0, LParen);
      const base = this.attributeArgumentStack.length;
      this.nl(210);
      const savedComma = this.noComma;
      const savedCommand = this.commandMode;
      this.noComma = true;
      this.commandMode = false;
      this.optional(4, this.firstAttributeArgument);
      this.nl(214);
      this.noComma = savedComma;
      this.commandMode = savedCommand;
      const rParen = this.option(7, this.closingParen7);
      this.nl(215);
      const rBracket = this.option(8, this.closingBracket8);
      if (this.RECORDING_PHASE) return undefined as never;
      const parsed = this.attributeArgumentStack.splice(base);
      const positional: ExpressionAst[] = [];
      const named: NamedArgument[] = [];
      let lastEnd = this.endOf(lParen);
      for (const a of parsed) {
        if (a.named) named.push(a.named);
        else if (a.positional) positional.push(a.positional);
        lastEnd = a.end;
      }
      if (rParen === undefined) this.report('MissingEndParenthesisInExpression', this.span(lastEnd, lastEnd));
      else if (rBracket === undefined) this.report('EndSquareBracketExpectedAtEndOfAttribute', this.after(rParen));
      const end = rBracket ? this.endOf(rBracket) : rParen ? this.endOf(rParen) : lastEnd;
      return { positional, named, end };
    });

    this.attributeArgument = this.RULE('attributeArgument', () => this.or(0, this.attributeArgumentKinds));

    this.parenExpression = this.RULE('parenExpression', () => {
      const lParen = this.consume(0, LParen);
      this.nl(200);
      const pipeline = this.optional(0, this.parenPipeline);
      this.nl(201);
      const rParen = this.option(1, this.closingParen1);
      if (this.RECORDING_PHASE) return undefined as never;
      const inner: StatementAst = pipeline ?? { kind: 'Pipeline', elements: [], span: this.after(lParen) };
      if (pipeline === undefined) this.report('ExpectedExpression', this.after(lParen));
      if (rParen === undefined) this.report('MissingEndParenthesisInExpression', this.after(inner));
      const end = rParen ? this.endOf(rParen) : inner.span.end;
      return { kind: 'Paren', pipeline: inner, span: this.span(this.startOf(lParen), end) } satisfies ParenAst;
    });

    this.subExpression = this.RULE('subExpression', () => {
      const open = this.or(0, this.subExpressionOpeners);
      const list = this.withModes(false, false, () => this.subrule(0, this.statementList));
      const rParen = this.option(0, this.closingParen2);
      if (this.RECORDING_PHASE) return undefined as never;
      if (rParen === undefined) {
        const found = this.LA(1);
        this.report('MissingEndParenthesisInSubexpression', this.tokenSpan(found), [], this.endOf(found));
      }
      const body = { kind: 'StatementBlock' as const, statements: list.statements, traps: list.traps, span: list.span };
      const end = rParen ? this.endOf(rParen) : Math.max(list.span.end, this.endOf(open));
      const span = this.span(this.startOf(open), end);
      return open.tokenType === DollarParen
        ? { kind: 'SubExpression', body, span } satisfies SubExpressionAst
        : { kind: 'ArrayExpression', body, span } satisfies ArrayExpressionAst;
    });

    this.hashLiteral = this.RULE('hashLiteral', () => {
      const atCurly = this.consume(0, AtCurly);
      const base = this.hashEntryStack.length;
      this.nl(200);
      this.hashOpen = true;
      this.repeated(0, this.hashEntries);
      const rCurly = this.option(0, this.closingCurly2);
      if (this.RECORDING_PHASE) return undefined as never;
      const entries = this.hashEntryStack.splice(base);
      let end: number;
      if (rCurly === undefined) {
        this.report('MissingEndCurlyBrace', this.after(atCurly), [], this.endOf(this.LA(1)));
        end = entries.length > 0 ? entries[entries.length - 1].span.end : this.endOf(atCurly);
      } else {
        end = this.endOf(rCurly);
      }
      return { kind: 'Hashtable', entries, span: this.span(this.startOf(atCurly), end) } satisfies HashtableAst;
    });

    this.hashEntry = this.RULE('hashEntry', () => {
      const key = this.or(0, this.hashKeyKinds);
      const equals = this.option(0, this.equalsSign);
      if (equals === undefined) {
        this.reportError('MissingEqualsInHashLiteral', this.after(key));
        this.syncTo([RCurly, Semi, NewLine]);
        return { key, value: { kind: 'Pipeline' as const, elements: [], span: this.after(key) } };
      }
      this.nl(200);
      const value = this.optional(1, this.hashValue);
      if (this.RECORDING_PHASE) return undefined as never;
      if (value === undefined) this.report('MissingStatementInHashLiteral', this.after(equals));
      return { key, value: value ?? { kind: 'Pipeline' as const, elements: [], span: this.after(equals) } };
    });

    this.scriptBlockExpression = this.RULE('scriptBlockExpression', () => {
      const lCurly = this.consume(0, LCurly);
      const block = this.withModes(false, false, () => this.subrule(0, this.scriptBlockBody, { ARGS: [lCurly] }));
      return this.RECORDING_PHASE ? (undefined as never) : { kind: 'ScriptBlockExpression', block, span: block.span } satisfies ExpressionAst;
    });
  }
}
