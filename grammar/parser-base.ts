// Shared state and helpers of the parser layers (expressions → members → literals → arguments → commands →
// loops → try → statements → blocks; parser.ts assembles them).
// Rules are Chevrotain embedded-action rules; every decision PowerShell makes from context (argument versus
// expression mode, glued tokens, keywords only at statement start) is a GATE over the token vector.
import { EmbeddedActionsParser, EOF, tokenMatcher, type IToken, type ParserMethod, type TokenType } from 'chevrotain';
import type {
  AssignmentAst, AttributeAst, CommandAst, ExpressionAst, ParameterAst, PipelineAst, ScriptBlockAst, Span, StatementAst,
  StatementBlockAst, StringConstantAst, SubExpressionAst, TrapAst, TypeNameAst,
} from './ast.ts';
import { messageFor, type Diagnostic } from './diagnostics.ts';
import { bundledLookaheadTable, LazyLookaheadStrategy } from './parser-lookahead.ts';
import { LineTable } from './spans.ts';
import {
  allTokens, ArgAtom, AtCurly, AtParen, DollarParen, Identifier, LBracket, LCurly,
  LParen, NewLine, NumberToken, RBracket, RCurly, RParen, Semi, SplatVariable, StringDQ, StringSQ, StringToken, UnaryOperator,
  Variable,
} from './tokens.ts';

/** A `$( )` inside a string: parsed after the main pass, then its body is filled in. */
export interface PendingSubExpression {
  node: SubExpressionAst;
  start: number;
  end: number;
}

export type TypeOrAttribute = { kind: 'type'; type: TypeNameAst; span: Span } | AttributeAst;

export interface StatementListResult {
  statements: StatementAst[];
  traps: TrapAst[];
  span: Span;
}

/**
 * A short array built with push has room for 16 or more items; the AST keeps many of them (mostly with one
 * item), so they are copied to their exact size: less memory for the garbage collector to move.
 */
export function fitted<T>(items: T[]): T[] {
  return items.length > 0 && items.length < 8 ? items.slice() : items;
}

export abstract class ParserBase extends EmbeddedActionsParser {
  protected text = '';
  protected lines = new LineTable('');
  diagnostics: Diagnostic[] = [];
  pending: PendingSubExpression[] = [];
  /** End of the last token that is not a newline: errors at or after it mean "incomplete input". */
  protected contentEnd = 0;
  /** Inside method and attribute arguments, hash keys and parameter defaults, `,` separates instead of building arrays. */
  protected noComma = false;
  /** Parsing a command argument: `$a. b` is then not member access. */
  protected commandMode = false;

  // Rules defined by the layers (see parser.ts for the order).
  declare expression: ParserMethod<[], ExpressionAst>;
  declare unary: ParserMethod<[], ExpressionAst>;
  declare primary: ParserMethod<[], ExpressionAst>;
  declare typeOrAttribute: ParserMethod<[], TypeOrAttribute>;
  declare subExpression: ParserMethod<[], ExpressionAst>;
  declare pipeline: ParserMethod<[], PipelineAst | AssignmentAst | undefined>;
  declare command: ParserMethod<[], CommandAst | undefined>;
  declare singleArgument: ParserMethod<[], ExpressionAst>;
  declare genericWord: ParserMethod<[asName?: boolean], ExpressionAst>;
  declare statement: ParserMethod<[], StatementAst | undefined>;
  declare statementList: ParserMethod<[], StatementListResult>;
  declare statementBlock: ParserMethod<[], StatementBlockAst>;
  declare scriptBlockBody: ParserMethod<[lCurly?: IToken], ScriptBlockAst>;
  declare parameterList: ParserMethod<[], ParameterAst[]>;
  declare functionDefinition: ParserMethod<[], StatementAst | undefined>;

  constructor(validate: boolean) {
    const lookaheadStrategy = new LazyLookaheadStrategy({ maxLookahead: 1, table: bundledLookaheadTable(), tokens: [...allTokens, EOF] });
    super(allTokens, { maxLookahead: 1, recoveryEnabled: false, skipValidations: !validate, lookaheadStrategy });
  }

  /** The recording methods Chevrotain puts on the parser while performSelfAnalysis records the grammar. */
  private recordingMethods: string[] = [];

  /** Chevrotain's recording hook (internal, not in its typings): notes which methods it adds. */
  enableRecording(): void {
    const before = new Set(Object.keys(this));
    (EmbeddedActionsParser.prototype as unknown as { enableRecording(): void }).enableRecording.call(this);
    this.recordingMethods = Object.keys(this).filter((key) => !before.has(key));
  }

  /**
   * Chevrotain deletes its ~90 recording methods from the parser one by one, which took 10 to 15 ms of
   * every start; pointing them back at the prototype's methods gives the same parser.
   */
  disableRecording(): void {
    const self = this as unknown as Record<string, unknown>;
    const proto = Object.getPrototypeOf(this) as Record<string, unknown>;
    self.RECORDING_PHASE = false;
    for (const key of this.recordingMethods) {
      if (key in proto) self[key] = proto[key];
      else delete self[key];
    }
  }

  begin(text: string, tokens: IToken[]): void {
    this.text = text;
    this.lines = new LineTable(text);
    this.diagnostics = [];
    this.pending = [];
    this.noComma = false;
    this.commandMode = false;
    let last = tokens.length - 1;
    while (last >= 0 && tokens[last].tokenType === NewLine) last--;
    this.contentEnd = last >= 0 ? tokens[last].startOffset + tokens[last].image.length : 0;
    this.input = tokens;
  }

  /** Lets go of the tokens, text and results of the last parse (the parser instance is shared). */
  end(): void {
    this.input = [];
    this.text = '';
    this.lines = new LineTable('');
    this.diagnostics = [];
    this.pending = [];
  }

  /** Continue with another token vector (a string's `$( )`), keeping text and diagnostics. */
  resume(tokens: IToken[]): void {
    this.input = tokens;
  }

  // ---------------------------------------------------------------- positions

  protected isEof(token: IToken): boolean {
    return token.tokenType === EOF;
  }

  protected startOf(token: IToken): number {
    return token.tokenType === EOF ? this.text.length : token.startOffset;
  }

  protected endOf(token: IToken): number {
    return token.tokenType === EOF ? this.text.length : (token.startOffset + token.image.length);
  }

  span(start: number, end: number): Span {
    return this.lines.span(start, end);
  }

  tokenSpan(first: IToken, last: IToken = first): Span {
    return this.lines.span(this.startOf(first), this.endOf(last));
  }

  /** The extent from `first` to `last`; a node spanning exactly one child shares the child's (immutable) span. */
  protected join(first: { span: Span }, last: { span: Span }): Span {
    if (first === last) return first.span;
    return this.lines.span(first.span.start, last.span.end);
  }

  /** A zero-width span just after a token or node. */
  after(item: IToken | { span: Span }): Span {
    const end = 'span' in item ? item.span.end : this.endOf(item);
    return this.lines.span(end, end);
  }

  // ---------------------------------------------------------------- diagnostics

  /**
   * Records a parse error and says whether it is "incomplete input": the error (or `detectedEnd`, the end of
   * the token found instead of the expected one) reaches the end of the text, ignoring blanks and comments.
   */
  report(id: string, span: Span, args: readonly string[] = [], incomplete?: boolean | number): boolean {
    const isIncomplete = typeof incomplete === 'number' ? incomplete >= this.contentEnd
      : incomplete ?? span.end >= this.contentEnd;
    for (const d of this.diagnostics) {
      if (d.id === id && d.span.start === span.start && d.span.end === span.end) return d.incomplete;
    }
    this.diagnostics.push({ id, message: messageFor(id, args), span, incomplete: isIncomplete });
    return isIncomplete;
  }

  reportError(id: string, span: Span, args: readonly string[] = []): void {
    this.report(id, span, args, false);
  }

  /**
   * OPTION and MANY that skip Chevrotain's machinery at run time when the gate is closed: the result is the
   * same, but most optional parts are absent and these sites are hot.
   */
  protected optional<T>(idx: number, option: { GATE: () => boolean; DEF: () => T }): T | undefined {
    if (this.RECORDING_PHASE) return this.option(idx, option);
    // With the gate open, the plain DEF gives the same decision without Chevrotain wrapping the gate per call.
    return option.GATE() ? this.option(idx, option.DEF) : undefined;
  }

  protected repeated(idx: number, loop: { GATE: () => boolean; DEF: () => void }): void {
    if (this.RECORDING_PHASE || loop.GATE()) this.many(idx, loop);
  }

  /** Skips newlines, then is the next token `type`? */
  protected aheadPastNewlines(type: TokenType): boolean {
    let k = 1;
    while (this.LA(k).tokenType === NewLine) k++;
    return this.LA(k).tokenType === type;
  }

  // ---------------------------------------------------------------- token tests

  protected is(token: IToken, type: TokenType): boolean {
    return tokenMatcher(token, type);
  }

  /** `b` follows `a` with no white space or comment between them. */
  protected touching(a: IToken, b: IToken): boolean {
    return b.tokenType !== EOF && a.tokenType !== EOF && (a.startOffset + a.image.length) === b.startOffset;
  }

  /** Tokens that can continue a bareword when glued to it. */
  protected isGlueable(token: IToken): boolean {
    const t = token.tokenType;
    return tokenMatcher(token, ArgAtom) || tokenMatcher(token, Variable) || tokenMatcher(token, SplatVariable)
      || t === StringSQ || t === StringDQ || t === DollarParen;
  }

  /** The token after `k` is glued to it and continues a bareword. */
  protected gluedAfter(k: number): boolean {
    const next = this.LA(k + 1);
    return this.touching(this.LA(k), next) && this.isGlueable(next);
  }

  /** End of a statement: `;`, newline, `)`, `}` or end of input. */
  protected isStatementEnd(token: IToken): boolean {
    const t = token.tokenType;
    return t === Semi || t === NewLine || t === RParen || t === RCurly || t === EOF;
  }

  protected startsPrimary(token: IToken): boolean {
    const t = token.tokenType;
    return tokenMatcher(token, Variable) || tokenMatcher(token, SplatVariable) || t === NumberToken || tokenMatcher(token, StringToken)
      || t === LParen || t === DollarParen || t === AtParen || t === AtCurly || t === LCurly;
  }

  protected canStartUnary(token: IToken, noComma = false): boolean {
    if (tokenMatcher(token, UnaryOperator)) return !(noComma && token.image === ',');
    return token.tokenType === LBracket || this.startsPrimary(token);
  }

  private readonly newlineSkippers: (() => void)[] = [];

  /** Skips newlines (an occurrence index per call site, as Chevrotain requires). */
  protected nl(idx: number): void {
    // At run time the repetition is skipped when there is no newline (same result, no call).
    if (!this.RECORDING_PHASE && this.LA(1).tokenType !== NewLine) return;
    const skip = (this.newlineSkippers[idx] ??= () => this.consume(idx, NewLine));
    this.many(idx, skip);
  }

  /** Sets the comma and command modes for one sub-parse and restores them after. */
  protected withModes<T>(noComma: boolean, commandMode: boolean, parse: () => T): T {
    const savedComma = this.noComma;
    const savedCommand = this.commandMode;
    this.noComma = noComma;
    this.commandMode = commandMode;
    try {
      return parse();
    } finally {
      this.noComma = savedComma;
      this.commandMode = savedCommand;
    }
  }

  // ---------------------------------------------------------------- small AST helpers

  protected placeholder(span: Span): StringConstantAst {
    return { kind: 'StringConstant', value: '', quote: 'bare', span };
  }

  protected bareword(token: IToken): StringConstantAst {
    return { kind: 'StringConstant', value: token.image, quote: 'bare', span: this.tokenSpan(token) };
  }

  protected isIdentifier(token: IToken): boolean {
    return tokenMatcher(token, Identifier);
  }

  /** Skips tokens up to (not including) one of `stops` at nesting depth 0, for error recovery. */
  protected syncTo(stops: TokenType[]): void {
    let depth = 0;
    for (;;) {
      const token = this.LA(1);
      const t = token.tokenType;
      if (t === EOF) return;
      if (depth === 0 && stops.includes(t)) return;
      if (t === LParen || t === LCurly || t === AtCurly || t === AtParen || t === DollarParen || t === LBracket) depth++;
      else if (t === RParen || t === RCurly || t === RBracket) depth = Math.max(0, depth - 1);
      this.SKIP_TOKEN();
    }
  }
}
