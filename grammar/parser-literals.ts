// Bracketed constructs of expression mode: type names and attributes `[...]`, `( )`, `$( )`, `@( )`,
// hash literals `@{ }` and script block literals `{ }`.
import type { IToken, ParserMethod } from 'chevrotain';
import type {
  AttributeAst, ExpressionAst, HashtableAst, ParenAst, StatementAst, SubExpressionAst, ArrayExpressionAst,
} from './ast.ts';
import { ExpressionParser } from './parser-expressions.ts';
import type { TypeOrAttribute } from './parser-base.ts';
import {
  AtCurly, AtParen, Comma, DollarParen, Dot, Equals, Identifier, LBracket, LCurly, LParen, NewLine, RBracket,
  RCurly, RParen, Semi, Separator,
} from './tokens.ts';

interface NamedArgument {
  name: string;
  value?: ExpressionAst;
  span: AttributeAst['span'];
}

export abstract class LiteralParser extends ExpressionParser {
  declare typeName: ParserMethod<[], { start: number; end: number }>;
  declare attributeArguments: ParserMethod<[], { positional: ExpressionAst[]; named: NamedArgument[]; end: number }>;
  declare hashEntry: ParserMethod<[], { key: ExpressionAst; value: StatementAst }>;
  declare typeArgument: ParserMethod<[], void>;

  protected defineLiteralRules(): void {
    this.typeOrAttribute = this.RULE('typeOrAttribute', () => {
      const lBracket = this.consume(0, LBracket);
      this.nl(200);
      const name = this.option(0, {
        GATE: () => this.isIdentifier(this.LA(1)),
        DEF: () => this.subrule(0, this.typeName),
      });
      const tail = this.option(1, {
        GATE: () => name !== undefined,
        DEF: () => this.or(0, [
          { ALT: () => ({ args: this.subrule(1, this.attributeArguments), end: 0 }) },
          { ALT: () => ({ args: undefined, end: this.endOf(this.consume(1, RBracket)) }) },
        ]),
      });
      return this.ACTION((): TypeOrAttribute => {
        if (name === undefined) {
          this.report('MissingTypename', this.after(lBracket));
          const span = this.tokenSpan(lBracket);
          return { kind: 'type', type: { kind: 'TypeName', name: '', span }, span };
        }
        const typeName = this.text.slice(name.start, name.end);
        const type = { kind: 'TypeName' as const, name: typeName, span: this.span(name.start, name.end) };
        if (tail?.args) {
          return { kind: 'Attribute', name: typeName, positional: tail.args.positional, named: tail.args.named,
            span: this.span(this.startOf(lBracket), tail.args.end) };
        }
        if (tail === undefined) {
          const at = Math.max(this.startOf(this.LA(1)) - 1, 0);
          this.reportError('EndSquareBracketExpectedAtEndOfAttribute', this.span(at, at));
          return { kind: 'type', type, span: this.span(this.startOf(lBracket), name.end) };
        }
        return { kind: 'type', type, span: this.span(this.startOf(lBracket), tail.end) };
      });
    });

    // `System.Collections.Generic.List[string]`, `int[]`, `int[,]`, `Dictionary[[string],[int]]`.
    this.typeName = this.RULE('typeName', () => {
      const first = this.consume(0, Identifier);
      let last: IToken = first;
      this.many(0, {
        GATE: () => this.touching(this.LA(0), this.LA(1)) && this.isIdentifier(this.LA(2)),
        DEF: () => {
          this.consume(1, Dot);
          last = this.consume(2, Identifier);
        },
      });
      this.many(1, {
        GATE: () => this.touching(this.LA(0), this.LA(1)),
        DEF: () => {
          this.consume(3, LBracket);
          this.many(2, () => this.consume(4, Comma));
          this.many(3, {
            GATE: () => this.isIdentifier(this.LA(1)) || this.LA(1).tokenType === LBracket,
            DEF: () => {
              this.subrule(0, this.typeArgument);
              this.many(4, () => {
                this.consume(5, Comma);
                this.subrule(1, this.typeArgument);
              });
            },
          });
          const close = this.option(0, () => this.consume(6, RBracket));
          this.ACTION(() => {
            if (close === undefined) this.reportError('EndSquareBracketExpectedAtEndOfAttribute', this.after(this.LA(0)));
            else last = close;
          });
        },
      });
      return this.ACTION(() => ({ start: this.startOf(first), end: this.endOf(last) }));
    });

    this.typeArgument = this.RULE('typeArgument', () => {
      this.or(0, [
        { ALT: () => this.subrule(0, this.typeName) },
        {
          ALT: () => {
            this.consume(0, LBracket);
            this.subrule(1, this.typeName);
            this.consume(1, RBracket);
          },
        },
      ]);
    });

    // `(positional, Named = value, Flag)]` of an attribute.
    this.attributeArguments = this.RULE('attributeArguments', () => {
      const lParen = this.consume(0, LParen);
      const positional: ExpressionAst[] = [];
      const named: NamedArgument[] = [];
      let lastEnd = this.ACTION(() => this.endOf(lParen));
      const argument = (idx: number): void => {
        this.or(idx, [
          {
            GATE: () => this.isIdentifier(this.LA(1)),
            ALT: () => {
              const nameToken = this.consume(idx, Identifier);
              const value = this.option(idx, () => {
                const equals = this.consume(idx + 2, Equals);
                this.nl(200 + idx);
                const expr = this.option(idx + 2, {
                  GATE: () => this.canStartUnary(this.LA(1), true),
                  DEF: () => this.subrule(idx, this.expression, { ARGS: [true] }),
                });
                return this.ACTION(() => {
                  if (expr === undefined) this.report('MissingExpressionInNamedArgument', this.after(equals));
                  return expr ?? this.placeholder(this.after(equals));
                });
              });
              this.ACTION(() => {
                const end = value?.span.end ?? this.endOf(nameToken);
                named.push({ name: nameToken.image, ...(value ? { value } : {}), span: this.span(this.startOf(nameToken), end) });
                lastEnd = end;
              });
            },
          },
          {
            ALT: () => {
              const expr = this.subrule(idx + 2, this.expression, { ARGS: [true] });
              this.ACTION(() => {
                positional.push(expr);
                lastEnd = expr.span.end;
              });
            },
          },
        ]);
      };
      this.nl(210);
      this.option(4, {
        GATE: () => this.isIdentifier(this.LA(1)) || this.canStartUnary(this.LA(1), true),
        DEF: () => {
          argument(0);
          this.nl(211);
          this.many(0, () => {
            const comma = this.consume(5, Comma);
            this.nl(212);
            this.option(5, {
              GATE: () => !(this.isIdentifier(this.LA(1)) || this.canStartUnary(this.LA(1), true)),
              DEF: () => this.ACTION(() => this.report('MissingExpressionAfterToken', this.after(comma), [','])),
            });
            this.option(6, {
              GATE: () => this.isIdentifier(this.LA(1)) || this.canStartUnary(this.LA(1), true),
              DEF: () => argument(1),
            });
            this.nl(213);
          });
        },
      });
      this.nl(214);
      const rParen = this.option(7, () => this.consume(6, RParen));
      this.nl(215);
      const rBracket = this.option(8, () => this.consume(7, RBracket));
      return this.ACTION(() => {
        if (rParen === undefined) this.report('MissingEndParenthesisInExpression', this.span(lastEnd, lastEnd));
        else if (rBracket === undefined) this.report('EndSquareBracketExpectedAtEndOfAttribute', this.after(rParen));
        const end = rBracket ? this.endOf(rBracket) : rParen ? this.endOf(rParen) : lastEnd;
        return { positional, named, end };
      });
    });

    this.parenExpression = this.RULE('parenExpression', () => {
      const lParen = this.consume(0, LParen);
      this.nl(200);
      const pipeline = this.option(0, {
        GATE: () => !this.isStatementEnd(this.LA(1)),
        DEF: () => this.subrule(0, this.pipeline),
      });
      this.nl(201);
      const rParen = this.option(1, () => this.consume(1, RParen));
      return this.ACTION((): ParenAst => {
        const inner: StatementAst = pipeline ?? { kind: 'Pipeline', elements: [], span: this.after(lParen) };
        if (pipeline === undefined) this.report('ExpectedExpression', this.after(lParen));
        if (rParen === undefined) this.report('MissingEndParenthesisInExpression', this.after(inner));
        const end = rParen ? this.endOf(rParen) : inner.span.end;
        return { kind: 'Paren', pipeline: inner, span: this.span(this.startOf(lParen), end) };
      });
    });

    this.subExpression = this.RULE('subExpression', () => {
      const open = this.or(0, [
        { ALT: () => this.consume(0, DollarParen) },
        { ALT: () => this.consume(1, AtParen) },
      ]);
      const list = this.subrule(0, this.statementList);
      const rParen = this.option(0, () => this.consume(2, RParen));
      return this.ACTION((): SubExpressionAst | ArrayExpressionAst => {
        if (rParen === undefined) {
          const found = this.LA(1);
          this.report('MissingEndParenthesisInSubexpression', this.tokenSpan(found), [], this.endOf(found));
        }
        const body = { kind: 'StatementBlock' as const, statements: list.statements, traps: list.traps, span: list.span };
        const end = rParen ? this.endOf(rParen) : Math.max(list.span.end, this.endOf(open));
        const span = this.span(this.startOf(open), end);
        return open.tokenType === DollarParen ? { kind: 'SubExpression', body, span } : { kind: 'ArrayExpression', body, span };
      });
    });

    this.hashLiteral = this.RULE('hashLiteral', () => {
      const atCurly = this.consume(0, AtCurly);
      const entries: HashtableAst['entries'] = [];
      let more = true;
      this.nl(200);
      this.many(0, {
        GATE: () => more && (this.isIdentifier(this.LA(1)) || this.canStartUnary(this.LA(1), true)),
        DEF: () => {
          const entry = this.subrule(0, this.hashEntry);
          let separators = 0;
          this.many(1, () => {
            this.consume(1, Separator);
            separators++;
          });
          this.ACTION(() => {
            entries.push({ ...entry, span: this.join(entry.key, entry.value) });
            more = separators > 0;
          });
        },
      });
      const rCurly = this.option(0, () => this.consume(2, RCurly));
      return this.ACTION((): HashtableAst => {
        let end: number;
        if (rCurly === undefined) {
          const found = this.LA(1);
          this.report('MissingEndCurlyBrace', this.after(atCurly), [], this.endOf(found));
          end = entries.length > 0 ? entries[entries.length - 1].span.end : this.endOf(atCurly);
        } else {
          end = this.endOf(rCurly);
        }
        return { kind: 'Hashtable', entries, span: this.span(this.startOf(atCurly), end) };
      });
    });

    this.hashEntry = this.RULE('hashEntry', () => {
      const key = this.or(0, [
        { GATE: () => this.isIdentifier(this.LA(1)), ALT: () => this.bareword(this.consume(0, Identifier)) },
        { ALT: () => this.subrule(0, this.unary, { ARGS: [true] }) },
      ]);
      const equals = this.option(0, () => this.consume(1, Equals));
      if (equals === undefined) {
        return this.ACTION(() => {
          this.reportError('MissingEqualsInHashLiteral', this.after(key));
          this.syncTo([RCurly, Semi, NewLine]);
          return { key, value: { kind: 'Pipeline' as const, elements: [], span: this.after(key) } };
        });
      }
      this.nl(200);
      const value = this.option(1, {
        GATE: () => !this.isStatementEnd(this.LA(1)),
        DEF: () => this.subrule(1, this.statement),
      });
      return this.ACTION(() => {
        if (value === undefined) this.report('MissingStatementInHashLiteral', this.after(equals));
        return { key, value: value ?? { kind: 'Pipeline' as const, elements: [], span: this.after(equals) } };
      });
    });

    this.scriptBlockExpression = this.RULE('scriptBlockExpression', () => {
      const lCurly = this.consume(0, LCurly);
      const block = this.subrule(0, this.scriptBlockBody, { ARGS: [lCurly] });
      return this.ACTION((): ExpressionAst => ({ kind: 'ScriptBlockExpression', block, span: block.span }));
    });
  }
}
