// Loop statements: foreach, for, while, do/while and do/until, each with an optional `:label`.
// DSL option objects are created once (see parser-expressions.ts for why).
import type { IToken, ParserMethod } from 'chevrotain';
import type { DoLoopAst, ForAst, ForEachAst, StatementAst, StatementBlockAst, VariableAst, WhileAst } from './ast.ts';
import { CommandParser } from './parser-commands.ts';
import { DashWord, Keywords, LCurly, LParen, RParen, Semi, SplatVariable, Variable } from './tokens.ts';

type LoopCondition = { condition: StatementAst; rParen: IToken } | undefined;

export abstract class LoopParser extends CommandParser {
  declare foreachStatement: ParserMethod<[label?: IToken], StatementAst | undefined>;
  declare forStatement: ParserMethod<[label?: IToken], StatementAst | undefined>;
  declare whileStatement: ParserMethod<[label?: IToken], StatementAst | undefined>;
  declare doStatement: ParserMethod<[label?: IToken], StatementAst | undefined>;
  declare loopCondition: ParserMethod<[keyword?: IToken, name?: string], LoopCondition>;

  protected labelText(label: IToken | undefined): { label?: string } {
    return label ? { label: label.image.slice(1) } : {};
  }

  private readonly foreachFlags = (): void => {
    const flag = this.consume(1, DashWord);
    if (!this.RECORDING_PHASE) this.reportError('InvalidForeachFlag', this.tokenSpan(flag), [flag.image.slice(1)]);
    this.nl(201);
  };

  private readonly openParen2 = (): IToken => this.consume(2, LParen);
  private readonly openParen1 = (): IToken => this.consume(1, LParen);
  private readonly openParen0 = (): IToken => this.consume(0, LParen);

  private readonly foreachVariableKinds = [
    { ALT: (): VariableAst => this.variableNode(this.consume(3, Variable)) },
    {
      ALT: (): VariableAst => {
        const token = this.consume(4, SplatVariable);
        if (this.RECORDING_PHASE) return undefined as never;
        const node = this.variableNode(token);
        this.reportError('SplattingNotPermitted', node.span, [node.name]);
        return node;
      },
    },
  ];

  private readonly foreachVariable = (): VariableAst => this.or(0, this.foreachVariableKinds);
  private readonly inKeyword = (): IToken => this.consume(5, Keywords.in);
  private readonly closeParen6 = (): IToken => this.consume(6, RParen);

  private readonly pipelines = [0, 1, 2].map((idx) => ({
    GATE: (): boolean => !this.isStatementEnd(this.LA(1)),
    DEF: (): StatementAst | undefined => this.subrule(idx, this.pipeline),
  }));

  private readonly semicolons = [0, 1].map((idx) => (): IToken => this.consume(2 + idx, Semi));
  private readonly closeParen4 = (): IToken => this.consume(4, RParen);

  /** `{ ... }` after optional newlines, with the occurrence indices of the rule that uses it. */
  private readonly loopBodies = [1, 3, 0].map((idx, i) => ({
    GATE: (): boolean => this.aheadPastNewlines(LCurly),
    DEF: (): StatementBlockAst => {
      this.nl(206 + i);
      return this.subrule(idx, this.statementBlock);
    },
  }));

  private readonly whileOrUntil = {
    GATE: (): boolean => this.aheadPastNewlines(Keywords.while) || this.aheadPastNewlines(Keywords.until),
    DEF: (): IToken => {
      this.nl(201);
      return this.or(0, this.whileOrUntilKinds);
    },
  };

  private readonly whileOrUntilKinds = [
    { ALT: (): IToken => this.consume(1, Keywords.while) },
    { ALT: (): IToken => this.consume(2, Keywords.until) },
  ];

  private readonly conditionPipeline = {
    GATE: (): boolean => !this.isStatementEnd(this.LA(1)),
    DEF: (): StatementAst | undefined => this.subrule(0, this.pipeline),
  };

  private readonly closeParen1 = (): IToken => this.consume(1, RParen);

  protected defineLoopRules(): void {
    this.foreachStatement = this.RULE('foreachStatement', (label?: IToken) => {
      const keyword = this.consume(0, Keywords.foreach);
      this.nl(200);
      this.many(0, this.foreachFlags);
      const lParen = this.option(0, this.openParen2);
      if (lParen === undefined) return void this.report('MissingOpenParenthesisAfterKeyword', this.after(keyword), ['foreach']);
      this.nl(202);
      const variable = this.option(1, this.foreachVariable);
      if (variable === undefined) return void this.report('MissingVariableNameAfterForeach', this.after(lParen));
      this.nl(203);
      const inKeyword = this.option(2, this.inKeyword);
      if (inKeyword === undefined) return void this.report('MissingInInForeach', this.after(variable));
      this.nl(204);
      const iterable = this.optional(3, this.pipelines[0]);
      if (iterable === undefined) return void this.report('MissingForeachExpression', this.after(inKeyword));
      this.nl(205);
      const rParen = this.option(4, this.closeParen6);
      if (rParen === undefined) return void this.report('MissingEndParenthesisAfterForeach', this.after(iterable));
      const body = this.optional(5, this.loopBodies[0]);
      if (this.RECORDING_PHASE) return undefined;
      if (body === undefined) return void this.report('MissingForeachStatement', this.after(rParen));
      const pipeline = iterable.kind === 'Pipeline' ? iterable : { kind: 'Pipeline' as const, elements: [], span: iterable.span };
      return {
        kind: 'ForEach', ...this.labelText(label), variable, iterable: pipeline, body,
        span: this.span(this.startOf(label ?? keyword), body.span.end),
      } satisfies ForEachAst;
    });

    this.forStatement = this.RULE('forStatement', (label?: IToken) => {
      const keyword = this.consume(0, Keywords.for);
      this.nl(200);
      const lParen = this.option(0, this.openParen1);
      if (lParen === undefined) return void this.report('MissingOpenParenthesisAfterKeyword', this.after(keyword), ['for']);
      // init ; condition ; iterator — each part optional, `;` or a newline between them.
      this.nl(201);
      const init = this.optional(1, this.pipelines[0]);
      const semi1 = this.option(4, this.semicolons[0]);
      this.nl(202);
      const condition = this.optional(2, this.pipelines[1]);
      const semi2 = this.option(5, this.semicolons[1]);
      this.nl(203);
      const iterator = this.optional(3, this.pipelines[2]);
      this.nl(210);
      const rParen = this.option(7, this.closeParen4);
      if (rParen === undefined) {
        if (this.RECORDING_PHASE) return undefined;
        let lastEnd = this.endOf(lParen);
        for (const part of [init, semi1, condition, semi2, iterator]) {
          if (part === undefined) continue;
          lastEnd = Math.max(lastEnd, 'span' in part ? part.span.end : this.endOf(part));
        }
        return void this.report('MissingEndParenthesisAfterStatement', this.span(lastEnd, lastEnd), ['for']);
      }
      const body = this.optional(8, this.loopBodies[1]);
      if (this.RECORDING_PHASE) return undefined;
      if (body === undefined) return void this.report('MissingLoopStatement', this.after(rParen), ['for']);
      const node: ForAst = { kind: 'For', ...this.labelText(label), body, span: this.span(this.startOf(label ?? keyword), body.span.end) };
      if (init) node.init = init;
      if (condition) node.condition = condition;
      if (iterator) node.iterator = iterator;
      return node;
    });

    this.whileStatement = this.RULE('whileStatement', (label?: IToken) => {
      const keyword = this.consume(0, Keywords.while);
      const parts = this.subrule(0, this.loopCondition, { ARGS: [keyword, 'while'] });
      if (parts === undefined) return undefined;
      const body = this.optional(0, this.loopBodies[2]);
      if (this.RECORDING_PHASE) return undefined;
      if (body === undefined) return void this.report('MissingLoopStatement', this.after(parts.rParen), ['while']);
      return {
        kind: 'While', ...this.labelText(label), condition: parts.condition, body,
        span: this.span(this.startOf(label ?? keyword), body.span.end),
      } satisfies WhileAst;
    });

    this.doStatement = this.RULE('doStatement', (label?: IToken) => {
      const keyword = this.consume(0, Keywords.do);
      const body = this.optional(0, this.loopBodies[2]);
      if (body === undefined) return void this.report('MissingLoopStatement', this.after(keyword), ['do']);
      const which = this.optional(1, this.whileOrUntil);
      if (which === undefined) return void this.report('MissingWhileOrUntilInDoWhile', this.after(body));
      const until = !this.RECORDING_PHASE && which.tokenType === Keywords.until;
      const parts = this.subrule(1, this.loopCondition, { ARGS: [which, until ? 'until' : 'while'] });
      if (this.RECORDING_PHASE || parts === undefined) return undefined;
      return {
        kind: 'DoLoop', ...this.labelText(label), until, condition: parts.condition, body,
        span: this.span(this.startOf(label ?? keyword), this.endOf(parts.rParen)),
      } satisfies DoLoopAst;
    });

    // `( pipeline )` after while / until, with PowerShell's errors for each missing piece.
    this.loopCondition = this.RULE('loopCondition', (keyword?: IToken, name = 'while') => {
      this.nl(200);
      const lParen = this.option(0, this.openParen0);
      if (lParen === undefined) return void this.report('MissingOpenParenthesisAfterKeyword', this.after(keyword!), [name]);
      this.nl(201);
      const condition = this.optional(1, this.conditionPipeline);
      this.nl(202);
      const rParen = this.option(2, this.closeParen1);
      if (this.RECORDING_PHASE) return undefined;
      if (condition === undefined) return void this.report('MissingExpressionAfterKeyword', this.after(lParen), [name]);
      if (rParen === undefined) return void this.report('MissingEndParenthesisAfterStatement', this.after(condition), [name]);
      return { condition, rParen };
    });
  }
}
