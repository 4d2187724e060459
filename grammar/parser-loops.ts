// Loop statements: foreach, for, while, do/while and do/until, each with an optional `:label`.
import type { IToken, ParserMethod } from 'chevrotain';
import type { DoLoopAst, ForAst, ForEachAst, StatementAst, VariableAst, WhileAst } from './ast.ts';
import { CommandParser } from './parser-commands.ts';
import { DashWord, Keywords, LCurly, LParen, RParen, Semi, SplatVariable, Variable } from './tokens.ts';

export abstract class LoopParser extends CommandParser {
  declare foreachStatement: ParserMethod<[label?: IToken], StatementAst | undefined>;
  declare forStatement: ParserMethod<[label?: IToken], StatementAst | undefined>;
  declare whileStatement: ParserMethod<[label?: IToken], StatementAst | undefined>;
  declare doStatement: ParserMethod<[label?: IToken], StatementAst | undefined>;

  protected labelText(label: IToken | undefined): { label?: string } {
    return label ? { label: label.image.slice(1) } : {};
  }

  protected defineLoopRules(): void {
    this.foreachStatement = this.RULE('foreachStatement', (label?: IToken) => {
      const keyword = this.consume(0, Keywords.foreach);
      this.nl(200);
      this.many(0, () => {
        const flag = this.consume(1, DashWord);
        this.ACTION(() => this.reportError('InvalidForeachFlag', this.tokenSpan(flag), [flag.image.slice(1)]));
        this.nl(201);
      });
      const lParen = this.option(0, () => this.consume(2, LParen));
      if (lParen === undefined) {
        return this.ACTION(() => void this.report('MissingOpenParenthesisAfterKeyword', this.after(keyword), ['foreach']));
      }
      this.nl(202);
      const variable = this.option(1, () => this.or(0, [
        { ALT: () => this.variableNode(this.consume(3, Variable)) },
        {
          ALT: () => {
            const token = this.consume(4, SplatVariable);
            return this.ACTION(() => {
              const node = this.variableNode(token);
              this.reportError('SplattingNotPermitted', node.span, [node.name]);
              return node;
            });
          },
        },
      ]));
      if (variable === undefined) {
        return this.ACTION(() => void this.report('MissingVariableNameAfterForeach', this.after(lParen)));
      }
      this.nl(203);
      const inKeyword = this.option(2, () => this.consume(5, Keywords.in));
      if (inKeyword === undefined) return this.ACTION(() => void this.report('MissingInInForeach', this.after(variable)));
      this.nl(204);
      const iterable = this.option(3, {
        GATE: () => !this.isStatementEnd(this.LA(1)),
        DEF: () => this.subrule(0, this.pipeline),
      });
      if (iterable === undefined) return this.ACTION(() => void this.report('MissingForeachExpression', this.after(inKeyword)));
      this.nl(205);
      const rParen = this.option(4, () => this.consume(6, RParen));
      if (rParen === undefined) {
        return this.ACTION(() => void this.report('MissingEndParenthesisAfterForeach', this.after(iterable)));
      }
      const body = this.option(5, {
        GATE: () => this.aheadPastNewlines(LCurly),
        DEF: () => {
          this.nl(206);
          return this.subrule(1, this.statementBlock);
        },
      });
      return this.ACTION((): ForEachAst | undefined => {
        if (body === undefined) return void this.report('MissingForeachStatement', this.after(rParen));
        const pipeline = iterable.kind === 'Pipeline' ? iterable
          : { kind: 'Pipeline' as const, elements: [], span: iterable.span };
        return {
          kind: 'ForEach', ...this.labelText(label), variable: variable as VariableAst, iterable: pipeline, body,
          span: this.span(this.startOf(label ?? keyword), body.span.end),
        };
      });
    });

    this.forStatement = this.RULE('forStatement', (label?: IToken) => {
      const keyword = this.consume(0, Keywords.for);
      this.nl(200);
      const lParen = this.option(0, () => this.consume(1, LParen));
      if (lParen === undefined) {
        return this.ACTION(() => void this.report('MissingOpenParenthesisAfterKeyword', this.after(keyword), ['for']));
      }
      let lastEnd = this.ACTION(() => this.endOf(lParen));
      const part = (idx: number): StatementAst | undefined => {
        this.nl(201 + idx);
        const node = this.option(1 + idx, {
          GATE: () => !this.isStatementEnd(this.LA(1)),
          DEF: () => this.subrule(idx, this.pipeline),
        });
        if (idx < 2) {
          const semi = this.option(4 + idx, () => this.consume(2 + idx, Semi));
          this.ACTION(() => { if (semi) lastEnd = this.endOf(semi); });
        }
        this.ACTION(() => { if (node) lastEnd = Math.max(lastEnd, node.span.end); });
        return node;
      };
      const init = part(0);
      const condition = part(1);
      const iterator = part(2);
      this.nl(210);
      const rParen = this.option(7, () => this.consume(4, RParen));
      if (rParen === undefined) {
        return this.ACTION(() => void this.report('MissingEndParenthesisAfterStatement', this.span(lastEnd, lastEnd), ['for']));
      }
      const body = this.option(8, {
        GATE: () => this.aheadPastNewlines(LCurly),
        DEF: () => {
          this.nl(211);
          return this.subrule(3, this.statementBlock);
        },
      });
      return this.ACTION((): ForAst | undefined => {
        if (body === undefined) return void this.report('MissingLoopStatement', this.after(rParen), ['for']);
        return {
          kind: 'For', ...this.labelText(label), ...(init ? { init } : {}), ...(condition ? { condition } : {}),
          ...(iterator ? { iterator } : {}), body, span: this.span(this.startOf(label ?? keyword), body.span.end),
        };
      });
    });

    this.whileStatement = this.RULE('whileStatement', (label?: IToken) => {
      const keyword = this.consume(0, Keywords.while);
      const parts = this.subrule(0, this.loopCondition, { ARGS: [keyword, 'while'] });
      if (parts === undefined) return undefined;
      const body = this.option(0, {
        GATE: () => this.aheadPastNewlines(LCurly),
        DEF: () => {
          this.nl(200);
          return this.subrule(1, this.statementBlock);
        },
      });
      return this.ACTION((): WhileAst | undefined => {
        if (body === undefined) return void this.report('MissingLoopStatement', this.after(parts.rParen), ['while']);
        return {
          kind: 'While', ...this.labelText(label), condition: parts.condition, body,
          span: this.span(this.startOf(label ?? keyword), body.span.end),
        };
      });
    });

    this.doStatement = this.RULE('doStatement', (label?: IToken) => {
      const keyword = this.consume(0, Keywords.do);
      const body = this.option(0, {
        GATE: () => this.aheadPastNewlines(LCurly),
        DEF: () => {
          this.nl(200);
          return this.subrule(0, this.statementBlock);
        },
      });
      if (body === undefined) return this.ACTION(() => void this.report('MissingLoopStatement', this.after(keyword), ['do']));
      const which = this.option(1, {
        GATE: () => this.aheadPastNewlines(Keywords.while) || this.aheadPastNewlines(Keywords.until),
        DEF: () => {
          this.nl(201);
          return this.or(0, [
            { ALT: () => this.consume(1, Keywords.while) },
            { ALT: () => this.consume(2, Keywords.until) },
          ]);
        },
      });
      if (which === undefined) return this.ACTION(() => void this.report('MissingWhileOrUntilInDoWhile', this.after(body)));
      const parts = this.subrule(1, this.loopCondition, {
        ARGS: [which, this.ACTION(() => (which.tokenType === Keywords.until ? 'until' : 'while'))],
      });
      return this.ACTION((): DoLoopAst | undefined => {
        if (parts === undefined) return undefined;
        return {
          kind: 'DoLoop', ...this.labelText(label), until: which.tokenType === Keywords.until, condition: parts.condition,
          body, span: this.span(this.startOf(label ?? keyword), this.endOf(parts.rParen)),
        };
      });
    });

    // `( pipeline )` after while / until, with PowerShell's errors for each missing piece.
    this.loopCondition = this.RULE('loopCondition', (keyword?: IToken, name = 'while') => {
      this.nl(200);
      const lParen = this.option(0, () => this.consume(0, LParen));
      if (lParen === undefined) {
        return this.ACTION(() => void this.report('MissingOpenParenthesisAfterKeyword', this.after(keyword!), [name]));
      }
      this.nl(201);
      const condition = this.option(1, {
        GATE: () => !this.isStatementEnd(this.LA(1)),
        DEF: () => this.subrule(0, this.pipeline),
      });
      this.nl(202);
      const rParen = this.option(2, () => this.consume(1, RParen));
      return this.ACTION(() => {
        if (condition === undefined) return void this.report('MissingExpressionAfterKeyword', this.after(lParen), [name]);
        if (rParen === undefined) return void this.report('MissingEndParenthesisAfterStatement', this.after(condition), [name]);
        return { condition, rParen };
      });
    });
  }

  declare loopCondition: ParserMethod<[keyword?: IToken, name?: string], { condition: StatementAst; rParen: IToken } | undefined>;
}
