// Conversions to scalar types (LanguagePrimitives.ConvertTo): numbers, [char], [datetime], [timespan],
// enums, [version], [guid], [ipaddress], with PowerShell's PSInvalidCastException messages.
import { dateFromTicks, parseDateTime, parseTimeSpan } from './datetime.ts';
import { PSGuid, PSIPAddress, PSVersion } from './dotnet-values.ts';
import type { IntegerKind } from './numeric.ts';
import { integerKinds, parseNumber, toIntegerKind } from './numeric.ts';
import { cannotConvertWithInner, invalidCastError } from './runtime-error.ts';
import { toPSString } from './to-string.ts';
import { wildcardMatch, hasWildcardCharacters } from './wildcard.ts';
import { AutomationNull, EnumType, EnumValue, PSObject, TimeSpan } from './values.ts';
import { castFailure } from './conversion.ts';
import { typeOf } from './types.ts';

const FORMAT_ERROR = 'Input string was not in a correct format.';

function unwrap(value: unknown): unknown {
  if (value === AutomationNull || value === undefined) return null;
  return value instanceof PSObject && value.baseObject !== undefined ? value.baseObject : value;
}

function stringErrorId(targetFullName: string): string {
  if (targetFullName === 'System.Double' || targetFullName === 'System.Single') return 'InvalidCastFromStringToDoubleOrSingle';
  if (targetFullName === 'System.Decimal') return 'InvalidCastFromStringToDecimal';
  return 'InvalidCastFromStringToInteger';
}

/**
 * A value as a number for arithmetic and numeric casts: $null → 0, booleans → 1/0, enums → their value,
 * strings parsed as PowerShell numbers (`' 42 '`, `'0x10'`, `'1e3'`, `'1kb'`). Other values fail with
 * the cast error for `targetFullName`.
 */
export function toNumber(value: unknown, targetFullName = 'System.Int32'): number | bigint {
  const v = unwrap(value);
  if (v === null) return 0;
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    case 'string': {
      const wide = targetFullName === 'System.Int64' || targetFullName === 'System.UInt64';
      const unsigned = targetFullName.startsWith('System.UInt') || targetFullName === 'System.Byte';
      const n = parseNumber(v, { hexWidth: wide ? 64 : 32, hexUnsigned: unsigned });
      if (n === undefined) throw cannotConvertWithInner(v, targetFullName, FORMAT_ERROR, stringErrorId(targetFullName));
      return n;
    }
  }
  if (v instanceof EnumValue) return v.value;
  throw castFailure(v, { fullName: targetFullName });
}

/** `[int]`, `[long]`, `[byte]`...: banker's rounding and a range check with .NET's overflow text. */
export function toInteger(value: unknown, kind: IntegerKind = integerKinds.int32): number | bigint {
  const v = unwrap(value);
  const n = toNumber(v, kind.fullName);
  const r = toIntegerKind(n, kind);
  if (r === undefined) {
    throw cannotConvertWithInner(toPSString(v), kind.fullName, kind.overflowMessage, typeof v === 'string' ? 'InvalidCastFromStringToInteger' : 'InvalidCastIConvertible');
  }
  return r;
}

/** `[int]` as a JS number. */
export function toInt32(value: unknown): number {
  return toInteger(value, integerKinds.int32) as number;
}

export function toDouble(value: unknown, targetFullName = 'System.Double'): number {
  return Number(toNumber(value, targetFullName));
}

/** `[char]`: a one-character string; numbers are code points. */
export function toChar(value: unknown): string {
  const v = unwrap(value);
  if (v === null) return '\0';
  if (typeof v === 'string') {
    if (v.length === 1) return v;
    throw cannotConvertWithInner(v, 'System.Char', 'String must be exactly one character long.', 'InvalidCastParseTargetInvocation');
  }
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof EnumValue) {
    const code = toInteger(v, integerKinds.char);
    return String.fromCharCode(Number(code));
  }
  throw castFailure(v, { fullName: 'System.Char' });
}

/** `[datetime]`: Dates, strings (DateTime.Parse, invariant culture) and ticks. */
export function toDateTime(value: unknown): Date {
  const v = unwrap(value);
  if (v instanceof Date) return v;
  if (v === null) throw invalidCastError('Cannot convert null to type "System.DateTime".', 'InvalidCastFromNull');
  if (typeof v === 'string') {
    const d = parseDateTime(v);
    if (!d) {
      throw cannotConvertWithInner(v, 'System.DateTime', 'String was not recognized as a valid DateTime.', 'InvalidCastParseTargetInvocationWithFormatProvider');
    }
    return d;
  }
  if (typeof v === 'number' || typeof v === 'bigint') {
    if (typeof v === 'number' && !Number.isInteger(v)) throw castFailure(v, { fullName: 'System.DateTime' });
    return dateFromTicks(v, 'Unspecified');
  }
  throw castFailure(v, { fullName: 'System.DateTime' });
}

/** `[timespan]`: TimeSpans, strings (`1.02:03:04`, `00:30`) and ticks. */
export function toTimeSpan(value: unknown): TimeSpan {
  const v = unwrap(value);
  if (v instanceof TimeSpan) return v;
  if (v === null) throw invalidCastError('Cannot convert null to type "System.TimeSpan".', 'InvalidCastFromNull');
  if (typeof v === 'string') {
    const t = parseTimeSpan(v);
    if (!t) throw cannotConvertWithInner(v, 'System.TimeSpan', 'String was not recognized as a valid TimeSpan.', 'InvalidCastParseTargetInvocation');
    return t;
  }
  if (typeof v === 'number' || typeof v === 'bigint') return new TimeSpan(Number(v) / 10_000);
  throw castFailure(v, { fullName: 'System.TimeSpan' });
}

function enumValuesText(e: EnumType): string {
  return e.memberNames().join(',');
}

function enumNoValue(text: string, e: EnumType, errorId: string): Error {
  return invalidCastError(
    `Cannot convert value "${text}" to type "${e.fullName}" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are "${enumValuesText(e)}".`,
    errorId,
  );
}

function allFlags(e: EnumType): number {
  return e.members().reduce((acc, m) => acc | m.value, 0);
}

function isDefined(e: EnumType, n: number): boolean {
  if (e.members().some((m) => m.value < 0)) return true;
  if (e.flags) return (n | allFlags(e)) === allFlags(e) && n >= 0;
  return e.members().some((m) => m.value === n);
}

/**
 * Converts to an enum: member names (case-insensitive, wildcards allowed, comma lists for [Flags]),
 * numeric strings and numbers (must be defined), other enum values by value, arrays of names.
 */
export function toEnum(value: unknown, e: EnumType): EnumValue {
  const v = unwrap(value);
  if (v instanceof EnumValue) {
    if (v.type === e) return v;
    return toEnum(v.value, e);
  }
  if (v === null) {
    throw invalidCastError(
      `Cannot convert null to type "${e.fullName}" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are "${enumValuesText(e)}".`,
      'nullToEnumInvalidCast',
    );
  }
  if (typeof v === 'number' || typeof v === 'bigint') {
    const n = Number(v);
    if (!Number.isInteger(n) || !isDefined(e, n)) throw enumNoValue(toPSString(v), e, 'UndefinedInEnumSingleTypeConverter');
    return e.value(n);
  }
  if (Array.isArray(v)) return toEnum(v.map((x) => (x instanceof EnumValue ? x.toString() : toPSString(x))).join(','), e);
  if (typeof v !== 'string') throw castFailure(v, { fullName: e.fullName });
  const text = v.trim();
  if (text === '') throw enumNoValue(v, e, 'InvalidCastEnumFromEmptyString');
  if (/^[\d+-]/.test(text)) {
    const n = parseNumber(text);
    if (n !== undefined) {
      if (!isDefined(e, Number(n))) throw enumNoValue(text, e, 'UndefinedInEnumSingleTypeConverter');
      return e.value(Number(n));
    }
  }
  if (!e.flags && text.includes(',')) {
    throw invalidCastError(`Cannot convert value "${v}" to type "${e.fullName}" because no commas are allowed for this enumeration.`, 'InvalidCastEnumCommaAndNoFlags');
  }
  let result = 0;
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    const wildcard = hasWildcardCharacters(entry);
    const found = e.members().filter((m) => (wildcard ? wildcardMatch(m.name, entry) : m.name.toLowerCase() === entry.toLowerCase()));
    if (found.length === 0) throw enumNoValue(entry, e, 'InvalidCastEnumStringNotFound');
    if (!e.flags && found.length > 1) {
      throw invalidCastError(
        `Cannot convert value "${v}" to type "${e.fullName}" because at least two matches were found (${found[0].name}, ${found[1].name}) and only one match is allowed for this enumeration.`,
        'InvalidCastEnumTwoStringsFoundAndNoFlags',
      );
    }
    for (const m of found) result |= m.value;
  }
  return e.value(result);
}

export function toVersion(value: unknown): PSVersion {
  const v = unwrap(value);
  if (v instanceof PSVersion) return v;
  const parsed = typeof v === 'string' ? PSVersion.parse(v) : undefined;
  if (parsed) return parsed;
  if (typeof v === 'string') {
    throw cannotConvertWithInner(v, 'System.Version', 'Version string portion was too short or too long.', 'InvalidCastConstructorException');
  }
  throw castFailure(v, { fullName: 'System.Version' });
}

export function toGuid(value: unknown): PSGuid {
  const v = unwrap(value);
  if (v instanceof PSGuid) return v;
  if (typeof v === 'string') {
    const g = PSGuid.parse(v);
    if (g) return g;
    throw cannotConvertWithInner(
      v,
      'System.Guid',
      'Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).',
      'InvalidCastParseTargetInvocation',
    );
  }
  throw castFailure(v, { fullName: 'System.Guid' });
}

export function toIPAddress(value: unknown): PSIPAddress {
  const v = unwrap(value);
  if (v instanceof PSIPAddress) return v;
  if (typeof v === 'string') {
    const ip = PSIPAddress.parse(v);
    if (ip) return ip;
    throw cannotConvertWithInner(v, 'System.Net.IPAddress', 'An invalid IP address was specified.', 'InvalidCastParseTargetInvocation');
  }
  throw castFailure(v, { fullName: 'System.Net.IPAddress' });
}

/** The full type name used in cast messages (`System.Object[]` for arrays). */
export function typeNameForMessage(value: unknown): string {
  return typeOf(value).fullName;
}
