// Translates .NET regular expressions to JavaScript ones (always with the `u` and `d` flags).
// Exact: named groups and .NET's group numbering (unnamed first, then named), inline m/s/n/x options
// with their scopes, `^ $ .` semantics (only \n is a line break; `$` also matches before a final \n),
// \A \z \Z, Unicode \w \d \b, atomic groups (emulated with a lookahead and a backreference),
// RegexOptions. Approximated: an inline `(?i)` anywhere turns on case-insensitivity for the whole pattern.
// Rejected with a clear error: conditionals, balancing groups, \G, RightToLeft, class subtraction,
// named Unicode blocks (\p{IsGreek}).
import { RegexOptions, regexParseError } from './regex-options.ts';
import { renderPieces } from './regex-groups.ts';
import { WORD, WORD_IN_CLASS, characterClass, characterEscape, literalChar, unicodeCategory } from './regex-escapes.ts';
import type { Cursor } from './regex-escapes.ts';
import type { NetGroup, Piece } from './regex-groups.ts';

export interface TranslatedRegex {
  source: string;
  flags: string;
  /** .NET groups in .NET numbering order (group 0 first): name ('1', 'year'...) and JS group indexes. */
  groups: NetGroup[];
}

interface ScopeOptions {
  multiline: boolean;
  singleline: boolean;
  explicitCapture: boolean;
  extended: boolean;
}


class Translator implements Cursor {
  i = 0;
  private readonly pieces: Piece[] = [];
  private groupCount = 0; // capture groups in JS order (including hidden ones)
  /** Per JS capture group: its .NET name, or undefined when unnamed/hidden. */
  private readonly jsGroups: { name?: string; hidden: boolean }[] = [];
  ignoreCase: boolean;
  private depth = 0;

  constructor(
    readonly pattern: string,
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

  fail(detail: string): never {
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
          this.pieces.push(characterClass(this));
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
        this.pieces.push(unicodeCategory(this, c));
        return true;
    }
    if (/[1-9]/.test(c)) {
      let digits = c;
      while (/\d/.test(p[this.i] ?? '')) digits += p[this.i++];
      this.pieces.push({ backref: digits });
      return true;
    }
    this.pieces.push(characterEscape(this, c, false));
    return true;
  }

  private render(): TranslatedRegex {
    const { source, groups } = renderPieces(this.pieces, this.jsGroups, (detail) => this.fail(detail));
    return { source, flags: `dgu${this.ignoreCase ? 'i' : ''}`, groups };
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
