// A .NET-style Regex over a translated JS RegExp: matches report groups in .NET numbering,
// Replace understands .NET substitutions ($1 ${name} $0 $$ $& $` $' $+ $_), Split follows
// Regex.Split (captures included, empty matches split between characters).
import { translateDotNetRegex } from './dotnet-regex.ts';
import { RegexOptions } from './regex-options.ts';
import type { TranslatedRegex } from './dotnet-regex.ts';

export interface RegexGroupResult {
  name: string;
  success: boolean;
  index: number;
  value: string;
}

export interface RegexMatchResult {
  index: number;
  value: string;
  /** .NET group order; groups[0] is the whole match. */
  groups: RegexGroupResult[];
  /** The regex and input, for NextMatch(). */
  regex: NetRegex;
  input: string;
}

export type Replacement = string | ((match: RegexMatchResult) => string);

/** `[regex]`: System.Text.RegularExpressions.Regex. */
export class NetRegex {
  readonly translated: TranslatedRegex;
  private readonly js: RegExp;

  constructor(
    readonly pattern: string,
    readonly options = 0,
  ) {
    this.translated = translateDotNetRegex(pattern, options);
    this.js = new RegExp(this.translated.source, this.translated.flags);
  }

  private static readonly cache = new Map<string, NetRegex>();

  /** A shared instance for operators (-match, -replace, -split) that compile the same pattern repeatedly. */
  static get(pattern: string, options = 0): NetRegex {
    const key = `${options}:${pattern}`;
    let r = NetRegex.cache.get(key);
    if (!r) {
      r = new NetRegex(pattern, options);
      if (NetRegex.cache.size > 500) NetRegex.cache.clear();
      NetRegex.cache.set(key, r);
    }
    return r;
  }

  get ignoreCase(): boolean {
    return (this.options & RegexOptions.IgnoreCase) !== 0;
  }

  /** Group names in .NET order (`0`, `1`, ..., then named groups). */
  groupNames(): string[] {
    return this.translated.groups.map((g) => g.name);
  }

  /** The first match at or after `start`, or undefined. */
  match(input: string, start = 0): RegexMatchResult | undefined {
    if (start > input.length) return undefined;
    this.js.lastIndex = start;
    const m = this.js.exec(input);
    return m ? this.toResult(m, input) : undefined;
  }

  isMatch(input: string): boolean {
    return this.match(input) !== undefined;
  }

  /** All non-overlapping matches (an empty match advances one character). */
  matches(input: string, start = 0): RegexMatchResult[] {
    const out: RegexMatchResult[] = [];
    let pos = start;
    while (pos <= input.length) {
      const m = this.match(input, pos);
      if (!m) break;
      out.push(m);
      pos = m.value.length === 0 ? m.index + 1 : m.index + m.value.length;
    }
    return out;
  }

  private toResult(m: RegExpExecArray, input: string): RegexMatchResult {
    const indices = m.indices!;
    const groups = this.translated.groups.map((g) => {
      // With duplicate names the last participating group wins, as in .NET.
      let found: RegexGroupResult = { name: g.name, success: false, index: 0, value: '' };
      for (const j of g.jsIndexes) {
        if (m[j] !== undefined) found = { name: g.name, success: true, index: indices[j]![0], value: m[j] };
      }
      return found;
    });
    return { index: m.index, value: m[0], groups, regex: this, input };
  }

  /** Regex.Replace: `count` < 0 replaces all. */
  replace(input: string, replacement: Replacement, count = -1, start = 0): string {
    let out = '';
    let last = 0;
    let done = 0;
    for (const m of this.matches(input, start)) {
      if (count >= 0 && done >= count) break;
      out += input.slice(last, m.index);
      out += typeof replacement === 'string' ? expandSubstitution(replacement, m) : replacement(m);
      last = m.index + m.value.length;
      done++;
    }
    return out + input.slice(last);
  }

  /**
   * Regex.Split with PowerShell's count: 0 = all pieces, n > 0 = at most n pieces (the last holds the rest),
   * n < 0 = at most |n| pieces counted from the end. Captured groups are included between pieces.
   */
  split(input: string, count = 0): string[] {
    let ms = this.matches(input);
    if (count === 1 || count === -1) return [input];
    if (count > 1) ms = ms.slice(0, count - 1);
    else if (count < -1) ms = ms.slice(Math.max(0, ms.length - (-count - 1)));
    const out: string[] = [];
    let last = 0;
    for (const m of ms) {
      out.push(input.slice(last, m.index));
      for (const g of m.groups.slice(1)) if (g.success) out.push(g.value);
      last = m.index + m.value.length;
    }
    out.push(input.slice(last));
    return out;
  }

  toString(): string {
    return this.pattern;
  }
}

/** Expands .NET substitution tokens in a replacement string for one match. */
export function expandSubstitution(replacement: string, m: RegexMatchResult): string {
  const byName = new Map(m.groups.map((g) => [g.name, g]));
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c !== '$' || i + 1 >= replacement.length) {
      out += c;
      continue;
    }
    const next = replacement[i + 1];
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '&') {
      out += m.value;
      i++;
    } else if (next === '`') {
      out += m.input.slice(0, m.index);
      i++;
    } else if (next === "'") {
      out += m.input.slice(m.index + m.value.length);
      i++;
    } else if (next === '_') {
      out += m.input;
      i++;
    } else if (next === '+') {
      const lastGroup = m.groups.length > 1 ? m.groups[m.groups.length - 1] : m.groups[0];
      out += lastGroup.value;
      i++;
    } else if (next === '{') {
      const end = replacement.indexOf('}', i + 2);
      const name = end > 0 ? replacement.slice(i + 2, end) : '';
      const g = byName.get(/^\d+$/.test(name) ? String(Number(name)) : name);
      if (end > 0 && g) {
        out += g.value;
        i = end;
      } else {
        out += c;
      }
    } else if (/\d/.test(next)) {
      // The longest digit run naming an existing group.
      const digits = /^\d+/.exec(replacement.slice(i + 1))![0];
      let used = 0;
      for (let len = digits.length; len > 0; len--) {
        if (byName.has(String(Number(digits.slice(0, len))))) {
          used = len;
          break;
        }
      }
      if (used === 0) out += c;
      else {
        out += byName.get(String(Number(digits.slice(0, used))))!.value;
        i += used;
      }
    } else {
      out += c;
    }
  }
  return out;
}

/** Regex.Escape: escapes `\ * + ? | { [ ( ) ^ $ . # ` and white space. */
export function regexEscape(text: string): string {
  return text.replace(/[\\*+?|{[()^$.#]|\s/g, (c) => {
    switch (c) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      case '\f':
        return '\\f';
      case ' ':
        return '\\ ';
      default:
        return `\\${c}`;
    }
  });
}

/** Regex.Unescape for the common escapes. */
export function regexUnescape(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    if (e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', a: '\x07', e: '\x1b' } as Record<string, string>)[e] ?? e;
  });
}
