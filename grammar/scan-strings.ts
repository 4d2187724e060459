// Finding where quoted strings, here-strings and `$( )` regions end. The lexer keeps a whole string as one
// token; strings.ts later splits its content into literal text and expansions.
import { isDoubleQuote, isNewline, isSingleQuote, isWhitespace } from './chars.ts';

export interface StringScan {
  /** Offset just past the token. */
  end: number;
  terminated: boolean;
}

/** `'...'` starting at `start` (a single quote); `''` is an escaped quote. */
export function scanSingleQuoted(text: string, start: number): StringScan {
  const n = text.length;
  let i = start + 1;
  while (i < n) {
    if (isSingleQuote(text.charCodeAt(i))) {
      if (i + 1 < n && isSingleQuote(text.charCodeAt(i + 1))) {
        i += 2;
        continue;
      }
      return { end: i + 1, terminated: true };
    }
    i++;
  }
  return { end: n, terminated: false };
}

/** `"..."` starting at `start`; knows about backtick escapes, `""` and nested `$( )`. */
export function scanDoubleQuoted(text: string, start: number): StringScan {
  const n = text.length;
  let i = start + 1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x60) {
      i += 2;
      continue;
    }
    if (isDoubleQuote(c)) {
      if (i + 1 < n && isDoubleQuote(text.charCodeAt(i + 1))) {
        i += 2;
        continue;
      }
      return { end: i + 1, terminated: true };
    }
    if (c === 0x24 && text.charCodeAt(i + 1) === 0x28) {
      i = skipSubExpression(text, i + 2).end;
      continue;
    }
    i++;
  }
  return { end: n, terminated: false };
}

/**
 * From just after `$(` to just past the matching `)`. Nested strings, comments and parentheses are skipped,
 * so a `)` or a quote inside them does not end the region.
 */
export function skipSubExpression(text: string, start: number): StringScan {
  const n = text.length;
  let depth = 1;
  let i = start;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x28) depth++;
    else if (c === 0x29) {
      if (--depth === 0) return { end: i + 1, terminated: true };
    } else if (c === 0x60) {
      i += 2;
      continue;
    } else if (isSingleQuote(c)) {
      i = scanSingleQuoted(text, i).end;
      continue;
    } else if (isDoubleQuote(c)) {
      i = scanDoubleQuoted(text, i).end;
      continue;
    } else if (c === 0x40 && (isSingleQuote(text.charCodeAt(i + 1)) || isDoubleQuote(text.charCodeAt(i + 1)))) {
      i = scanHereString(text, i).end;
      continue;
    } else if (c === 0x3c && text.charCodeAt(i + 1) === 0x23) {
      const close = text.indexOf('#>', i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    } else if (c === 0x23) {
      while (i < n && !isNewline(text.charCodeAt(i))) i++;
      continue;
    }
    i++;
  }
  return { end: n, terminated: false };
}

export interface HereStringScan extends StringScan {
  /** Offset of the first content character (after the header's newline). */
  contentStart: number;
  /** Offset just past the content (before the newline that precedes the footer). */
  contentEnd: number;
  /** Where non-blank text follows the `@"` header on its line (an error), or -1. */
  headerErrorAt: number;
  /** Where a footer preceded by white space was seen (`  "@`), or -1; reported when no real footer exists. */
  falseFooterAt: number;
}

/** `@"` / `@'` here-strings: the header ends its line, the footer starts a line. */
export function scanHereString(text: string, start: number): HereStringScan {
  const n = text.length;
  const quote = text.charCodeAt(start + 1);
  const isQuote = isDoubleQuote(quote) ? isDoubleQuote : isSingleQuote;
  let i = start + 2;
  while (i < n && isWhitespace(text.charCodeAt(i))) i++;
  if (i >= n) {
    return { end: n, terminated: false, contentStart: n, contentEnd: n, headerErrorAt: -1, falseFooterAt: -1 };
  }
  if (!isNewline(text.charCodeAt(i))) {
    // Text after the header: PowerShell reports it, then looks for a footer on the same line only.
    const headerErrorAt = i;
    while (i < n && !isNewline(text.charCodeAt(i))) {
      if (isQuote(text.charCodeAt(i)) && text.charCodeAt(i + 1) === 0x40) {
        return { end: i + 2, terminated: true, contentStart: i, contentEnd: i, headerErrorAt, falseFooterAt: -1 };
      }
      i++;
    }
    return { end: i, terminated: true, contentStart: i, contentEnd: i, headerErrorAt, falseFooterAt: -1 };
  }
  i += text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
  const contentStart = i;
  let falseFooterAt = -1;
  let lineStart = i;
  for (;;) {
    // At the start of a line: is this the footer?
    if (isQuote(text.charCodeAt(lineStart)) && text.charCodeAt(lineStart + 1) === 0x40) {
      const contentEnd = lineStart === contentStart ? contentStart : newlineStartBefore(text, lineStart);
      return { end: lineStart + 2, terminated: true, contentStart, contentEnd, headerErrorAt: -1, falseFooterAt };
    }
    let j = lineStart;
    while (j < n && isWhitespace(text.charCodeAt(j))) j++;
    if (falseFooterAt < 0 && j > lineStart && isQuote(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 0x40) {
      falseFooterAt = j;
    }
    while (j < n && !isNewline(text.charCodeAt(j))) j++;
    if (j >= n) return { end: n, terminated: false, contentStart, contentEnd: n, headerErrorAt: -1, falseFooterAt };
    lineStart = j + (text.charCodeAt(j) === 0x0d && text.charCodeAt(j + 1) === 0x0a ? 2 : 1);
  }
}

function newlineStartBefore(text: string, lineStart: number): number {
  let k = lineStart - 1;
  if (text.charCodeAt(k) === 0x0a && text.charCodeAt(k - 1) === 0x0d) k--;
  return k;
}
