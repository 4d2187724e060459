// Translates .NET regular expressions to JavaScript ones (always with the `u` and `d` flags).
// Exact: named groups and .NET's group numbering (unnamed first, then named), inline m/s/n/x options
// with their scopes, `^ $ .` semantics (only \n is a line break; `$` also matches before a final \n),
// \A \z \Z, Unicode \w \d \b, atomic groups (emulated with a lookahead and a backreference),
// RegexOptions. Approximated: an inline `(?i)` anywhere turns on case-insensitivity for the whole pattern.
// Rejected with a clear error: conditionals, balancing groups, \G, RightToLeft, class subtraction,
// named Unicode blocks (\p{IsGreek}).
import { RuntimeError } from './runtime-error.ts';

/** System.Text.RegularExpressions.RegexOptions values. */
export const RegexOptions = {
  None: 0,
  IgnoreCase: 1,
  Multiline: 2,
  ExplicitCapture: 4,
  Compiled: 8,
  Singleline: 16,
  IgnorePatternWhitespace: 32,
  RightToLeft: 64,
  ECMAScript: 256,
  CultureInvariant: 512,
} as const;

export interface TranslatedRegex {
  source: string;
  flags: string;
  /** .NET groups in .NET numbering order (group 0 first): name ('1', 'year'...) and JS group indexes. */
  groups: { name: string; jsIndexes: number[] }[];
}

interface ScopeOptions {
  multiline: boolean;
  singleline: boolean;
  explicitCapture: boolean;
  extended: boolean;
}

type Piece = string | { open: number } | { backref: string } | { hiddenRef: number };

const WORD = '[\\p{L}\\p{Mn}\\p{Nd}\\p{Pc}]';
const WORD_IN_CLASS = '\\p{L}\\p{Mn}\\p{Nd}\\p{Pc}';
const UNICODE_CATEGORIES = new Set(
  'L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp C Cc Cf Cs Co Cn'.split(' '),
);
const SYNTAX_CHARS = '^$\\.*+?()[]{}|/';

/** `parsing "pattern" - detail` as .NET Framework's RegexParser reports it (System.ArgumentException). */
export function regexParseError(pattern: string, detail: string): RuntimeError {
  return new RuntimeError(`parsing "${pattern}" - ${detail}`, 'System.ArgumentException', 'System.ArgumentException', 'OperationStopped');
}

function literalChar(c: string): string {
  if (SYNTAX_CHARS.includes(c)) return `\\${c}`;
  if (/[\p{L}\p{N}\s_]/u.test(c) || c.charCodeAt(0) > 0x7e) return c;
  return `\\u{${c.codePointAt(0)!.toString(16)}}`;
}

class Translator {
  private i = 0;
  private readonly pieces: Piece[] = [];
  private groupCount = 0; // capture groups in JS order (including hidden ones)
  /** Per JS capture group: its .NET name, or undefined when unnamed/hidden. */
  private readonly jsGroups: { name?: string; hidden: boolean }[] = [];
  ignoreCase: boolean;
  private depth = 0;

  constructor(
    private readonly pattern: string,
    options: number,
  ) {
    if (options & RegexOptions.RightToLeft) throw regexParseError(pattern, 'RightToLeft is not supported.');
    this.ignoreCase = (options & RegexOptions.IgnoreCase) !== 0;
    this.scope = {
      multiline: (options & RegexOptions.Multiline) !== 0,
      singleline: (options & RegexOptions.Singleline) !== 0,
      explicitCapture: (options & RegexOptions.ExplicitCapture) !== 0,
      extended: (options & RegexOptions.IgnorePatternWhitespace) !== 0,
    };
  }

  private scope: ScopeOptions;

  translate(): TranslatedRegex {
    this.sequence();
    if (this.i < this.pattern.length) throw regexParseError(this.pattern, "Too many )'s.");
    return this.render();
  }

  private fail(detail: string): never {
    throw regexParseError(this.pattern, detail);
  }

  /** Parses until `)` or end; leaves `)` unconsumed. */
  private sequence(): void {
    const p = this.pattern;
    let lastWasAtom = false;
    while (this.i < p.length) {
      const c = p[this.i];
      if (c === ')') {
        if (this.depth === 0) this.fail("Too many )'s.");
        return;
      }
      if (this.scope.extended && /\s/.test(c)) {
        this.i++;
        continue;
      }
      if (this.scope.extended && c === '#') {
        while (this.i < p.length && p[this.i] !== '\n') this.i++;
        continue;
      }
      if (c === '(') {
        lastWasAtom = this.group();
        continue;
      }
      if ('*+?'.includes(c) || (c === '{' && this.quantifierAt(this.i))) {
        if (!lastWasAtom) this.fail(`Quantifier ${c === '{' ? this.quantifierAt(this.i) : c} following nothing.`);
        const q = c === '{' ? this.quantifierAt(this.i)! : c;
        this.i += q.length;
        let text = q;
        if (p[this.i] === '?') {
          text += '?';
          this.i++;
        }
        if (this.i < p.length && ('*+?'.includes(p[this.i]) || (p[this.i] === '{' && this.quantifierAt(this.i)))) {
          this.fail(`Nested quantifier ${p[this.i]}.`);
        }
        this.pieces.push(text);
        lastWasAtom = false;
        continue;
      }
      lastWasAtom = true;
      this.i++;
      switch (c) {
        case '.':
          this.pieces.push(this.scope.singleline ? '[\\s\\S]' : '[^\\n]');
          break;
        case '^':
          this.pieces.push(this.scope.multiline ? '(?<![^\\n])' : '(?<![\\s\\S])');
          lastWasAtom = false;
          break;
        case '$':
          this.pieces.push(this.scope.multiline ? '(?=\\n|(?![\\s\\S]))' : '(?=\\n?(?![\\s\\S]))');
          lastWasAtom = false;
          break;
        case '[':
          this.pieces.push(this.characterClass());
          break;
        case '\\':
          lastWasAtom = this.escape();
          break;
        case '|':
          this.pieces.push('|');
          lastWasAtom = false;
          break;
        default:
          this.pieces.push(literalChar(c));
      }
    }
  }

  /** `{n}`, `{n,}`, `{n,m}` at position, or undefined when the brace is a literal. */
  private quantifierAt(at: number): string | undefined {
    const m = /^\{\d+(,\d*)?\}/.exec(this.pattern.slice(at));
    return m?.[0];
  }

  private group(): boolean {
    const p = this.pattern;
    const start = this.i;
    this.i++; // (
    const saved = this.scope;
    if (p[this.i] === '?') {
      this.i++;
      const c = p[this.i];
      if (c === '#') {
        const end = p.indexOf(')', this.i);
        if (end < 0) this.fail('Unterminated (?#...) comment.');
        this.i = end + 1;
        return false;
      }
      if (c === ':' || c === '=' || c === '!' || c === '>') {
        this.i++;
        if (c === '>') return this.atomicGroup(saved);
        this.pieces.push(c === ':' ? '(?:' : c === '=' ? '(?=' : '(?!');
        return this.closeGroup(saved, c === ':');
      }
      if (c === '<' && (p[this.i + 1] === '=' || p[this.i + 1] === '!')) {
        this.pieces.push(`(?<${p[this.i + 1]}`);
        this.i += 2;
        return this.closeGroup(saved, false);
      }
      if (c === '<' || c === "'") {
        const close = c === '<' ? '>' : "'";
        const end = p.indexOf(close, this.i + 1);
        if (end < 0) this.fail('Invalid group name: Group names must begin with a word character.');
        const name = p.slice(this.i + 1, end);
        if (name.includes('-')) this.fail('Balancing groups are not supported.');
        if (!/^(\d+|[\p{L}\p{N}_]+)$/u.test(name)) this.fail('Invalid group name: Group names must begin with a word character.');
        this.i = end + 1;
        this.openCapture(name.replace(/^0+(?=\d)/, ''));
        return this.closeGroup(saved, true);
      }
      if (c === '(') this.fail('Conditional (?(...)) groups are not supported.');
      const opts = /^([imnsx]*)(?:-([imnsx]*))?([:)])/.exec(p.slice(this.i));
      if (!opts) this.fail('Unrecognized grouping construct.');
      this.i += opts[0].length;
      const scope = this.applyOptions({ ...this.scope }, opts[1], true);
      this.applyOptions(scope, opts[2] ?? '', false);
      if (opts[3] === ')') {
        // `(?imsx)`: applies to the rest of the enclosing group.
        this.scope = scope;
        return false;
      }
      this.scope = scope;
      this.pieces.push('(?:');
      return this.closeGroup(saved, true);
    }
    if (this.scope.explicitCapture) this.pieces.push('(?:');
    else this.openCapture(undefined);
    void start;
    return this.closeGroup(saved, true);
  }

  private applyOptions(scope: ScopeOptions, letters: string, on: boolean): ScopeOptions {
    for (const l of letters) {
      if (l === 'i' && on) this.ignoreCase = true;
      if (l === 'm') scope.multiline = on;
      if (l === 's') scope.singleline = on;
      if (l === 'n') scope.explicitCapture = on;
      if (l === 'x') scope.extended = on;
    }
    return scope;
  }

  private openCapture(name: string | undefined): void {
    this.groupCount++;
    this.jsGroups.push({ name, hidden: false });
    this.pieces.push({ open: this.groupCount });
  }

  private closeGroup(saved: ScopeOptions, quantifiable: boolean): boolean {
    this.depth++;
    this.sequence();
    this.depth--;
    if (this.pattern[this.i] !== ')') this.fail("Not enough )'s.");
    this.i++;
    this.pieces.push(')');
    this.scope = saved;
    return quantifiable;
  }

  /** `(?>X)` as `(?=(X))\N`: the lookahead matches X once and the backreference consumes it without backtracking. */
  private atomicGroup(saved: ScopeOptions): boolean {
    this.groupCount++;
    const hidden = this.groupCount;
    this.jsGroups.push({ hidden: true });
    this.pieces.push('(?:(?=', { open: hidden });
    this.closeGroup(saved, true);
    this.pieces.push(')', { hiddenRef: hidden }, ')');
    return true;
  }

  /** After `\`; returns whether the escape is a quantifiable atom. */
  private escape(): boolean {
    const p = this.pattern;
    if (this.i >= p.length) this.fail('Illegal \\ at end of pattern.');
    const c = p[this.i++];
    switch (c) {
      case 'd':
        this.pieces.push('\\p{Nd}');
        return true;
      case 'D':
        this.pieces.push('\\P{Nd}');
        return true;
      case 'w':
        this.pieces.push(WORD);
        return true;
      case 'W':
        this.pieces.push(`[^${WORD_IN_CLASS}]`);
        return true;
      case 's':
      case 'S':
        this.pieces.push(`\\${c}`);
        return true;
      case 'b':
        this.pieces.push(`(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`);
        return false;
      case 'B':
        this.pieces.push(`(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`);
        return false;
      case 'A':
        this.pieces.push('(?<![\\s\\S])');
        return false;
      case 'z':
        this.pieces.push('(?![\\s\\S])');
        return false;
      case 'Z':
        this.pieces.push('(?=\\n?(?![\\s\\S]))');
        return false;
      case 'G':
        this.fail('\\G is not supported.');
      case 'k': {
        const m = /^(?:<([^>]+)>|'([^']+)')/.exec(p.slice(this.i));
        if (!m) this.fail('Malformed \\k<...> named back reference.');
        this.i += m[0].length;
        this.pieces.push({ backref: (m[1] ?? m[2]).replace(/^0+(?=\d)/, '') });
        return true;
      }
      case 'p':
      case 'P':
        this.pieces.push(this.unicodeCategory(c));
        return true;
    }
    if (/[1-9]/.test(c)) {
      let digits = c;
      while (/\d/.test(p[this.i] ?? '')) digits += p[this.i++];
      this.pieces.push({ backref: digits });
      return true;
    }
    this.pieces.push(this.characterEscape(c, false));
    return true;
  }

  private unicodeCategory(c: string): string {
    const m = /^\{([A-Za-z]+)\}/.exec(this.pattern.slice(this.i));
    if (!m) this.fail('Incomplete \\p{X} character escape.');
    this.i += m[0].length;
    if (!UNICODE_CATEGORIES.has(m[1])) this.fail(`Unknown property '${m[1]}'.`);
    return `\\${c}{${m[1]}}`;
  }

  /** Escapes that denote one character (valid inside and outside classes). */
  private characterEscape(c: string, inClass: boolean): string {
    const p = this.pattern;
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
        while (digits.length < 2 && /[0-7]/.test(p[this.i] ?? '')) digits += p[this.i++];
        return `\\u{${parseInt(digits || '0', 8).toString(16)}}`;
      }
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(p.slice(this.i));
        if (!m) this.fail('Insufficient hex digits.');
        this.i += 2;
        return `\\x${m[0]}`;
      }
      case 'u': {
        const m = /^[0-9a-fA-F]{4}/.exec(p.slice(this.i));
        if (!m) this.fail('Insufficient hex digits.');
        this.i += 4;
        return `\\u${m[0]}`;
      }
      case 'c': {
        const l = p[this.i++];
        if (!l || !/[a-zA-Z]/.test(l)) this.fail('Missing control character.');
        return `\\c${l.toUpperCase()}`;
      }
    }
    if (/[\p{L}\p{N}_]/u.test(c)) this.fail(`Unrecognized escape sequence \\${c}.`);
    return inClass ? this.classLiteral(c) : literalChar(c);
  }

  private classLiteral(c: string): string {
    return '\\]['.includes(c) || c === '^' || c === '-' ? `\\${c}` : literalChar(c);
  }

  /** After `[`; returns the JS class. */
  private characterClass(): string {
    const p = this.pattern;
    let out = '[';
    if (p[this.i] === '^') {
      out += '^';
      this.i++;
    }
    let first = true;
    let lastWasSetEscape = false;
    for (;;) {
      if (this.i >= p.length) this.fail('Unterminated [] set.');
      const c = p[this.i++];
      if (c === ']' && !first) break;
      first = false;
      if (c === '-' && p[this.i] === '[') this.fail('Character class subtraction is not supported.');
      if (c === '\\') {
        const e = p[this.i++];
        if (e === undefined) this.fail('Unterminated [] set.');
        lastWasSetEscape = true;
        if (e === 'd') out += '\\p{Nd}';
        else if (e === 'D') out += '\\P{Nd}';
        else if (e === 'w') out += WORD_IN_CLASS;
        else if (e === 'W' || e === 's' || e === 'S') out += `\\${e}`;
        else if (e === 'p' || e === 'P') out += this.unicodeCategory(e);
        else {
          out += this.characterEscape(e, true);
          lastWasSetEscape = false;
        }
        continue;
      }
      if (c === '-') {
        // A dash after a class escape or before `]` is a literal in .NET.
        out += lastWasSetEscape || p[this.i] === ']' || out.endsWith('[') || out.endsWith('[^') ? '\\-' : '-';
        lastWasSetEscape = false;
        continue;
      }
      lastWasSetEscape = false;
      out += this.classLiteral(c);
    }
    return `${out}]`;
  }

  private render(): TranslatedRegex {
    // .NET numbering: unnamed groups 1..n in order, then named groups (numeric names keep their number).
    const netGroups: { name: string; jsIndexes: number[] }[] = [{ name: '0', jsIndexes: [0] }];
    const byName = new Map<string, { name: string; jsIndexes: number[] }>();
    let n = 0;
    this.jsGroups.forEach((g, idx) => {
      if (!g.hidden && g.name === undefined) {
        const entry = { name: String(++n), jsIndexes: [idx + 1] };
        netGroups.push(entry);
        byName.set(entry.name, entry);
      }
    });
    const named: { name: string; jsIndexes: number[] }[] = [];
    this.jsGroups.forEach((g, idx) => {
      if (g.hidden || g.name === undefined) return;
      const existing = byName.get(g.name);
      if (existing) existing.jsIndexes.push(idx + 1);
      else {
        const entry = { name: g.name, jsIndexes: [idx + 1] };
        byName.set(g.name, entry);
        named.push(entry);
      }
    });
    const numericNamed = named.filter((g) => /^\d+$/.test(g.name)).sort((a, b) => Number(a.name) - Number(b.name));
    netGroups.push(...numericNamed, ...named.filter((g) => !/^\d+$/.test(g.name)));
    let source = '';
    for (const piece of this.pieces) {
      if (typeof piece === 'string') source += piece;
      else if ('open' in piece) source += '(';
      else if ('hiddenRef' in piece) source += `\\${piece.hiddenRef}`;
      else {
        const target = byName.get(piece.backref);
        if (!target) {
          this.fail(/^\d+$/.test(piece.backref) ? `Reference to undefined group number ${piece.backref}.` : `Reference to undefined group name ${piece.backref}.`);
        }
        source += target.jsIndexes.length === 1 ? `\\${target.jsIndexes[0]}` : `(?:${target.jsIndexes.map((j) => `\\${j}`).join('')})`;
      }
    }
    return { source, flags: `dgu${this.ignoreCase ? 'i' : ''}`, groups: netGroups };
  }
}

const translationCache = new Map<string, TranslatedRegex>();

/** Translates a .NET pattern; throws a RuntimeError (System.ArgumentException) for invalid or unsupported ones. */
export function translateDotNetRegex(pattern: string, options = 0): TranslatedRegex {
  const key = `${options}:${pattern}`;
  const cached = translationCache.get(key);
  if (cached) return cached;
  const t = new Translator(pattern, options).translate();
  try {
    new RegExp(t.source, t.flags);
  } catch (e) {
    throw regexParseError(pattern, (e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, ''));
  }
  if (translationCache.size > 1000) translationCache.clear();
  translationCache.set(key, t);
  return t;
}

/** Parses RegexOptions given as a number, a name, or a comma list of names (`'IgnoreCase, Multiline'`). */
export function parseRegexOptions(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.reduce((acc: number, v) => acc | parseRegexOptions(v), 0);
  if (typeof value === 'object' && value !== null && 'value' in value && typeof (value as { value: unknown }).value === 'number') {
    return (value as { value: number }).value;
  }
  let result = 0;
  for (const part of String(value).split(',')) {
    const name = part.trim().toLowerCase();
    if (!name) continue;
    const entry = Object.entries(RegexOptions).find(([k]) => k.toLowerCase() === name);
    if (!entry) {
      throw new RuntimeError(
        `Cannot convert value "${part.trim()}" to type "System.Text.RegularExpressions.RegexOptions" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are "${Object.keys(RegexOptions).join(',')}".`,
        'InvalidCastEnumStringNotFound',
        'System.Management.Automation.PSInvalidCastException',
        'InvalidArgument',
      );
    }
    result |= entry[1];
  }
  return result;
}
