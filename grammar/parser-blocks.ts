// Script blocks: the script itself, `{ }` bodies, named blocks (begin/process/end), and
// function/filter definitions (param blocks and parameter lists: parser-parameters.ts). DSL option
// objects are created once (see parser-expressions.ts for why); per-call data lives in the fields below.
import type { IToken, ParserMethod } from 'chevrotain';
import type {
  ExpressionAst, FunctionDefinitionAst, ParamBlockAst, ParameterAst, ScriptBlockAst, StatementAst, StatementBlockAst,
} from './ast.ts';
import type { StatementListResult } from './parser-base.ts';
import { ParameterParser } from './parser-parameters.ts';
import {
  BlockKeyword, DollarParen, Keywords, LBracket, LCurly, LParen, NewLine, RBracket, RCurly, RParen,
  Separator, SplatVariable, StringDQ, StringSQ, Variable,
} from './tokens.ts';

interface NamedBlocks {
  begin?: StatementBlockAst;
  process?: StatementBlockAst;
  end?: StatementBlockAst;
}

interface BodyParts {
  named?: NamedBlocks;
  list?: StatementListResult;
}

export abstract class BlockParser extends ParameterParser {
  declare namedBlocks: ParserMethod<[], NamedBlocks>;
  declare script: ParserMethod<[], ScriptBlockAst>;

  /** Whether the script block being parsed is the whole script (not `{ }`). */
  private topLevel = true;
  private moreLists: StatementListResult[] = [];
  private blocks: NamedBlocks = {};

  private readonly paramBlockOption = {
    GATE: (): boolean => this.looksLikeParamBlock(),
    DEF: (): ParamBlockAst => this.subrule(0, this.paramBlock),
  };

  private readonly separator0 = (): void => void this.consume(0, Separator);
  private readonly separator1 = (): void => void this.consume(1, Separator);

  private readonly bodyKinds = [
    { GATE: (): boolean => this.namedBlockAhead(), ALT: (): BodyParts => ({ named: this.subrule(1, this.namedBlocks) }) },
    { ALT: (): BodyParts => ({ list: this.subrule(2, this.statementList) }) },
  ];

  // At the top level a stray `)` or `}` is reported and parsing goes on after it.
  private readonly strayClosers = {
    GATE: (): boolean => this.topLevel && !this.isEof(this.LA(1)),
    DEF: (): void => {
      const more = this.moreLists;
      this.or(1, this.strayKinds);
      const list = this.subrule(3, this.statementList);
      this.moreLists = more;
      this.topLevel = true;
      if (!this.RECORDING_PHASE) more.push(list);
    },
  };

  private readonly strayKinds = [
    { ALT: (): void => this.unexpected(this.consume(1, RParen)) },
    { ALT: (): void => this.unexpected(this.consume(2, RCurly)) },
  ];

  private readonly blockClose = {
    GATE: (): boolean => !this.topLevel,
    DEF: (): IToken => this.consume(3, RCurly),
  };

  private readonly namedBlockLoop = {
    GATE: (): boolean => this.namedBlockAhead(),
    DEF: (): void => {
      const blocks = this.blocks;
      const name = this.consume(0, BlockKeyword);
      const block = this.optional(0, this.namedBlockBody);
      this.blocks = blocks;
      if (!this.RECORDING_PHASE) this.addNamedBlock(blocks, name, block);
      this.many(1, this.separator1);
    },
  };

  private readonly namedBlockBody = {
    GATE: (): boolean => this.aheadPastNewlines(LCurly),
    DEF: (): StatementBlockAst => {
      this.nl(200);
      return this.subrule(0, this.statementBlock);
    },
  };

  private readonly functionKeywords = [
    { ALT: (): IToken => this.consume(0, Keywords.function) },
    { ALT: (): IToken => this.consume(1, Keywords.filter) },
  ];

  private readonly functionName = {
    GATE: (): boolean => this.canBeFunctionName(this.LA(1)),
    DEF: (): ExpressionAst => this.subrule(0, this.genericWord, { ARGS: [true] }),
  };

  private readonly functionParameterList = (): { parameters: ParameterAst[]; rParen?: IToken } => this.subrule(1, this.functionParameters);
  private readonly functionBodyOpen = (): IToken => this.consume(4, LCurly);

  protected defineBlockRules(): void {
    this.defineParameterRules();
    this.script = this.RULE('script', () => this.subrule(0, this.scriptBlockBody));

    this.scriptBlockBody = this.RULE('scriptBlockBody', (lCurly?: IToken) => {
      const topLevel = lCurly === undefined;
      this.nl(200);
      const paramBlock = this.optional(0, this.paramBlockOption);
      this.many(0, this.separator0);
      const body = this.or(0, this.bodyKinds);
      const more: StatementListResult[] = [];
      this.topLevel = topLevel;
      this.moreLists = more;
      this.repeated(1, this.strayClosers);
      this.topLevel = topLevel;
      const rCurly = this.optional(1, this.blockClose);
      if (this.RECORDING_PHASE) return undefined as never;
      // Nothing should be left at the end of a script; this is a safety net for an input no rule took.
      if (topLevel && !this.isEof(this.LA(1))) this.unexpected(this.LA(1));
      return this.scriptBlockNode(lCurly, rCurly, paramBlock, body, more);
    });

    this.namedBlocks = this.RULE('namedBlocks', () => {
      const blocks: NamedBlocks = {};
      this.blocks = blocks;
      this.repeated(0, this.namedBlockLoop);
      if (this.RECORDING_PHASE) return blocks;
      const next = this.LA(1);
      if (!this.isBlockEnd(next)) {
        this.reportError('MissingNamedBlocks', this.tokenSpan(next), [next.image]);
        this.syncTo([RCurly]);
      }
      return blocks;
    });

    this.functionDefinition = this.RULE('functionDefinition', () => {
      const keyword = this.or(0, this.functionKeywords);
      this.nl(200);
      const name = this.optional(0, this.functionName);
      if (name === undefined) return void this.report('MissingNameAfterKeyword', this.after(keyword), [keyword.image]);
      this.nl(201);
      const params = this.option(1, this.functionParameterList);
      const lCurly = this.option(3, this.functionBodyOpen);
      if (lCurly === undefined) {
        if (params && params.rParen === undefined) return undefined;
        this.report('MissingFunctionBody', params?.rParen ? this.after(params.rParen) : this.after(name));
        return undefined;
      }
      const body = this.subrule(2, this.scriptBlockBody, { ARGS: [lCurly] });
      if (this.RECORDING_PHASE) return undefined;
      const node: FunctionDefinitionAst = {
        kind: 'FunctionDefinition',
        name: name.kind === 'StringConstant' ? name.value : this.text.slice(name.span.start, name.span.end),
        isFilter: keyword.tokenType === Keywords.filter,
        body,
        span: this.span(this.startOf(keyword), body.span.end),
      };
      if (params) node.parameters = params.parameters;
      return node as StatementAst;
    });

  }

  private addNamedBlock(blocks: NamedBlocks, name: IToken, block: StatementBlockAst | undefined): void {
    const key = name.image.toLowerCase();
    if (block === undefined) {
      this.report('MissingNamedStatementBlock', this.after(name), [key]);
      return;
    }
    if (key === 'dynamicparam') return;
    const slot = key as 'begin' | 'process' | 'end';
    if (blocks[slot]) this.reportError('DuplicateScriptCommandClause', this.span(this.startOf(name), block.span.end), [key]);
    else blocks[slot] = block;
  }

  // ---------------------------------------------------------------- helpers

  private unexpected(token: IToken): void {
    this.ACTION(() => this.reportError('UnexpectedToken', this.tokenSpan(token), [token.image]));
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
    if (this.LA(k).tokenType !== Keywords.param) return false;
    k++;
    while (this.LA(k).tokenType === NewLine) k++;
    return this.LA(k).tokenType === LParen;
  }

  private namedBlockAhead(): boolean {
    return this.is(this.LA(1), BlockKeyword);
  }

  private canBeFunctionName(token: IToken): boolean {
    const t = token.tokenType;
    return this.isGlueable(token) && !this.is(token, Variable) && !this.is(token, SplatVariable)
      && t !== StringSQ && t !== StringDQ && t !== DollarParen;
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
      let { statements, traps } = body.list;
      if (more.length > 0) {
        statements = statements.concat(...more.map((l) => l.statements));
        traps = traps.concat(...more.map((l) => l.traps));
      }
      const span = more.length > 0 ? this.span(body.list.span.start, more[more.length - 1].span.end) : body.list.span;
      node.end = { kind: 'StatementBlock', statements, traps, span };
    }
    return node;
  }

  private lastEnd(): number {
    return Math.min(this.endOf(this.LA(0)), this.text.length);
  }
}
