// String tokens as AST nodes, with the tokenizer's string errors (missing terminators, here-string rules).
import type { IToken } from 'chevrotain';
import type { ExpressionAst, StringQuote } from './ast.ts';
import { isDoubleQuote, isSingleQuote } from './chars.ts';
import { scanDoubleQuoted, scanHereString, scanSingleQuoted } from './scan-strings.ts';
import { expandableParts, singleQuotedValue, type ExpansionContext, type StringPart } from './strings.ts';
import { HereStringDQ, HereStringSQ, StringDQ, StringSQ } from './tokens.ts';

interface Content {
  start: number;
  end: number;
  quote: StringQuote;
  /** The terminator error to report after the content's own errors (PowerShell's order), if any. */
  error?: { id: string; at: number; args: string[]; incomplete: boolean };
}

function content(token: IToken, text: string): Content {
  const start = token.startOffset;
  const end = (token.startOffset + token.image.length);
  const type = token.tokenType;
  if (type === HereStringSQ || type === HereStringDQ) {
    const scan = scanHereString(text, start);
    const footer = type === HereStringDQ ? '"@' : "'@";
    const result: Content = { start: scan.contentStart, end: scan.contentEnd, quote: type === HereStringDQ ? 'hereDouble' : 'hereSingle' };
    if (scan.headerErrorAt >= 0) {
      result.error = { id: 'UnexpectedCharactersAfterHereStringHeader', at: scan.headerErrorAt, args: [], incomplete: false };
    } else if (!scan.terminated) {
      result.error = scan.falseFooterAt >= 0
        ? { id: 'WhitespaceBeforeHereStringFooter', at: scan.falseFooterAt, args: [], incomplete: true }
        : { id: 'TerminatorExpectedAtEndOfString', at: start, args: [footer], incomplete: true };
    }
    return result;
  }
  const double = type === StringDQ;
  const last = text.charCodeAt(end - 1);
  const closed = end - start >= 2 && (double ? isDoubleQuote(last) : isSingleQuote(last)) && terminated(token, text, double);
  const result: Content = { start: start + 1, end: closed ? end - 1 : end, quote: double ? 'double' : 'single' };
  if (!closed) result.error = { id: 'TerminatorExpectedAtEndOfString', at: start, args: [double ? '"' : "'"], incomplete: true };
  return result;
}

/** A string token ends with a quote that is not part of a doubled quote, an escape or a nested `$( )`. */
function terminated(token: IToken, text: string, double: boolean): boolean {
  // The lexer stops only at a real terminator or at the end of the text.
  if (token.startOffset + token.image.length < text.length) return true;
  return (double ? scanDoubleQuoted(text, token.startOffset) : scanSingleQuoted(text, token.startOffset)).terminated;
}

/** The literal text and expansions of a string token (used inside barewords). */
export function stringTokenParts(token: IToken, text: string, ctx: ExpansionContext): StringPart[] {
  const c = content(token, text);
  let parts: StringPart[];
  if (c.quote === 'single') parts = [singleQuotedValue(text, c.start, c.end)];
  else if (c.quote === 'hereSingle') parts = [text.slice(c.start, c.end)];
  else parts = expandableParts(text, c.start, c.end, c.quote === 'double', ctx);
  if (c.error) ctx.report(c.error.id, c.error.at, c.error.at, c.error.args, c.error.incomplete);
  return parts;
}

export function stringTokenNode(token: IToken, text: string, ctx: ExpansionContext): ExpressionAst {
  const quote = token.tokenType === StringSQ ? 'single' : token.tokenType === HereStringSQ ? 'hereSingle'
    : token.tokenType === StringDQ ? 'double' : 'hereDouble';
  const parts = stringTokenParts(token, text, ctx);
  const span = ctx.span(token.startOffset, token.startOffset + token.image.length);
  if (parts.every((p) => typeof p === 'string')) {
    return { kind: 'StringConstant', value: (parts as string[]).join(''), quote, span };
  }
  return { kind: 'ExpandableString', parts, quote, span };
}
