// Script blocks: the script itself, `{ }` bodies, param blocks and parameters, named blocks
// (begin/process/end), and function/filter definitions.
import type { IToken, ParserMethod } from 'chevrotain';
import type {
  AttributeAst, FunctionDefinitionAst, ParamBlockAst, ParameterAst, ScriptBlockAst, StatementAst, StatementBlockAst,
  TypeNameAst,
} from './ast.ts';
import type { StatementListResult, TypeOrAttribute } from './parser-base.ts';
import { StatementParser } from './parser-statements.ts';
import {
  BlockKeyword, Comma, Equals, Keywords, LBracket, LCurly, LParen, NewLine, RBracket, RCurly, RParen, Separator,
  SplatVariable, Variable, DollarParen, StringDQ, StringSQ,
} from './tokens.ts';

interface NamedBlocks {
  begin?: StatementBlockAst;
  process?: StatementBlockAst;
  end?: StatementBlockAst;
}

export abstract class BlockParser extends StatementParser {
  declare paramBlock: ParserMethod<[], ParamBlockAst>;
  declare parameterDeclaration: ParserMethod<[], ParameterAst | undefined>;
  declare namedBlocks: ParserMethod<[], NamedBlocks>;
  declare script: ParserMethod<[], ScriptBlockAst>;

  protected defineBlockRules(): void {
    this.script = this.RULE('script', () => this.subrule(0, this.scriptBlockBody));

    this.scriptBlockBody = this.RULE('scriptBlockBody', (lCurly?: IToken) => {
      this.nl(200);
      const paramBlock = this.option(0, {
        GATE: () => this.looksLikeParamBlock(),
        DEF: () => this.subrule(0, this.paramBlock),
      });
      this.many(0, () => this.consume(0, Separator));
      const body = this.or(0, [
        { GATE: () => this.namedBlockAhead(), ALT: () => ({ named: this.subrule(1, this.namedBlocks) }) },
        { ALT: () => ({ list: this.subrule(2, this.statementList) }) },
      ]);
      const more: StatementListResult[] = [];
      this.many(1, {
        GATE: () => lCurly === undefined && !this.isEof(this.LA(1)),
        DEF: () => {
          this.or(1, [
            { ALT: () => this.unexpected(this.consume(1, RParen)) },
            { ALT: () => this.unexpected(this.consume(2, RCurly)) },
          ]);
          const list = this.subrule(3, this.statementList);
          this.ACTION(() => more.push(list));
        },
      });
      const rCurly = this.option(1, {
        GATE: () => lCurly !== undefined,
        DEF: () => this.consume(3, RCurly),
      });
      return this.ACTION(() => {
        // Nothing should be left at the end of a script; this is a safety net for an input no rule took.
        if (lCurly === undefined && !this.isEof(this.LA(1))) this.unexpected(this.LA(1));
        return this.scriptBlockNode(lCurly, rCurly, paramBlock, body, more);
      });
    });

    this.namedBlocks = this.RULE('namedBlocks', () => {
      const blocks: NamedBlocks = {};
      this.many(0, {
        GATE: () => this.namedBlockAhead(),
        DEF: () => {
          const name = this.consume(0, BlockKeyword);
          const block = this.option(0, {
            GATE: () => this.aheadPastNewlines(LCurly),
            DEF: () => {
              this.nl(200);
              return this.subrule(0, this.statementBlock);
            },
          });
          this.ACTION(() => {
            const key = name.image.toLowerCase();
            if (block === undefined) {
              this.report('MissingNamedStatementBlock', this.after(name), [key]);
              return;
            }
            if (key === 'dynamicparam') return;
            const slot = key as 'begin' | 'process' | 'end';
            if (blocks[slot]) this.reportError('DuplicateScriptCommandClause', this.span(this.startOf(name), block.span.end), [key]);
            else blocks[slot] = block;
          });
          this.many(1, () => this.consume(1, Separator));
        },
      });
      this.ACTION(() => {
        const next = this.LA(1);
        if (!this.isBlockEnd(next)) {
          this.reportError('MissingNamedBlocks', this.tokenSpan(next), [next.image]);
          this.syncTo([RCurly]);
        }
      });
      return blocks;
    });

    this.paramBlock = this.RULE('paramBlock', () => {
      const attributes: TypeOrAttribute[] = [];
      this.many(0, {
        GATE: () => this.aheadPastNewlines(LBracket),
        DEF: () => {
          this.nl(200);
          const attribute = this.subrule(0, this.typeOrAttribute);
          this.ACTION(() => attributes.push(attribute));
        },
      });
      this.nl(201);
      const keyword = this.consume(0, Keywords.param);
      this.nl(202);
      const lParen = this.consume(1, LParen);
      const parameters = this.subrule(1, this.parameterList);
      this.nl(203);
      const rParen = this.option(0, () => this.consume(2, RParen));
      return this.ACTION((): ParamBlockAst => {
        const end = rParen ? this.endOf(rParen) : this.missingParameterListEnd(parameters, lParen);
        const kept: AttributeAst[] = [];
        for (const a of attributes) {
          if (a.kind === 'Attribute') kept.push(a);
          else this.reportError('TypeNotAllowedBeforeParam', a.span, [a.type.name]);
        }
        return { kind: 'ParamBlock', attributes: kept, parameters, span: this.span(this.startOf(keyword), end) };
      });
    });

    this.parameterList = this.RULE('parameterList', () => {
      const parameters: ParameterAst[] = [];
      this.nl(200);
      const first = this.option(0, {
        GATE: () => this.parameterDeclarationAhead(),
        DEF: () => this.subrule(0, this.parameterDeclaration),
      });
      this.ACTION(() => { if (first) parameters.push(first); });
      this.nl(201);
      this.many(0, {
        GATE: () => first !== undefined,
        DEF: () => {
          const comma = this.consume(0, Comma);
          const next = this.option(1, {
            GATE: () => this.parameterDeclarationAhead(),
            DEF: () => this.subrule(1, this.parameterDeclaration),
          });
          this.ACTION(() => {
            if (next === undefined) this.report('MissingExpressionAfterToken', this.after(comma), [',']);
            else parameters.push(next);
          });
          this.nl(202);
        },
      });
      return this.ACTION(() => {
        const seen = new Set<string>();
        for (const p of parameters) {
          const key = p.name.toLowerCase();
          if (seen.has(key)) this.reportError('DuplicateFormalParameter', this.span(p.span.end - p.name.length - 1, p.span.end), [p.name]);
          seen.add(key);
        }
        return parameters;
      });
    });

    this.parameterDeclaration = this.RULE('parameterDeclaration', () => {
      const attributes: TypeOrAttribute[] = [];
      this.many(0, {
        GATE: () => this.aheadPastNewlines(LBracket),
        DEF: () => {
          this.nl(200);
          const attribute = this.subrule(0, this.typeOrAttribute);
          this.ACTION(() => attributes.push(attribute));
        },
      });
      this.nl(201);
      const variable = this.option(0, () => this.or(0, [
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
      ]));
      if (variable === undefined) {
        return this.ACTION(() => {
          if (attributes.length > 0) {
            this.report('InvalidFunctionParameter', this.after(attributes[attributes.length - 1]));
            this.syncTo([RParen]);
          }
          return undefined;
        });
      }
      const defaultValue = this.option(1, {
        GATE: () => this.aheadPastNewlines(Equals),
        DEF: () => {
          this.nl(202);
          const equals = this.consume(2, Equals);
          this.nl(203);
          const value = this.option(2, {
            GATE: () => this.canStartUnary(this.LA(1), true),
            DEF: () => this.subrule(1, this.expression, { ARGS: [true] }),
          });
          return this.ACTION(() => {
            if (value === undefined) this.report('MissingExpressionAfterToken', this.after(equals), ['=']);
            return value;
          });
        },
      });
      return this.ACTION((): ParameterAst => {
        let type: TypeNameAst | undefined;
        const kept: AttributeAst[] = [];
        for (const a of attributes) {
          if (a.kind === 'type') type = a.type;
          else kept.push(a);
        }
        const start = attributes.length > 0 ? attributes[0].span.start : variable.span.start;
        const end = defaultValue?.span.end ?? variable.span.end;
        return {
          kind: 'Parameter', name: variable.name, ...(type ? { type } : {}), attributes: kept,
          ...(defaultValue ? { defaultValue } : {}), span: this.span(start, end),
        };
      });
    });

    this.functionDefinition = this.RULE('functionDefinition', () => {
      const keyword = this.or(0, [
        { ALT: () => this.consume(0, Keywords.function) },
        { ALT: () => this.consume(1, Keywords.filter) },
      ]);
      this.nl(200);
      const name = this.option(0, {
        GATE: () => this.canBeFunctionName(this.LA(1)),
        DEF: () => this.subrule(0, this.genericWord, { ARGS: [true] }),
      });
      if (name === undefined) {
        return this.ACTION(() => void this.report('MissingNameAfterKeyword', this.after(keyword), [keyword.image]));
      }
      this.nl(201);
      const params = this.option(1, () => {
        const lParen = this.consume(2, LParen);
        const parameters = this.subrule(1, this.parameterList);
        this.nl(202);
        const rParen = this.option(2, () => this.consume(3, RParen));
        this.nl(203);
        return this.ACTION(() => {
          if (rParen === undefined) this.missingParameterListEnd(parameters, lParen);
          return { parameters, rParen };
        });
      });
      const lCurly = this.option(3, () => this.consume(4, LCurly));
      if (lCurly === undefined) {
        return this.ACTION(() => {
          if (params && params.rParen === undefined) return undefined;
          const after = params?.rParen ? this.after(params.rParen) : this.after(name);
          this.report('MissingFunctionBody', after);
          return undefined;
        });
      }
      const body = this.subrule(2, this.scriptBlockBody, { ARGS: [lCurly] });
      return this.ACTION((): FunctionDefinitionAst => ({
        kind: 'FunctionDefinition',
        name: name.kind === 'StringConstant' ? name.value : this.text.slice(name.span.start, name.span.end),
        isFilter: keyword.tokenType === Keywords.filter,
        ...(params ? { parameters: params.parameters } : {}),
        body,
        span: this.span(this.startOf(keyword), body.span.end),
      }));
    });
  }

  // ---------------------------------------------------------------- helpers

  private unexpected(token: IToken): void {
    this.ACTION(() => this.reportError('UnexpectedToken', this.tokenSpan(token), [token.image]));
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
    return t === LBracket || t === Variable || t === SplatVariable;
  }

  /** `[attr()]... param (` at the start of a script block (attributes may span lines). */
  private looksLikeParamBlock(): boolean {
    let k = 1;
    for (;;) {
      while (this.LA(k).tokenType === NewLine) k++;
      if (this.LA(k).tokenType !== LBracket) break;
      let depth = 0;
      do {
        const t = this.LA(k).tokenType;
        if (t === LBracket) depth++;
        else if (t === RBracket) depth--;
        else if (this.isEof(this.LA(k))) return false;
        k++;
      } while (depth > 0);
    }
    if (!this.keywordAt(k, Keywords.param)) return false;
    k++;
    while (this.LA(k).tokenType === NewLine) k++;
    return this.LA(k).tokenType === LParen;
  }

  private namedBlockAhead(): boolean {
    return this.is(this.LA(1), BlockKeyword) && !this.gluedAfter(1);
  }

  private canBeFunctionName(token: IToken): boolean {
    const t = token.tokenType;
    return this.isGlueable(token) && t !== Variable && t !== SplatVariable && t !== StringSQ && t !== StringDQ && t !== DollarParen;
  }

  private scriptBlockNode(
    lCurly: IToken | undefined, rCurly: IToken | undefined, paramBlock: ParamBlockAst | undefined,
    body: { named?: NamedBlocks; list?: StatementListResult }, more: StatementListResult[],
  ): ScriptBlockAst {
    if (lCurly !== undefined && rCurly === undefined) this.missingCurly(lCurly);
    const start = lCurly ? this.startOf(lCurly) : 0;
    const end = lCurly ? (rCurly ? this.endOf(rCurly) : this.lastEnd()) : this.text.length;
    const textStart = lCurly ? this.endOf(lCurly) : 0;
    const textEnd = lCurly ? (rCurly ? this.startOf(rCurly) : end) : end;
    const node: ScriptBlockAst = { kind: 'ScriptBlock', text: this.text.slice(textStart, textEnd), span: this.span(start, end) };
    if (paramBlock) node.paramBlock = paramBlock;
    if (body.named) Object.assign(node, body.named);
    else if (body.list) {
      const lists = [body.list, ...more];
      const statements = lists.flatMap((l) => l.statements);
      const traps = lists.flatMap((l) => l.traps);
      const span = more.length > 0 ? this.span(body.list.span.start, more[more.length - 1].span.end) : body.list.span;
      node.end = { kind: 'StatementBlock', statements, traps, span };
    }
    return node;
  }

  private lastEnd(): number {
    return Math.min(this.endOf(this.LA(0)), this.text.length);
  }
}
