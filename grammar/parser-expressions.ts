// Expression mode: binary operators by precedence, array literals, unary operators, casts, primaries and
// the member / index / invocation operators that follow a primary without white space.
import type { IToken, ParserMethod } from 'chevrotain';
import type {
  BinaryAst, ConstantAst, ExpressionAst, IndexAst, InvokeMemberAst, MemberAst, SubExpressionAst, UnaryAst, VariableAst,
} from './ast.ts';
import { operatorOf } from './lexer.ts';
import { parseNumberLiteral } from './numbers.ts';
import { ParserBase, type TypeOrAttribute } from './parser-base.ts';
import { stringTokenNode } from './string-nodes.ts';
import { variableAst, type ExpansionContext } from './strings.ts';
import {
  BinaryOperator, ColonColon, Comma, DashWord, Dot, DotDot, HereStringDQ, HereStringSQ,
  Identifier, LBracket, LCurly, LParen, Minus, MinusMinus, NumberToken, OpBitwise, OpComparison, OpFormat, OpLogical,
  OpSplitJoin, Percent, Plus, PlusPlus, QuestionDot, RBracket, RParen, Slash, SplatVariable, Star, StringDQ, StringSQ,
  UnaryOperator, Variable,
} from './tokens.ts';

const PRECEDENCE = new Map([
  [OpLogical, 1], [OpBitwise, 2], [OpComparison, 3], [OpSplitJoin, 3], [Plus, 4], [Minus, 4],
  [Star, 5], [Slash, 5], [Percent, 5], [OpFormat, 6], [DotDot, 7],
]);

export abstract class ExpressionParser extends ParserBase {
  declare arrayLiteral: ParserMethod<[noComma?: boolean], ExpressionAst>;
  declare parenExpression: ParserMethod<[], ExpressionAst>;
  declare scriptBlockExpression: ParserMethod<[], ExpressionAst>;
  declare memberAccess: ParserMethod<[target: ExpressionAst], ExpressionAst>;
  declare indexAccess: ParserMethod<[target: ExpressionAst], ExpressionAst>;
  declare typePrefixed: ParserMethod<[noComma?: boolean], ExpressionAst>;
  declare hashLiteral: ParserMethod<[], ExpressionAst>;
  declare postfixOperators: ParserMethod<[target: ExpressionAst, commandMode: boolean], ExpressionAst>;
  declare invocationArguments: ParserMethod<[], { args: ExpressionAst[]; end: number }>;

  /** The string-expansion context: positions, errors, and deferred `$( )` parsing. */
  protected readonly strings: ExpansionContext = {
    span: (start, end) => this.span(start, end),
    report: (id, start, end, args = [], incomplete) => this.report(id, this.span(start, end), args, incomplete ?? false),
    subExpression: (start, end, outerStart, outerEnd) => {
      const node: SubExpressionAst = {
        kind: 'SubExpression',
        body: { kind: 'StatementBlock', statements: [], traps: [], span: this.span(start, start) },
        span: this.span(outerStart, outerEnd),
      };
      this.pending.push({ node, start, end });
      return node;
    },
  };

  protected defineExpressionRules(): void {
    this.expression = this.RULE('expression', (noComma = false) => {
      const operands: ExpressionAst[] = [this.subrule(0, this.arrayLiteral, { ARGS: [noComma] })];
      const operators: IToken[] = [];
      this.many(0, () => {
        const op = this.consume(0, BinaryOperator);
        this.nl(200);
        const rhs = this.option(0, {
          GATE: () => this.canStartUnary(this.LA(1), noComma),
          DEF: () => this.subrule(1, this.arrayLiteral, { ARGS: [noComma] }),
        });
        this.ACTION(() => {
          operators.push(op);
          if (rhs === undefined) this.report('ExpectedValueExpression', this.after(op), [op.image]);
          operands.push(rhs ?? this.placeholder(this.after(op)));
        });
      });
      // A parameter-like word after an expression is an unknown operator (PowerShell eats it).
      this.option(1, {
        GATE: () => this.is(this.LA(1), DashWord) && operatorOf(this.LA(1)) === undefined,
        DEF: () => {
          const word = this.consume(1, DashWord);
          this.ACTION(() => this.reportError('UnexpectedToken', this.tokenSpan(word), [word.image]));
        },
      });
      return this.ACTION(() => this.binaryTree(operands, operators));
    });

    this.arrayLiteral = this.RULE('arrayLiteral', (noComma = false) => {
      const items: ExpressionAst[] = [this.subrule(0, this.unary, { ARGS: [noComma] })];
      this.many(0, {
        GATE: () => !noComma,
        DEF: () => {
          const comma = this.consume(0, Comma);
          this.nl(200);
          const next = this.option(0, {
            GATE: () => this.canStartUnary(this.LA(1), noComma),
            DEF: () => this.subrule(1, this.unary, { ARGS: [noComma] }),
          });
          this.ACTION(() => {
            if (next === undefined) this.report('MissingExpressionAfterToken', this.after(comma), [',']);
            items.push(next ?? this.placeholder(this.after(comma)));
          });
        },
      });
      return this.ACTION(() => items.length === 1
        ? items[0]
        : { kind: 'ArrayLiteral' as const, elements: items, span: this.join(items[0], items[items.length - 1]) });
    });

    this.unary = this.RULE('unary', (noComma = false) => {
      const operand = this.or(0, [
        {
          GATE: () => !(noComma && this.LA(1).tokenType === Comma),
          ALT: () => {
            const op = this.consume(0, UnaryOperator);
            this.nl(200);
            const child = this.option(0, {
              GATE: () => this.canStartUnary(this.LA(1), noComma),
              DEF: () => this.subrule(0, this.unary, { ARGS: [noComma] }),
            });
            return this.ACTION(() => this.prefixUnary(op, child));
          },
        },
        { ALT: () => this.subrule(1, this.typePrefixed, { ARGS: [noComma] }) },
        { ALT: () => this.subrule(2, this.primary) },
      ]);
      const postfix = this.option(1, {
        GATE: () => this.LA(1).tokenType === PlusPlus || this.LA(1).tokenType === MinusMinus,
        DEF: () => this.consume(1, UnaryOperator),
      });
      return this.ACTION(() => postfix === undefined ? operand : {
        kind: 'Unary' as const, operator: postfix.tokenType === PlusPlus ? '++' : '--', postfix: true,
        caseSensitive: false, operand, span: this.span(operand.span.start, this.endOf(postfix)),
      });
    });

    // `[type]` before an operand is a cast; alone (or before `::`) it is a type literal.
    this.typePrefixed = this.RULE('typePrefixed', (noComma = false) => {
      const prefix = this.subrule(0, this.typeOrAttribute);
      return this.or(0, [
        {
          GATE: () => this.touching(this.LA(0), this.LA(1)) && (this.LA(1).tokenType === ColonColon || this.LA(1).tokenType === Dot),
          ALT: () => this.subrule(1, this.postfixOperators, {
            ARGS: [this.ACTION(() => this.typeLiteral(prefix)), false],
          }),
        },
        {
          GATE: () => this.canStartUnary(this.LA(1), noComma) && this.LA(1).tokenType !== Comma,
          ALT: () => {
            const operand = this.subrule(2, this.unary, { ARGS: [noComma] });
            return this.ACTION((): ExpressionAst => prefix.kind === 'type'
              ? { kind: 'Convert', type: prefix.type, operand, span: this.join(prefix, operand) }
              : operand);
          },
        },
        {
          ALT: () => this.ACTION((): ExpressionAst => {
            if (prefix.kind === 'Attribute') this.report('UnexpectedAttribute', prefix.span, [prefix.name]);
            return this.typeLiteral(prefix);
          }),
        },
      ]);
    });

    this.primary = this.RULE('primary', (commandMode = false) => {
      const value = this.or(0, [
        { ALT: () => this.variableNode(this.consume(0, Variable)) },
        {
          ALT: () => {
            const token = this.consume(1, SplatVariable);
            return this.ACTION(() => {
              const node = this.variableNode(token);
              this.reportError('SplattingNotPermitted', node.span, [node.name]);
              return node;
            });
          },
        },
        { ALT: () => this.numberNode(this.consume(2, NumberToken)) },
        { ALT: () => this.stringNode(this.consume(3, StringSQ)) },
        { ALT: () => this.stringNode(this.consume(4, StringDQ)) },
        { ALT: () => this.stringNode(this.consume(5, HereStringSQ)) },
        { ALT: () => this.stringNode(this.consume(6, HereStringDQ)) },
        { ALT: () => this.subrule(0, this.parenExpression) },
        { ALT: () => this.subrule(1, this.subExpression) },
        { ALT: () => this.subrule(2, this.hashLiteral) },
        { ALT: () => this.subrule(3, this.scriptBlockExpression) },
      ]);
      return this.subrule(4, this.postfixOperators, { ARGS: [value, commandMode] });
    });

    this.defineMemberRules();
  }

  /** Member access, indexing and method calls: `.Name`, `::Name`, `?.Name`, `[i]`, `.M(args)`. */
  private defineMemberRules(): void {
    this.postfixOperators = this.RULE('postfixOperators', (target: ExpressionAst, commandMode = false) => {
      let result = target;
      this.many(0, {
        GATE: () => this.touching(this.LA(0), this.LA(1)) && this.postfixAhead(commandMode),
        DEF: () => {
          result = this.or(0, [
            { ALT: () => this.subrule(0, this.memberAccess, { ARGS: [result] }) },
            { ALT: () => this.subrule(1, this.indexAccess, { ARGS: [result] }) },
          ]);
        },
      });
      return result;
    });

    this.memberAccess = this.RULE('memberAccess', (target: ExpressionAst) => {
      const op = this.or(0, [
        { ALT: () => this.consume(0, Dot) },
        { ALT: () => this.consume(1, ColonColon) },
        { ALT: () => this.consume(2, QuestionDot) },
      ]);
      const member = this.option(0, () => this.or(1, [
        { ALT: () => this.bareword(this.consume(3, Identifier)) },
        { ALT: () => this.variableNode(this.consume(4, Variable)) },
        { ALT: () => this.stringNode(this.consume(5, StringSQ)) },
        { ALT: () => this.stringNode(this.consume(6, StringDQ)) },
        { ALT: () => this.subrule(0, this.parenExpression) },
        { ALT: () => this.subrule(1, this.subExpression) },
      ]));
      const args = this.option(1, {
        GATE: () => member !== undefined && this.touching(this.LA(0), this.LA(1))
          && (this.LA(1).tokenType === LParen || this.LA(1).tokenType === LCurly),
        DEF: () => this.or(2, [
          { ALT: () => this.subrule(2, this.invocationArguments) },
          {
            ALT: () => {
              const block = this.subrule(3, this.scriptBlockExpression);
              return this.ACTION(() => ({ args: [block], end: block.span.end }));
            },
          },
        ]),
      });
      return this.ACTION((): ExpressionAst => {
        const isStatic = op.tokenType === ColonColon;
        const nullConditional = op.tokenType === QuestionDot;
        if (member === undefined) {
          this.report('MissingPropertyName', this.after(op));
          return { kind: 'Member', target, member: this.placeholder(this.after(op)), static: isStatic, nullConditional,
            span: this.span(target.span.start, this.endOf(op)) };
        }
        if (args !== undefined) {
          const node: InvokeMemberAst = { kind: 'InvokeMember', target, member, args: args.args, static: isStatic,
            nullConditional, span: this.span(target.span.start, args.end) };
          return node;
        }
        const node: MemberAst = { kind: 'Member', target, member, static: isStatic, nullConditional, span: this.join(target, member) };
        return node;
      });
    });

    this.invocationArguments = this.RULE('invocationArguments', () => {
      const lParen = this.consume(0, LParen);
      const args: ExpressionAst[] = [];
      this.nl(200);
      this.option(0, {
        GATE: () => this.canStartUnary(this.LA(1), true),
        DEF: () => {
          const first = this.subrule(0, this.expression, { ARGS: [true] });
          this.ACTION(() => args.push(first));
          this.nl(201);
          this.many(0, () => {
            const comma = this.consume(1, Comma);
            this.nl(202);
            const next = this.option(1, {
              GATE: () => this.canStartUnary(this.LA(1), true),
              DEF: () => this.subrule(1, this.expression, { ARGS: [true] }),
            });
            this.nl(203);
            this.ACTION(() => {
              if (next === undefined) this.report('MissingExpressionAfterToken', this.after(comma), [',']);
              else args.push(next);
            });
          });
        },
      });
      this.nl(204);
      const rParen = this.option(2, () => this.consume(2, RParen));
      return this.ACTION(() => {
        if (rParen === undefined) {
          const at = args.length > 0 ? this.after(args[args.length - 1]) : this.after(lParen);
          this.report('MissingEndParenthesisInMethodCall', at);
          return { args, end: at.end };
        }
        return { args, end: this.endOf(rParen) };
      });
    });

    this.indexAccess = this.RULE('indexAccess', (target: ExpressionAst) => {
      const lBracket = this.consume(0, LBracket);
      this.nl(200);
      const index = this.option(0, {
        GATE: () => this.canStartUnary(this.LA(1)),
        DEF: () => this.subrule(0, this.expression),
      });
      this.nl(201);
      const rBracket = this.option(1, () => this.consume(1, RBracket));
      return this.ACTION((): IndexAst => {
        if (index === undefined) this.report('MissingArrayIndexExpression', this.after(lBracket));
        else if (rBracket === undefined) this.report('MissingEndSquareBracket', this.after(index));
        const end = rBracket !== undefined ? this.endOf(rBracket) : index?.span.end ?? this.endOf(lBracket);
        return { kind: 'Index', target, index: index ?? this.placeholder(this.after(lBracket)), nullConditional: false,
          span: this.span(target.span.start, end) };
      });
    });
  }

  /** Whether the token after a primary continues it; in argument mode `$a. b` is not member access. */
  private postfixAhead(commandMode: boolean): boolean {
    const t = this.LA(1).tokenType;
    if (t === LBracket) return true;
    if (t !== Dot && t !== ColonColon && t !== QuestionDot) return false;
    if (!commandMode) return true;
    const next = this.LA(2);
    return this.touching(this.LA(1), next) && !this.isStatementEnd(next);
  }

  // ---------------------------------------------------------------- node builders

  protected variableNode(token: IToken): VariableAst {
    return this.ACTION(() => variableAst(this.text, token.startOffset, this.endOf(token), this.strings));
  }

  protected stringNode(token: IToken): ExpressionAst {
    return this.ACTION(() => stringTokenNode(token, this.text, this.strings));
  }

  protected numberNode(token: IToken): ExpressionAst {
    return this.ACTION(() => {
      const parsed = parseNumberLiteral(token.image);
      const span = this.tokenSpan(token);
      if (!parsed) {
        this.reportError('BadNumericConstant', span, [token.image]);
        return { kind: 'Constant', value: 0, type: 'int', text: token.image, span } satisfies ConstantAst;
      }
      return { kind: 'Constant', value: parsed.value, type: parsed.type, text: token.image, span } satisfies ConstantAst;
    });
  }

  protected typeLiteral(prefix: TypeOrAttribute): ExpressionAst {
    const type = prefix.kind === 'type' ? prefix.type : { kind: 'TypeName' as const, name: prefix.name, span: prefix.span };
    return { kind: 'TypeLiteral', type, span: prefix.span };
  }

  private prefixUnary(op: IToken, child: ExpressionAst | undefined): ExpressionAst {
    if (child === undefined) {
      this.report('MissingExpressionAfterOperator', this.after(op), [op.image]);
      return this.placeholder(this.after(op));
    }
    const span = this.span(this.startOf(op), child.span.end);
    // `-5` is the number -5 (PowerShell scans a signed number after a unary minus), not negation.
    if (op.tokenType === Minus && child.kind === 'Constant' && child.span.start === this.endOf(op) && /^[0-9.]/.test(child.text)) {
      const negative = parseNumberLiteral(child.text, true);
      if (negative) return { kind: 'Constant', value: negative.value, type: negative.type, text: op.image + child.text, span };
    }
    const word = operatorOf(op);
    const node: UnaryAst = {
      kind: 'Unary',
      operator: word?.operator ?? (op.tokenType === Comma ? ',' : op.tokenType === Minus ? '-' : op.image),
      postfix: false,
      caseSensitive: word?.caseSensitive ?? false,
      operand: child,
      span,
    };
    return node;
  }

  /** Builds left-associative binary nodes by precedence, like PowerShell's operator-stack loop. */
  private binaryTree(operands: ExpressionAst[], operators: IToken[]): ExpressionAst {
    if (operators.length === 0) return operands[0];
    const output: ExpressionAst[] = [operands[0]];
    const stack: IToken[] = [];
    const reduce = (): void => {
      const right = output.pop()!;
      const left = output.pop()!;
      output.push(this.binaryNode(stack.pop()!, left, right));
    };
    for (let i = 0; i < operators.length; i++) {
      const precedence = PRECEDENCE.get(operators[i].tokenType) ?? 0;
      while (stack.length > 0 && (PRECEDENCE.get(stack[stack.length - 1].tokenType) ?? 0) >= precedence) reduce();
      stack.push(operators[i]);
      output.push(operands[i + 1]);
    }
    while (stack.length > 0) reduce();
    return output[0];
  }

  private binaryNode(op: IToken, left: ExpressionAst, right: ExpressionAst): BinaryAst {
    const word = operatorOf(op);
    const symbol = op.tokenType === Minus ? '-' : op.image;
    return {
      kind: 'Binary',
      operator: word?.operator ?? symbol,
      caseSensitive: word?.caseSensitive ?? false,
      left,
      right,
      operatorSpan: this.tokenSpan(op),
      span: this.join(left, right),
    };
  }
}
