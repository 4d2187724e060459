// String tokens as AST nodes, with the tokenizer's string errors (missing terminators, here-string rules).
import type { IToken } from 'chevrotain';
import type { ExpressionAst, StringQuote } from './ast.ts';
import { isDoubleQuote, isSingleQuote } from './chars.ts';
import { scanHereString } from './scan-strings.ts';
import { expandableParts, singleQuotedValue, type ExpansionContext, type StringPart } from './strings.ts';
import { HereStringDQ, HereStringSQ, StringDQ } from './tokens.ts';

interface Content {
  start: number;
  end: number;
  quote: StringQuote;
}

function content(token: IToken, text: string, ctx: ExpansionContext): Content {
  const start = token.startOffset;
  const end = (token.startOffset + token.image.length);
  const type = token.tokenType;
  if (type === HereStringSQ || type === HereStringDQ) {
    const scan = scanHereString(text, start);
    const footer = type === HereStringDQ ? '"@' : "'@";
    if (scan.headerErrorAt >= 0) ctx.report('UnexpectedCharactersAfterHereStringHeader', scan.headerErrorAt, scan.headerErrorAt, [], false);
    else if (!scan.terminated) {
      if (scan.falseFooterAt >= 0) ctx.report('WhitespaceBeforeHereStringFooter', scan.falseFooterAt, scan.falseFooterAt, [], true);
      else ctx.report('TerminatorExpectedAtEndOfString', start, start, [footer], true);
    }
    return { start: scan.contentStart, end: scan.contentEnd, quote: type === HereStringDQ ? 'hereDouble' : 'hereSingle' };
  }
  const double = type === StringDQ;
  const last = text.charCodeAt(end - 1);
  const closed = end - start >= 2 && (double ? isDoubleQuote(last) : isSingleQuote(last)) && terminated(token, text, double);
  if (!closed) ctx.report('TerminatorExpectedAtEndOfString', start, start, [double ? '"' : "'"], true);
  return { start: start + 1, end: closed ? end - 1 : end, quote: double ? 'double' : 'single' };
}

/** A string token ends with a quote that is not part of a doubled quote or an escape. */
function terminated(token: IToken, text: string, double: boolean): boolean {
  const end = (token.startOffset + token.image.length);
  // The lexer stops only at a real terminator or at the end of the text.
  if (end < text.length) return true;
  let i = token.startOffset + 1;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (double && c === 0x60) { i += 2; continue; }
    const isQuote = double ? isDoubleQuote(c) : isSingleQuote(c);
    if (isQuote) {
      if (i + 1 < end && (double ? isDoubleQuote(text.charCodeAt(i + 1)) : isSingleQuote(text.charCodeAt(i + 1)))) { i += 2; continue; }
      return i === end - 1;
    }
    i++;
  }
  return false;
}

/** The literal text and expansions of a string token (used inside barewords). */
export function stringTokenParts(token: IToken, text: string, ctx: ExpansionContext): StringPart[] {
  const c = content(token, text, ctx);
  if (c.quote === 'single') return [singleQuotedValue(text, c.start, c.end)];
  if (c.quote === 'hereSingle') return [text.slice(c.start, c.end)];
  return expandableParts(text, c.start, c.end, c.quote === 'double', ctx);
}

export function stringTokenNode(token: IToken, text: string, ctx: ExpansionContext): ExpressionAst {
  const c = content(token, text, ctx);
  const span = ctx.span(token.startOffset, (token.startOffset + token.image.length));
  if (c.quote === 'single') return { kind: 'StringConstant', value: singleQuotedValue(text, c.start, c.end), quote: c.quote, span };
  if (c.quote === 'hereSingle') return { kind: 'StringConstant', value: text.slice(c.start, c.end), quote: c.quote, span };
  const parts = expandableParts(text, c.start, c.end, c.quote === 'double', ctx);
  if (parts.every((p) => typeof p === 'string')) {
    return { kind: 'StringConstant', value: (parts as string[]).join(''), quote: c.quote, span };
  }
  return { kind: 'ExpandableString', parts, quote: c.quote, span };
}
