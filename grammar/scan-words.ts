// Scanners for the non-string tokens whose shape a regular expression cannot say cheaply. Each returns the
// offset just past the token, or -1 when the text at `start` is not that token.
import {
  forcesNewToken, isDash, isDigit, isDoubleQuote, isHexDigit, isIdentifierFollow, isIdentifierStart, isLetter,
  isNewline, isSingleQuote, isVariableNameChar, isWhitespace,
} from './chars.ts';

/** `$name`, `$scope:name`, `${any name}`, `$?`, `$^`, `$$`. `$(` is not a variable. */
export function scanVariable(text: string, start: number): number {
  const c = text.charCodeAt(start + 1);
  if (c === 0x7b) return scanBracedVariable(text, start + 2);
  if (c === 0x3f || c === 0x5e || c === 0x24) return start + 2;
  if (!isVariableNameChar(c) && c !== 0x3a) return -1;
  return scanVariableName(text, start + 1);
}

/** `@name` (splatting). */
export function scanSplatVariable(text: string, start: number): number {
  const c = text.charCodeAt(start + 1);
  if (!isVariableNameChar(c)) return -1;
  return scanVariableName(text, start + 1);
}

function scanVariableName(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isVariableNameChar(c)) i++;
    else if (c === 0x3a && text.charCodeAt(i + 1) !== 0x3a) i++;
    else break;
  }
  return i;
}

function scanBracedVariable(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x7d) return i + 1;
    i += c === 0x60 ? 2 : 1;
  }
  return n;
}

/**
 * The digits, dot, exponent, type suffix and multiplier of a number literal (PowerShell's ScanNumberHelper),
 * without a sign. Whether the literal is really a number (and not the start of a bareword such as `7z.exe`)
 * is decided by the parser, which sees what is glued to it.
 */
export function scanNumber(text: string, start: number): number {
  let i = start;
  const c0 = text.charCodeAt(i);
  if (c0 === 0x2e) {
    if (!isDigit(text.charCodeAt(i + 1))) return -1;
    i = scanFraction(text, i + 1);
  } else {
    if (!isDigit(c0)) return -1;
    const c1 = text.charCodeAt(i + 1) | 0x20;
    if (c0 === 0x30 && c1 === 0x78) {
      let j = i + 2;
      while (isHexDigit(text.charCodeAt(j))) j++;
      if (j === i + 2) return i + 1;
      i = j;
    } else if (c0 === 0x30 && c1 === 0x62 && (text.charCodeAt(i + 2) === 0x30 || text.charCodeAt(i + 2) === 0x31)) {
      i += 2;
      while (text.charCodeAt(i) === 0x30 || text.charCodeAt(i) === 0x31) i++;
    } else {
      while (isDigit(text.charCodeAt(i))) i++;
      const c = text.charCodeAt(i);
      if (c === 0x2e && text.charCodeAt(i + 1) !== 0x2e) i = scanFraction(text, i + 1);
      else if ((c | 0x20) === 0x65) i = scanExponent(text, i);
    }
  }
  return scanSuffixAndMultiplier(text, i);
}

function scanFraction(text: string, i: number): number {
  while (isDigit(text.charCodeAt(i))) i++;
  return (text.charCodeAt(i) | 0x20) === 0x65 ? scanExponent(text, i) : i;
}

function scanExponent(text: string, i: number): number {
  let j = i + 1;
  const c = text.charCodeAt(j);
  if (c === 0x2b || isDash(c)) j++;
  if (!isDigit(text.charCodeAt(j))) return i;
  while (isDigit(text.charCodeAt(j))) j++;
  return j;
}

const TYPE_SUFFIXES = 'uslydn';
const MULTIPLIERS = 'kmgtp';

function scanSuffixAndMultiplier(text: string, i: number): number {
  const s1 = String.fromCharCode(text.charCodeAt(i) | 0x20);
  if (TYPE_SUFFIXES.includes(s1)) {
    i++;
    const s2 = String.fromCharCode(text.charCodeAt(i) | 0x20);
    if (s1 === 'u' && (s2 === 'l' || s2 === 's' || s2 === 'y')) i++;
  }
  const m = String.fromCharCode(text.charCodeAt(i) | 0x20);
  if (MULTIPLIERS.includes(m) && (text.charCodeAt(i + 1) | 0x20) === 0x62) i += 2;
  return i;
}

/**
 * `-Name` or `-Name:` (a parameter, or an operator such as `-eq` in expression mode). Quotes, `$`, `.`, `[`
 * and the characters that end a bareword stop it; the parser glues whatever follows without white space.
 */
export function scanDashWord(text: string, start: number): number {
  const c = text.charCodeAt(start + 1);
  if (!(isLetter(c) || c === 0x5f || c === 0x3f)) return -1;
  const n = text.length;
  let i = start + 2;
  while (i < n) {
    const d = text.charCodeAt(i);
    if (isIdentifierFollow(d) || d === 0x3f || isDash(d)) i++;
    else break;
  }
  if (text.charCodeAt(i) === 0x3a && text.charCodeAt(i + 1) !== 0x3a) i++;
  return i;
}

/** `>`, `>>`, `2>`, `2>>`, `2>&1`, `3>&1`, `*>`, `*>>`, `*>&1`. */
export function scanRedirection(text: string, start: number): number {
  const c = text.charCodeAt(start);
  let i = start;
  if (c !== 0x3e) {
    const stream = c === 0x2a || (c >= 0x31 && c <= 0x36);
    if (!stream || text.charCodeAt(start + 1) !== 0x3e) return -1;
    i = start + 1;
  }
  i++; // the '>'
  const next = text.charCodeAt(i);
  if (next === 0x3e) return i + 1;
  if (next === 0x26 && c !== 0x3e) {
    const to = text.charCodeAt(i + 1);
    if (to === 0x31 || (to === 0x32 && c !== 0x2a)) return i + 2;
  }
  return i;
}

/** `:name` (a loop label). */
export function scanLabel(text: string, start: number): number {
  if (!isIdentifierStart(text.charCodeAt(start + 1))) return -1;
  let i = start + 2;
  while (isIdentifierFollow(text.charCodeAt(i))) i++;
  return i;
}

export function scanIdentifier(text: string, start: number): number {
  if (!isIdentifierStart(text.charCodeAt(start))) return -1;
  let i = start + 1;
  while (isIdentifierFollow(text.charCodeAt(i))) i++;
  return i;
}

const STRUCTURAL_ASCII = new Set(Array.from(';@\'"$(){}[],|&:+-*/%=!?<>.#`_', (ch) => ch.charCodeAt(0)));

function isOtherChar(c: number): boolean {
  if (Number.isNaN(c) || isNewline(c) || isWhitespace(c)) return false;
  if (c < 0x80) return !STRUCTURAL_ASCII.has(c) && !isIdentifierFollow(c);
  return !(isLetter(c) || isDash(c) || isSingleQuote(c) || isDoubleQuote(c));
}

/** A run of characters with no meaning of their own (`\`, `~`, `^`, symbols): text of a bareword. */
export function scanGenericChars(text: string, start: number): number {
  let i = start;
  while (isOtherChar(text.charCodeAt(i))) i++;
  return i === start ? -1 : i;
}

/** `#` starts a comment only where a new token may start (`a#b` is one bareword). */
export function scanLineComment(text: string, start: number): number {
  if (start > 0) {
    const prev = text.charCodeAt(start - 1);
    if (!forcesNewToken(prev)) return -1;
  }
  let i = start + 1;
  while (i < text.length && !isNewline(text.charCodeAt(i))) i++;
  return i;
}

export function scanBlockComment(text: string, start: number): number {
  const close = text.indexOf('#>', start + 2);
  return close < 0 ? text.length : close + 2;
}

/**
 * A backtick that continues the line: backtick, optional white space (and, after white space, a comment),
 * then a newline. A backtick followed by white space at the start of a token is ignorable white space too.
 */
export function scanLineContinuation(text: string, start: number): number {
  const n = text.length;
  let i = start + 1;
  while (i < n && isWhitespace(text.charCodeAt(i))) i++;
  const sawSpace = i > start + 1;
  if (sawSpace && text.charCodeAt(i) === 0x23) {
    while (i < n && !isNewline(text.charCodeAt(i))) i++;
  }
  const c = text.charCodeAt(i);
  if (c === 0x0d) return text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
  if (c === 0x0a) return i + 1;
  // Only at the start of a token: inside a bareword `` ` `` escapes the space (`Acme` Inc`).
  if (sawSpace && i < n && (start === 0 || isWhitespace(text.charCodeAt(start - 1)) || isNewline(text.charCodeAt(start - 1)))) return i;
  return -1;
}

/** A backtick escape: `` `x ``, `` `u{263A} ``, or a lone backtick (with trailing blanks) at the end of input. */
export function scanEscape(text: string, start: number): number {
  const n = text.length;
  let i = start + 1;
  if (i >= n) return n;
  const c = text.charCodeAt(i);
  if (isWhitespace(c)) {
    let j = i;
    while (j < n && isWhitespace(text.charCodeAt(j))) j++;
    if (j >= n) return n;
  }
  if (c === 0x75 && text.charCodeAt(i + 1) === 0x7b) {
    let j = i + 2;
    while (j < n && isHexDigit(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === 0x7d) return j + 1;
  }
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) return i + 2;
  return i + 1;
}

export function scanWhitespace(text: string, start: number): number {
  let i = start;
  while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
  return i > start ? i : -1;
}

/** `\r\n`, `\r` or `\n`. */
export function scanNewLine(text: string, start: number): number {
  const c = text.charCodeAt(start);
  if (c === 0x0d) return text.charCodeAt(start + 1) === 0x0a ? start + 2 : start + 1;
  return c === 0x0a ? start + 1 : -1;
}
