// System.String instance methods with .NET Framework semantics (what Windows PowerShell 5.1 runs):
// ordinal, case-sensitive Replace/Contains/IndexOf, char-array Split and Trim, .NET's exception texts.
import { StringComparisonEnum, StringSplitOptionsEnum } from './builtin-enums.ts';
import { compareStrings, stringEquals } from './comparison.ts';
import { toChar, toInt32 } from './conversion-scalars.ts';
import { tagElementType } from './dotnet-values.ts';
import { argString, methodTable, unwrapArg } from './method-support.ts';
import { argumentError, dotNetError } from './runtime-error.ts';
import { ignoresCase } from './static-text.ts';
import { toPSString } from './to-string.ts';
import { resolveType } from './types.ts';
import { EnumValue } from './values.ts';

const ANY = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const WHITESPACE = /[\s\x85\u200b]/;

function outOfRange(param: string, message = 'Index was out of range. Must be non-negative and less than the size of the collection.'): Error {
  return argumentError('System.ArgumentOutOfRangeException', message, param);
}

/** A `params char[]` argument list: strings contribute each of their characters. */
function charArgs(args: unknown[]): string[] {
  return args.flatMap((a) => {
    const v = unwrapArg(a);
    if (v === null) return [];
    if (Array.isArray(v)) return v.flatMap((x) => [...toPSString(x)]);
    return [...toPSString(v)];
  });
}

function trimChars(s: string, chars: string[] | undefined, start: boolean, end: boolean): string {
  const isTrim = (c: string) => (chars && chars.length ? chars.includes(c) : WHITESPACE.test(c));
  let a = 0;
  let b = s.length;
  if (start) while (a < b && isTrim(s[a])) a++;
  if (end) while (b > a && isTrim(s[b - 1])) b--;
  return s.slice(a, b);
}

function isComparison(v: unknown): boolean {
  const u = unwrapArg(v);
  if (u instanceof EnumValue) return u.type === StringComparisonEnum;
  return typeof u === 'string' && StringComparisonEnum.lookup(u) !== undefined;
}

function isSplitOptions(v: unknown): boolean {
  const u = unwrapArg(v);
  if (u instanceof EnumValue) return u.type === StringSplitOptionsEnum;
  return typeof u === 'string' && /^(none|removeemptyentries)$/i.test(u.trim());
}

/** String.Split over separators (strings, tried in order at each position), with a count and RemoveEmptyEntries. */
export function splitString(s: string, separators: string[], count: number, removeEmpty: boolean): string[] {
  if (count === 0) return [];
  const seps = separators.filter((x) => x.length > 0);
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const push = (piece: string) => {
    if (!removeEmpty || piece.length > 0) out.push(piece);
  };
  while (i < s.length && (count < 0 || out.length < count - 1)) {
    const sep = seps.length ? seps.find((x) => s.startsWith(x, i)) : WHITESPACE.test(s[i]) ? s[i] : undefined;
    if (sep === undefined) {
      i++;
      continue;
    }
    push(s.slice(start, i));
    i += sep.length;
    start = i;
  }
  if (removeEmpty && count > 0 && out.length === count - 1) {
    // .NET trims leading empties of the remainder before returning it as the last element.
    let rest = s.slice(start);
    while (seps.some((x) => rest.startsWith(x))) rest = rest.slice(seps.find((x) => rest.startsWith(x))!.length);
    push(rest);
  } else push(s.slice(start));
  return out;
}

function splitMethod(s: string, args: unknown[]): string[] {
  if (args.length === 0) return splitString(s, [], -1, false);
  let count = -1;
  let removeEmpty = false;
  let rest = args.slice(1);
  if (rest.length && isSplitOptions(rest[rest.length - 1])) {
    const opt = unwrapArg(rest[rest.length - 1]);
    removeEmpty = /remove/i.test(opt instanceof EnumValue ? opt.toString() : String(opt));
    rest = rest.slice(0, -1);
  }
  if (rest.length === 1) count = toInt32(rest[0]);
  else if (rest.length > 1) return splitString(s, charArgs(args), -1, false);
  const sepValue = unwrapArg(args[0]);
  let separators: string[];
  if (sepValue === null) separators = [];
  else if (Array.isArray(sepValue)) {
    // char[] or string[]: each element is one separator.
    separators = sepValue.map((x) => toPSString(unwrapArg(x)));
  } else {
    const text = toPSString(sepValue);
    // A string becomes char[] (params char[]) unless options pick the string[] overload.
    separators = args.length > 1 && isSplitOptions(args[args.length - 1]) && text.length > 1 ? [text] : [...text];
  }
  if (rest.length === 1 && count < 0) throw outOfRange('count', 'Count cannot be less than zero.');
  return splitString(s, separators, count, removeEmpty);
}

function indexOf(s: string, args: unknown[], last: boolean): number {
  const value = argString(args[0]);
  if (value === null) throw argumentError('System.ArgumentNullException', 'Value cannot be null.', 'value');
  let rest = args.slice(1);
  let ignoreCase = false;
  if (rest.length && isComparison(rest[rest.length - 1])) {
    ignoreCase = ignoresCase(rest[rest.length - 1]);
    rest = rest.slice(0, -1);
  }
  const hay = ignoreCase ? s.toLowerCase() : s;
  const needle = ignoreCase ? value.toLowerCase() : value;
  if (!last) {
    const start = rest.length ? toInt32(rest[0]) : 0;
    if (start < 0 || start > s.length) throw outOfRange('startIndex');
    const end = rest.length > 1 ? start + toInt32(rest[1]) : s.length;
    if (end > s.length) throw outOfRange('count', 'Count must be positive and count must refer to a location within the string/array/collection.');
    const i = hay.slice(0, end).indexOf(needle, start);
    return i;
  }
  const start = rest.length ? toInt32(rest[0]) : s.length - 1;
  if (s.length === 0) return needle === '' ? 0 : -1;
  if (start < 0 || start >= s.length) throw outOfRange('startIndex');
  return hay.lastIndexOf(needle, start - needle.length + 1 < 0 ? -1 : start - needle.length + 1);
}

function startsOrEnds(s: string, args: unknown[], ends: boolean): boolean {
  const value = argString(args[0]);
  if (value === null) throw argumentError('System.ArgumentNullException', 'Value cannot be null.', 'value');
  const ignoreCase = args.length > 1 && ignoresCase(args[1]);
  const a = ignoreCase ? s.toLowerCase() : s;
  const b = ignoreCase ? value.toLowerCase() : value;
  return ends ? a.endsWith(b) : a.startsWith(b);
}

function charArray(chars: string[]): string[] {
  return tagElementType(chars, resolveType('char')!);
}

export const stringMethods = methodTable<string>({
  ToUpper: { counts: [0, 1], invoke: (s) => s.toUpperCase() },
  ToLower: { counts: [0, 1], invoke: (s) => s.toLowerCase() },
  ToUpperInvariant: { counts: [0], invoke: (s) => s.toUpperCase() },
  ToLowerInvariant: { counts: [0], invoke: (s) => s.toLowerCase() },
  Trim: { counts: ANY, invoke: (s, a) => trimChars(s, a.length ? charArgs(a) : undefined, true, true) },
  TrimStart: { counts: ANY, invoke: (s, a) => trimChars(s, a.length ? charArgs(a) : undefined, true, false) },
  TrimEnd: { counts: ANY, invoke: (s, a) => trimChars(s, a.length ? charArgs(a) : undefined, false, true) },
  Split: { counts: [0, 1, 2, 3], invoke: (s, a) => splitMethod(s, a) },
  Replace: {
    counts: [2],
    invoke: (s, [oldArg, newArg]) => {
      const oldValue = argString(oldArg);
      if (oldValue === null) throw argumentError('System.ArgumentNullException', 'Value cannot be null.', 'oldValue');
      if (oldValue === '') throw argumentError('System.ArgumentException', 'String cannot be of zero length.', 'oldValue');
      return s.split(oldValue).join(argString(newArg) ?? '');
    },
  },
  Substring: {
    counts: [1, 2],
    invoke: (s, a) => {
      const start = toInt32(a[0]);
      if (start < 0) throw outOfRange('startIndex', 'StartIndex cannot be less than zero.');
      if (start > s.length) throw outOfRange('startIndex', 'startIndex cannot be larger than length of string.');
      if (a.length === 1) return s.slice(start);
      const length = toInt32(a[1]);
      if (length < 0) throw outOfRange('length', 'Length cannot be less than zero.');
      if (start + length > s.length) throw outOfRange('length', 'Index and length must refer to a location within the string.');
      return s.slice(start, start + length);
    },
  },
  IndexOf: { counts: [1, 2, 3, 4], invoke: (s, a) => indexOf(s, a, false) },
  LastIndexOf: { counts: [1, 2, 3, 4], invoke: (s, a) => indexOf(s, a, true) },
  IndexOfAny: {
    counts: [1, 2, 3],
    invoke: (s, a) => {
      const chars = charArgs([a[0]]);
      const start = a.length > 1 ? toInt32(a[1]) : 0;
      for (let i = start; i < s.length; i++) if (chars.includes(s[i])) return i;
      return -1;
    },
  },
  LastIndexOfAny: {
    counts: [1, 2, 3],
    invoke: (s, a) => {
      const chars = charArgs([a[0]]);
      for (let i = a.length > 1 ? toInt32(a[1]) : s.length - 1; i >= 0; i--) if (chars.includes(s[i])) return i;
      return -1;
    },
  },
  StartsWith: { counts: [1, 2, 3], invoke: (s, a) => startsOrEnds(s, a, false) },
  EndsWith: { counts: [1, 2, 3], invoke: (s, a) => startsOrEnds(s, a, true) },
  Contains: {
    counts: [1],
    invoke: (s, [v]) => {
      const value = argString(v);
      if (value === null) throw argumentError('System.ArgumentNullException', 'Value cannot be null.', 'value');
      return s.includes(value);
    },
  },
  PadLeft: {
    counts: [1, 2],
    invoke: (s, a) => {
      const width = toInt32(a[0]);
      if (width < 0) throw outOfRange('totalWidth', 'Non-negative number required.');
      return s.padStart(width, a.length > 1 ? toChar(a[1]) : ' ');
    },
  },
  PadRight: {
    counts: [1, 2],
    invoke: (s, a) => {
      const width = toInt32(a[0]);
      if (width < 0) throw outOfRange('totalWidth', 'Non-negative number required.');
      return s.padEnd(width, a.length > 1 ? toChar(a[1]) : ' ');
    },
  },
  Insert: {
    counts: [2],
    invoke: (s, [i, v]) => {
      const index = toInt32(i);
      const value = argString(v);
      if (value === null) throw argumentError('System.ArgumentNullException', 'Value cannot be null.', 'value');
      if (index < 0 || index > s.length) throw outOfRange('startIndex', 'Specified argument was out of the range of valid values.');
      return s.slice(0, index) + value + s.slice(index);
    },
  },
  Remove: {
    counts: [1, 2],
    invoke: (s, a) => {
      const start = toInt32(a[0]);
      if (start < 0) throw outOfRange('startIndex', 'StartIndex cannot be less than zero.');
      if (a.length === 1) {
        if (start >= s.length) throw outOfRange('startIndex', 'startIndex must be less than length of string.');
        return s.slice(0, start);
      }
      const count = toInt32(a[1]);
      if (count < 0) throw outOfRange('count', 'Count cannot be less than zero.');
      if (start + count > s.length) throw outOfRange('count', 'Index and count must refer to a location within the string.');
      return s.slice(0, start) + s.slice(start + count);
    },
  },
  ToCharArray: {
    counts: [0, 2],
    invoke: (s, a) => charArray([...(a.length ? s.substr(toInt32(a[0]), toInt32(a[1])) : s)]),
  },
  Equals: {
    counts: [1, 2],
    invoke: (s, a) => {
      const other = unwrapArg(a[0]);
      if (typeof other !== 'string') return false;
      return a.length > 1 ? stringEquals(s, other, !ignoresCase(a[1])) : s === other;
    },
  },
  CompareTo: {
    counts: [1],
    invoke: (s, [v]) => {
      const other = unwrapArg(v);
      return other === null ? 1 : compareStrings(s, toPSString(other), true);
    },
  },
  Normalize: {
    counts: [0, 1],
    invoke: (s, a) => s.normalize(a.length ? (toPSString(unwrapArg(a[0])).replace(/^form/i, 'NF').toUpperCase() as 'NFC') : 'NFC'),
  },
  IsNormalized: { counts: [0, 1], invoke: (s) => s === s.normalize('NFC') },
  Chars: {
    counts: [1],
    invoke: (s, [i]) => {
      const index = toInt32(i);
      if (index < 0 || index >= s.length) throw dotNetError('System.IndexOutOfRangeException', 'Index was outside the bounds of the array.');
      return s[index];
    },
  },
  ToString: { counts: [0, 1], invoke: (s) => s },
  Clone: { counts: [0], invoke: (s) => s },
  GetHashCode: { counts: [0], invoke: (s) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 0) },
  GetTypeCode: { counts: [0], invoke: () => 'String' },
});
