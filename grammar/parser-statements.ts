// Statement lists and the statements that are neither loops nor try/trap/flow control: if, switch, labels.
// Keywords count only at the start of a statement and only when not glued to more bareword text
// (`foreach-object` is a command).
import { EOF, type IToken, type ParserMethod } from 'chevrotain';
import type {
  AssignmentAst, ExpressionAst, PipelineAst, IfAst, StatementAst, StatementBlockAst, SwitchAst, TrapAst,
} from './ast.ts';
import { fitted } from './parser-base.ts';
import { TryParser } from './parser-try.ts';
import { DashWord, Keywords, LCurly, LoopLabel, LParen, RCurly, RParen, Separator } from './tokens.ts';

interface SwitchState {
  flags: SwitchAst['flags'];
  clauses: SwitchAst['clauses'];
  defaultBody?: StatementBlockAst;
  subject?: SwitchAst['subject'];
  errorEnd: number;
  incomplete: boolean;
  failed: boolean;
}

function newSwitchState(): SwitchState {
  return {
    flags: { regex: false, wildcard: false, exact: false, caseSensitive: false, file: false },
    clauses: [], errorEnd: 0, incomplete: false, failed: false,
  };
}

export abstract class StatementParser extends TryParser {
  declare ifStatement: ParserMethod<[], StatementAst | undefined>;
  declare ifClause: ParserMethod<[keyword?: IToken], IfAst['clauses'][number] | undefined>;
  declare switchStatement: ParserMethod<[label?: IToken], StatementAst | undefined>;
  declare labeledStatement: ParserMethod<[], StatementAst | undefined>;

  /** The statement list being filled (statementList's loop body reads them; nested lists save and restore). */
  private listStatements: StatementAst[] = [];
  private listTraps: TrapAst[] = [];

  private readonly separators0 = (): void => void this.consume(0, Separator);
  private readonly separators1 = (): void => void this.consume(1, Separator);
  private readonly closingCurly = (): IToken => this.consume(1, RCurly);

  private readonly statementLoop = {
    GATE: (): boolean => !this.isBlockEnd(this.LA(1)),
    DEF: (): void => {
      const statements = this.listStatements;
      const traps = this.listTraps;
      const statement = this.or(3, this.statementKinds);
      this.listStatements = statements;
      this.listTraps = traps;
      if (!this.RECORDING_PHASE && statement !== undefined) {
        if (statement.kind === 'Trap') traps.push(statement);
        else statements.push(statement);
      }
      this.many(2, this.separators1);
    },
  };

  private readonly statementKinds = {
    IGNORE_AMBIGUITIES: true,
    DEF: [
      { ALT: (): StatementAst | undefined => this.subrule(0, this.ifStatement) },
      { ALT: (): StatementAst | undefined => this.subrule(1, this.switchStatement) },
      { ALT: (): StatementAst | undefined => this.subrule(2, this.foreachStatement) },
      { ALT: (): StatementAst | undefined => this.subrule(3, this.forStatement) },
      { ALT: (): StatementAst | undefined => this.subrule(4, this.whileStatement) },
      { ALT: (): StatementAst | undefined => this.subrule(5, this.doStatement) },
      { ALT: (): StatementAst | undefined => this.subrule(6, this.functionDefinition) },
      { ALT: (): StatementAst | undefined => this.subrule(7, this.flowStatement) },
      { ALT: (): StatementAst | undefined => this.subrule(8, this.tryStatement) },
      { ALT: (): StatementAst | undefined => this.subrule(9, this.trapStatement) },
      { ALT: (): StatementAst | undefined => this.subrule(10, this.labeledStatement) },
      { ALT: (): StatementAst | undefined => this.subrule(11, this.pipeline) },
    ],
  };

  protected defineStatementRules(): void {
    this.statementList = this.RULE('statementList', () => {
      const statements: StatementAst[] = [];
      const traps: TrapAst[] = [];
      const start = this.RECORDING_PHASE ? 0 : this.startOf(this.LA(1));
      this.many(0, this.separators0);
      this.listStatements = statements;
      this.listTraps = traps;
      this.repeated(1, this.statementLoop);
      if (this.RECORDING_PHASE) return undefined as never;
      let first = statements[0] as StatementAst | undefined;
      let last = statements[statements.length - 1] as StatementAst | undefined;
      for (const trap of traps) {
        if (!first || trap.span.start < first.span.start) first = trap;
        if (!last || trap.span.end > last.span.end) last = trap;
      }
      const span = first && last ? this.join(first, last) : this.span(start, start);
      return { statements: fitted(statements), traps, span };
    });

    this.statementBlock = this.RULE('statementBlock', () => {
      const lCurly = this.consume(0, LCurly);
      const list = this.subrule(0, this.statementList);
      const rCurly = this.option(0, this.closingCurly);
      if (this.RECORDING_PHASE) return undefined as never;
      if (rCurly === undefined) this.missingCurly(lCurly);
      const end = rCurly ? this.endOf(rCurly) : Math.max(list.span.end, this.endOf(lCurly));
      return { kind: 'StatementBlock', statements: list.statements, traps: list.traps, span: this.span(this.startOf(lCurly), end) } satisfies StatementBlockAst;
    });

    // Keywords are told apart by token type: the lexer makes a word a keyword only where it can be one.
    this.statement = this.RULE('statement', () => this.or(0, this.statementKinds));

    this.labeledStatement = this.RULE('labeledStatement', () => {
      const label = this.consume(0, LoopLabel);
      this.nl(200);
      this.currentLabel = label;
      return this.or(0, this.labeledKinds);
    });

    this.ifStatement = this.RULE('ifStatement', () => {
      const keyword = this.consume(0, Keywords.if);
      const clauses: IfAst['clauses'] = [];
      const first = this.subrule(0, this.ifClause, { ARGS: [keyword] });
      if (first === undefined) return undefined;
      if (!this.RECORDING_PHASE) clauses.push(first);
      this.ifClauses = clauses;
      this.ifFailed = false;
      this.repeated(0, this.elseifClauses);
      const elseBody = this.optional(0, this.elseClause);
      if (this.RECORDING_PHASE || this.ifFailed) return undefined;
      const last = elseBody ?? clauses[clauses.length - 1].body;
      const node: IfAst = { kind: 'If', clauses, span: this.span(this.startOf(keyword), last.span.end) };
      if (elseBody) node.elseBody = elseBody;
      return node;
    });

    this.ifClause = this.RULE('ifClause', (keyword?: IToken) => {
      this.nl(200);
      const lParen = this.option(0, this.ifOpenParen);
      if (lParen === undefined) return void this.report('MissingOpenParenthesisInIfStatement', this.after(keyword!), [keyword!.image]);
      this.nl(201);
      const condition = this.optional(1, this.ifCondition);
      this.nl(202);
      const rParen = this.option(2, this.ifCloseParen);
      if (rParen === undefined) {
        if (condition === undefined) this.report('IfStatementMissingCondition', this.after(lParen), [keyword!.image]);
        else this.report('MissingEndParenthesisAfterStatement', this.tokenSpan(this.LA(1)), [keyword!.image]);
        return undefined;
      }
      const body = this.optional(3, this.blockBodies[1]);
      if (this.RECORDING_PHASE) return undefined;
      if (condition === undefined) return void this.report('IfStatementMissingCondition', this.after(lParen), [keyword!.image]);
      if (body === undefined) return void this.report('MissingStatementBlock', this.tokenSpan(rParen), [keyword!.image]);
      return { condition, body };
    });

    this.defineSwitchRules();
  }

  // ---------------------------------------------------------------- cached DSL pieces

  private currentLabel: IToken | undefined;
  private ifClauses: IfAst['clauses'] = [];
  private ifFailed = false;

  private readonly labeledKinds = [
    { ALT: (): StatementAst | undefined => this.subrule(0, this.switchStatement, { ARGS: [this.currentLabel] }) },
    { ALT: (): StatementAst | undefined => this.subrule(1, this.foreachStatement, { ARGS: [this.currentLabel] }) },
    { ALT: (): StatementAst | undefined => this.subrule(2, this.forStatement, { ARGS: [this.currentLabel] }) },
    { ALT: (): StatementAst | undefined => this.subrule(3, this.whileStatement, { ARGS: [this.currentLabel] }) },
    { ALT: (): StatementAst | undefined => this.subrule(4, this.doStatement, { ARGS: [this.currentLabel] }) },
  ];

  private readonly elseifClauses = {
    GATE: (): boolean => !this.ifFailed && this.aheadPastNewlines(Keywords.elseif),
    DEF: (): void => {
      const clauses = this.ifClauses;
      this.nl(200);
      const elseif = this.consume(1, Keywords.elseif);
      const clause = this.subrule(1, this.ifClause, { ARGS: [elseif] });
      this.ifClauses = clauses;
      if (this.RECORDING_PHASE) return;
      if (clause) clauses.push(clause);
      else this.ifFailed = true;
    },
  };

  private readonly elseClause = {
    GATE: (): boolean => !this.ifFailed && this.aheadPastNewlines(Keywords.else),
    DEF: (): StatementBlockAst | undefined => {
      this.nl(201);
      const elseKeyword = this.consume(2, Keywords.else);
      const block = this.optional(1, this.blockBodies[0]);
      if (this.RECORDING_PHASE) return undefined;
      if (block === undefined) {
        this.report('MissingStatementBlockAfterElse', this.after(elseKeyword));
        this.ifFailed = true;
      }
      return block;
    },
  };

  /** `{ ... }` after optional newlines: [occurrence index of statementBlock, newline index]. */
  private readonly blockBodies = [[2, 202], [1, 203], [3, 205]].map(([idx, nl]) => ({
    GATE: (): boolean => this.aheadPastNewlines(LCurly),
    DEF: (): StatementBlockAst => {
      this.nl(nl);
      return this.subrule(idx, this.statementBlock);
    },
  }));

  private readonly ifOpenParen = (): IToken => this.consume(0, LParen);
  private readonly ifCloseParen = (): IToken => this.consume(1, RParen);

  private readonly ifCondition = {
    GATE: (): boolean => !this.isStatementEnd(this.LA(1)),
    DEF: (): PipelineAst | AssignmentAst | undefined => this.subrule(0, this.pipeline),
  };

  // ---------------------------------------------------------------- switch

  declare switchFile: ParserMethod<[], ExpressionAst | undefined>;
  declare switchClauses: ParserMethod<[], void>;

  /** The switch statement being parsed. */
  private switchState: SwitchState = newSwitchState();

  private readonly switchFlags = (): void => {
    const state = this.switchState;
    const flag = this.consume(1, DashWord);
    const file = this.optional(0, this.switchFileOption);
    this.switchState = state;
    if (!this.RECORDING_PHASE) this.applySwitchFlag(state, flag, file);
  };

  private readonly switchFileOption = {
    GATE: (): boolean => 'file'.startsWith(this.LA(0).image.slice(1).toLowerCase()),
    DEF: (): ExpressionAst | undefined => this.subrule(0, this.switchFile),
  };

  private readonly switchSubject = (): boolean => {
    const state = this.switchState;
    const lParen = this.consume(2, LParen);
    if (!this.RECORDING_PHASE) {
      state.errorEnd = this.endOf(lParen);
      if (state.flags.file) {
        state.failed = true;
        this.reportError('PipelineValueRequired', this.tokenSpan(lParen));
      }
    }
    this.nl(201);
    const pipeline = this.optional(2, this.switchPipeline);
    this.nl(202);
    const rParen = this.option(3, this.switchCloseParen);
    this.switchState = state;
    if (this.RECORDING_PHASE) return true;
    if (pipeline === undefined) this.switchFail(state, 'PipelineValueRequired', this.endOf(lParen));
    else {
      state.errorEnd = pipeline.span.end;
      state.subject = pipeline.kind === 'Pipeline' ? pipeline : { kind: 'Pipeline', elements: [], span: pipeline.span };
    }
    if (rParen === undefined) {
      if (!state.incomplete) this.switchFail(state, 'MissingEndParenthesisInSwitchStatement', state.errorEnd);
    } else state.errorEnd = this.endOf(rParen);
    return true;
  };

  private readonly switchPipeline = {
    GATE: (): boolean => !this.isStatementEnd(this.LA(1)),
    DEF: (): StatementAst | undefined => this.subrule(1, this.pipeline),
  };

  private readonly switchCloseParen = (): IToken => this.consume(3, RParen);

  private readonly switchBodyOpen = {
    GATE: (): boolean => this.aheadPastNewlines(LCurly),
    DEF: (): IToken => {
      this.nl(203);
      return this.consume(4, LCurly);
    },
  };

  private readonly switchClause = {
    GATE: (): boolean => !this.isArgumentEnd(this.LA(1)),
    DEF: (): void => {
      const state = this.switchState;
      const condition = this.subrule(2, this.singleArgument);
      const body = this.optional(5, this.blockBodies[2]);
      this.switchState = state;
      if (!this.RECORDING_PHASE) this.addSwitchClause(state, condition, body);
      this.many(2, this.switchSeparators);
    },
  };

  private readonly switchSeparators = (): void => void this.consume(5, Separator);
  private readonly switchBodyClose = (): IToken => this.consume(6, RCurly);

  private defineSwitchRules(): void {
    this.switchStatement = this.RULE('switchStatement', (label?: IToken) => {
      const keyword = this.consume(0, Keywords.switch);
      const state = newSwitchState();
      this.switchState = state;
      if (!this.RECORDING_PHASE) state.errorEnd = this.endOf(keyword);
      this.nl(200);
      this.many(0, this.switchFlags);
      this.switchState = state;
      const paren = this.option(1, this.switchSubject);
      if (!this.RECORDING_PHASE && paren === undefined && state.subject === undefined && !state.flags.file) {
        this.switchFail(state, 'PipelineValueRequired', state.errorEnd);
      }
      const lCurly = this.optional(4, this.switchBodyOpen);
      if (lCurly === undefined) {
        if (!state.incomplete) this.switchFail(state, 'MissingCurlyBraceInSwitchStatement', state.errorEnd);
        return undefined;
      }
      if (!this.RECORDING_PHASE) state.errorEnd = this.endOf(lCurly);
      this.nl(204);
      this.switchState = state;
      this.repeated(1, this.switchClause);
      const rCurly = this.option(6, this.switchBodyClose);
      if (this.RECORDING_PHASE) return undefined;
      if (state.clauses.length === 0 && state.defaultBody === undefined && !state.failed) {
        this.switchFail(state, 'MissingSwitchConditionExpression', state.errorEnd);
      } else if (rCurly === undefined && !state.incomplete) {
        if (this.isEof(this.LA(1))) this.missingCurly(lCurly);
        else this.switchFail(state, 'MissingSwitchConditionExpression', state.errorEnd);
      }
      if (state.failed || rCurly === undefined || state.subject === undefined) return undefined;
      const node: SwitchAst = {
        kind: 'Switch', ...this.labelText(label), flags: state.flags, subject: state.subject, clauses: state.clauses,
        span: this.span(this.startOf(label ?? keyword), this.endOf(rCurly)),
      };
      if (state.defaultBody) node.defaultBody = state.defaultBody;
      return node;
    });

    this.switchFile = this.RULE('switchFile', () => {
      this.nl(200);
      return this.optional(0, this.switchFileName);
    });
  }

  private readonly switchFileName = {
    GATE: (): boolean => !this.isArgumentEnd(this.LA(1)),
    DEF: (): ExpressionAst => this.subrule(0, this.singleArgument),
  };

  private switchFail(state: SwitchState, id: string, at: number): void {
    state.failed = true;
    if (this.report(id, this.span(at, at))) state.incomplete = true;
  }

  /** `-regex`, `-wildcard`, `-exact`, `-casesensitive`, `-file`, matched by prefix as PowerShell does. */
  private applySwitchFlag(state: SwitchState, token: IToken, file: ExpressionAst | undefined): void {
    const flags = state.flags;
    const name = token.image.slice(1).toLowerCase();
    state.errorEnd = this.endOf(token);
    if ('regex'.startsWith(name)) { flags.regex = true; flags.wildcard = false; }
    else if ('wildcard'.startsWith(name)) { flags.wildcard = true; flags.regex = false; }
    else if ('exact'.startsWith(name)) { flags.exact = true; flags.regex = false; flags.wildcard = false; }
    else if ('casesensitive'.startsWith(name)) flags.caseSensitive = true;
    else if ('file'.startsWith(name)) {
      flags.file = true;
      if (file === undefined) return this.switchFail(state, 'MissingFilenameOption', this.endOf(token));
      state.errorEnd = file.span.end;
      state.subject = { kind: 'Pipeline', elements: [{ kind: 'CommandExpression', expression: file, redirections: [], span: file.span }], span: file.span };
    } else {
      state.failed = true;
      this.reportError('InvalidSwitchFlag', this.tokenSpan(token), [token.image.slice(1)]);
    }
  }

  private addSwitchClause(state: SwitchState, condition: ExpressionAst, body: StatementBlockAst | undefined): void {
    state.errorEnd = condition.span.end;
    if (body === undefined) return this.switchFail(state, 'MissingSwitchStatementClause', condition.span.end);
    state.errorEnd = body.span.end;
    if (condition.kind === 'StringConstant' && condition.quote === 'bare' && condition.value.toLowerCase() === 'default') {
      if (state.defaultBody) {
        state.failed = true;
        this.reportError('MultipleSwitchDefaultClauses', condition.span);
      }
      state.defaultBody = body;
    } else state.clauses.push({ pattern: condition, body });
  }

  // ---------------------------------------------------------------- lookahead helpers

  protected isBlockEnd(token: IToken): boolean {
    const t = token.tokenType;
    return t === RParen || t === RCurly || t === EOF;
  }

  /** PowerShell reports a missing `}` at the `{`; it is incomplete input when the text simply ended. */
  protected missingCurly(lCurly: IToken): void {
    this.report('MissingEndCurlyBrace', this.tokenSpan(lCurly), [], this.endOf(this.LA(1)));
  }
}
