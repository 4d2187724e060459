// Equality and ordering as PowerShell's comparison operators apply them: the right operand is converted
// to the left operand's type; strings compare with the culture (en-US), case-insensitively by default.
// Also used by -contains/-in, switch, Sort-Object, Group-Object and Select-Object -Unique.
import { toBool } from './conversion.ts';
import { toDateTime, toEnum, toGuid, toNumber, toTimeSpan, toVersion } from './conversion-scalars.ts';
import { PSGuid, PSVersion } from './dotnet-values.ts';
import { numberTypeName } from './numeric.ts';
import { RuntimeError } from './runtime-error.ts';
import { toPSString } from './to-string.ts';
import { AutomationNull, EnumValue, PSObject, TimeSpan } from './values.ts';

const ignoreCaseCollator = new Intl.Collator('en-US', { sensitivity: 'accent' });
const caseCollator = new Intl.Collator('en-US', { sensitivity: 'variant', caseFirst: 'lower' });

function unwrap(v: unknown): unknown {
  if (v === undefined || v === AutomationNull) return null;
  return v instanceof PSObject && v.baseObject !== undefined ? v.baseObject : v;
}

/** Culture-aware string comparison (-1, 0, 1): `'aaa' -lt 'AAA'` is false, `'aaa' -clt 'AAA'` is true. */
export function compareStrings(a: string, b: string, caseSensitive = false): number {
  return Math.sign((caseSensitive ? caseCollator : ignoreCaseCollator).compare(a, b));
}

/** String equality (ignoring case unless caseSensitive). */
export function stringEquals(a: string, b: string, caseSensitive = false): boolean {
  if (a === b) return true;
  if (caseSensitive || a.length !== b.length) return false;
  return a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase();
}

function numericCompare(a: number | bigint, b: number | bigint): number {
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    const x = typeof a === 'number' && !Number.isInteger(a) ? a : undefined;
    const y = typeof b === 'number' && !Number.isInteger(b) ? b : undefined;
    if (x === undefined && y === undefined) {
      const bx = BigInt(a);
      const by = BigInt(b);
      return bx < by ? -1 : bx > by ? 1 : 0;
    }
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * `left -eq right`: right converted to left's type (strings, numbers, booleans, dates, enums...);
 * a conversion that fails means "not equal". Other objects compare by reference.
 */
export function psEquals(left: unknown, right: unknown, caseSensitive = false): boolean {
  const l = unwrap(left);
  const r = unwrap(right);
  if (l === null) return r === null;
  if (r === null) return false;
  try {
    switch (typeof l) {
      case 'string':
        return stringEquals(l, typeof r === 'string' ? r : toPSString(r), caseSensitive);
      case 'number':
      case 'bigint':
        return numericCompare(l, toNumber(r, typeof l === 'bigint' ? 'System.Int64' : 'System.Int32')) === 0;
      case 'boolean':
        return l === toBool(r);
    }
    if (l instanceof Date) return l.getTime() === toDateTime(r).getTime();
    if (l instanceof TimeSpan) return l.totalMilliseconds === toTimeSpan(r).totalMilliseconds;
    if (l instanceof EnumValue) return l.value === toEnum(r, l.type).value;
    if (l instanceof PSVersion) return l.compareTo(toVersion(r)) === 0;
    if (l instanceof PSGuid) return l.hex === toGuid(r).hex;
  } catch (e) {
    if (e instanceof RuntimeError) return false;
    throw e;
  }
  return l === r;
}

function comparisonFailure(l: unknown, r: unknown, inner: string): RuntimeError {
  return new RuntimeError(`Could not compare "${toPSString(l)}" to "${toPSString(r)}". Error: "${inner}"`, 'ComparisonFailure', 'System.Management.Automation.ExtendedTypeSystemException', 'InvalidOperation');
}

function notComparable(l: unknown): RuntimeError {
  const text = Array.isArray(l) ? 'System.Object[]' : toPSString(l);
  return new RuntimeError(`Cannot compare "${text}" because it is not IComparable.`, 'NotIcomparable', 'System.Management.Automation.ExtendedTypeSystemException', 'InvalidOperation');
}

/**
 * Ordering for -lt -le -gt -ge (-1, 0, 1): right converted to left's type. $null sorts before everything.
 * Throws PowerShell's ComparisonFailure / NotIcomparable errors.
 */
export function psCompare(left: unknown, right: unknown, caseSensitive = false): number {
  const l = unwrap(left);
  const r = unwrap(right);
  if (l === null) return r === null ? 0 : -1;
  if (r === null) return 1;
  try {
    switch (typeof l) {
      case 'string':
        return compareStrings(l, typeof r === 'string' ? r : toPSString(r), caseSensitive);
      case 'number':
      case 'bigint':
        return numericCompare(l, toNumber(r, typeof l === 'bigint' ? 'System.Int64' : Number.isInteger(l) ? 'System.Int32' : 'System.Double'));
      case 'boolean':
        return Number(l) - Number(toBool(r));
    }
    if (l instanceof Date) return Math.sign(l.getTime() - toDateTime(r).getTime());
    if (l instanceof TimeSpan) return Math.sign(l.totalMilliseconds - toTimeSpan(r).totalMilliseconds);
    if (l instanceof EnumValue) return Math.sign(l.value - toEnum(r, l.type).value);
    if (l instanceof PSVersion) return l.compareTo(toVersion(r));
    if (l instanceof PSGuid) return Math.sign(l.hex.localeCompare(toGuid(r).hex));
  } catch (e) {
    if (e instanceof RuntimeError && e.errorId !== 'ComparisonFailure') throw comparisonFailure(l, r, e.message);
    throw e;
  }
  throw notComparable(l);
}

/** A total order for sorting (Sort-Object): psCompare, falling back to comparing the string forms. */
export function sortCompare(left: unknown, right: unknown, caseSensitive = false): number {
  try {
    return psCompare(left, right, caseSensitive);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    return compareStrings(toPSString(unwrap(left)), toPSString(unwrap(right)), caseSensitive);
  }
}

/**
 * .NET's Object.Equals: same type and value, no conversion (`(1,2).Contains('2')` is false);
 * used by IList.Contains/IndexOf, Hashtable.ContainsValue and `.Equals()`.
 */
export function strictEquals(left: unknown, right: unknown): boolean {
  const l = unwrap(left);
  const r = unwrap(right);
  if (l === r) return true;
  if (l === null || r === null) return false;
  if ((typeof l === 'number' || typeof l === 'bigint') && (typeof r === 'number' || typeof r === 'bigint')) {
    return numberTypeName(l) === numberTypeName(r) && numericCompare(l, r) === 0;
  }
  if (l instanceof Date && r instanceof Date) return l.getTime() === r.getTime();
  if (l instanceof TimeSpan && r instanceof TimeSpan) return l.totalMilliseconds === r.totalMilliseconds;
  if (l instanceof EnumValue && r instanceof EnumValue) return l.type === r.type && l.value === r.value;
  if (l instanceof PSVersion && r instanceof PSVersion) return l.compareTo(r) === 0;
  if (l instanceof PSGuid && r instanceof PSGuid) return l.hex === r.hex;
  return false;
}
