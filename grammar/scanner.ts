// A lean driver for the token definitions of tokens.ts. It applies them exactly as Chevrotain's lexer does
// (the first pattern, in definition order, among those that may start with the current character) but calls
// the scanners directly instead of through RegExp-like match arrays, which makes lexing several times faster.
// test/grammar/lexer.test.ts checks that both produce the same tokens.
import { Lexer, type IToken, type TokenType } from 'chevrotain';
import { scanIdentifier, scanWhitespace } from './scan-words.ts';
import { allTokens, Identifier, WhiteSpace, type ScanningPattern } from './tokens.ts';

type Scan = (text: string, offset: number) => number;

interface Matcher {
  type: TokenType;
  tokenTypeIdx: number;
  scan: Scan;
  /** 0: a token, 1: skipped, 2: a comment. */
  group: number;
}

export interface ScanResult {
  tokens: IToken[];
  comments: IToken[];
  /** Runs of characters no pattern accepts. */
  errors: { offset: number; length: number }[];
}

function matcherOf(type: TokenType): Matcher | undefined {
  const pattern = type.PATTERN;
  if (pattern === undefined || pattern === Lexer.NA) return undefined;
  let scan: Scan;
  if (typeof pattern === 'string') {
    scan = (text, offset) => (text.startsWith(pattern, offset) ? offset + pattern.length : -1);
  } else if (typeof pattern === 'function' && 'scanEnd' in pattern) {
    scan = (pattern as ScanningPattern).scanEnd;
  } else {
    throw new Error(`token ${type.name}: the scanner supports only string and custom scanning patterns`);
  }
  const group = type.GROUP === Lexer.SKIPPED ? 1 : type.GROUP === 'comments' ? 2 : 0;
  return { type, tokenTypeIdx: type.tokenTypeIdx!, scan, group };
}

function firstChars(type: TokenType): number[] {
  if (typeof type.PATTERN === 'string') return [type.PATTERN.charCodeAt(0)];
  return (type.START_CHARS_HINT ?? []).map((ch) => (typeof ch === 'string' ? ch.charCodeAt(0) : ch));
}

const matchers = allTokens.map(matcherOf).filter((m): m is Matcher => m !== undefined);
/** Candidates for each ASCII character, in definition order; other characters try every pattern. */
const asciiCandidates: Matcher[][] = Array.from({ length: 128 }, () => []);
for (const m of matchers) {
  for (const c of new Set(firstChars(m.type))) if (c < 128) asciiCandidates[c].push(m);
}

function match(text: string, offset: number): Matcher | undefined {
  const c = text.charCodeAt(offset);
  // The most frequent single-candidate characters are dispatched without a megamorphic call.
  if (c === 0x20 && whitespace !== undefined) {
    scannedEnd = scanWhitespace(text, offset);
    return whitespace;
  }
  if (((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) && identifier !== undefined) {
    scannedEnd = scanIdentifier(text, offset);
    return identifier;
  }
  const candidates = c < 128 ? asciiCandidates[c] : matchers;
  for (let k = 0; k < candidates.length; k++) {
    const m = candidates[k];
    scannedEnd = m.scan(text, offset);
    if (scannedEnd > offset) return m;
  }
  return undefined;
}

/** The only candidate for a character, when that candidate is the given token type. */
function soleCandidate(ch: string, type: TokenType): Matcher | undefined {
  const candidates = asciiCandidates[ch.charCodeAt(0)];
  return candidates.length === 1 && candidates[0].type === type ? candidates[0] : undefined;
}

const whitespace = soleCandidate(' ', WhiteSpace);
const identifier = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].every((ch) => soleCandidate(ch, Identifier))
  ? soleCandidate('a', Identifier)
  : undefined;

/** The end of the token `match` found (a module variable, so matching allocates nothing). */
let scannedEnd = -1;

export function scanTokens(text: string): ScanResult {
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const errors: ScanResult['errors'] = [];
  const n = text.length;
  let offset = 0;
  while (offset < n) {
    const m = match(text, offset);
    if (m === undefined) {
      // Like Chevrotain's recovery: drop characters until some pattern matches again.
      const start = offset;
      do offset++;
      while (offset < n && match(text, offset) === undefined);
      errors.push({ offset: start, length: offset - start });
      continue;
    }
    const end = scannedEnd;
    if (m.group !== 1) {
      const token: IToken = { image: text.substring(offset, end), startOffset: offset, tokenTypeIdx: m.tokenTypeIdx, tokenType: m.type };
      if (m.group === 0) tokens.push(token);
      else comments.push(token);
    }
    offset = end;
  }
  return { tokens, comments, errors };
}
