// Static members of [string], [char] and [regex].
import { compareStrings, stringEquals } from './comparison.ts';
import { collectionItems } from './conversion.ts';
import { toChar, toEnum, toInt32 } from './conversion-scalars.ts';
import type { MethodContext, StaticMethod } from './dotnet-type.ts';
import { StringComparisonEnum } from './builtin-enums.ts';
import { parseRegexOptions } from './regex-options.ts';
import { formatValue } from './format-operator.ts';
import { argString, expectArgs, unwrapArg } from './method-support.ts';
import { NetRegex, regexEscape, regexUnescape } from './regex-engine.ts';
import type { Replacement } from './regex-engine.ts';
import { matchObject } from './regex-match.ts';
import { argumentError, dotNetError, overloadNotFound } from './runtime-error.ts';
import { toPSString } from './to-string.ts';
import { isScriptBlock } from './types.ts';
import { EnumValue } from './values.ts';

/** String.Format with .NET's FormatException (the -f operator wraps it differently). */
export function stringFormat(format: string, args: unknown[]): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '{') {
      if (format[i + 1] === '{') {
        out += '{';
        i++;
        continue;
      }
      const m = /^\{\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::([^}]*))?\}/.exec(format.slice(i));
      if (!m) throw dotNetError('System.FormatException', 'Input string was not in a correct format.');
      const index = Number(m[1]);
      if (index >= args.length) {
        throw dotNetError('System.FormatException', 'Index (zero based) must be greater than or equal to zero and less than the size of the argument list.');
      }
      const text = formatValue(args[index], m[3]);
      const width = m[2] === undefined ? 0 : Number(m[2]);
      out += width >= 0 ? text.padStart(width) : text.padEnd(-width);
      i += m[0].length - 1;
    } else if (c === '}') {
      if (format[i + 1] !== '}') throw dotNetError('System.FormatException', 'Input string was not in a correct format.');
      out += '}';
      i++;
    } else out += c;
  }
  return out;
}

/** `params object[]` binding: one array argument is the whole list, otherwise each argument is one item. */
function paramsArray(args: unknown[]): unknown[] {
  if (args.length === 1) {
    const v = unwrapArg(args[0]);
    if (Array.isArray(v) || v instanceof Uint8Array) return [...v];
  }
  return args;
}

/** StringComparison (or a bool ignoreCase) → whether to ignore case. */
export function ignoresCase(comparison: unknown): boolean {
  const v = unwrapArg(comparison);
  if (typeof v === 'boolean') return v;
  const e = v instanceof EnumValue ? v : toEnum(v, StringComparisonEnum);
  return e.toString().endsWith('IgnoreCase');
}

export const stringStatics: { members: Record<string, () => unknown>; methods: Record<string, StaticMethod> } = {
  members: { Empty: () => '' },
  methods: {
    IsNullOrEmpty: (args) => (expectArgs('IsNullOrEmpty', args, 1), !argString(args[0])),
    IsNullOrWhiteSpace: (args) => (expectArgs('IsNullOrWhiteSpace', args, 1), !(argString(args[0]) ?? '').trim()),
    Join: (args) => {
      if (args.length < 2) throw overloadNotFound('Join', args.length);
      const sep = argString(args[0]) ?? '';
      const items = args.length === 2 ? collectionItems(unwrapArg(args[1])) : args.slice(1);
      return items.map((x) => toPSString(unwrapArg(x))).join(sep);
    },
    Format: (args) => {
      if (args.length < 1) throw overloadNotFound('Format', 0);
      const format = argString(args[0]);
      if (format === null) throw argumentError('System.ArgumentNullException', 'Value cannot be null.', 'format');
      return stringFormat(format, paramsArray(args.slice(1)));
    },
    Concat: (args) => paramsArray(args).map((x) => toPSString(unwrapArg(x))).join(''),
    Compare: (args) => {
      expectArgs('Compare', args, 2, 3, 4);
      const a = argString(args[0]);
      const b = argString(args[1]);
      if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
      return compareStrings(a, b, !(args.length > 2 && ignoresCase(args[2])));
    },
    CompareOrdinal: (args) => {
      expectArgs('CompareOrdinal', args, 2);
      const a = argString(args[0]) ?? '';
      const b = argString(args[1]) ?? '';
      return a < b ? -1 : a > b ? 1 : 0;
    },
    Equals: (args) => {
      expectArgs('Equals', args, 2, 3);
      const a = argString(args[0]);
      const b = argString(args[1]);
      if (a === null || b === null) return a === b;
      return stringEquals(a, b, !(args.length > 2 && ignoresCase(args[2])));
    },
    new: (args) => {
      expectArgs('new', args, 1, 2, 3);
      if (args.length === 2) return toChar(args[0]).repeat(Math.max(0, toInt32(args[1])));
      const chars = collectionItems(unwrapArg(args[0])).map(toChar);
      if (args.length === 3) return chars.slice(toInt32(args[1]), toInt32(args[1]) + toInt32(args[2])).join('');
      return chars.join('');
    },
  },
};

// ---------------------------------------------------------------- [char]

function charTest(name: string, re: RegExp): StaticMethod {
  return (args) => {
    expectArgs(name, args, 1, 2);
    const c = args.length === 2 ? (argString(args[0]) ?? '')[toInt32(args[1])] : toChar(args[0]);
    if (c === undefined) throw argumentError('System.ArgumentOutOfRangeException', 'Index was out of range. Must be non-negative and less than the size of the collection.', 'index');
    return re.test(c);
  };
}

export const charStatics: { members: Record<string, () => unknown>; methods: Record<string, StaticMethod> } = {
  members: { MaxValue: () => '\uffff', MinValue: () => '\0' },
  methods: {
    IsDigit: charTest('IsDigit', /^\p{Nd}$/u),
    IsNumber: charTest('IsNumber', /^\p{N}$/u),
    IsLetter: charTest('IsLetter', /^\p{L}$/u),
    IsLetterOrDigit: charTest('IsLetterOrDigit', /^[\p{L}\p{Nd}]$/u),
    IsWhiteSpace: charTest('IsWhiteSpace', /^[\s\x85\p{Z}]$/u),
    IsUpper: charTest('IsUpper', /^\p{Lu}$/u),
    IsLower: charTest('IsLower', /^\p{Ll}$/u),
    IsPunctuation: charTest('IsPunctuation', /^\p{P}$/u),
    IsSymbol: charTest('IsSymbol', /^\p{S}$/u),
    IsControl: charTest('IsControl', /^\p{Cc}$/u),
    IsSeparator: charTest('IsSeparator', /^\p{Z}$/u),
    IsSurrogate: charTest('IsSurrogate', /^[\ud800-\udfff]$/),
    ToUpper: (args) => (expectArgs('ToUpper', args, 1, 2), toChar(args[0]).toUpperCase()),
    ToLower: (args) => (expectArgs('ToLower', args, 1, 2), toChar(args[0]).toLowerCase()),
    Parse: (args) => {
      expectArgs('Parse', args, 1);
      const s = argString(args[0]);
      if (s === null || s.length !== 1) throw dotNetError('System.FormatException', 'String must be exactly one character long.');
      return s;
    },
    GetNumericValue: (args) => {
      expectArgs('GetNumericValue', args, 1, 2);
      const c = args.length === 2 ? (argString(args[0]) ?? '')[toInt32(args[1])] : toChar(args[0]);
      return /^\d$/.test(c ?? '') ? Number(c) : -1;
    },
    ConvertFromUtf32: (args) => (expectArgs('ConvertFromUtf32', args, 1), String.fromCodePoint(toInt32(args[0]))),
    ConvertToUtf32: (args) => {
      expectArgs('ConvertToUtf32', args, 1, 2);
      if (args.length === 1) return (argString(args[0]) ?? '').codePointAt(0);
      return (argString(args[0]) ?? '').codePointAt(toInt32(args[1]));
    },
  },
};

// ---------------------------------------------------------------- [regex]

function regexArgs(args: unknown[], patternIndex: number, optionsIndex: number): NetRegex {
  return new NetRegex(argString(args[patternIndex]) ?? '', args.length > optionsIndex ? parseRegexOptions(unwrapArg(args[optionsIndex])) : 0);
}

/** A MatchEvaluator for Regex.Replace: a script block receiving the Match as `$args[0]` (and `$_`). */
export function matchEvaluator(replacement: unknown, ctx: MethodContext | undefined): Replacement {
  const r = unwrapArg(replacement);
  if (!isScriptBlock(r)) return toPSString(r);
  if (!ctx) throw new Error('A script block MatchEvaluator needs a MethodContext');
  return (m) => {
    const match = matchObject(m);
    const out = ctx.invokeScriptBlock(r, [match], match);
    return toPSString(out.length === 1 ? out[0] : out);
  };
}

export const regexStatics: Record<string, StaticMethod> = {
  Match: (args) => {
    expectArgs('Match', args, 2, 3);
    return matchObject(regexArgs(args, 1, 2).match(argString(args[0]) ?? ''));
  },
  Matches: (args) => {
    expectArgs('Matches', args, 2, 3);
    return regexArgs(args, 1, 2)
      .matches(argString(args[0]) ?? '')
      .map((m) => matchObject(m));
  },
  IsMatch: (args) => {
    expectArgs('IsMatch', args, 2, 3);
    return regexArgs(args, 1, 2).isMatch(argString(args[0]) ?? '');
  },
  Replace: (args, ctx) => {
    expectArgs('Replace', args, 3, 4);
    return regexArgs(args, 1, 3).replace(argString(args[0]) ?? '', matchEvaluator(args[2], ctx));
  },
  Split: (args) => {
    expectArgs('Split', args, 2, 3);
    return regexArgs(args, 1, 2).split(argString(args[0]) ?? '');
  },
  Escape: (args) => (expectArgs('Escape', args, 1), regexEscape(argString(args[0]) ?? '')),
  Unescape: (args) => (expectArgs('Unescape', args, 1), regexUnescape(argString(args[0]) ?? '')),
  new: (args) => {
    expectArgs('new', args, 1, 2, 3);
    return regexArgs(args, 0, 1);
  },
};
