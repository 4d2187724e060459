// Instance methods of scalar values: numbers, [datetime], [timespan], enums, [version], [guid], [regex],
// StringBuilder, Encoding, [type], exceptions and ErrorRecords.
import { psCompare, strictEquals } from './comparison.ts';
import { collectionItems } from './conversion.ts';
import { toDouble, toEnum, toInt32, toNumber, toTimeSpan } from './conversion-scalars.ts';
import { formatDate } from './date-format.ts';
import { addMilliseconds, addMonths, dateKind, dateTicks, subtractDates, toLocalTime, toUniversalTime } from './datetime.ts';
import { isPSType } from './dotnet-type.ts';
import type { MethodContext, PSType } from './dotnet-type.ts';
import { PSGuid, PSIPAddress, PSStringBuilder, PSVersion } from './dotnet-values.ts';
import { ErrorRecord, PSException } from './errors.ts';
import { formatValue } from './format-operator.ts';
import { argString, callFromTable, methodTable, unwrapArg } from './method-support.ts';
import { NetRegex } from './regex-engine.ts';
import { matchObject } from './regex-match.ts';
import { argumentError } from './runtime-error.ts';
import { matchEvaluator, stringFormat } from './static-text.ts';
import { PSEncoding, encodingMethod } from './text-encoding.ts';
import { toPSString } from './to-string.ts';
import { arrayTypeOf } from './types.ts';
import { EnumValue, TimeSpan } from './values.ts';

type Result = { found: true; value: unknown } | { found: false };

/** ToString([format][, provider]): a non-string first argument (an IFormatProvider) is ignored. */
function toStringArgs(v: unknown, args: unknown[]): string {
  const fmt = unwrapArg(args[0]);
  return formatValue(v, typeof fmt === 'string' ? fmt : null);
}

const common = {
  ToString: { counts: [0, 1, 2], invoke: (v: unknown, a: unknown[]) => toStringArgs(v, a) },
  CompareTo: { counts: [1], invoke: (v: unknown, [x]: unknown[]) => (unwrapArg(x) === null ? 1 : psCompare(v, x)) },
  Equals: { counts: [1], invoke: (v: unknown, [x]: unknown[]) => strictEquals(v, x) },
};

const numberMethods = methodTable<unknown>({
  ...common,
  GetTypeCode: { counts: [0], invoke: (n) => (Number.isInteger(n) ? 'Int32' : 'Double') },
  GetHashCode: { counts: [0], invoke: (n) => Number(n) | 0 },
});

const booleanMethods = methodTable<unknown>({ ...common, GetHashCode: { counts: [0], invoke: (b) => (b ? 1 : 0) } });

function adder(unitMs: number) {
  return { counts: [1], invoke: (d: Date, [n]: unknown[]) => addMilliseconds(d, Math.round(toDouble(n) * unitMs)) };
}

const dateMethods = methodTable<Date>({
  ...common,
  AddMilliseconds: adder(1),
  AddSeconds: adder(1000),
  AddMinutes: adder(60_000),
  AddHours: adder(3_600_000),
  AddDays: adder(86_400_000),
  AddTicks: { counts: [1], invoke: (d, [n]) => addMilliseconds(d, Number(toNumber(n, 'System.Int64')) / 10_000) },
  AddMonths: { counts: [1], invoke: (d, [n]) => addMonths(d, toInt32(n)) },
  AddYears: { counts: [1], invoke: (d, [n]) => addMonths(d, toInt32(n) * 12) },
  Add: { counts: [1], invoke: (d, [t]) => addMilliseconds(d, toTimeSpan(t).totalMilliseconds) },
  Subtract: {
    counts: [1],
    invoke: (d, [x]) => {
      const v = unwrapArg(x);
      return v instanceof Date ? subtractDates(d, v) : addMilliseconds(d, -toTimeSpan(v).totalMilliseconds);
    },
  },
  ToShortDateString: { counts: [0], invoke: (d) => formatDate(d, 'd') },
  ToLongDateString: { counts: [0], invoke: (d) => formatDate(d, 'D') },
  ToShortTimeString: { counts: [0], invoke: (d) => formatDate(d, 't') },
  ToLongTimeString: { counts: [0], invoke: (d) => formatDate(d, 'T') },
  ToUniversalTime: { counts: [0], invoke: (d) => toUniversalTime(d) },
  ToLocalTime: { counts: [0], invoke: (d) => toLocalTime(d) },
  IsDaylightSavingTime: {
    counts: [0],
    invoke: (d) => {
      if (dateKind(d) === 'Utc') return false;
      const jan = new Date(d.getFullYear(), 0, 1).getTimezoneOffset();
      const jul = new Date(d.getFullYear(), 6, 1).getTimezoneOffset();
      return d.getTimezoneOffset() < Math.max(jan, jul);
    },
  },
  ToFileTime: { counts: [0], invoke: (d) => BigInt(toUniversalTime(d).getTime()) * 10_000n + 116444736000000000n },
  ToFileTimeUtc: { counts: [0], invoke: (d) => BigInt(toUniversalTime(d).getTime()) * 10_000n + 116444736000000000n },
  ToOADate: { counts: [0], invoke: (d) => Number(dateTicks(d) - 599264352000000000n) / 864_000_000_000 },
  GetHashCode: { counts: [0], invoke: (d) => d.getTime() | 0 },
});

const timeSpanMethods = methodTable<TimeSpan>({
  ...common,
  Add: { counts: [1], invoke: (t, [x]) => new TimeSpan(t.totalMilliseconds + toTimeSpan(x).totalMilliseconds) },
  Subtract: { counts: [1], invoke: (t, [x]) => new TimeSpan(t.totalMilliseconds - toTimeSpan(x).totalMilliseconds) },
  Negate: { counts: [0], invoke: (t) => new TimeSpan(-t.totalMilliseconds) },
  Duration: { counts: [0], invoke: (t) => new TimeSpan(Math.abs(t.totalMilliseconds)) },
});

const enumMethods = methodTable<EnumValue>({
  ...common,
  HasFlag: {
    counts: [1],
    invoke: (e, [f]) => {
      const flag = toEnum(f, e.type).value;
      return (e.value & flag) === flag;
    },
  },
  GetTypeCode: { counts: [0], invoke: () => 'Int32' },
  GetHashCode: { counts: [0], invoke: (e) => e.value },
});

const versionMethods = methodTable<PSVersion>({
  ...common,
  ToString: {
    counts: [0, 1],
    invoke: (v, a) => {
      if (!a.length) return v.toString();
      const n = toInt32(a[0]);
      const parts = [v.major, v.minor, v.build, v.revision];
      if (n < 0 || n > 4 || parts.slice(0, n).some((x) => x < 0)) throw argumentError('System.ArgumentException', `Argument must be between 0 and ${parts.filter((x) => x >= 0).length}.`, 'fieldCount');
      return parts.slice(0, n).join('.');
    },
  },
});

const guidMethods = methodTable<PSGuid>({
  ...common,
  ToByteArray: {
    counts: [0],
    invoke: (g) => {
      const h = g.hex;
      const bytes = Buffer.from(h, 'hex');
      // .NET stores the first three groups little-endian.
      const reorder = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
      return Uint8Array.from(reorder.map((i) => bytes[i]));
    },
  },
});

const ipMethods = methodTable<PSIPAddress>({
  ...common,
  GetAddressBytes: {
    counts: [0],
    invoke: (ip) => (ip.family === 'InterNetwork' ? Uint8Array.from(ip.address.split('.').map(Number)) : new Uint8Array(16)),
  },
});

function regexStart(args: unknown[], index: number): number {
  return args.length > index ? toInt32(args[index]) : 0;
}

function regexMethods(ctx: MethodContext | undefined) {
  return methodTable<NetRegex>({
    ToString: { counts: [0], invoke: (r) => r.pattern },
    Match: { counts: [1, 2], invoke: (r, a) => matchObject(r.match(argString(a[0]) ?? '', regexStart(a, 1))) },
    Matches: { counts: [1, 2], invoke: (r, a) => r.matches(argString(a[0]) ?? '', regexStart(a, 1)).map((m) => matchObject(m)) },
    IsMatch: { counts: [1, 2], invoke: (r, a) => r.match(argString(a[0]) ?? '', regexStart(a, 1)) !== undefined },
    Replace: {
      counts: [2, 3, 4],
      invoke: (r, a) => r.replace(argString(a[0]) ?? '', matchEvaluator(a[1], ctx), a.length > 2 ? toInt32(a[2]) : -1, regexStart(a, 3)),
    },
    Split: { counts: [1, 2, 3], invoke: (r, a) => r.split(argString(a[0]) ?? '', a.length > 1 ? toInt32(a[1]) : 0) },
    GetGroupNames: { counts: [0], invoke: (r) => r.groupNames() },
    GetGroupNumbers: { counts: [0], invoke: (r) => r.groupNames().map((_, i) => i) },
    GroupNameFromNumber: { counts: [1], invoke: (r, [n]) => r.groupNames()[toInt32(n)] ?? '' },
    GroupNumberFromName: {
      counts: [1],
      invoke: (r, [name]) => r.groupNames().findIndex((g) => g === argString(name)),
    },
  });
}

const builderMethods = methodTable<PSStringBuilder>({
  Append: {
    counts: [1, 2, 3],
    invoke: (b, a) => {
      const v = unwrapArg(a[0]);
      if (a.length === 2) b.text += toPSString(v).repeat(Math.max(0, toInt32(a[1])));
      else if (a.length === 3) b.text += toPSString(v).substr(toInt32(a[1]), toInt32(a[2]));
      else b.text += toPSString(v);
      return b;
    },
  },
  AppendLine: {
    counts: [0, 1],
    invoke: (b, a) => {
      b.text += `${a.length ? toPSString(unwrapArg(a[0])) : ''}\r\n`;
      return b;
    },
  },
  AppendFormat: {
    counts: [1, 2, 3, 4, 5, 6],
    invoke: (b, a) => {
      const rest = a.slice(1);
      const args = rest.length === 1 && Array.isArray(unwrapArg(rest[0])) ? collectionItems(unwrapArg(rest[0])) : rest;
      b.text += stringFormat(argString(a[0]) ?? '', args);
      return b;
    },
  },
  Insert: {
    counts: [2],
    invoke: (b, [i, v]) => {
      const index = toInt32(i);
      if (index < 0 || index > b.text.length) throw argumentError('System.ArgumentOutOfRangeException', 'Index was out of range. Must be non-negative and less than the size of the collection.', 'index');
      b.text = b.text.slice(0, index) + toPSString(unwrapArg(v)) + b.text.slice(index);
      return b;
    },
  },
  Remove: {
    counts: [2],
    invoke: (b, [i, n]) => {
      const index = toInt32(i);
      const count = toInt32(n);
      if (index < 0 || count < 0 || index + count > b.text.length) {
        throw argumentError('System.ArgumentOutOfRangeException', 'Index was out of range. Must be non-negative and less than the size of the collection.', 'startIndex');
      }
      b.text = b.text.slice(0, index) + b.text.slice(index + count);
      return b;
    },
  },
  Replace: {
    counts: [2],
    invoke: (b, [x, y]) => {
      const from = argString(x) ?? '';
      if (from === '') throw argumentError('System.ArgumentException', 'String cannot be of zero length.', 'oldValue');
      b.text = b.text.split(from).join(argString(y) ?? '');
      return b;
    },
  },
  Clear: {
    counts: [0],
    invoke: (b) => {
      b.text = '';
      return b;
    },
  },
  ToString: { counts: [0, 2], invoke: (b, a) => (a.length ? b.text.substr(toInt32(a[0]), toInt32(a[1])) : b.text) },
  EnsureCapacity: { counts: [1], invoke: (b) => Math.max(16, b.text.length) },
});

const typeMethods = methodTable<PSType>({
  ToString: { counts: [0], invoke: (t) => t.fullName },
  Equals: { counts: [1], invoke: (t, [x]) => unwrapArg(x) === t },
  GetElementType: { counts: [0], invoke: (t) => (t.fullName.endsWith('[]') ? t.elementType ?? null : null) },
  GetEnumNames: {
    counts: [0],
    invoke: (t) => {
      if (!t.enumType) throw argumentError('System.ArgumentException', 'Type provided must be an Enum.', 'enumType');
      return t.enumType.memberNames();
    },
  },
  GetEnumValues: {
    counts: [0],
    invoke: (t) => {
      if (!t.enumType) throw argumentError('System.ArgumentException', 'Type provided must be an Enum.', 'enumType');
      return t.enumType.members().map((m) => t.enumType!.value(m.value));
    },
  },
  IsInstanceOfType: { counts: [1], invoke: (t, [x]) => t.isInstance(unwrapArg(x)) },
  MakeArrayType: { counts: [0], invoke: (t) => arrayTypeOf(t) },
  GetGenericArguments: { counts: [0], invoke: (t) => t.typeArguments ?? [] },
  GetHashCode: { counts: [0], invoke: (t) => t.fullName.length },
});

function innermost(e: PSException): PSException {
  return e.innerException ? innermost(e.innerException) : e;
}

const exceptionMethods = methodTable<PSException>({
  ToString: { counts: [0], invoke: (e) => `${e.typeName}: ${e.message}` },
  GetBaseException: { counts: [0], invoke: (e) => innermost(e) },
  Equals: { counts: [1], invoke: (e, [x]) => unwrapArg(x) === e },
});

const errorRecordMethods = methodTable<ErrorRecord>({
  ToString: { counts: [0], invoke: (r) => r.message },
  Equals: { counts: [1], invoke: (r, [x]) => unwrapArg(x) === r },
});

const ENCODING_METHODS = new Set(['getbytes', 'getstring', 'getbytecount', 'getpreamble']);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTable = ReturnType<typeof methodTable<any>>;

function scalarTable(target: unknown, ctx: MethodContext | undefined): AnyTable | undefined {
  if (typeof target === 'number' || typeof target === 'bigint') return numberMethods;
  if (typeof target === 'boolean') return booleanMethods;
  if (target instanceof Date) return dateMethods;
  if (target instanceof TimeSpan) return timeSpanMethods;
  if (target instanceof EnumValue) return enumMethods;
  if (target instanceof PSVersion) return versionMethods;
  if (target instanceof PSGuid) return guidMethods;
  if (target instanceof PSIPAddress) return ipMethods;
  if (target instanceof NetRegex) return regexMethods(ctx);
  if (target instanceof PSStringBuilder) return builderMethods;
  if (isPSType(target)) return typeMethods;
  if (target instanceof ErrorRecord) return errorRecordMethods;
  if (target instanceof PSException) return exceptionMethods;
  return undefined;
}

/** Instance methods of non-collection, non-PSObject values; `found: false` when the value has none by that name. */
export function callScalarMethod(target: unknown, name: string, args: unknown[], ctx: MethodContext | undefined): Result {
  if (target instanceof PSEncoding) {
    const r = encodingMethod(target, name, args);
    return r.found ? { found: true, value: r.value } : { found: false };
  }
  const table = scalarTable(target, ctx);
  return table ? callFromTable(table, target, name, args) : { found: false };
}

/** True when a scalar value has an instance method of that name. */
export function hasScalarMethod(target: unknown, name: string): boolean {
  if (target instanceof PSEncoding) return ENCODING_METHODS.has(name.toLowerCase());
  return scalarTable(target, undefined)?.has(name.toLowerCase()) ?? false;
}
