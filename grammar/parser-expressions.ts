// Expression mode: binary operators (and `,`) by precedence, unary operators, casts, primaries, and the loop
// that applies the member / index operators (parser-members.ts) following a primary without white space.
// Hot rules use cached alternative objects and instance state instead of per-call closures: closures are
// costly here (esbuild's keepNames wraps each one when run through tsx).
import type { IToken, ParserMethod } from 'chevrotain';
import type {
  ArrayLiteralAst, BinaryAst, ConstantAst, ExpressionAst, SubExpressionAst, UnaryAst, VariableAst,
} from './ast.ts';
import { operatorOf } from './lexer.ts';
import { parseNumberLiteral } from './numbers.ts';
import { ParserBase, type TypeOrAttribute } from './parser-base.ts';
import { stringTokenNode } from './string-nodes.ts';
import { variableAst, type ExpansionContext } from './strings.ts';
import {
  BinaryOperator, ColonColon, Comma, DashWord, Dot, DotDot, HereStringDQ, HereStringSQ, LBracket, Minus, MinusMinus,
  NumberToken, OpBitwise, OpComparison, OpFormat, OpLogical, OpSplitJoin, Percent, Plus, PlusPlus, QuestionDot, Slash,
  SplatVariable, Star, StringDQ, StringSQ, UnaryOperator, Variable,
} from './tokens.ts';

const PRECEDENCE = new Map([
  [OpLogical, 1], [OpBitwise, 2], [OpComparison, 3], [OpSplitJoin, 3], [Plus, 4], [Minus, 4],
  [Star, 5], [Slash, 5], [Percent, 5], [OpFormat, 6], [DotDot, 7], [Comma, 8],
]);

export abstract class ExpressionParser extends ParserBase {
  declare parenExpression: ParserMethod<[], ExpressionAst>;
  declare scriptBlockExpression: ParserMethod<[], ExpressionAst>;
  declare hashLiteral: ParserMethod<[], ExpressionAst>;
  declare typePrefixed: ParserMethod<[], ExpressionAst>;
  declare memberAccess: ParserMethod<[target?: ExpressionAst], ExpressionAst>;
  declare indexAccess: ParserMethod<[target?: ExpressionAst], ExpressionAst>;
  declare invocationArguments: ParserMethod<[], { args: ExpressionAst[]; end: number }>;

  /** Operands and operators of the expressions being parsed (a stack shared by nested expressions). */
  protected readonly operandStack: ExpressionAst[] = [];
  private readonly operatorStack: IToken[] = [];
  /** Arrays built by `,` in the current expression, so `1,2,3` becomes one array. */
  private readonly commaArrays = new WeakSet<ArrayLiteralAst>();
  /** The expression the postfix loop of `primary` is extending. */
  private postfixTarget: ExpressionAst | undefined;

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

  // ---------------------------------------------------------------- cached DSL pieces

  private readonly binaryLoop = {
    GATE: (): boolean => this.is(this.LA(1), BinaryOperator) || (this.LA(1).tokenType === Comma && !this.noComma),
    DEF: (): void => {
      const op = this.or(1, this.binaryOperatorAlts);
      this.nl(200);
      const rhs = this.optional(0, this.rightOperand);
      if (this.RECORDING_PHASE) return;
      this.operatorStack.push(op);
      if (rhs === undefined) {
        if (op.tokenType === Comma) this.report('MissingExpressionAfterToken', this.after(op), [',']);
        else this.report('ExpectedValueExpression', this.after(op), [op.image]);
      }
      this.operandStack.push(rhs ?? this.placeholder(this.after(op)));
    },
  };

  private readonly binaryOperatorAlts = [
    { ALT: (): IToken => this.consume(0, BinaryOperator) },
    { ALT: (): IToken => this.consume(1, Comma) },
  ];

  private readonly rightOperand = {
    GATE: (): boolean => this.canStartUnary(this.LA(1), this.noComma),
    DEF: (): ExpressionAst => this.subrule(1, this.unary),
  };

  // A parameter-like word after an expression is an unknown operator (PowerShell reports and skips it).
  private readonly strayParameter = {
    GATE: (): boolean => this.is(this.LA(1), DashWord) && operatorOf(this.LA(1)) === undefined,
    DEF: (): void => {
      const word = this.consume(2, DashWord);
      if (!this.RECORDING_PHASE) this.reportError('UnexpectedToken', this.tokenSpan(word), [word.image]);
    },
  };

  private readonly unaryAlts = [
    {
      ALT: (): ExpressionAst => {
        const op = this.consume(0, UnaryOperator);
        this.nl(200);
        const child = this.optional(0, this.unaryChild);
        return this.RECORDING_PHASE ? (undefined as never) : this.prefixUnary(op, child);
      },
    },
    { ALT: (): ExpressionAst => this.subrule(1, this.typePrefixed) },
  ];

  private readonly unaryChild = {
    GATE: (): boolean => this.canStartUnary(this.LA(1), this.noComma),
    DEF: (): ExpressionAst => this.subrule(0, this.unary),
  };

  private readonly postfixIncrement = {
    GATE: (): boolean => this.LA(1).tokenType === PlusPlus || this.LA(1).tokenType === MinusMinus,
    DEF: (): IToken => this.consume(1, UnaryOperator),
  };

  private readonly primaryAlts = [
    { ALT: (): ExpressionAst => this.variableNode(this.consume(0, Variable)) },
    {
      ALT: (): ExpressionAst => {
        const token = this.consume(1, SplatVariable);
        if (this.RECORDING_PHASE) return undefined as never;
        const node = this.variableNode(token);
        this.reportError('SplattingNotPermitted', node.span, [node.name]);
        return node;
      },
    },
    { ALT: (): ExpressionAst => this.numberNode(this.consume(2, NumberToken)) },
    { ALT: (): ExpressionAst => this.stringNode(this.consume(3, StringSQ)) },
    { ALT: (): ExpressionAst => this.stringNode(this.consume(4, StringDQ)) },
    { ALT: (): ExpressionAst => this.stringNode(this.consume(5, HereStringSQ)) },
    { ALT: (): ExpressionAst => this.stringNode(this.consume(6, HereStringDQ)) },
    { ALT: (): ExpressionAst => this.subrule(0, this.parenExpression) },
    { ALT: (): ExpressionAst => this.subrule(1, this.subExpression) },
    { ALT: (): ExpressionAst => this.subrule(2, this.hashLiteral) },
    { ALT: (): ExpressionAst => this.subrule(3, this.scriptBlockExpression) },
  ];

  /** Unary operators, casts, then the primary kinds: chosen by the first token alone. */
  private readonly unaryKinds = [...this.unaryAlts, ...this.primaryAlts];

  private readonly postfixLoop = {
    GATE: (): boolean => this.postfixAhead(),
    DEF: (): void => {
      this.postfixTarget = this.or(1, this.postfixAlts);
    },
  };

  private readonly postfixAlts = [
    { ALT: (): ExpressionAst => this.subrule(4, this.memberAccess, { ARGS: [this.postfixTarget!] }) },
    { ALT: (): ExpressionAst => this.subrule(5, this.indexAccess, { ARGS: [this.postfixTarget!] }) },
  ];

  /** The `[type]` or attribute that typePrefixed has just read. */
  private typePrefix: TypeOrAttribute | undefined;

  private readonly afterTypeKinds = [
    {
      GATE: (): boolean => this.touching(this.LA(0), this.LA(1)) && (this.LA(1).tokenType === ColonColon || this.LA(1).tokenType === Dot),
      ALT: (): ExpressionAst => {
        this.postfixTarget = this.RECORDING_PHASE ? undefined : this.typeLiteral(this.typePrefix!);
        this.repeated(0, this.postfixLoop);
        return this.postfixTarget!;
      },
    },
    {
      GATE: (): boolean => this.canStartUnary(this.LA(1), this.noComma) && this.LA(1).tokenType !== Comma,
      ALT: (): ExpressionAst => {
        const prefix = this.typePrefix!;
        const operand = this.subrule(2, this.unary);
        if (this.RECORDING_PHASE) return undefined as never;
        if (prefix.kind === 'type') return { kind: 'Convert', type: prefix.type, operand, span: this.join(prefix, operand) } satisfies ExpressionAst;
        // Attributes may only constrain a variable (`[ValidateNotNull()][int]$x = 1`).
        let target = operand;
        while (target.kind === 'Convert') target = target.operand;
        if (target.kind !== 'Variable') this.report('UnexpectedAttribute', prefix.span, [prefix.name]);
        return operand;
      },
    },
    {
      ALT: (): ExpressionAst => {
        if (this.RECORDING_PHASE) return undefined as never;
        const prefix = this.typePrefix!;
        if (prefix.kind === 'Attribute') this.report('UnexpectedAttribute', prefix.span, [prefix.name]);
        return this.typeLiteral(prefix);
      },
    },
  ];

  // ---------------------------------------------------------------- rules

  protected defineExpressionRules(): void {
    this.expression = this.RULE('expression', () => {
      const operandBase = this.operandStack.length;
      const operatorBase = this.operatorStack.length;
      const first = this.subrule(0, this.unary);
      if (!this.RECORDING_PHASE) this.operandStack.push(first);
      this.repeated(0, this.binaryLoop);
      this.optional(1, this.strayParameter);
      if (this.RECORDING_PHASE) return undefined as never;
      if (this.operatorStack.length === operatorBase) {
        this.operandStack.length = operandBase;
        return first;
      }
      const operands = this.operandStack.splice(operandBase);
      const operators = this.operatorStack.splice(operatorBase);
      return this.binaryTree(operands, operators);
    });

    // Unary operators, casts and primaries (the primary alternatives are inlined: one rule call less per operand).
    this.unary = this.RULE('unary', () => {
      let operand = this.or(0, this.unaryKinds);
      if (!this.RECORDING_PHASE && this.postfixAhead()) {
        this.postfixTarget = operand;
        this.repeated(0, this.postfixLoop);
        operand = this.postfixTarget!;
      } else if (this.RECORDING_PHASE) {
        this.repeated(0, this.postfixLoop);
      }
      const postfix = this.optional(1, this.postfixIncrement);
      if (this.RECORDING_PHASE || postfix === undefined) return operand;
      return {
        kind: 'Unary', operator: postfix.tokenType === PlusPlus ? '++' : '--', postfix: true, caseSensitive: false,
        operand, span: this.span(operand.span.start, this.endOf(postfix)),
      } satisfies UnaryAst;
    });

    this.primary = this.RULE('primary', () => {
      const value = this.or(0, this.primaryAlts);
      if (!this.RECORDING_PHASE && !this.postfixAhead()) return value;
      this.postfixTarget = value;
      this.repeated(0, this.postfixLoop);
      return this.postfixTarget!;
    });

    // `[type]` before an operand is a cast; alone (or before `::`) it is a type literal.
    this.typePrefixed = this.RULE('typePrefixed', () => {
      this.typePrefix = this.subrule(0, this.typeOrAttribute);
      return this.or(0, this.afterTypeKinds);
    });

  }

  /** Whether the token after a primary continues it; in argument mode `$a. b` is not member access. */
  private postfixAhead(): boolean {
    const token = this.LA(1);
    if (!this.touching(this.LA(0), token)) return false;
    const t = token.tokenType;
    if (t === LBracket) return true;
    if (t !== Dot && t !== ColonColon && t !== QuestionDot) return false;
    if (!this.commandMode) return true;
    const next = this.LA(2);
    return this.touching(token, next) && !this.isStatementEnd(next);
  }

  // ---------------------------------------------------------------- node builders

  protected variableNode(token: IToken): VariableAst {
    if (this.RECORDING_PHASE) return undefined as never;
    return variableAst(this.text, token.startOffset, this.endOf(token), this.strings);
  }

  protected stringNode(token: IToken): ExpressionAst {
    if (this.RECORDING_PHASE) return undefined as never;
    return stringTokenNode(token, this.text, this.strings);
  }

  protected numberNode(token: IToken): ExpressionAst {
    if (this.RECORDING_PHASE) return undefined as never;
    const parsed = parseNumberLiteral(token.image);
    const span = this.tokenSpan(token);
    if (!parsed) {
      this.reportError('BadNumericConstant', span, [token.image]);
      return { kind: 'Constant', value: 0, type: 'int', text: token.image, span } satisfies ConstantAst;
    }
    return { kind: 'Constant', value: parsed.value, type: parsed.type, text: token.image, span } satisfies ConstantAst;
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
    return {
      kind: 'Unary',
      operator: word?.operator ?? (op.tokenType === Minus ? '-' : op.image),
      postfix: false,
      caseSensitive: word?.caseSensitive ?? false,
      operand: child,
      span,
    } satisfies UnaryAst;
  }

  /** Builds left-associative nodes by precedence, like PowerShell's operator-stack loop; `,` makes arrays. */
  private binaryTree(operands: ExpressionAst[], operators: IToken[]): ExpressionAst {
    if (operators.length === 0) return operands[0];
    const output: ExpressionAst[] = [operands[0]];
    const stack: IToken[] = [];
    for (let i = 0; i < operators.length; i++) {
      const precedence = PRECEDENCE.get(operators[i].tokenType) ?? 0;
      while (stack.length > 0 && (PRECEDENCE.get(stack[stack.length - 1].tokenType) ?? 0) >= precedence) {
        this.reduceTop(output, stack);
      }
      stack.push(operators[i]);
      output.push(operands[i + 1]);
    }
    while (stack.length > 0) this.reduceTop(output, stack);
    return output[0];
  }

  private reduceTop(output: ExpressionAst[], stack: IToken[]): void {
    const right = output.pop()!;
    const left = output.pop()!;
    output.push(this.binaryNode(stack.pop()!, left, right));
  }

  private binaryNode(op: IToken, left: ExpressionAst, right: ExpressionAst): ExpressionAst {
    if (op.tokenType === Comma) {
      if (left.kind === 'ArrayLiteral' && this.commaArrays.has(left)) {
        left.elements.push(right);
        left.span = this.join(left, right);
        return left;
      }
      const array: ArrayLiteralAst = { kind: 'ArrayLiteral', elements: [left, right], span: this.join(left, right) };
      this.commaArrays.add(array);
      return array;
    }
    const word = operatorOf(op);
    return {
      kind: 'Binary',
      operator: word?.operator ?? (op.tokenType === Minus ? '-' : op.image),
      caseSensitive: word?.caseSensitive ?? false,
      left,
      right,
      operatorSpan: this.tokenSpan(op),
      span: this.join(left, right),
    } satisfies BinaryAst;
  }
}
