// try/catch/finally, trap, and the flow-control statements (break, continue, return, exit, throw).
// DSL option objects are created once (see parser-expressions.ts for why).
import type { IToken, ParserMethod } from 'chevrotain';
import type { BreakAst, ExpressionAst, StatementAst, StatementBlockAst, TrapAst, TryAst, TypeNameAst } from './ast.ts';
import { flowLeavingFinally } from './finally-check.ts';
import type { TypeOrAttribute } from './parser-base.ts';
import { LoopParser } from './parser-loops.ts';
import { Comma, FlowKeyword, Identifier, Keywords, LBracket, LCurly } from './tokens.ts';

export abstract class TryParser extends LoopParser {
  declare tryStatement: ParserMethod<[], StatementAst | undefined>;
  declare trapStatement: ParserMethod<[], StatementAst | undefined>;
  declare flowStatement: ParserMethod<[], StatementAst>;
  declare catchTypes: ParserMethod<[], { types: TypeNameAst[]; failed: boolean; end?: number }>;

  /** `{ ... }` after optional newlines: [occurrence index of statementBlock, newline index]. */
  private readonly tryBlocks = [[0, 200], [2, 202], [3, 204], [1, 201]].map(([idx, nl]) => ({
    GATE: (): boolean => this.aheadPastNewlines(LCurly),
    DEF: (): StatementBlockAst => {
      this.nl(nl);
      return this.subrule(idx, this.statementBlock);
    },
  }));

  private tryCatches: TryAst['catches'] = [];
  private tryFailed = false;
  private catchTypeList: TypeNameAst[] = [];
  private catchTypesFailed = false;
  private catchTypesEnd: number | undefined;

  private readonly catchClauses = {
    GATE: (): boolean => !this.tryFailed && this.aheadPastNewlines(Keywords.catch),
    DEF: (): void => {
      const catches = this.tryCatches;
      this.nl(201);
      const catchKeyword = this.consume(1, Keywords.catch);
      const types = this.subrule(1, this.catchTypes);
      const handler = this.optional(1, this.tryBlocks[0]);
      this.tryCatches = catches;
      if (this.RECORDING_PHASE) return;
      if (handler === undefined) {
        this.tryFailed = true;
        if (!types.failed) {
          const last = types.end !== undefined ? this.span(types.end, types.end) : this.after(catchKeyword);
          this.report('MissingCatchHandlerBlock', last);
        }
        return;
      }
      catches.push({ types: types.types, body: handler, span: this.span(this.startOf(catchKeyword), handler.span.end) });
    },
  };

  private readonly finallyClause = {
    GATE: (): boolean => !this.tryFailed && this.aheadPastNewlines(Keywords.finally),
    DEF: (): StatementBlockAst | undefined => {
      this.nl(203);
      const finallyKeyword = this.consume(2, Keywords.finally);
      const block = this.optional(3, this.tryBlocks[1]);
      if (this.RECORDING_PHASE) return undefined;
      if (block === undefined) {
        this.tryFailed = true;
        this.report('MissingFinallyStatementBlock', this.after(finallyKeyword));
      }
      return block;
    },
  };

  private readonly firstCatchType = {
    GATE: (): boolean => this.aheadPastNewlines(LBracket),
    DEF: (): void => {
      this.nl(200);
      const first = this.subrule(0, this.typeOrAttribute);
      if (!this.RECORDING_PHASE) {
        this.catchTypesEnd = first.span.end;
        if (first.kind === 'type') this.catchTypeList.push(first.type);
      }
      this.repeated(0, this.moreCatchTypes);
    },
  };

  private readonly moreCatchTypes = {
    GATE: (): boolean => !this.catchTypesFailed && this.aheadPastNewlines(Comma),
    DEF: (): void => {
      this.nl(201);
      const comma = this.consume(0, Comma);
      const next = this.optional(1, this.nextCatchType);
      if (this.RECORDING_PHASE) return;
      if (next === undefined) {
        this.catchTypesFailed = true;
        this.report('MissingTypeLiteralToken', this.after(comma));
      } else {
        this.catchTypesEnd = next.span.end;
        if (next.kind === 'type') this.catchTypeList.push(next.type);
      }
    },
  };

  private readonly nextCatchType = {
    GATE: (): boolean => this.aheadPastNewlines(LBracket),
    DEF: (): TypeOrAttribute => {
      this.nl(202);
      return this.subrule(1, this.typeOrAttribute);
    },
  };

  private readonly trapType = {
    GATE: (): boolean => this.aheadPastNewlines(LBracket),
    DEF: (): TypeOrAttribute => {
      this.nl(200);
      return this.subrule(0, this.typeOrAttribute);
    },
  };

  private readonly flowValue = {
    GATE: (): boolean => !this.isLoopControl(this.LA(0)) && !this.isStatementEnd(this.LA(1)),
    DEF: (): StatementAst | undefined => this.subrule(0, this.pipeline),
  };

  private readonly flowLabel = {
    GATE: (): boolean => this.isLoopControl(this.LA(0)) && (this.isIdentifier(this.LA(1)) || this.canStartUnary(this.LA(1), true)),
    DEF: (): ExpressionAst => this.or(0, this.flowLabelKinds),
  };

  private readonly flowLabelKinds = [
    { GATE: (): boolean => this.isIdentifier(this.LA(1)), ALT: (): ExpressionAst => this.bareword(this.consume(1, Identifier)) },
    { ALT: (): ExpressionAst => this.withModes(true, false, () => this.subrule(1, this.unary)) },
  ];

  private isLoopControl(token: IToken): boolean {
    return token.tokenType === Keywords.break || token.tokenType === Keywords.continue;
  }

  protected defineTryRules(): void {
    this.tryStatement = this.RULE('tryStatement', () => {
      const keyword = this.consume(0, Keywords.try);
      const body = this.optional(0, this.tryBlocks[2]);
      if (body === undefined) return void this.report('MissingTryStatementBlock', this.after(keyword));
      const catches: TryAst['catches'] = [];
      this.tryCatches = catches;
      this.tryFailed = false;
      this.repeated(0, this.catchClauses);
      const finallyBody = this.optional(2, this.finallyClause);
      if (this.RECORDING_PHASE || this.tryFailed) return undefined;
      if (catches.length === 0 && finallyBody === undefined) return void this.report('MissingCatchOrFinally', this.after(body));
      const end = finallyBody?.span.end ?? catches[catches.length - 1].span.end;
      const node: TryAst = { kind: 'Try', body, catches, span: this.span(this.startOf(keyword), end) };
      if (finallyBody) {
        node.finallyBody = finallyBody;
        for (const leaving of flowLeavingFinally(finallyBody)) this.report('ControlLeavingFinally', leaving.span);
      }
      return node;
    });

    // `[A], [B]` after catch.
    this.catchTypes = this.RULE('catchTypes', () => {
      const types: TypeNameAst[] = [];
      this.catchTypeList = types;
      this.catchTypesFailed = false;
      this.catchTypesEnd = undefined;
      this.optional(0, this.firstCatchType);
      return { types, failed: this.catchTypesFailed, end: this.catchTypesEnd };
    });

    this.trapStatement = this.RULE('trapStatement', () => {
      const keyword = this.consume(0, Keywords.trap);
      const type = this.optional(0, this.trapType);
      const body = this.optional(1, this.tryBlocks[3]);
      if (this.RECORDING_PHASE) return undefined;
      if (body === undefined) return void this.report('MissingTrapStatement', this.after(type ?? keyword));
      const node: TrapAst = { kind: 'Trap', body, span: this.span(this.startOf(keyword), body.span.end) };
      if (type?.kind === 'type') node.type = type.type;
      return node;
    });

    this.flowStatement = this.RULE('flowStatement', () => {
      const keyword = this.consume(0, FlowKeyword);
      const value = this.optional(0, this.flowValue);
      const label = this.optional(1, this.flowLabel);
      if (this.RECORDING_PHASE) return undefined as never;
      const end = Math.max(this.endOf(keyword), value?.span.end ?? 0, label?.span.end ?? 0);
      const span = this.span(this.startOf(keyword), end);
      const type = keyword.tokenType;
      if (type === Keywords.break || type === Keywords.continue) {
        const node: BreakAst = { kind: 'Break', span };
        if (label) node.label = label;
        return type === Keywords.break ? node : ({ ...node, kind: 'Continue' } as StatementAst);
      }
      const pipeline = value?.kind === 'Pipeline' ? value : undefined;
      const kind = type === Keywords.return ? 'Return' : type === Keywords.exit ? 'Exit' : 'Throw';
      return (pipeline ? { kind, value: pipeline, span } : { kind, span }) as StatementAst;
    });
  }
}
