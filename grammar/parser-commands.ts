// Pipelines and argument mode: command names, parameters, barewords glued from adjacent tokens, argument
// lists, redirections, and the expression-or-command decision at the start of each pipeline element.
import type { IToken, ParserMethod } from 'chevrotain';
import type {
  AssignmentAst, AssignmentOperator as AssignmentOp, CommandAst, CommandElementAst, ExpressionAst,
  PipelineElementAst, RedirectionAst, StatementAst, StreamName,
} from './ast.ts';
import { LiteralParser } from './parser-literals.ts';
import { wordNode, type WordPiece } from './words.ts';
import {
  AndAnd, Ampersand, ArgAtom, AssignmentOperator, At, ColonColon, Comma, DashWord, Dollar, DollarParen, Dot,
  Escape, Exclaim, GenericChars, LBracket, LessThan, Minus, MinusMinus, NumberToken, OpSplitJoin, OpUnaryWord,
  OrOr, Pipe, Plus, PlusPlus, QuestionDot, Redirection, SplatVariable, StringDQ, StringSQ, Variable, NewLine,
} from './tokens.ts';

interface CommandState {
  elements: CommandElementAst[];
  redirections: RedirectionAst[];
  afterDashDash: boolean;
}

const STREAMS: Record<string, StreamName> = {
  '1': 'output', '2': 'error', '3': 'warning', '4': 'verbose', '5': 'debug', '6': 'information', '*': 'all',
};

const STREAM_TEXT: Record<StreamName, string> = {
  output: 'output stream', error: 'error stream', warning: 'warning stream', verbose: 'verbose stream',
  debug: 'debug stream', information: 'information stream', all: '* stream',
};

export abstract class CommandParser extends LiteralParser {
  declare pipelineElement: ParserMethod<[], PipelineElementAst | AssignmentAst | undefined>;
  declare pipelineTail: ParserMethod<[elements?: PipelineElementAst[]], void>;
  declare commandName: ParserMethod<[afterInvocation?: boolean], ExpressionAst>;
  declare commandElement: ParserMethod<[state: CommandState], void>;
  declare parameter: ParserMethod<[state: CommandState], void>;
  declare commandArgument: ParserMethod<[], ExpressionAst>;
  declare wordPiece: ParserMethod<[], WordPiece>;
  declare redirection: ParserMethod<[], RedirectionAst>;

  protected defineCommandRules(): void {
    // A pipeline always consumes something: a first element, or a stray `|` (an empty first element).
    this.pipeline = this.RULE('pipeline', () => {
      const elements: PipelineElementAst[] = [];
      const first = this.or(0, [
        {
          GATE: () => !this.isPipeToken(this.LA(1)),
          ALT: () => this.subrule(0, this.pipelineElement),
        },
        {
          ALT: () => {
            this.ACTION(() => this.report('EmptyPipeElement', this.tokenSpan(this.LA(1))));
            this.subrule(1, this.pipelineTail, { ARGS: [elements] });
            return undefined;
          },
        },
      ]);
      if (first?.kind === 'Assignment') return first;
      this.ACTION(() => { if (first) elements.unshift(first); });
      this.option(0, {
        GATE: () => this.pipeAhead(),
        DEF: () => this.subrule(2, this.pipelineTail, { ARGS: [elements] }),
      });
      return this.ACTION(() => {
        const next = this.LA(1);
        if (!this.isStatementEnd(next)) this.reportError('UnexpectedToken', this.tokenSpan(next), [next.image]);
        if (elements.length === 0) return undefined;
        return { kind: 'Pipeline' as const, elements, span: this.join(elements[0], elements[elements.length - 1]) };
      });
    });

    // `| element | element ...` (also `&&` and `||`, which Windows PowerShell rejects).
    this.pipelineTail = this.RULE('pipelineTail', (elements: PipelineElementAst[] = []) => {
      this.atLeastOne(0, {
        GATE: () => this.pipeAhead(),
        DEF: () => {
          this.nl(200);
          const pipe = this.or(0, [
            { ALT: () => this.consume(0, Pipe) },
            { ALT: () => this.consume(1, AndAnd) },
            { ALT: () => this.consume(2, OrOr) },
          ]);
          this.nl(201);
          const element = this.option(1, {
            GATE: () => !this.isPipeToken(this.LA(1)) && !this.isCommandEnd(this.LA(1)),
            DEF: () => this.subrule(1, this.pipelineElement),
          });
          this.ACTION(() => {
            if (pipe.tokenType !== Pipe) this.reportError('InvalidEndOfLine', this.tokenSpan(pipe), [pipe.image]);
            if (element === undefined) {
              if (pipe.tokenType === Pipe) this.report('EmptyPipeElement', this.after(pipe));
            } else if (element.kind === 'Assignment') {
              this.reportError('ExpressionsMustBeFirstInPipeline', element.target.span);
            } else {
              if (element.kind === 'CommandExpression') this.reportError('ExpressionsMustBeFirstInPipeline', element.expression.span);
              elements.push(element);
            }
          });
        },
      });
    });

    this.pipelineElement = this.RULE('pipelineElement', () => this.or(0, {
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => this.startsExpression(),
          ALT: () => {
            const expression = this.subrule(0, this.expression);
            return this.or(1, [
              {
                ALT: () => {
                  const op = this.consume(0, AssignmentOperator);
                  this.nl(200);
                  const value = this.option(0, {
                    GATE: () => !this.isStatementEnd(this.LA(1)),
                    DEF: () => this.subrule(1, this.statement),
                  });
                  return this.ACTION(() => this.assignmentNode(expression, op, value));
                },
              },
              {
                ALT: () => {
                  const redirections: RedirectionAst[] = [];
                  this.many(0, () => {
                    const r = this.subrule(2, this.redirection);
                    this.ACTION(() => this.addRedirection(redirections, r));
                  });
                  return this.ACTION((): PipelineElementAst => ({
                    kind: 'CommandExpression', expression, redirections,
                    span: this.span(expression.span.start, Math.max(expression.span.end, ...redirections.map((r) => r.span.end))),
                  }));
                },
              },
            ]);
          },
        },
        { ALT: () => this.subrule(3, this.command) },
      ],
    }));

    // `name args`, `& expr args` or `. expr args`; always consumes at least the name or the operator.
    this.command = this.RULE('command', () => {
      let invocation: IToken | undefined;
      const name = this.or(0, [
        {
          GATE: () => this.isInvocationOperator(),
          ALT: () => {
            invocation = this.or(1, [{ ALT: () => this.consume(0, Ampersand) }, { ALT: () => this.consume(1, Dot) }]);
            return this.option(1, {
              GATE: () => !this.isCommandEnd(this.LA(1)),
              DEF: () => this.subrule(0, this.commandName, { ARGS: [true] }),
            });
          },
        },
        { ALT: () => this.subrule(1, this.commandName, { ARGS: [false] }) },
      ]);
      const state: CommandState = { elements: [], redirections: [], afterDashDash: false };
      this.many(0, {
        GATE: () => !this.isCommandEnd(this.LA(1)),
        DEF: () => this.subrule(2, this.commandElement, { ARGS: [state] }),
      });
      return this.ACTION((): CommandAst | undefined => {
        if (name === undefined) {
          if (invocation) this.reportError('MissingExpression', this.tokenSpan(invocation), [invocation.image]);
          return undefined;
        }
        const start = invocation ? this.startOf(invocation) : name.span.start;
        const ends = [name.span.end, ...state.elements.map((e) => e.span.end), ...state.redirections.map((r) => r.span.end)];
        return {
          kind: 'Command',
          invocation: invocation === undefined ? 'plain' : invocation.tokenType === Ampersand ? 'call' : 'dot',
          name, elements: state.elements, redirections: state.redirections, span: this.span(start, Math.max(...ends)),
        };
      });
    });

    this.commandName = this.RULE('commandName', (afterInvocation = false) => this.or(0, {
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => afterInvocation && this.startsPrimary(this.LA(1)) && !this.variableGluedAsText(),
          ALT: () => this.subrule(0, this.primary, { ARGS: [true] }),
        },
        { ALT: () => this.bareword(this.consume(0, Redirection)) },
        { ALT: () => this.bareword(this.consume(1, LessThan)) },
        { ALT: () => this.bareword(this.consume(2, Comma)) },
        { ALT: () => this.bareword(this.consume(3, Ampersand)) },
        { ALT: () => this.subrule(1, this.genericWord, { ARGS: [!afterInvocation] }) },
      ],
    }));

    this.commandElement = this.RULE('commandElement', (state: CommandState) => this.or(0, {
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.parameterAhead(state), ALT: () => this.subrule(0, this.parameter, { ARGS: [state] }) },
        {
          GATE: () => this.LA(1).tokenType === MinusMinus && !this.gluedAfter(1),
          ALT: () => {
            const token = this.consume(0, MinusMinus);
            this.ACTION(() => {
              // The first `--` ends the parameters (PowerShell keeps it as a parameter named '-'); later ones are text.
              state.elements.push(state.afterDashDash ? this.bareword(token)
                : { kind: 'CommandParameter', name: '-', usedColon: false, span: this.tokenSpan(token) });
              state.afterDashDash = true;
            });
          },
        },
        {
          ALT: () => {
            const r = this.subrule(1, this.redirection);
            this.ACTION(() => this.addRedirection(state.redirections, r));
          },
        },
        {
          ALT: () => {
            const comma = this.consume(1, Comma);
            this.ACTION(() => this.reportError('MissingArgument', this.tokenSpan(comma)));
            this.nl(200);
          },
        },
        {
          ALT: () => {
            const amp = this.consume(2, Ampersand);
            this.ACTION(() => this.reportError('AmpersandNotAllowed', this.tokenSpan(amp)));
          },
        },
        {
          ALT: () => {
            const lt = this.consume(3, LessThan);
            this.ACTION(() => this.reportError('RedirectionNotSupported', this.tokenSpan(lt), ['<']));
          },
        },
        {
          ALT: () => {
            const argument = this.subrule(2, this.commandArgument);
            this.ACTION(() => state.elements.push(argument));
          },
        },
      ],
    }));

    this.parameter = this.RULE('parameter', (state: CommandState) => {
      const token = this.consume(0, DashWord);
      const argument = this.option(0, {
        GATE: () => token.image.endsWith(':') && !this.isArgumentEnd(this.LA(1)),
        DEF: () => this.subrule(0, this.commandArgument),
      });
      this.ACTION(() => {
        const usedColon = token.image.endsWith(':');
        const name = token.image.slice(1, usedColon ? -1 : undefined);
        if (usedColon && argument === undefined) {
          this.reportError('ParameterRequiresArgument', this.after(token), [token.image]);
        }
        state.elements.push({
          kind: 'CommandParameter', name, usedColon, ...(argument ? { argument } : {}),
          span: this.span(this.startOf(token), argument?.span.end ?? this.endOf(token)),
        });
      });
    });

    // `a,b,c` in argument mode: a comma list of single arguments.
    this.commandArgument = this.RULE('commandArgument', () => {
      const items: ExpressionAst[] = [this.subrule(0, this.singleArgument)];
      let open = true;
      this.many(0, {
        GATE: () => open,
        DEF: () => {
          const comma = this.consume(0, Comma);
          this.nl(200);
          const next = this.option(0, {
            GATE: () => !this.isArgumentEnd(this.LA(1)),
            DEF: () => this.subrule(1, this.singleArgument),
          });
          this.ACTION(() => {
            if (next === undefined) {
              this.report('MissingExpression', this.after(comma), [',']);
              open = false;
            } else items.push(next);
          });
        },
      });
      return this.ACTION(() => items.length === 1 ? items[0]
        : { kind: 'ArrayLiteral' as const, elements: items, span: this.join(items[0], items[items.length - 1]) });
    });

    this.singleArgument = this.RULE('singleArgument', () => this.or(0, {
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => this.LA(1).tokenType === Variable && !this.variableGluedAsText(),
          ALT: () => this.subrule(0, this.primary, { ARGS: [true] }),
        },
        {
          GATE: () => this.LA(1).tokenType === SplatVariable && !this.gluedAfter(1),
          ALT: () => this.variableNode(this.consume(0, SplatVariable)),
        },
        {
          GATE: () => this.startsPrimary(this.LA(1)) && !this.isWordStart(this.LA(1)),
          // (variables are handled above: a glued `$a/H` is a bareword, not a variable)
          ALT: () => this.subrule(1, this.primary, { ARGS: [true] }),
        },
        { ALT: () => this.subrule(2, this.genericWord, { ARGS: [false] }) },
      ],
    }));

    // A bareword: adjacent tokens glued into one argument (`c:\x\y.ps1`, `a-b`, `$a/H`, `2GB`, `-5`).
    this.genericWord = this.RULE('genericWord', (asName = false) => {
      const pieces: WordPiece[] = [this.subrule(0, this.wordPiece)];
      this.many(0, {
        GATE: () => this.gluedAfter(0),
        DEF: () => {
          const piece = this.subrule(1, this.wordPiece);
          this.ACTION(() => pieces.push(piece));
        },
      });
      return this.ACTION(() => wordNode(pieces, asName, this.text, this.strings));
    });

    this.wordPiece = this.RULE('wordPiece', () => this.or(0, [
      { ALT: () => ({ token: this.consume(0, ArgAtom) }) },
      { ALT: () => ({ token: this.consume(1, Variable) }) },
      { ALT: () => ({ token: this.consume(2, SplatVariable) }) },
      { ALT: () => ({ token: this.consume(3, StringSQ) }) },
      { ALT: () => ({ token: this.consume(4, StringDQ) }) },
      { ALT: () => ({ sub: this.subrule(0, this.subExpression) }) },
    ]));

    this.redirection = this.RULE('redirection', () => {
      const token = this.consume(0, Redirection);
      const target = this.option(0, {
        GATE: () => !token.image.includes('&') && !this.isArgumentEnd(this.LA(1)),
        DEF: () => this.subrule(0, this.singleArgument),
      });
      return this.ACTION(() => this.redirectionNode(token, target));
    });
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

  /**
   * The first element of a pipeline is an expression when it starts like one (PowerShell tries expression
   * mode first); a number glued to letters (`7z.exe`) or `!name` is a command name instead.
   */
  protected startsExpression(): boolean {
    const token = this.LA(1);
    const t = token.tokenType;
    if (t === NumberToken) return !this.numberStartsWord();
    if (t === Exclaim) return !(this.touching(token, this.LA(2)) && this.isIdentifier(this.LA(2)));
    if (t === Minus || t === Plus || t === Comma || t === PlusPlus || t === MinusMinus) return true;
    if (this.is(token, OpUnaryWord) || this.is(token, OpSplitJoin)) return true;
    return t === LBracket || this.startsPrimary(token);
  }

  private numberStartsWord(): boolean {
    const next = this.LA(2);
    if (!this.touching(this.LA(1), next)) return false;
    const t = next.tokenType;
    return this.isIdentifier(next) || t === GenericChars || t === Escape || t === Variable || t === SplatVariable
      || t === Dollar || t === At || t === DollarParen;
  }

  /** `&` always; `.` when it dot-sources (`. .\x.ps1`, `.$cmd`), not when it starts a path (`.\x.ps1`). */
  private isInvocationOperator(): boolean {
    const token = this.LA(1);
    if (token.tokenType === Ampersand) return true;
    if (token.tokenType !== Dot) return false;
    const next = this.LA(2);
    if (!this.touching(token, next)) return true;
    const t = next.tokenType;
    return t === Variable || t === StringSQ || t === StringDQ || !this.isGlueable(next);
  }

  /** `$a/H` is one bareword, but `$a.b` and `$a[0]` are member and index access. */
  private variableGluedAsText(): boolean {
    if (!this.gluedAfter(1)) return false;
    const t = this.LA(2).tokenType;
    return t !== Dot && t !== LBracket && t !== ColonColon && t !== QuestionDot;
  }

  /** Tokens that start a primary expression but in argument mode begin a bareword (`2GB`, `$a/H`). */
  private isWordStart(token: IToken): boolean {
    const t = token.tokenType;
    return t === NumberToken || t === Variable || t === SplatVariable;
  }

  private parameterAhead(state: CommandState): boolean {
    const token = this.LA(1);
    if (!this.is(token, DashWord) || state.afterDashDash) return false;
    return token.image.endsWith(':') || !this.gluedAfter(1);
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

  // ---------------------------------------------------------------- node builders

  private assignmentNode(target: ExpressionAst, op: IToken, value: StatementAst | undefined): AssignmentAst {
    const operator = (op.image === '=' ? '=' : op.image.replace(/^[\u2013\u2014\u2015]/, '-')) as AssignmentOp;
    if (value === undefined) this.report('ExpectedValueExpression', this.after(op), [op.image]);
    if (!isAssignable(target, operator === '=')) this.reportError('InvalidLeftHandSide', target.span);
    const statement: StatementAst = value ?? { kind: 'Pipeline', elements: [], span: this.after(op) };
    return { kind: 'Assignment', target, operator, value: statement, span: this.span(target.span.start, statement.span.end) };
  }

  private redirectionNode(token: IToken, target: ExpressionAst | undefined): RedirectionAst {
    const image = token.image;
    const span = this.tokenSpan(token);
    const from = STREAMS[image[0]] ?? 'output';
    const merge = image.indexOf('&');
    if (merge >= 0) {
      const to = STREAMS[image[merge + 1]];
      if (to !== 'output' || to === from) this.reportError('RedirectionNotSupported', span, [image]);
      return { kind: 'Redirection', from, append: false, mergeTo: 'output', span };
    }
    if (target === undefined) this.reportError('MissingFileSpecification', this.after(token));
    const append = image.endsWith('>>');
    return {
      kind: 'Redirection', from, append, ...(target ? { target } : {}),
      span: this.span(span.start, target?.span.end ?? span.end),
    };
  }

  private addRedirection(list: RedirectionAst[], r: RedirectionAst): void {
    if (list.some((existing) => existing.from === r.from)) {
      this.reportError('StreamAlreadyRedirected', r.span, [STREAM_TEXT[r.from]]);
    }
    list.push(r);
  }
}

/** Assignment targets: variables, members, indexes, casts of those, and (for `=`) arrays of them. */
function isAssignable(target: ExpressionAst, allowArray: boolean): boolean {
  switch (target.kind) {
    case 'Variable':
      return !target.splat;
    case 'Member':
    case 'Index':
      return true;
    case 'Convert':
      return isAssignable(target.operand, false);
    case 'ArrayLiteral':
      return allowArray && target.elements.every((e) => isAssignable(e, false));
    default:
      return false;
  }
}
