// Escapes and character classes of .NET patterns, translated for a JS `u`-mode RegExp.

/** The translator's read position; `fail` throws the .NET parse error for the pattern. */
export interface Cursor {
  readonly pattern: string;
  i: number;
  fail(detail: string): never;
}

export const WORD = '[\\p{L}\\p{Mn}\\p{Nd}\\p{Pc}]';
export const WORD_IN_CLASS = '\\p{L}\\p{Mn}\\p{Nd}\\p{Pc}';
const UNICODE_CATEGORIES = new Set(
  'L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp C Cc Cf Cs Co Cn'.split(' '),
);
const SYNTAX_CHARS = '^$\\.*+?()[]{}|/';

export function literalChar(c: string): string {
  if (SYNTAX_CHARS.includes(c)) return `\\${c}`;
  if (/[\p{L}\p{N}\s_]/u.test(c) || c.charCodeAt(0) > 0x7e) return c;
  return `\\u{${c.codePointAt(0)!.toString(16)}}`;
}


export function unicodeCategory(cur: Cursor, c: string): string {
  const m = /^\{([A-Za-z]+)\}/.exec(cur.pattern.slice(cur.i));
  if (!m) cur.fail('Incomplete \\p{X} character escape.');
  cur.i += m[0].length;
  if (!UNICODE_CATEGORIES.has(m[1])) cur.fail(`Unknown property '${m[1]}'.`);
  return `\\${c}{${m[1]}}`;
}

/** Escapes that denote one character (valid inside and outside classes). */
export function characterEscape(cur: Cursor, c: string, inClass: boolean): string {
  const p = cur.pattern;
  switch (c) {
    case 't':
      return '\\t';
    case 'n':
      return '\\n';
    case 'r':
      return '\\r';
    case 'f':
      return '\\f';
    case 'v':
      return '\\v';
    case 'a':
      return '\\x07';
    case 'e':
      return '\\x1B';
    case 'b':
      return '\\x08'; // only reached inside a class
    case '0': {
      let digits = '';
      while (digits.length < 2 && /[0-7]/.test(p[cur.i] ?? '')) digits += p[cur.i++];
      return `\\u{${parseInt(digits || '0', 8).toString(16)}}`;
    }
    case 'x': {
      const m = /^[0-9a-fA-F]{2}/.exec(p.slice(cur.i));
      if (!m) cur.fail('Insufficient hex digits.');
      cur.i += 2;
      return `\\x${m[0]}`;
    }
    case 'u': {
      const m = /^[0-9a-fA-F]{4}/.exec(p.slice(cur.i));
      if (!m) cur.fail('Insufficient hex digits.');
      cur.i += 4;
      return `\\u${m[0]}`;
    }
    case 'c': {
      const l = p[cur.i++];
      if (!l || !/[a-zA-Z]/.test(l)) cur.fail('Missing control character.');
      return `\\c${l.toUpperCase()}`;
    }
  }
  if (/[\p{L}\p{N}_]/u.test(c)) cur.fail(`Unrecognized escape sequence \\${c}.`);
  return inClass ? classLiteral(c) : literalChar(c);
}

function classLiteral(c: string): string {
  return '\\]['.includes(c) || c === '^' || c === '-' ? `\\${c}` : literalChar(c);
}

/** After `[`; returns the JS class. */
export function characterClass(cur: Cursor): string {
  const p = cur.pattern;
  let out = '[';
  if (p[cur.i] === '^') {
    out += '^';
    cur.i++;
  }
  let first = true;
  let lastWasSetEscape = false;
  for (;;) {
    if (cur.i >= p.length) cur.fail('Unterminated [] set.');
    const c = p[cur.i++];
    if (c === ']' && !first) break;
    first = false;
    if (c === '-' && p[cur.i] === '[') cur.fail('Character class subtraction is not supported.');
    if (c === '\\') {
      const e = p[cur.i++];
      if (e === undefined) cur.fail('Unterminated [] set.');
      lastWasSetEscape = true;
      if (e === 'd') out += '\\p{Nd}';
      else if (e === 'D') out += '\\P{Nd}';
      else if (e === 'w') out += WORD_IN_CLASS;
      else if (e === 'W' || e === 's' || e === 'S') out += `\\${e}`;
      else if (e === 'p' || e === 'P') out += unicodeCategory(cur, e);
      else {
        out += characterEscape(cur, e, true);
        lastWasSetEscape = false;
      }
      continue;
    }
    if (c === '-') {
      // A dash after a class escape or before `]` is a literal in .NET.
      out += lastWasSetEscape || p[cur.i] === ']' || out.endsWith('[') || out.endsWith('[^') ? '\\-' : '-';
      lastWasSetEscape = false;
      continue;
    }
    lastWasSetEscape = false;
    out += classLiteral(c);
  }
  return `${out}]`;
}
