// Statement lists and the statements that are not loops: if, switch, try/catch/finally, trap, labels and
// the flow-control statements. Keywords count only at the start of a statement and only when not glued to
// more bareword text (`foreach-object` is a command).
import { EOF, type IToken, type ParserMethod } from 'chevrotain';
import type {
  BreakAst, ExpressionAst, IfAst, StatementAst, StatementBlockAst, SwitchAst, TrapAst, TryAst, TypeNameAst,
} from './ast.ts';
import { LoopParser } from './parser-loops.ts';
import {
  Comma, DashWord, FlowKeyword, Identifier, Keywords, Label, LBracket, LCurly, LParen, NewLine, RCurly, RParen, Separator,
} from './tokens.ts';

type SwitchFlags = SwitchAst['flags'];

export abstract class StatementParser extends LoopParser {
  declare ifStatement: ParserMethod<[], StatementAst | undefined>;
  declare ifClause: ParserMethod<[keyword?: IToken], IfAst['clauses'][number] | undefined>;
  declare switchStatement: ParserMethod<[label?: IToken], StatementAst | undefined>;
  declare tryStatement: ParserMethod<[], StatementAst | undefined>;
  declare trapStatement: ParserMethod<[], StatementAst | undefined>;
  declare flowStatement: ParserMethod<[], StatementAst>;
  declare labeledStatement: ParserMethod<[], StatementAst | undefined>;
  declare catchTypes: ParserMethod<[], { types: TypeNameAst[]; failed: boolean }>;

  protected defineStatementRules(): void {
    this.statementList = this.RULE('statementList', () => {
      const statements: StatementAst[] = [];
      const traps: TrapAst[] = [];
      const start = this.ACTION(() => this.startOf(this.LA(1)));
      this.many(0, () => this.consume(0, Separator));
      this.many(1, {
        GATE: () => !this.isBlockEnd(this.LA(1)),
        DEF: () => {
          const statement = this.subrule(0, this.statement);
          this.ACTION(() => {
            if (statement?.kind === 'Trap') traps.push(statement);
            else if (statement) statements.push(statement);
          });
          this.many(2, () => this.consume(1, Separator));
        },
      });
      return this.ACTION(() => {
        const all = [...statements, ...traps].sort((a, b) => a.span.start - b.span.start);
        const span = all.length > 0 ? this.join(all[0], all[all.length - 1]) : this.span(start, start);
        return { statements, traps, span };
      });
    });

    this.statementBlock = this.RULE('statementBlock', () => {
      const lCurly = this.consume(0, LCurly);
      const list = this.subrule(0, this.statementList);
      const rCurly = this.option(0, () => this.consume(1, RCurly));
      return this.ACTION((): StatementBlockAst => {
        if (rCurly === undefined) this.missingCurly(lCurly);
        const end = rCurly ? this.endOf(rCurly) : Math.max(list.span.end, this.endOf(lCurly));
        return { kind: 'StatementBlock', statements: list.statements, traps: list.traps, span: this.span(this.startOf(lCurly), end) };
      });
    });

    this.statement = this.RULE('statement', () => this.or(0, {
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.keywordAt(1, Keywords.if), ALT: () => this.subrule(0, this.ifStatement) },
        { GATE: () => this.keywordAt(1, Keywords.switch), ALT: () => this.subrule(1, this.switchStatement) },
        { GATE: () => this.keywordAt(1, Keywords.foreach), ALT: () => this.subrule(2, this.foreachStatement) },
        { GATE: () => this.keywordAt(1, Keywords.for), ALT: () => this.subrule(3, this.forStatement) },
        { GATE: () => this.keywordAt(1, Keywords.while), ALT: () => this.subrule(4, this.whileStatement) },
        { GATE: () => this.keywordAt(1, Keywords.do), ALT: () => this.subrule(5, this.doStatement) },
        {
          GATE: () => this.keywordAt(1, Keywords.function) || this.keywordAt(1, Keywords.filter),
          ALT: () => this.subrule(6, this.functionDefinition),
        },
        { GATE: () => this.flowKeywordAhead(), ALT: () => this.subrule(7, this.flowStatement) },
        { GATE: () => this.keywordAt(1, Keywords.try), ALT: () => this.subrule(8, this.tryStatement) },
        { GATE: () => this.keywordAt(1, Keywords.trap), ALT: () => this.subrule(9, this.trapStatement) },
        { GATE: () => this.labelAhead(), ALT: () => this.subrule(10, this.labeledStatement) },
        { ALT: () => this.subrule(11, this.pipeline) },
      ],
    }));

    this.labeledStatement = this.RULE('labeledStatement', () => {
      const label = this.consume(0, Label);
      this.nl(200);
      return this.or(0, [
        { ALT: () => this.subrule(0, this.switchStatement, { ARGS: [label] }) },
        { ALT: () => this.subrule(1, this.foreachStatement, { ARGS: [label] }) },
        { ALT: () => this.subrule(2, this.forStatement, { ARGS: [label] }) },
        { ALT: () => this.subrule(3, this.whileStatement, { ARGS: [label] }) },
        { ALT: () => this.subrule(4, this.doStatement, { ARGS: [label] }) },
      ]);
    });

    this.ifStatement = this.RULE('ifStatement', () => {
      const keyword = this.consume(0, Keywords.if);
      const clauses: IfAst['clauses'] = [];
      const first = this.subrule(0, this.ifClause, { ARGS: [keyword] });
      if (first === undefined) return undefined;
      let failed = false;
      this.ACTION(() => clauses.push(first));
      this.many(0, {
        GATE: () => !failed && this.aheadPastNewlines(Keywords.elseif),
        DEF: () => {
          this.nl(200);
          const elseif = this.consume(1, Keywords.elseif);
          const clause = this.subrule(1, this.ifClause, { ARGS: [elseif] });
          this.ACTION(() => {
            if (clause) clauses.push(clause);
            else failed = true;
          });
        },
      });
      const elseBody = this.option(0, {
        GATE: () => !failed && this.aheadPastNewlines(Keywords.else),
        DEF: () => {
          this.nl(201);
          const elseKeyword = this.consume(2, Keywords.else);
          const block = this.option(1, {
            GATE: () => this.aheadPastNewlines(LCurly),
            DEF: () => {
              this.nl(202);
              return this.subrule(2, this.statementBlock);
            },
          });
          return this.ACTION(() => {
            if (block === undefined) {
              this.report('MissingStatementBlockAfterElse', this.after(elseKeyword));
              failed = true;
            }
            return block;
          });
        },
      });
      return this.ACTION((): IfAst | undefined => {
        if (failed) return undefined;
        const last = elseBody ?? clauses[clauses.length - 1].body;
        return { kind: 'If', clauses, ...(elseBody ? { elseBody } : {}), span: this.span(this.startOf(keyword), last.span.end) };
      });
    });

    this.ifClause = this.RULE('ifClause', (keyword?: IToken) => {
      this.nl(200);
      const lParen = this.option(0, () => this.consume(0, LParen));
      if (lParen === undefined) {
        return this.ACTION(() => void this.report('MissingOpenParenthesisInIfStatement', this.after(keyword!), [keyword!.image]));
      }
      this.nl(201);
      const condition = this.option(1, {
        GATE: () => !this.isStatementEnd(this.LA(1)),
        DEF: () => this.subrule(0, this.pipeline),
      });
      this.nl(202);
      const rParen = this.option(2, () => this.consume(1, RParen));
      if (rParen === undefined) {
        return this.ACTION(() => {
          if (condition === undefined) this.report('IfStatementMissingCondition', this.after(lParen), [keyword!.image]);
          else this.report('MissingEndParenthesisAfterStatement', this.tokenSpan(this.LA(1)), [keyword!.image]);
          return undefined;
        });
      }
      const body = this.option(3, {
        GATE: () => this.aheadPastNewlines(LCurly),
        DEF: () => {
          this.nl(203);
          return this.subrule(1, this.statementBlock);
        },
      });
      return this.ACTION(() => {
        if (condition === undefined) {
          this.report('IfStatementMissingCondition', this.after(lParen), [keyword!.image]);
          return undefined;
        }
        if (body === undefined) return void this.report('MissingStatementBlock', this.tokenSpan(rParen), [keyword!.image]);
        return { condition, body };
      });
    });

    this.defineSwitchRules();
    this.defineTryRules();
  }

  // ---------------------------------------------------------------- switch

  declare switchFile: ParserMethod<[], ExpressionAst | undefined>;

  private defineSwitchRules(): void {
    this.switchStatement = this.RULE('switchStatement', (label?: IToken) => {
      const keyword = this.consume(0, Keywords.switch);
      const flags: SwitchFlags = { regex: false, wildcard: false, exact: false, caseSensitive: false, file: false };
      const clauses: SwitchAst['clauses'] = [];
      let defaultBody: StatementBlockAst | undefined;
      let subject: SwitchAst['subject'] | undefined;
      let errorEnd = 0;
      let incomplete = false;
      let failed = false;
      const fail = (id: string, at: number, args: string[] = []): void => {
        failed = true;
        if (this.report(id, this.span(at, at), args)) incomplete = true;
      };
      this.ACTION(() => { errorEnd = this.endOf(keyword); });
      this.nl(200);
      this.many(0, () => {
        const flag = this.consume(1, DashWord);
        const file = this.option(0, {
          GATE: () => 'file'.startsWith(flag.image.slice(1).toLowerCase()),
          DEF: () => this.subrule(0, this.switchFile),
        });
        this.ACTION(() => {
          errorEnd = this.endOf(flag);
          if (!this.applySwitchFlag(flags, flag)) {
            failed = true;
            this.reportError('InvalidSwitchFlag', this.tokenSpan(flag), [flag.image.slice(1)]);
          } else if (flags.file && file === undefined && 'file'.startsWith(flag.image.slice(1).toLowerCase())) {
            fail('MissingFilenameOption', this.endOf(flag));
          } else if (file !== undefined) {
            errorEnd = file.span.end;
            subject = { kind: 'Pipeline', elements: [{ kind: 'CommandExpression', expression: file, redirections: [], span: file.span }], span: file.span };
          }
        });
      });
      const paren = this.option(1, () => {
        const lParen = this.consume(2, LParen);
        this.ACTION(() => {
          errorEnd = this.endOf(lParen);
          if (flags.file) {
            failed = true;
            this.reportError('PipelineValueRequired', this.tokenSpan(lParen));
          }
        });
        this.nl(201);
        const pipeline = this.option(2, {
          GATE: () => !this.isStatementEnd(this.LA(1)),
          DEF: () => this.subrule(1, this.pipeline),
        });
        this.nl(202);
        const rParen = this.option(3, () => this.consume(3, RParen));
        this.ACTION(() => {
          if (pipeline === undefined) fail('PipelineValueRequired', this.endOf(lParen));
          else {
            errorEnd = pipeline.span.end;
            subject = pipeline.kind === 'Pipeline' ? pipeline : { kind: 'Pipeline', elements: [], span: pipeline.span };
          }
          if (rParen === undefined) {
            if (!incomplete) fail('MissingEndParenthesisInSwitchStatement', errorEnd);
          } else errorEnd = this.endOf(rParen);
        });
        return true;
      });
      this.ACTION(() => {
        if (paren === undefined && subject === undefined && !flags.file) fail('PipelineValueRequired', errorEnd);
      });
      const lCurly = this.option(4, {
        GATE: () => this.aheadPastNewlines(LCurly),
        DEF: () => {
          this.nl(203);
          return this.consume(4, LCurly);
        },
      });
      if (lCurly === undefined) {
        return this.ACTION(() => {
          if (!incomplete) fail('MissingCurlyBraceInSwitchStatement', errorEnd);
          return undefined;
        });
      }
      this.ACTION(() => { errorEnd = this.endOf(lCurly); });
      this.nl(204);
      this.many(1, {
        GATE: () => !this.isArgumentEnd(this.LA(1)),
        DEF: () => {
          const condition = this.subrule(2, this.singleArgument);
          const body = this.option(5, {
            GATE: () => this.aheadPastNewlines(LCurly),
            DEF: () => {
              this.nl(205);
              return this.subrule(3, this.statementBlock);
            },
          });
          this.ACTION(() => {
            errorEnd = condition.span.end;
            if (body === undefined) return fail('MissingSwitchStatementClause', condition.span.end);
            errorEnd = body.span.end;
            if (condition.kind === 'StringConstant' && condition.quote === 'bare' && condition.value.toLowerCase() === 'default') {
              if (defaultBody) {
                failed = true;
                this.reportError('MultipleSwitchDefaultClauses', condition.span);
              }
              defaultBody = body;
            } else clauses.push({ pattern: condition, body });
          });
          this.many(2, () => this.consume(5, Separator));
        },
      });
      const rCurly = this.option(6, () => this.consume(6, RCurly));
      return this.ACTION((): SwitchAst | undefined => {
        if (clauses.length === 0 && defaultBody === undefined && !failed) {
          fail('MissingSwitchConditionExpression', errorEnd);
        } else if (rCurly === undefined && !incomplete) {
          if (this.isEof(this.LA(1))) this.missingCurly(lCurly);
          else fail('MissingSwitchConditionExpression', errorEnd);
        }
        if (failed || rCurly === undefined || subject === undefined) return undefined;
        return {
          kind: 'Switch', ...this.labelText(label), flags, subject, clauses, ...(defaultBody ? { defaultBody } : {}),
          span: this.span(this.startOf(label ?? keyword), this.endOf(rCurly)),
        };
      });
    });

    this.switchFile = this.RULE('switchFile', () => {
      this.nl(200);
      return this.option(0, {
        GATE: () => !this.isArgumentEnd(this.LA(1)),
        DEF: () => this.subrule(0, this.singleArgument),
      });
    });
  }

  /** `-regex`, `-wildcard`, `-exact`, `-casesensitive`, `-file`, matched by prefix as PowerShell does. */
  private applySwitchFlag(flags: SwitchFlags, token: IToken): boolean {
    const name = token.image.slice(1).toLowerCase();
    if (name === '') return false;
    if ('regex'.startsWith(name)) { flags.regex = true; flags.wildcard = false; }
    else if ('wildcard'.startsWith(name)) { flags.wildcard = true; flags.regex = false; }
    else if ('exact'.startsWith(name)) { flags.exact = true; flags.regex = false; flags.wildcard = false; }
    else if ('casesensitive'.startsWith(name)) flags.caseSensitive = true;
    else if ('file'.startsWith(name)) flags.file = true;
    else return false;
    return true;
  }

  // ---------------------------------------------------------------- try, trap, flow control

  private defineTryRules(): void {
    this.tryStatement = this.RULE('tryStatement', () => {
      const keyword = this.consume(0, Keywords.try);
      const body = this.option(0, {
        GATE: () => this.aheadPastNewlines(LCurly),
        DEF: () => {
          this.nl(200);
          return this.subrule(0, this.statementBlock);
        },
      });
      if (body === undefined) return this.ACTION(() => void this.report('MissingTryStatementBlock', this.after(keyword)));
      const catches: TryAst['catches'] = [];
      let failed = false;
      this.many(0, {
        GATE: () => !failed && this.aheadPastNewlines(Keywords.catch),
        DEF: () => {
          this.nl(201);
          const catchKeyword = this.consume(1, Keywords.catch);
          const types = this.subrule(1, this.catchTypes);
          const handler = this.option(1, {
            GATE: () => this.aheadPastNewlines(LCurly),
            DEF: () => {
              this.nl(202);
              return this.subrule(2, this.statementBlock);
            },
          });
          this.ACTION(() => {
            if (handler === undefined) {
              failed = true;
              if (!types.failed) {
                const last = types.types.length > 0 ? this.after(types.types[types.types.length - 1]) : this.after(catchKeyword);
                this.report('MissingCatchHandlerBlock', last);
              }
              return;
            }
            catches.push({ types: types.types, body: handler, span: this.span(this.startOf(catchKeyword), handler.span.end) });
          });
        },
      });
      const finallyBody = this.option(2, {
        GATE: () => !failed && this.aheadPastNewlines(Keywords.finally),
        DEF: () => {
          this.nl(203);
          const finallyKeyword = this.consume(2, Keywords.finally);
          const block = this.option(3, {
            GATE: () => this.aheadPastNewlines(LCurly),
            DEF: () => {
              this.nl(204);
              return this.subrule(3, this.statementBlock);
            },
          });
          return this.ACTION(() => {
            if (block === undefined) {
              failed = true;
              this.report('MissingFinallyStatementBlock', this.after(finallyKeyword));
            }
            return block;
          });
        },
      });
      return this.ACTION((): TryAst | undefined => {
        if (failed) return undefined;
        if (catches.length === 0 && finallyBody === undefined) {
          this.report('MissingCatchOrFinally', this.after(body));
          return undefined;
        }
        const end = finallyBody?.span.end ?? catches[catches.length - 1].span.end;
        return { kind: 'Try', body, catches, ...(finallyBody ? { finallyBody } : {}), span: this.span(this.startOf(keyword), end) };
      });
    });

    // `[A], [B]` after catch.
    this.catchTypes = this.RULE('catchTypes', () => {
      const types: TypeNameAst[] = [];
      let failed = false;
      this.option(0, {
        GATE: () => this.aheadPastNewlines(LBracket),
        DEF: () => {
          this.nl(200);
          const first = this.subrule(0, this.typeOrAttribute);
          this.ACTION(() => { if (first.kind === 'type') types.push(first.type); });
          this.many(0, {
            GATE: () => !failed && this.aheadPastNewlines(Comma),
            DEF: () => {
              this.nl(201);
              const comma = this.consume(0, Comma);
              const next = this.option(1, {
                GATE: () => this.aheadPastNewlines(LBracket),
                DEF: () => {
                  this.nl(202);
                  return this.subrule(1, this.typeOrAttribute);
                },
              });
              this.ACTION(() => {
                if (next === undefined) {
                  failed = true;
                  this.report('MissingTypeLiteralToken', this.after(comma));
                } else if (next.kind === 'type') types.push(next.type);
              });
            },
          });
        },
      });
      return { types, failed };
    });

    this.trapStatement = this.RULE('trapStatement', () => {
      const keyword = this.consume(0, Keywords.trap);
      const type = this.option(0, {
        GATE: () => this.aheadPastNewlines(LBracket),
        DEF: () => {
          this.nl(200);
          return this.subrule(0, this.typeOrAttribute);
        },
      });
      const body = this.option(1, {
        GATE: () => this.aheadPastNewlines(LCurly),
        DEF: () => {
          this.nl(201);
          return this.subrule(1, this.statementBlock);
        },
      });
      return this.ACTION((): TrapAst | undefined => {
        if (body === undefined) return void this.report('MissingTrapStatement', this.after(type ?? keyword));
        return {
          kind: 'Trap', ...(type?.kind === 'type' ? { type: type.type } : {}), body,
          span: this.span(this.startOf(keyword), body.span.end),
        };
      });
    });

    this.flowStatement = this.RULE('flowStatement', () => {
      const keyword = this.consume(0, FlowKeyword);
      const isLoopControl = this.ACTION(() => keyword.tokenType === Keywords.break || keyword.tokenType === Keywords.continue);
      const value = this.option(0, {
        GATE: () => !isLoopControl && !this.isStatementEnd(this.LA(1)),
        DEF: () => this.subrule(0, this.pipeline),
      });
      const label = this.option(1, {
        GATE: () => isLoopControl && (this.isIdentifier(this.LA(1)) || this.canStartUnary(this.LA(1), true)),
        DEF: () => this.or(0, [
          { GATE: () => this.isIdentifier(this.LA(1)), ALT: () => this.bareword(this.consume(1, Identifier)) },
          { ALT: () => this.subrule(1, this.unary, { ARGS: [true] }) },
        ]),
      });
      return this.ACTION((): StatementAst => {
        const end = Math.max(this.endOf(keyword), value?.span.end ?? 0, label?.span.end ?? 0);
        const span = this.span(this.startOf(keyword), end);
        const type = keyword.tokenType;
        if (type === Keywords.break || type === Keywords.continue) {
          const node: BreakAst = { kind: 'Break', ...(label ? { label } : {}), span };
          return type === Keywords.break ? node : { ...node, kind: 'Continue' };
        }
        const pipeline = value?.kind === 'Pipeline' ? value : undefined;
        const kind = type === Keywords.return ? 'Return' : type === Keywords.exit ? 'Exit' : 'Throw';
        return { kind, ...(pipeline ? { value: pipeline } : {}), span };
      });
    });
  }

  // ---------------------------------------------------------------- lookahead helpers

  protected isBlockEnd(token: IToken): boolean {
    const t = token.tokenType;
    return t === RParen || t === RCurly || t === EOF;
  }

  private flowKeywordAhead(): boolean {
    return this.keywordAt(1, Keywords.break) || this.keywordAt(1, Keywords.continue) || this.keywordAt(1, Keywords.return)
      || this.keywordAt(1, Keywords.exit) || this.keywordAt(1, Keywords.throw);
  }

  /** `:name` followed (possibly on a later line) by a loop or switch keyword. */
  private labelAhead(): boolean {
    if (this.LA(1).tokenType !== Label || this.gluedAfter(1)) return false;
    let k = 2;
    while (this.LA(k).tokenType === NewLine) k++;
    const t = this.LA(k).tokenType;
    const isLoop = t === Keywords.switch || t === Keywords.foreach || t === Keywords.for || t === Keywords.while || t === Keywords.do;
    return isLoop && !this.gluedAfter(k);
  }

  /** PowerShell reports a missing `}` at the `{`; it is incomplete input when the text simply ended. */
  protected missingCurly(lCurly: IToken): void {
    this.report('MissingEndCurlyBrace', this.tokenSpan(lCurly), [], this.endOf(this.LA(1)));
  }
}
