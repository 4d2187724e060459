// Pipelines and argument mode: command names, parameters, barewords glued from adjacent tokens, argument
// lists, redirections, and the expression-or-command decision at the start of each pipeline element.
import type { IToken, ParserMethod } from 'chevrotain';
import type {
  AssignmentAst, CommandAst, CommandElementAst, CommandParameterAst, ExpressionAst, PipelineElementAst, RedirectionAst,
  StatementAst,
} from './ast.ts';
import { fitted } from './parser-base.ts';
import { LiteralParser } from './parser-literals.ts';
import { addRedirection as addRedirectionTo, assignmentNode, redirectionNode } from './command-nodes.ts';
import { wordNode, type WordPiece } from './words.ts';
import {
  AndAnd, Ampersand, ArgAtom, AssignmentOperator, Comma, DashWord, DotSource, LessThan, MinusMinus, NewLine, NumberToken,
  OrOr, Pipe, Redirection, SplatVariable, SplatWord, StringDQ, StringSQ, Variable, VariableWord,
} from './tokens.ts';

interface CommandState {
  elements: CommandElementAst[];
  redirections: RedirectionAst[];
  afterDashDash: boolean;
}

const ARGS_NAME = { ARGS: [true] as [boolean] };
/** genericWord's ARGS: as an argument (expandable) rather than a command name. */
const ARGS_ARGUMENT = { ARGS: [false] as [boolean] };

export abstract class CommandParser extends LiteralParser {
  declare pipelineElement: ParserMethod<[], PipelineElementAst | AssignmentAst | undefined>;
  declare pipelineTail: ParserMethod<[elements?: PipelineElementAst[]], void>;
  declare expressionTail: ParserMethod<[], PipelineElementAst | AssignmentAst>;
  declare commandName: ParserMethod<[], ExpressionAst>;
  declare parameter: ParserMethod<[], void>;
  declare commandArgument: ParserMethod<[], ExpressionAst>;
  declare wordRest: ParserMethod<[first?: WordPiece, asName?: boolean], ExpressionAst>;
  declare redirection: ParserMethod<[], RedirectionAst>;

  /** The commands being parsed (innermost last): their elements so far and whether `--` was seen. */
  private readonly commands: CommandState[] = [];
  /** Elements of the pipeline whose tail is being parsed. */
  private tailElements: PipelineElementAst[] = [];
  /** The elements after a stray `|` that starts a pipeline. */
  private leadingTail: PipelineElementAst[] | undefined;
  /** The expression at the start of the pipeline element being parsed. */
  private elementExpression: ExpressionAst | undefined;
  private readonly argumentStack: ExpressionAst[] = [];
  private argumentListOpen = true;
  private readonly pieceStack: WordPiece[] = [];

  // ---------------------------------------------------------------- cached DSL pieces

  private readonly pipelineStart = {
    IGNORE_AMBIGUITIES: true,
    DEF: [
      {
        // A pipeline starting with `|` has an empty first element.
        ALT: (): undefined => {
          if (!this.RECORDING_PHASE) this.report('EmptyPipeElement', this.tokenSpan(this.LA(1)));
          const elements: PipelineElementAst[] = [];
          this.subrule(1, this.pipelineTail, { ARGS: [elements] });
          // Set after the tail: pipelines nested in it reset the field.
          this.leadingTail = elements;
          return undefined;
        },
      },
      {
        ALT: (): PipelineElementAst | AssignmentAst => {
          const expression = this.subrule(3, this.expression);
          this.elementExpression = expression;
          return this.subrule(4, this.expressionTail);
        },
      },
      { ALT: (): PipelineElementAst | undefined => this.subrule(5, this.command) },
    ],
  };

  private readonly moreElements = {
    GATE: (): boolean => this.pipeAhead(),
    DEF: (): void => this.subrule(2, this.pipelineTail, { ARGS: [this.tailElements] }),
  };

  private readonly elementKinds = {
    IGNORE_AMBIGUITIES: true,
    DEF: [
      {
        ALT: (): PipelineElementAst | AssignmentAst => {
          const expression = this.subrule(0, this.expression);
          this.elementExpression = expression;
          return this.subrule(1, this.expressionTail);
        },
      },
      { ALT: (): PipelineElementAst | undefined => this.subrule(2, this.command) },
    ],
  };

  private readonly commandStart = {
    IGNORE_AMBIGUITIES: true,
    DEF: [
      {
        ALT: (): { invocation?: IToken; name?: ExpressionAst } => {
          const invocation = this.consume(0, Ampersand);
          return { invocation, name: this.optional(1, this.invokedName) };
        },
      },
      {
        ALT: (): { invocation?: IToken; name?: ExpressionAst } => {
          const invocation = this.consume(1, DotSource);
          return { invocation, name: this.optional(2, this.invokedName2) };
        },
      },
      { ALT: (): { invocation?: IToken; name?: ExpressionAst } => ({ name: this.subrule(1, this.commandName) }) },
    ],
  };

  // After `&` or `.` the command is any argument: a string, a variable, a script block, a path...
  private readonly invokedName = {
    GATE: (): boolean => !this.isArgumentEnd(this.LA(1)),
    DEF: (): ExpressionAst => this.subrule(3, this.singleArgument),
  };

  private readonly invokedName2 = {
    GATE: (): boolean => !this.isArgumentEnd(this.LA(1)),
    DEF: (): ExpressionAst => this.subrule(4, this.singleArgument),
  };

  private readonly elementLoop = {
    GATE: (): boolean => !this.isCommandEnd(this.LA(1)),
    DEF: (): void => this.or(2, this.elementKindsOfCommand),
  };

  private readonly nameKinds = {
    IGNORE_AMBIGUITIES: true,
    DEF: [
      { ALT: (): ExpressionAst => this.bareword(this.consume(0, Redirection)) },
      { ALT: (): ExpressionAst => this.bareword(this.consume(1, LessThan)) },
      { ALT: (): ExpressionAst => this.bareword(this.consume(2, Comma)) },
      { ALT: (): ExpressionAst => this.subrule(1, this.genericWord, ARGS_NAME) },
    ],
  };

  private readonly elementKindsOfCommand = {
    IGNORE_AMBIGUITIES: true,
    DEF: [
      { ALT: (): void => this.subrule(0, this.parameter) },
      {
        ALT: (): void => {
          const token = this.consume(0, MinusMinus);
          if (this.RECORDING_PHASE) return;
          const state = this.currentCommand();
          // The first `--` ends the parameters (PowerShell keeps it as a parameter named '-'); later ones are text.
          state.elements.push(state.afterDashDash ? this.bareword(token)
            : { kind: 'CommandParameter', name: '-', usedColon: false, span: this.tokenSpan(token) });
          state.afterDashDash = true;
        },
      },
      {
        ALT: (): void => {
          const r = this.subrule(1, this.redirection);
          if (!this.RECORDING_PHASE) addRedirectionTo(this, this.currentCommand().redirections, r);
        },
      },
      {
        ALT: (): void => {
          const comma = this.consume(1, Comma);
          if (!this.RECORDING_PHASE) this.reportError('MissingArgument', this.tokenSpan(comma));
          this.nl(200);
        },
      },
      {
        ALT: (): void => {
          const amp = this.consume(2, Ampersand);
          if (!this.RECORDING_PHASE) this.reportError('AmpersandNotAllowed', this.tokenSpan(amp));
        },
      },
      {
        ALT: (): void => {
          const lt = this.consume(3, LessThan);
          if (!this.RECORDING_PHASE) this.reportError('RedirectionNotSupported', this.tokenSpan(lt), ['<']);
        },
      },
      {
        ALT: (): void => {
          const argument = this.subrule(2, this.commandArgument);
          if (!this.RECORDING_PHASE) this.currentCommand().elements.push(argument);
        },
      },
    ],
  };

  private readonly colonArgument = {
    GATE: (): boolean => this.LA(0).image.endsWith(':') && !this.isArgumentEnd(this.LA(1)),
    DEF: (): ExpressionAst => this.subrule(0, this.commandArgument),
  };

  private readonly argumentListLoop = {
    GATE: (): boolean => this.argumentListOpen,
    DEF: (): void => {
      const comma = this.consume(0, Comma);
      this.nl(200);
      const next = this.optional(0, this.nextListArgument);
      if (this.RECORDING_PHASE) return;
      if (next === undefined) {
        this.report('MissingExpression', this.after(comma), [',']);
        this.argumentListOpen = false;
      } else this.argumentStack.push(next);
    },
  };

  private readonly nextListArgument = {
    GATE: (): boolean => !this.isArgumentEnd(this.LA(1)),
    DEF: (): ExpressionAst => this.subrule(1, this.singleArgument),
  };

  // Alternatives are chosen by token type; the lexer already typed glued words (`$a/H`, `user@x`, `7z.exe`).
  private readonly argumentKinds = {
    IGNORE_AMBIGUITIES: true,
    DEF: [
      { ALT: (): ExpressionAst => this.subrule(0, this.wordRest, { ARGS: [{ token: this.consume(0, VariableWord) }, false] }) },
      { ALT: (): ExpressionAst => this.subrule(1, this.wordRest, { ARGS: [{ token: this.consume(1, SplatWord) }, false] }) },
      { ALT: (): ExpressionAst => this.subrule(2, this.wordRest, { ARGS: [{ token: this.consume(2, NumberToken) }, false] }) },
      { ALT: (): ExpressionAst => this.variableNode(this.consume(3, SplatVariable)) },
      { ALT: (): ExpressionAst => this.argumentPrimary(3) },
      { ALT: (): ExpressionAst => this.subrule(4, this.genericWord, ARGS_ARGUMENT) },
    ],
  };

  private readonly wordLoop = {
    GATE: (): boolean => this.gluedAfter(0),
    DEF: (): void => {
      const piece = this.or(1, this.nextPieceKinds);
      if (!this.RECORDING_PHASE) this.pieceStack.push(piece);
    },
  };

  private readonly firstPieceKinds = this.pieceKinds(0);
  private readonly nextPieceKinds = this.pieceKinds(10);

  /** Word pieces; two copies with distinct occurrence indices, as Chevrotain wants for two uses in one rule. */
  private pieceKinds(base: number): { ALT: () => WordPiece }[] {
    return [
      { ALT: (): WordPiece => ({ token: this.consume(base, ArgAtom) }) },
      { ALT: (): WordPiece => ({ token: this.consume(base + 1, Variable) }) },
      { ALT: (): WordPiece => ({ token: this.consume(base + 2, SplatVariable) }) },
      { ALT: (): WordPiece => ({ token: this.consume(base + 3, StringSQ) }) },
      { ALT: (): WordPiece => ({ token: this.consume(base + 4, StringDQ) }) },
      { ALT: (): WordPiece => ({ sub: this.subrule(base, this.subExpression) }) },
    ];
  }

  private readonly pipeSteps = {
    GATE: (): boolean => this.pipeAhead(),
    DEF: (): void => {
      const elements = this.tailElements;
      this.nl(200);
      const pipe = this.or(0, this.pipeTokens);
      this.nl(201);
      const element = this.optional(1, this.pipedElement);
      this.tailElements = elements;
      if (this.RECORDING_PHASE) return;
      if (pipe.tokenType !== Pipe) this.reportError('InvalidEndOfLine', this.tokenSpan(pipe), [pipe.image]);
      if (element === undefined) {
        if (pipe.tokenType === Pipe) this.report('EmptyPipeElement', this.after(pipe));
      } else if (element.kind === 'Assignment') {
        this.reportError('ExpressionsMustBeFirstInPipeline', element.target.span);
      } else {
        if (element.kind === 'CommandExpression') this.reportError('ExpressionsMustBeFirstInPipeline', element.expression.span);
        elements.push(element);
      }
    },
  };

  private readonly pipeTokens = [
    { ALT: (): IToken => this.consume(0, Pipe) },
    { ALT: (): IToken => this.consume(1, AndAnd) },
    { ALT: (): IToken => this.consume(2, OrOr) },
  ];

  private readonly pipedElement = {
    GATE: (): boolean => !this.isPipeToken(this.LA(1)) && !this.isCommandEnd(this.LA(1)),
    DEF: (): PipelineElementAst | AssignmentAst | undefined => this.subrule(1, this.pipelineElement),
  };

  private readonly expressionTailKinds = [
    {
      ALT: (): PipelineElementAst | AssignmentAst => {
        const expression = this.elementExpression!;
        const op = this.consume(0, AssignmentOperator);
        this.nl(200);
        const value = this.optional(0, this.assignedValue);
        return this.RECORDING_PHASE ? (undefined as never) : assignmentNode(this, expression, op, value);
      },
    },
    {
      ALT: (): PipelineElementAst | AssignmentAst => {
        const expression = this.elementExpression!;
        const redirections: RedirectionAst[] = [];
        this.redirectionList = redirections;
        this.repeated(0, this.expressionRedirections);
        if (this.RECORDING_PHASE) return undefined as never;
        let end = expression.span.end;
        for (const r of redirections) if (r.span.end > end) end = r.span.end;
        const span = end === expression.span.end ? expression.span : this.span(expression.span.start, end);
        return { kind: 'CommandExpression', expression, redirections, span } satisfies PipelineElementAst;
      },
    },
  ];

  private redirectionList: RedirectionAst[] = [];

  private readonly assignedValue = {
    GATE: (): boolean => !this.isStatementEnd(this.LA(1)),
    DEF: (): StatementAst | undefined => this.subrule(0, this.statement),
  };

  private readonly expressionRedirections = {
    GATE: (): boolean => this.LA(1).tokenType === Redirection,
    DEF: (): void => {
      const list = this.redirectionList;
      const r = this.subrule(1, this.redirection);
      if (!this.RECORDING_PHASE) addRedirectionTo(this, list, r);
      this.redirectionList = list;
    },
  };

  private readonly redirectionTarget = {
    GATE: (): boolean => !this.LA(0).image.includes('&') && !this.isArgumentEnd(this.LA(1)),
    DEF: (): ExpressionAst => this.subrule(0, this.singleArgument),
  };

  // ---------------------------------------------------------------- rules

  protected defineCommandRules(): void {
    // A pipeline always consumes something: a first element, or a stray `|` (an empty first element).
    this.pipeline = this.RULE('pipeline', () => {
      this.leadingTail = undefined;
      const first = this.or(0, this.pipelineStart);
      if (first?.kind === 'Assignment') return first;
      const elements: PipelineElementAst[] = first ? [first] : (this.leadingTail ?? []);
      this.tailElements = elements;
      this.optional(0, this.moreElements);
      if (this.RECORDING_PHASE) return undefined;
      const next = this.LA(1);
      if (!this.isStatementEnd(next)) this.reportError('UnexpectedToken', this.tokenSpan(next), [next.image]);
      if (elements.length === 0) return undefined;
      return { kind: 'Pipeline' as const, elements: fitted(elements), span: this.join(elements[0], elements[elements.length - 1]) };
    });

    // `| element | element ...` (also `&&` and `||`, which Windows PowerShell rejects).
    this.pipelineTail = this.RULE('pipelineTail', (elements: PipelineElementAst[] = []) => {
      this.tailElements = elements;
      this.atLeastOne(0, this.pipeSteps);
    });

    this.pipelineElement = this.RULE('pipelineElement', () => this.or(0, this.elementKinds));

    // After the expression that starts a pipeline: an assignment, or redirections.
    this.expressionTail = this.RULE('expressionTail', () => this.or(0, this.expressionTailKinds));

    // `name args`, `& expr args` or `. expr args`; always consumes at least the name or the operator.
    this.command = this.RULE('command', () => {
      const state: CommandState = { elements: [], redirections: [], afterDashDash: false };
      this.commands.push(state);
      const start = this.or(0, this.commandStart);
      this.repeated(0, this.elementLoop);
      this.commands.pop();
      if (this.RECORDING_PHASE) return undefined;
      const { invocation, name } = start;
      if (name === undefined) {
        if (invocation) this.reportError('MissingExpression', this.tokenSpan(invocation), [invocation.image]);
        return undefined;
      }
      let end = name.span.end;
      for (const e of state.elements) if (e.span.end > end) end = e.span.end;
      for (const r of state.redirections) if (r.span.end > end) end = r.span.end;
      return {
        kind: 'Command',
        invocation: invocation === undefined ? 'plain' : invocation.tokenType === Ampersand ? 'call' : 'dot',
        name, elements: fitted(state.elements), redirections: state.redirections,
        span: !invocation && end === name.span.end ? name.span : this.span(invocation ? this.startOf(invocation) : name.span.start, end),
      } satisfies CommandAst;
    });

    this.commandName = this.RULE('commandName', () => this.or(0, this.nameKinds));

    this.parameter = this.RULE('parameter', () => {
      const token = this.consume(0, DashWord);
      const argument = this.optional(0, this.colonArgument);
      if (this.RECORDING_PHASE) return;
      const state = this.currentCommand();
      if (state.afterDashDash) {
        // After `--` a parameter is plain text.
        state.elements.push(this.bareword(token));
        if (argument) state.elements.push(argument);
        return;
      }
      const usedColon = token.image.endsWith(':');
      const name = token.image.slice(1, usedColon ? -1 : undefined);
      if (usedColon && argument === undefined) this.reportError('ParameterRequiresArgument', this.after(token), [token.image]);
      const node: CommandParameterAst = {
        kind: 'CommandParameter', name, usedColon, span: this.span(this.startOf(token), argument?.span.end ?? this.endOf(token)),
      };
      if (argument) node.argument = argument;
      state.elements.push(node);
    });

    // `a,b,c` in argument mode: a comma list of single arguments.
    this.commandArgument = this.RULE('commandArgument', () => {
      const first = this.or(1, this.argumentKinds);
      if (!this.RECORDING_PHASE && this.LA(1).tokenType !== Comma) return first;
      const base = this.argumentStack.length;
      if (!this.RECORDING_PHASE) this.argumentStack.push(first);
      this.argumentListOpen = true;
      this.repeated(0, this.argumentListLoop);
      if (this.RECORDING_PHASE) return undefined as never;
      const items = this.argumentStack.splice(base);
      if (items.length === 1) return items[0];
      return { kind: 'ArrayLiteral' as const, elements: items, span: this.join(items[0], items[items.length - 1]) };
    });

    this.singleArgument = this.RULE('singleArgument', () => this.or(0, this.argumentKinds));

    // A bareword: adjacent tokens glued into one argument (`c:\x\y.ps1`, `a-b`, `$a/H`, `2GB`, `-5`).
    this.genericWord = this.RULE('genericWord', (asName = false) => {
      const base = this.pieceStack.length;
      const first = this.or(0, this.firstPieceKinds);
      if (!this.RECORDING_PHASE) {
        // The common one-token word needs no piece list.
        if (!this.gluedAfter(0)) return wordNode([first], asName, this.text, this.strings);
        this.pieceStack.push(first);
      }
      this.repeated(0, this.wordLoop);
      if (this.RECORDING_PHASE) return undefined as never;
      return wordNode(this.pieceStack.splice(base), asName, this.text, this.strings);
    });

    // The pieces glued to a word's first piece.
    this.wordRest = this.RULE('wordRest', (first?: WordPiece, asName = false) => {
      const base = this.pieceStack.length;
      if (!this.RECORDING_PHASE) this.pieceStack.push(first!);
      this.repeated(0, this.wordLoop);
      if (this.RECORDING_PHASE) return undefined as never;
      return wordNode(this.pieceStack.splice(base), asName, this.text, this.strings);
    });

    this.redirection = this.RULE('redirection', () => {
      const token = this.consume(0, Redirection);
      const target = this.optional(0, this.redirectionTarget);
      return this.RECORDING_PHASE ? (undefined as never) : redirectionNode(this, token, target);
    });
  }

  private currentCommand(): CommandState {
    return this.commands[this.commands.length - 1];
  }

  /** A primary in argument mode (`$a.b` is member access, `$a. b` is not). */
  private argumentPrimary(idx: number): ExpressionAst {
    const savedComma = this.noComma;
    const savedCommand = this.commandMode;
    this.noComma = false;
    this.commandMode = true;
    const value = this.subrule(idx, this.primary);
    this.noComma = savedComma;
    this.commandMode = savedCommand;
    return value;
  }

  // ---------------------------------------------------------------- decisions

  protected isPipeToken(token: IToken): boolean {
    const t = token.tokenType;
    return t === Pipe || t === AndAnd || t === OrOr;
  }

  /** Command (argument) mode stops at `|`, `;`, newline, `)`, `}`, `&&`, `||` and end of input. */
  protected isCommandEnd(token: IToken): boolean {
    const t = token.tokenType;
    return this.isStatementEnd(token) || t === Pipe || t === AndAnd || t === OrOr;
  }

  /** Tokens that end one argument (and cannot start the next one after a comma). */
  protected isArgumentEnd(token: IToken): boolean {
    const t = token.tokenType;
    return this.isCommandEnd(token) || t === Redirection || t === Ampersand || t === LessThan || t === Comma
      || (t === MinusMinus && !this.touchingGlueable(token));
  }

  private touchingGlueable(token: IToken): boolean {
    const index = this.LA(1) === token ? 1 : 2;
    return this.gluedAfter(index);
  }





  /** A `|` (or `&&`/`||`) continues the pipeline; so does a `|` that starts the next line (PowerShell 7). */
  private pipeAhead(): boolean {
    const t = this.LA(1).tokenType;
    if (t === Pipe || t === AndAnd || t === OrOr) return true;
    if (t !== NewLine) return false;
    for (let k = 1; this.LA(k).tokenType === NewLine; k++) {
      const next = this.LA(k + 1);
      if (next.tokenType === Pipe) return true;
      if (next.tokenType !== NewLine) return false;
      const between = this.text.slice(this.endOf(this.LA(k)), this.startOf(next)).trimStart();
      if (!between.startsWith('#') && !between.startsWith('<#')) return false;
    }
    return false;
  }
}
