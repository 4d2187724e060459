// Text operators: -like, -match (with $Matches), -replace, -split, -join, -f.
import { collectionItems } from './conversion.ts';
import { toInt32 } from './conversion-scalars.ts';
import { RegexOptions } from './regex-options.ts';
import { formatOperator } from './format-operator.ts';
import { NetRegex, regexEscape } from './regex-engine.ts';
import type { RegexMatchResult } from './regex-engine.ts';
import { matchObject, matchesHashtable } from './regex-match.ts';
import { RuntimeError } from './runtime-error.ts';
import { toPSString } from './to-string.ts';
import { isScriptBlock } from './types.ts';
import { AutomationNull, EnumValue, PSHashtable, PSObject, isEnumerable } from './values.ts';
import { wildcardMatch } from './wildcard.ts';
import { toBool } from './conversion.ts';

/** What binaryOperation needs from the evaluator: where `$Matches` goes, and how to run script blocks. */
export interface OperatorContext {
  /** Called with the new `$Matches` when -match / -notmatch matches a scalar. */
  setMatches?(matches: PSHashtable): void;
  /** Runs a script block (for `-replace` with a script block and `-split` with a predicate). */
  invokeScriptBlock?(scriptBlock: unknown, args: unknown[], dollarUnder?: unknown): unknown[];
}

function unwrap(v: unknown): unknown {
  if (v === undefined || v === AutomationNull) return null;
  return v instanceof PSObject && v.baseObject !== undefined ? v.baseObject : v;
}

/** A collection on the left of a comparison-style operator (not strings, not hashtables). */
export function isCollection(v: unknown): v is unknown[] | Uint8Array {
  return Array.isArray(v) || v instanceof Uint8Array;
}

function regexFor(pattern: unknown, caseSensitive: boolean): NetRegex {
  const p = unwrap(pattern);
  if (p instanceof NetRegex) return p;
  return NetRegex.get(toPSString(p), caseSensitive ? 0 : RegexOptions.IgnoreCase);
}

/** -like / -notlike: wildcard match; an array on the left is filtered. */
export function likeOperator(left: unknown, right: unknown, caseSensitive: boolean, negate: boolean): unknown {
  const l = unwrap(left);
  const pattern = toPSString(unwrap(right));
  const test = (v: unknown) => wildcardMatch(toPSString(unwrap(v)), pattern, caseSensitive) !== negate;
  return isCollection(l) ? [...l].filter(test) : test(l);
}

/**
 * -match / -notmatch: .NET regex, case-insensitive unless -cmatch. A scalar on the left reports the match
 * through ctx.setMatches (even for -notmatch); an array on the left is filtered and `$Matches` is untouched.
 */
export function matchOperator(left: unknown, right: unknown, caseSensitive: boolean, negate: boolean, ctx?: OperatorContext): unknown {
  const l = unwrap(left);
  const regex = regexFor(right, caseSensitive);
  if (isCollection(l)) return [...l].filter((v) => regex.isMatch(toPSString(unwrap(v))) !== negate);
  const m = regex.match(toPSString(l));
  if (m) ctx?.setMatches?.(matchesHashtable(m));
  return (m !== undefined) !== negate;
}

function replacementFunction(replacement: unknown, ctx: OperatorContext | undefined): string | ((m: RegexMatchResult) => string) {
  const r = unwrap(replacement);
  if (!isScriptBlock(r)) return toPSString(r);
  if (!ctx?.invokeScriptBlock) throw new Error('-replace with a script block needs OperatorContext.invokeScriptBlock');
  const invoke = ctx.invokeScriptBlock.bind(ctx);
  return (m) => {
    const out = invoke(r, [], matchObject(m));
    return toPSString(out.length === 1 ? out[0] : out);
  };
}

/** -replace: `'text' -replace 'pattern', 'substitution'` ($1, ${name}, $0, $$...), or a script block. */
export function replaceOperator(left: unknown, right: unknown, caseSensitive: boolean, ctx?: OperatorContext): unknown {
  const r = unwrap(right);
  const parts = isCollection(r) ? [...r] : [r];
  if (parts.length > 2) {
    throw new RuntimeError(`The -replace operator allows only two elements to follow it, not ${parts.length}.`, 'BadReplaceArgument', 'System.Management.Automation.RuntimeException', 'InvalidOperation');
  }
  const regex = regexFor(parts[0], caseSensitive);
  const replacement = replacementFunction(parts.length > 1 ? parts[1] : '', ctx);
  const l = unwrap(left);
  const one = (v: unknown) => regex.replace(toPSString(unwrap(v)), replacement);
  return isCollection(l) ? [...l].map(one) : one(l);
}

const SplitOptions = {
  None: 0,
  SimpleMatch: 1,
  RegexMatch: 2,
  CultureInvariant: 4,
  IgnorePatternWhitespace: 8,
  Multiline: 16,
  Singleline: 32,
  IgnoreCase: 64,
  ExplicitCapture: 128,
} as const;

function parseSplitOptions(value: unknown): number {
  const v = unwrap(value);
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  let result = 0;
  const text = v instanceof EnumValue ? v.toString() : toPSString(isCollection(v) ? [...v].map(toPSString).join(',') : v);
  for (const part of text.split(',')) {
    const name = part.trim();
    if (!name) continue;
    const entry = Object.entries(SplitOptions).find(([k]) => k.toLowerCase() === name.toLowerCase());
    if (!entry) {
      throw new RuntimeError(
        `Cannot convert value "${name}" to type "System.Management.Automation.SplitOptions" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are "${Object.keys(SplitOptions).join(',')}".`,
        'InvalidCastEnumStringNotFound',
        'System.Management.Automation.PSInvalidCastException',
        'InvalidArgument',
      );
    }
    result |= entry[1];
  }
  return result;
}

function invalidSplitOptions(): RuntimeError {
  return new RuntimeError('The combination of options with the -split operator is not valid.', 'InvalidSplitOptionCombination', 'System.Management.Automation.RuntimeException', 'InvalidOperation');
}

function splitWithPredicate(text: string, predicate: unknown, count: number, ctx: OperatorContext | undefined): string[] {
  if (!ctx?.invokeScriptBlock) throw new Error('-split with a script block needs OperatorContext.invokeScriptBlock');
  const cuts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (toBool(unwrapOutput(ctx.invokeScriptBlock(predicate, [text[i], i], text[i])))) cuts.push(i);
  }
  let used = cuts;
  if (count > 1) used = cuts.slice(0, count - 1);
  else if (count < -1) used = cuts.slice(Math.max(0, cuts.length - (-count - 1)));
  else if (count === 1 || count === -1) used = [];
  const out: string[] = [];
  let last = 0;
  for (const c of used) {
    out.push(text.slice(last, c));
    last = c + 1;
  }
  out.push(text.slice(last));
  return out;
}

function unwrapOutput(out: unknown[]): unknown {
  return out.length === 1 ? out[0] : out;
}

/**
 * Binary -split: `text -split pattern[, max[, options]]`. Regex by default (captures are kept), SimpleMatch
 * for literal text, a script block as a per-character predicate; max < 0 counts from the end.
 */
export function splitOperator(left: unknown, right: unknown, caseSensitive: boolean, ctx?: OperatorContext): string[] {
  const r = unwrap(right);
  const parts = isCollection(r) ? [...r] : [r];
  const pattern = unwrap(parts[0]);
  const count = parts.length > 1 ? toInt32(parts[1]) : 0;
  const options = parts.length > 2 ? parseSplitOptions(parts[2]) : 0;
  const inputs = collectionItems(unwrap(left)).map((v) => toPSString(unwrap(v)));
  if (unwrap(left) === null) inputs.push('');
  if (isScriptBlock(pattern)) {
    if (parts.length > 2) throw new RuntimeError('Options are not allowed on the -split operator with a predicate.', 'InvalidSplitOptionWithPredicate', 'System.Management.Automation.RuntimeException', 'InvalidOperation');
    return inputs.flatMap((text) => splitWithPredicate(text, pattern, count, ctx));
  }
  const simple = (options & SplitOptions.SimpleMatch) !== 0;
  const regexOnly = SplitOptions.RegexMatch | SplitOptions.CultureInvariant | SplitOptions.IgnorePatternWhitespace | SplitOptions.Multiline | SplitOptions.Singleline | SplitOptions.ExplicitCapture;
  if (simple && options & regexOnly) throw invalidSplitOptions();
  let regexOptions = caseSensitive && !(options & SplitOptions.IgnoreCase) ? 0 : RegexOptions.IgnoreCase;
  if (options & SplitOptions.Multiline) regexOptions |= RegexOptions.Multiline;
  if (options & SplitOptions.Singleline) regexOptions |= RegexOptions.Singleline;
  if (options & SplitOptions.IgnorePatternWhitespace) regexOptions |= RegexOptions.IgnorePatternWhitespace;
  if (options & SplitOptions.ExplicitCapture) regexOptions |= RegexOptions.ExplicitCapture;
  const regex =
    pattern instanceof NetRegex ? pattern : NetRegex.get(simple ? regexEscape(toPSString(pattern)) : toPSString(pattern), regexOptions);
  return inputs.flatMap((text) => regex.split(text, count));
}

/** Unary -split: each item trimmed and split on runs of white space. */
export function unarySplit(operand: unknown): string[] {
  const regex = NetRegex.get('\\s+');
  const v = unwrap(operand);
  const items = v === null ? [''] : collectionItems(v).map((x) => toPSString(unwrap(x)));
  return items.flatMap((text) => regex.split(text.trim()));
}

/** Binary -join (`1,2 -join ','`) and, with separator '', unary -join. */
export function joinOperator(left: unknown, separator: unknown): string {
  const l = unwrap(left);
  const sep = toPSString(unwrap(separator));
  if (l === null) return '';
  if (isEnumerable(l)) return [...l].map((v) => toPSString(unwrap(v))).join(sep);
  return toPSString(l);
}

/** -f: the right operand is the argument list (a scalar is one argument). */
export function formatOperatorValues(left: unknown, right: unknown): string {
  const r = unwrap(right);
  const args = isCollection(r) ? [...r] : [r];
  return formatOperator(toPSString(unwrap(left)), args);
}
