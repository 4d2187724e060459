// String token contents: escapes, `''` and `""` doubling, and the `$var` / `${var}` / `$( )` expansions of
// double-quoted strings, here-strings and barewords.
import type { ExpressionAst, Span, SubExpressionAst, VariableAst } from './ast.ts';
import { isDoubleQuote, isHexDigit, isSingleQuote, isVariableNameChar } from './chars.ts';
import { skipSubExpression } from './scan-strings.ts';
import { scanVariable } from './scan-words.ts';

export interface ExpansionContext {
  span(start: number, end: number): Span;
  report(id: string, start: number, end: number, args?: string[], incomplete?: boolean): void;
  /** A `$( )` whose statements (text from `start` to `end`) are parsed later; the body is filled in then. */
  subExpression(start: number, end: number, outerStart: number, outerEnd: number): SubExpressionAst;
}

export type StringPart = string | ExpressionAst;

/** The value of a `'...'` token (or its content region): `''` stands for one quote. */
export function singleQuotedValue(text: string, start: number, end: number): string {
  let out = '';
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    out += text[i];
    i += isSingleQuote(c) && isSingleQuote(text.charCodeAt(i + 1)) && i + 1 < end ? 2 : 1;
  }
  return out;
}

/**
 * Splits `text[start, end)` into literal text (escapes applied) and expansions. `doubledQuotes` is true in
 * `"..."` strings, where `""` is one quote; here-strings and barewords leave quotes alone.
 */
export function expandableParts(
  text: string, start: number, end: number, doubledQuotes: boolean, ctx: ExpansionContext,
): StringPart[] {
  const parts: StringPart[] = [];
  let literal = '';
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 0x60) {
      if (i + 1 >= end) {
        literal += '`';
        i++;
        continue;
      }
      const escaped = backtickEscape(text, i, end, ctx);
      literal += escaped.value;
      i = escaped.next;
    } else if (doubledQuotes && isDoubleQuote(c) && i + 1 < end && isDoubleQuote(text.charCodeAt(i + 1))) {
      literal += text[i];
      i += 2;
    } else if (c === 0x24 && i + 1 < end) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x28) {
        const scan = skipSubExpression(text, i + 2);
        const close = Math.min(scan.end, end);
        const closed = scan.terminated && scan.end <= end;
        const innerEnd = closed ? close - 1 : close;
        if (!closed) ctx.report('MissingEndParenthesisInSubexpression', close, close, [], close >= text.length);
        pushLiteral(parts, literal);
        literal = '';
        parts.push(ctx.subExpression(i + 2, innerEnd, i, close));
        i = close;
        continue;
      }
      const varEnd = next === 0x7b || isVariableNameChar(next) || next === 0x3a || next === 0x5e || next === 0x24
        ? Math.min(scanVariable(text, i), end)
        : -1;
      if (varEnd < 0) {
        literal += '$';
        i++;
        continue;
      }
      pushLiteral(parts, literal);
      literal = '';
      parts.push(variableAst(text, i, varEnd, ctx));
      i = varEnd;
    } else {
      literal += text[i];
      i++;
    }
  }
  pushLiteral(parts, literal);
  return parts;
}

function pushLiteral(parts: StringPart[], literal: string): void {
  if (literal === '') return;
  const last = parts.length - 1;
  if (last >= 0 && typeof parts[last] === 'string') parts[last] += literal;
  else parts.push(literal);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/** The character(s) a backtick at `i` stands for, and where scanning resumes. */
export function backtickEscape(
  text: string, i: number, end: number, ctx?: ExpansionContext,
): { value: string; next: number } {
  const ch = text[i + 1];
  if (ch === 'u') return unicodeEscape(text, i, end, ctx);
  const simple = SIMPLE_ESCAPES[ch];
  if (simple !== undefined) return { value: simple, next: i + 2 };
  const code = text.charCodeAt(i + 1);
  if (code >= 0xd800 && code <= 0xdbff && i + 2 < end) return { value: text.slice(i + 1, i + 3), next: i + 3 };
  return { value: ch, next: i + 2 };
}

function unicodeEscape(text: string, i: number, end: number, ctx?: ExpansionContext): { value: string; next: number } {
  if (text.charCodeAt(i + 2) !== 0x7b) {
    ctx?.report('InvalidUnicodeEscapeSequence', i, i + 2);
    return { value: 'u', next: i + 2 };
  }
  let j = i + 3;
  while (j < end && isHexDigit(text.charCodeAt(j))) {
    if (j - (i + 3) === 6) {
      ctx?.report('TooManyDigitsInUnicodeEscapeSequence', j, j + 1);
      return { value: '', next: j };
    }
    j++;
  }
  const digits = text.slice(i + 3, j);
  if (digits.length === 6 && j >= end) {
    ctx?.report('MissingUnicodeEscapeSequenceTerminator', j, j);
    return { value: '', next: j };
  }
  if (text.charCodeAt(j) !== 0x7d || digits === '') {
    const at = digits === '' && text.charCodeAt(j) === 0x7d ? i : j;
    ctx?.report('InvalidUnicodeEscapeSequence', at, Math.min(at + 1, end));
    return { value: '', next: j };
  }
  const value = parseInt(digits, 16);
  if (value > 0x10ffff) {
    ctx?.report('InvalidUnicodeEscapeSequenceValue', i + 3, j);
    return { value: '', next: j + 1 };
  }
  return { value: String.fromCodePoint(value), next: j + 1 };
}

/** Backtick escapes of a bareword piece (`` `n `` is a newline, `` `x `` is `x`). */
export function unescapeBareword(text: string, start: number, end: number, ctx?: ExpansionContext): string {
  let out = '';
  let i = start;
  while (i < end) {
    if (text.charCodeAt(i) === 0x60 && i + 1 < end) {
      const escaped = backtickEscape(text, i, end, ctx);
      out += escaped.value;
      i = escaped.next;
    } else {
      out += text[i];
      i++;
    }
  }
  return out;
}

/** A `$name` / `@name` / `${name}` token as a VariableAst: scope (or drive) split off and lower-cased. */
export function variableAst(text: string, start: number, end: number, ctx: ExpansionContext): VariableAst {
  const splat = text.charCodeAt(start) === 0x40;
  let path: string;
  if (text.charCodeAt(start + 1) === 0x7b) {
    const closed = text.charCodeAt(end - 1) === 0x7d && end - 1 > start + 1;
    path = unescapeBareword(text, start + 2, closed ? end - 1 : end);
    if (!closed) ctx.report('IncompleteDollarVariableReference', start + 1, start + 1, [], true);
    else if (path === '') ctx.report('EmptyVariableReference', end - 1, end);
  } else {
    path = text.slice(start + 1, end);
  }
  const colon = path.indexOf(':');
  let name = path;
  let scope: string | undefined;
  if (colon >= 0 && !(colon === 0 && path.length > 1)) {
    scope = path.slice(0, colon).toLowerCase();
    name = path.slice(colon + 1);
    if (name === '') ctx.report('InvalidVariableReferenceWithDrive', start, end);
  } else if (colon === 0) {
    name = path.slice(1);
  }
  const variable: VariableAst = { kind: 'Variable', name, splat, span: ctx.span(start, end) };
  if (scope !== undefined) variable.scope = scope;
  return variable;
}
