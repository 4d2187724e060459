// Barewords (PowerShell's generic tokens): adjacent pieces become a number, a constant string, or an
// expandable string with `$var` and `$( )` parts.
import type { IToken } from 'chevrotain';
import type { ExpressionAst } from './ast.ts';
import { parseNumberLiteral } from './numbers.ts';
import { stringTokenParts } from './string-nodes.ts';
import { backtickEscape, variableAst, type ExpansionContext, type StringPart } from './strings.ts';
import { Escape, Minus, NumberToken, StringDQ, StringSQ, Variable, VariableWord } from './tokens.ts';

export interface WordPiece {
  token?: IToken;
  /** A `$( )` glued into the word. */
  sub?: ExpressionAst;
}

function pieceStart(piece: WordPiece): number {
  return piece.token ? piece.token.startOffset : piece.sub!.span.start;
}

function pieceEnd(piece: WordPiece): number {
  return piece.token ? (piece.token.startOffset + piece.token.image.length) : piece.sub!.span.end;
}

/**
 * The value of a bareword. As a command name (`asName`) it is never expandable: `foo$x` names the command
 * `foo$x`, as in PowerShell.
 */
export function wordNode(pieces: WordPiece[], asName: boolean, text: string, ctx: ExpansionContext): ExpressionAst {
  const start = pieceStart(pieces[0]);
  const end = pieceEnd(pieces[pieces.length - 1]);
  const span = ctx.span(start, end);
  if (!asName) {
    const number = numberWord(pieces);
    if (number) return { kind: 'Constant', value: number.value, type: number.type, text: text.slice(start, end), span };
  }
  if (pieces.every(isPlain)) return { kind: 'StringConstant', value: text.slice(start, end), quote: 'bare', span };
  const state: WordState = { parts: [], literal: '', asName, text };
  for (const piece of pieces) {
    if (piece.sub) {
      addPart(state, piece.sub);
      continue;
    }
    const token = piece.token!;
    const type = token.tokenType;
    if (type === Escape) state.literal += backtickEscape(text, token.startOffset, token.startOffset + token.image.length, ctx).value;
    else if (type === Variable || type === VariableWord) addPart(state, variableAst(text, token.startOffset, token.startOffset + token.image.length, ctx));
    else if (type === StringSQ || type === StringDQ) for (const part of stringTokenParts(token, text, ctx)) addPart(state, part);
    else state.literal += token.image;
  }
  flush(state);
  const parts = state.parts;
  if (parts.every((p) => typeof p === 'string')) return { kind: 'StringConstant', value: parts.join(''), quote: 'bare', span };
  return { kind: 'ExpandableString', parts, quote: 'bare', span };
}

/** A piece that stands for its own text (the pieces of a word are adjacent, so their texts make the word's). */
function isPlain(piece: WordPiece): boolean {
  const type = piece.token?.tokenType;
  return type !== undefined && type !== Escape && type !== Variable && type !== VariableWord && type !== StringSQ && type !== StringDQ;
}

interface WordState {
  parts: StringPart[];
  literal: string;
  asName: boolean;
  text: string;
}

function flush(state: WordState): void {
  if (state.literal !== '') state.parts.push(state.literal);
  state.literal = '';
}

function addPart(state: WordState, part: StringPart): void {
  if (typeof part === 'string') state.literal += part;
  else if (state.asName) state.literal += state.text.slice(part.span.start, part.span.end);
  else {
    flush(state);
    state.parts.push(part);
  }
}

/** `5`, `2GB`, `0x1F`, `.5` and `-5` are numbers in argument mode; `2+2` and `1..10` are not. */
function numberWord(pieces: WordPiece[]): ReturnType<typeof parseNumberLiteral> {
  const [a, b] = pieces;
  if (pieces.length === 1 && a.token?.tokenType === NumberToken) return parseNumberLiteral(a.token.image);
  if (pieces.length === 2 && a.token?.tokenType === Minus && b.token?.tokenType === NumberToken) {
    return parseNumberLiteral(b.token.image, true);
  }
  return undefined;
}
