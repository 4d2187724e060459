// Argument mode: barewords glued from adjacent tokens (`c:\\x\\y.ps1`, `a-b`, `$a/H`, `2GB`), comma lists of
// arguments, redirections, and the token tests that end an argument or a command.
// DSL option objects are created once (see parser-expressions.ts for why).
import type { IToken, ParserMethod } from 'chevrotain';
import type { ExpressionAst, RedirectionAst } from './ast.ts';
import { redirectionNode } from './command-nodes.ts';
import { LiteralParser } from './parser-literals.ts';
import { wordNode, type WordPiece } from './words.ts';
import {
  AndAnd, Ampersand, ArgAtom, Comma, LessThan, MinusMinus, NumberToken, OrOr, Pipe, Redirection, SplatVariable, SplatWord,
  StringDQ, StringSQ, Variable, VariableWord,
} from './tokens.ts';

/** genericWord's ARGS: as an argument (expandable) rather than a command name. */
const ARGS_ARGUMENT = { ARGS: [false] as [boolean] };

export abstract class ArgumentParser extends LiteralParser {
  declare commandArgument: ParserMethod<[], ExpressionAst>;
  declare wordRest: ParserMethod<[first?: WordPiece, asName?: boolean], ExpressionAst>;
  declare redirection: ParserMethod<[], RedirectionAst>;

  private readonly argumentStack: ExpressionAst[] = [];
  private argumentListOpen = true;
  private readonly pieceStack: WordPiece[] = [];

  // ---------------------------------------------------------------- cached DSL pieces

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

  private readonly redirectionTarget = {
    GATE: (): boolean => !this.LA(0).image.includes('&') && !this.isArgumentEnd(this.LA(1)),
    DEF: (): ExpressionAst => this.subrule(0, this.singleArgument),
  };

  // ---------------------------------------------------------------- rules

  protected defineArgumentRules(): void {
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
}
