// Parameters: `param( )` blocks with their attributes, parameter declarations (attributes, type,
// variable, default value) and the `( $a, [int]$b = 2 )` list after a function name. DSL option
// objects are created once (see parser-expressions.ts for why); per-call data lives in the stacks.
import type { IToken, ParserMethod } from 'chevrotain';
import type { AttributeAst, ExpressionAst, ParamBlockAst, ParameterAst, TypeNameAst, VariableAst } from './ast.ts';
import type { TypeOrAttribute } from './parser-base.ts';
import { StatementParser } from './parser-statements.ts';
import { Comma, Equals, Keywords, LBracket, LParen, NewLine, RParen, SplatVariable, Variable } from './tokens.ts';

export abstract class ParameterParser extends StatementParser {
  declare paramBlock: ParserMethod<[], ParamBlockAst>;
  declare parameterDeclaration: ParserMethod<[], ParameterAst | undefined>;
  declare functionParameters: ParserMethod<[], { parameters: ParameterAst[]; rParen?: IToken }>;

  private readonly attributeStack: TypeOrAttribute[] = [];
  private readonly parameterStack: ParameterAst[] = [];

  private readonly attributeLoop = {
    GATE: (): boolean => this.aheadPastNewlines(LBracket),
    DEF: (): void => {
      this.nl(200);
      const attribute = this.subrule(0, this.typeOrAttribute);
      if (!this.RECORDING_PHASE) this.attributeStack.push(attribute);
    },
  };

  private readonly paramCloseParen = (): IToken => this.consume(2, RParen);

  private readonly firstParameter = {
    GATE: (): boolean => this.parameterDeclarationAhead(),
    DEF: (): void => {
      const first = this.subrule(0, this.parameterDeclaration);
      if (!this.RECORDING_PHASE && first) this.parameterStack.push(first);
      this.nl(201);
      this.many(0, this.moreParameters);
    },
  };

  private readonly moreParameters = (): void => {
    const comma = this.consume(0, Comma);
    const next = this.optional(1, this.nextParameter);
    this.nl(202);
    if (this.RECORDING_PHASE) return;
    if (next === undefined) this.report('MissingExpressionAfterToken', this.after(comma), [',']);
    else this.parameterStack.push(next);
  };

  private readonly nextParameter = {
    GATE: (): boolean => this.parameterDeclarationAhead(),
    DEF: (): ParameterAst | undefined => this.subrule(1, this.parameterDeclaration),
  };

  private readonly parameterVariableKinds = [
    { ALT: (): VariableAst => this.variableNode(this.consume(0, Variable)) },
    {
      ALT: (): VariableAst => {
        const token = this.consume(1, SplatVariable);
        if (this.RECORDING_PHASE) return undefined as never;
        const node = this.variableNode(token);
        this.reportError('SplattingNotPermitted', node.span, [node.name]);
        return node;
      },
    },
  ];

  private readonly parameterVariable = (): VariableAst => this.or(0, this.parameterVariableKinds);

  private readonly defaultValue = {
    GATE: (): boolean => this.aheadPastNewlines(Equals),
    DEF: (): ExpressionAst | undefined => {
      this.nl(202);
      const equals = this.consume(2, Equals);
      this.nl(203);
      const value = this.optional(2, this.defaultExpression);
      if (this.RECORDING_PHASE) return undefined;
      if (value === undefined) this.report('MissingExpressionAfterToken', this.after(equals), ['=']);
      return value;
    },
  };

  private readonly defaultExpression = {
    GATE: (): boolean => this.canStartUnary(this.LA(1), true),
    DEF: (): ExpressionAst => this.withModes(true, false, () => this.subrule(1, this.expression)),
  };
  private readonly functionCloseParen = (): IToken => this.consume(3, RParen);

  protected defineParameterRules(): void {
    this.paramBlock = this.RULE('paramBlock', () => {
      const base = this.attributeStack.length;
      this.repeated(0, this.attributeLoop);
      this.nl(201);
      const keyword = this.consume(0, Keywords.param);
      this.nl(202);
      const lParen = this.consume(1, LParen);
      const parameters = this.subrule(1, this.parameterList);
      this.nl(203);
      const rParen = this.option(0, this.paramCloseParen);
      if (this.RECORDING_PHASE) return undefined as never;
      const end = rParen ? this.endOf(rParen) : this.missingParameterListEnd(parameters, lParen);
      const kept: AttributeAst[] = [];
      for (const a of this.attributeStack.splice(base)) {
        if (a.kind === 'Attribute') kept.push(a);
        else this.reportError('TypeNotAllowedBeforeParam', a.span, [a.type.name]);
      }
      return { kind: 'ParamBlock', attributes: kept, parameters, span: this.span(this.startOf(keyword), end) } satisfies ParamBlockAst;
    });

    this.parameterList = this.RULE('parameterList', () => {
      const base = this.parameterStack.length;
      this.nl(200);
      this.optional(0, this.firstParameter);
      if (this.RECORDING_PHASE) return undefined as never;
      const parameters = this.parameterStack.splice(base);
      const seen = new Set<string>();
      for (const p of parameters) {
        const key = p.name.toLowerCase();
        if (seen.has(key)) this.reportError('DuplicateFormalParameter', this.span(p.span.end - p.name.length - 1, p.span.end), [p.name]);
        seen.add(key);
      }
      return parameters;
    });

    this.parameterDeclaration = this.RULE('parameterDeclaration', () => {
      const base = this.attributeStack.length;
      this.repeated(0, this.attributeLoop);
      this.nl(201);
      const variable = this.option(0, this.parameterVariable);
      if (variable === undefined) {
        const attributes = this.attributeStack.splice(base);
        if (attributes.length > 0) {
          this.report('InvalidFunctionParameter', this.after(attributes[attributes.length - 1]));
          this.syncTo([RParen]);
        }
        return undefined;
      }
      const defaultValue = this.optional(1, this.defaultValue);
      if (this.RECORDING_PHASE) return undefined as never;
      const attributes = this.attributeStack.splice(base);
      let type: TypeNameAst | undefined;
      const kept: AttributeAst[] = [];
      for (const a of attributes) {
        if (a.kind === 'type') type = a.type;
        else kept.push(a);
      }
      const start = attributes.length > 0 ? attributes[0].span.start : variable.span.start;
      const end = defaultValue?.span.end ?? variable.span.end;
      const node: ParameterAst = { kind: 'Parameter', name: variable.name, attributes: kept, span: this.span(start, end) };
      if (type) node.type = type;
      if (defaultValue) node.defaultValue = defaultValue;
      return node;
    });

    // `( $a, [int]$b = 2 )` after a function name.
    this.functionParameters = this.RULE('functionParameters', () => {
      const lParen = this.consume(2, LParen);
      const parameters = this.subrule(1, this.parameterList);
      this.nl(202);
      const rParen = this.option(2, this.functionCloseParen);
      this.nl(203);
      if (this.RECORDING_PHASE) return undefined as never;
      if (rParen === undefined) this.missingParameterListEnd(parameters, lParen);
      return { parameters, rParen };
    });
  }

  private missingParameterListEnd(parameters: ParameterAst[], lParen: IToken): number {
    const at = parameters.length > 0 ? this.after(parameters[parameters.length - 1]) : this.after(lParen);
    this.report('MissingEndParenthesisInFunctionParameterList', at);
    return at.end;
  }

  private parameterDeclarationAhead(): boolean {
    let k = 1;
    while (this.LA(k).tokenType === NewLine) k++;
    const t = this.LA(k).tokenType;
    return t === LBracket || this.is(this.LA(k), Variable) || this.is(this.LA(k), SplatVariable);
  }
}
