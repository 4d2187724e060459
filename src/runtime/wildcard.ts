// PowerShell wildcard patterns (WildcardPattern): `*` any run, `?` one character, `[abc]` / `[a-z]` sets,
// and the backtick escape. Used by -like, switch -Wildcard, Get-ChildItem, Where-Object and friends.
import { RuntimeError } from './runtime-error.ts';

const cache = new Map<string, RegExp>();

function escapeRegExpChar(c: string): string {
  return /[\\^$.*+?()[\]{}|\/]/.test(c) ? `\\${c}` : c;
}

function escapeClassChar(c: string): string {
  return /[\\\]^[-]/.test(c) ? `\\${c}` : c;
}

function invalidPattern(pattern: string): RuntimeError {
  return new RuntimeError(
    `The specified wildcard character pattern is not valid: ${pattern}`,
    'RuntimeException',
    'System.Management.Automation.WildcardPatternException',
    'InvalidArgument',
  );
}

/** Translates a wildcard pattern into an anchored RegExp matching the whole input. */
export function wildcardToRegExp(pattern: string, caseSensitive = false): RegExp {
  const key = `${caseSensitive ? 'c' : 'i'}:${pattern}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '`' && i + 1 < pattern.length) {
      out += escapeRegExpChar(pattern[++i]);
    } else if (c === '*') {
      out += '[\\s\\S]*';
    } else if (c === '?') {
      out += '[\\s\\S]';
    } else if (c === '[') {
      const end = readSet(pattern, i);
      if (!end) throw invalidPattern(pattern);
      out += end.regex;
      i = end.next - 1;
    } else {
      out += escapeRegExpChar(c);
    }
  }
  const re = new RegExp(`^${out}$`, caseSensitive ? 'u' : 'iu');
  if (cache.size > 500) cache.clear();
  cache.set(key, re);
  return re;
}

/** Reads `[...]` starting at `start`; returns the RegExp class and the index after `]`. */
function readSet(pattern: string, start: number): { regex: string; next: number } | undefined {
  const chars: string[] = [];
  let i = start + 1;
  for (; i < pattern.length && pattern[i] !== ']'; i++) {
    if (pattern[i] === '`' && i + 1 < pattern.length) chars.push(`\`${pattern[++i]}`);
    else chars.push(pattern[i]);
  }
  if (i >= pattern.length || chars.length === 0) return undefined;
  let cls = '';
  for (let k = 0; k < chars.length; k++) {
    const lit = (t: string) => (t.length === 2 ? t[1] : t);
    const c = lit(chars[k]);
    if (k + 2 < chars.length && chars[k + 1] === '-') {
      cls += `${escapeClassChar(c)}-${escapeClassChar(lit(chars[k + 2]))}`;
      k += 2;
    } else {
      cls += escapeClassChar(c);
    }
  }
  return { regex: `[${cls}]`, next: i + 1 };
}

/** True when the whole input matches the wildcard pattern. */
export function wildcardMatch(input: string, pattern: string, caseSensitive = false): boolean {
  return wildcardToRegExp(pattern, caseSensitive).test(input);
}

/** True when the text has an unescaped `*`, `?` or `[` (WildcardPattern.ContainsWildcardCharacters). */
export function hasWildcardCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '`') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** Escapes wildcard characters with backticks (WildcardPattern.Escape). */
export function escapeWildcard(text: string): string {
  return text.replace(/[*?[\]`]/g, (c) => `\`${c}`);
}

/** Removes backtick escapes (WildcardPattern.Unescape). */
export function unescapeWildcard(text: string): string {
  return text.replace(/`(.)/gs, '$1');
}
