// Pipelines and commands: command names, parameters, `--`, pipes, and the expression-or-command decision at
// the start of each pipeline element (arguments themselves are parser-arguments.ts).
import type { IToken, ParserMethod } from 'chevrotain';
import type {
  AssignmentAst, CommandAst, CommandElementAst, CommandParameterAst, ExpressionAst, PipelineElementAst, RedirectionAst,
  StatementAst,
} from './ast.ts';
import { fitted } from './parser-base.ts';
import { ArgumentParser } from './parser-arguments.ts';
import { addRedirection as addRedirectionTo, assignmentNode } from './command-nodes.ts';
import {
  AndAnd, Ampersand, AssignmentOperator, Comma, DashWord, DotSource, LessThan, MinusMinus, NewLine, OrOr, Pipe, Redirection,
} from './tokens.ts';

interface CommandState {
  elements: CommandElementAst[];
  redirections: RedirectionAst[];
  afterDashDash: boolean;
}

const ARGS_NAME = { ARGS: [true] as [boolean] };

export abstract class CommandParser extends ArgumentParser {
  declare pipelineElement: ParserMethod<[], PipelineElementAst | AssignmentAst | undefined>;
  declare pipelineTail: ParserMethod<[elements?: PipelineElementAst[]], void>;
  declare expressionTail: ParserMethod<[], PipelineElementAst | AssignmentAst>;
  declare commandName: ParserMethod<[], ExpressionAst>;
  declare parameter: ParserMethod<[], void>;

  /** The commands being parsed (innermost last): their elements so far and whether `--` was seen. */
  private readonly commands: CommandState[] = [];
  /** Elements of the pipeline whose tail is being parsed. */
  private tailElements: PipelineElementAst[] = [];
  /** The elements after a stray `|` that starts a pipeline. */
  private leadingTail: PipelineElementAst[] | undefined;
  /** The expression at the start of the pipeline element being parsed. */
  private elementExpression: ExpressionAst | undefined;

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

  }

  private currentCommand(): CommandState {
    return this.commands[this.commands.length - 1];
  }

  // ---------------------------------------------------------------- decisions

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
