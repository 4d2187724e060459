// Member access and indexing after a primary: `.Name`, `.$name`, `::Name`, `?.Name`, method calls `.M(a, b)`
// (no space before `(`), and `[i]`. DSL option objects are created once (see parser-expressions.ts for why).
import type { IToken } from 'chevrotain';
import type { ExpressionAst, IndexAst, InvokeMemberAst, MemberAst } from './ast.ts';
import { ExpressionParser } from './parser-expressions.ts';
import {
  ColonColon, Comma, Dot, Identifier, LBracket, LCurly, LParen, QuestionDot, RBracket, RParen, StringDQ, StringSQ, Variable,
} from './tokens.ts';

export abstract class MemberParser extends ExpressionParser {
  private readonly memberOperators = [
    { ALT: (): IToken => this.consume(0, Dot) },
    { ALT: (): IToken => this.consume(1, ColonColon) },
    { ALT: (): IToken => this.consume(2, QuestionDot) },
  ];

  private readonly memberName = (): ExpressionAst => this.or(1, this.memberNameKinds);

  private readonly memberNameKinds = [
    { ALT: (): ExpressionAst => this.bareword(this.consume(3, Identifier)) },
    { ALT: (): ExpressionAst => this.variableNode(this.consume(4, Variable)) },
    { ALT: (): ExpressionAst => this.stringNode(this.consume(5, StringSQ)) },
    { ALT: (): ExpressionAst => this.stringNode(this.consume(6, StringDQ)) },
    { ALT: (): ExpressionAst => this.subrule(0, this.parenExpression) },
    { ALT: (): ExpressionAst => this.subrule(1, this.subExpression) },
  ];

  private readonly memberArguments = {
    GATE: (): boolean => !this.isMissingMember() && this.touching(this.LA(0), this.LA(1))
      && (this.LA(1).tokenType === LParen || this.LA(1).tokenType === LCurly),
    DEF: (): { args: ExpressionAst[]; end: number } => this.or(2, this.memberArgumentKinds),
  };

  private readonly memberArgumentKinds = [
    { ALT: (): { args: ExpressionAst[]; end: number } => this.subrule(2, this.invocationArguments) },
    {
      ALT: (): { args: ExpressionAst[]; end: number } => {
        const block = this.subrule(3, this.scriptBlockExpression);
        return this.RECORDING_PHASE ? (undefined as never) : { args: [block], end: block.span.end };
      },
    },
  ];

  private readonly firstInvocationArgument = {
    GATE: (): boolean => this.canStartUnary(this.LA(1), true),
    DEF: (): void => {
      const first = this.subrule(0, this.expression);
      if (!this.RECORDING_PHASE) this.operandStack.push(first);
      this.nl(201);
      this.many(0, this.moreInvocationArguments);
    },
  };

  private readonly moreInvocationArguments = (): void => {
    const comma = this.consume(1, Comma);
    this.nl(202);
    const next = this.optional(1, this.nextInvocationArgument);
    this.nl(203);
    if (this.RECORDING_PHASE) return;
    if (next === undefined) this.report('MissingExpressionAfterToken', this.after(comma), [',']);
    else this.operandStack.push(next);
  };

  private readonly nextInvocationArgument = {
    GATE: (): boolean => this.canStartUnary(this.LA(1), true),
    DEF: (): ExpressionAst => this.subrule(1, this.expression),
  };

  private readonly invocationClose = (): IToken => this.consume(2, RParen);

  private readonly indexExpression = {
    GATE: (): boolean => this.canStartUnary(this.LA(1)),
    DEF: (): ExpressionAst => this.subrule(0, this.expression),
  };

  private readonly indexClose = (): IToken => this.consume(1, RBracket);

  /** The member name was missing when the token before is the `.` or `::` itself. */
  private isMissingMember(): boolean {
    const t = this.LA(0).tokenType;
    return t === Dot || t === ColonColon || t === QuestionDot;
  }

  /** `.Name`, `::Name`, `?.Name` and method calls `.M(args)`; `[i]` indexing. */
  protected defineMemberRules(): void {
    this.memberAccess = this.RULE('memberAccess', (target?: ExpressionAst) => {
      const op = this.or(0, this.memberOperators);
      const member = this.option(0, this.memberName);
      const args = this.optional(1, this.memberArguments);
      if (this.RECORDING_PHASE) return undefined as never;
      const isStatic = op.tokenType === ColonColon;
      const nullConditional = op.tokenType === QuestionDot;
      if (member === undefined) {
        this.report('MissingPropertyName', this.after(op));
        return { kind: 'Member', target: target!, member: this.placeholder(this.after(op)), static: isStatic, nullConditional,
          span: this.span(target!.span.start, this.endOf(op)) } satisfies MemberAst;
      }
      if (args !== undefined) {
        return { kind: 'InvokeMember', target: target!, member, args: args.args, static: isStatic, nullConditional,
          span: this.span(target!.span.start, args.end) } satisfies InvokeMemberAst;
      }
      return { kind: 'Member', target: target!, member, static: isStatic, nullConditional, span: this.join(target!, member) } satisfies MemberAst;
    });

    this.invocationArguments = this.RULE('invocationArguments', () => {
      const lParen = this.consume(0, LParen);
      const savedComma = this.noComma;
      const savedCommand = this.commandMode;
      this.noComma = true;
      this.commandMode = false;
      const base = this.operandStack.length;
      this.nl(200);
      this.optional(0, this.firstInvocationArgument);
      this.nl(204);
      this.noComma = savedComma;
      this.commandMode = savedCommand;
      const rParen = this.option(2, this.invocationClose);
      if (this.RECORDING_PHASE) return undefined as never;
      const args = this.operandStack.splice(base);
      if (rParen === undefined) {
        const at = args.length > 0 ? this.after(args[args.length - 1]) : this.after(lParen);
        this.report('MissingEndParenthesisInMethodCall', at);
        return { args, end: at.end };
      }
      return { args, end: this.endOf(rParen) };
    });

    this.indexAccess = this.RULE('indexAccess', (target?: ExpressionAst) => {
      const lBracket = this.consume(0, LBracket);
      const savedComma = this.noComma;
      const savedCommand = this.commandMode;
      this.noComma = false;
      this.commandMode = false;
      this.nl(200);
      const index = this.optional(0, this.indexExpression);
      this.nl(201);
      this.noComma = savedComma;
      this.commandMode = savedCommand;
      const rBracket = this.option(1, this.indexClose);
      if (this.RECORDING_PHASE) return undefined as never;
      if (index === undefined) this.report('MissingArrayIndexExpression', this.after(lBracket));
      else if (rBracket === undefined) this.report('MissingEndSquareBracket', this.after(index));
      const end = rBracket !== undefined ? this.endOf(rBracket) : index?.span.end ?? this.endOf(lBracket);
      return { kind: 'Index', target: target!, index: index ?? this.placeholder(this.after(lBracket)), nullConditional: false,
        span: this.span(target!.span.start, end) } satisfies IndexAst;
    });
  }
}
