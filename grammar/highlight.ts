// Syntax colouring for the REPL: token kinds, refined by the AST (command names, members, types) and by
// parse errors. Best effort: never throws.
import { tokenMatcher, type IToken } from 'chevrotain';
import type { AnyAst, Span } from './ast.ts';
import { tokenize } from './lexer.ts';
import { parseScript } from './parse.ts';
import {
  AndAnd, Ampersand, AssignmentOperator, BinaryOperator, BlockKeyword, Comma, DashWord, DotDot, Exclaim, FlowKeyword,
  GluedDashWord, Keywords, LoopLabel, NumberToken, OrOr, Pipe, PlusPlus, MinusMinus, Redirection,
  SplatVariable, StringToken, UnaryOperator, Variable,
} from './tokens.ts';

export type HighlightKind =
  | 'command' | 'parameter' | 'string' | 'variable' | 'number' | 'operator' | 'keyword' | 'comment' | 'type'
  | 'member' | 'text' | 'error';

export interface HighlightRange {
  start: number;
  end: number;
  kind: HighlightKind;
}

const KEYWORD_TYPES = new Set(Object.values(Keywords));

function tokenKind(token: IToken): HighlightKind {
  const t = token.tokenType;
  if (KEYWORD_TYPES.has(t) || tokenMatcher(token, FlowKeyword) || tokenMatcher(token, BlockKeyword) || t === LoopLabel) return 'keyword';
  if (tokenMatcher(token, StringToken)) return 'string';
  if (tokenMatcher(token, Variable) || tokenMatcher(token, SplatVariable)) return 'variable';
  if (t === NumberToken) return 'number';
  if (t === GluedDashWord) return 'text';
  if (tokenMatcher(token, DashWord)) return tokenMatcher(token, BinaryOperator) || tokenMatcher(token, UnaryOperator) ? 'operator' : 'parameter';
  if (tokenMatcher(token, BinaryOperator) || tokenMatcher(token, AssignmentOperator) || t === Pipe || t === AndAnd || t === OrOr
    || t === Redirection || t === Ampersand || t === Comma || t === Exclaim || t === PlusPlus || t === MinusMinus || t === DotDot) {
    return 'operator';
  }
  return 'text';
}

export function classify(text: string): HighlightRange[] {
  try {
    return classifyUnsafe(text);
  } catch {
    return [];
  }
}

function classifyUnsafe(text: string): HighlightRange[] {
  const kinds: (HighlightKind | undefined)[] = new Array(text.length);
  const paint = (start: number, end: number, kind: HighlightKind): void => {
    for (let i = Math.max(0, start); i < Math.min(end, text.length); i++) kinds[i] = kind;
  };
  const { tokens, comments } = tokenize(text);
  for (const token of tokens) {
    if (token.image.trim() !== '') paint(token.startOffset, token.startOffset + token.image.length, tokenKind(token));
  }
  for (const c of comments) paint(c.startOffset, c.startOffset + c.image.length, 'comment');

  const { ast, diagnostics } = parseScript(text);
  walk(ast, (node) => overlay(node, paint));
  for (const d of diagnostics) {
    if (!d.incomplete && d.span.end > d.span.start) paint(d.span.start, d.span.end, 'error');
  }
  return ranges(kinds, text);
}

function overlay(node: AnyAst, paint: (start: number, end: number, kind: HighlightKind) => void): void {
  switch (node.kind) {
    case 'Command':
      if (node.name.kind === 'StringConstant' && node.name.quote === 'bare') paintSpan(node.name.span, 'command', paint);
      for (const e of node.elements) {
        if (e.kind === 'StringConstant' && e.quote === 'bare') paintSpan(e.span, 'text', paint);
      }
      break;
    case 'Member':
    case 'InvokeMember':
      if (node.member.kind === 'StringConstant' && node.member.quote === 'bare') paintSpan(node.member.span, 'member', paint);
      break;
    case 'TypeName':
      paintSpan(node.span, 'type', paint);
      break;
    case 'ExpandableString':
      for (const part of node.parts) {
        if (typeof part !== 'string' && part.kind === 'Variable') paintSpan(part.span, 'variable', paint);
      }
      break;
    case 'Attribute':
      paint(node.span.start + 1, node.span.start + 1 + node.name.length, 'type');
      break;
    default:
      break;
  }
}

function paintSpan(span: Span, kind: HighlightKind, paint: (start: number, end: number, kind: HighlightKind) => void): void {
  paint(span.start, span.end, kind);
}

/** Visits every AST node (any object with a `kind` and a `span`). */
function walk(node: unknown, visit: (node: AnyAst) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (typeof record.kind === 'string' && record.span !== undefined) visit(node as AnyAst);
  for (const key of Object.keys(record)) {
    if (key !== 'span' && key !== 'operatorSpan') walk(record[key], visit);
  }
}

/** Runs of one kind become ranges; white space between tokens stays uncoloured. */
function ranges(kinds: (HighlightKind | undefined)[], text: string): HighlightRange[] {
  const out: HighlightRange[] = [];
  let i = 0;
  while (i < kinds.length) {
    const kind = kinds[i];
    if (kind === undefined || /\s/.test(text[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < kinds.length && kinds[j] === kind && !/[\r\n]/.test(text[j])) j++;
    out.push({ start: i, end: j, kind });
    i = j;
  }
  return out;
}
