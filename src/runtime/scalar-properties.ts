// Adapted .NET properties of non-PSObject values, in .NET's order: what `$date.Year`, `$s.Length`,
// `$_.Exception.Message` read and what Get-Member / Format-List * list.
import { DayOfWeekEnum, DateTimeKindEnum, ErrorCategoryEnum, RegexOptionsEnum } from './builtin-enums.ts';
import { dateKind, dateParts, datePart, dateTicks, isLeapYear } from './datetime.ts';
import { formatDate } from './date-format.ts';
import type { PSType } from './dotnet-type.ts';
import { isPSType } from './dotnet-type.ts';
import { PSGuid, PSIPAddress, PSList, PSReference, PSStringBuilder, PSVersion } from './dotnet-values.ts';
import { ErrorRecord, PSException } from './errors.ts';
import { InputEnumerator, inputEnumeratorProperties } from './input-enumerator.ts';
import { invocationInfoObject } from './invocation-info.ts';
import { NetRegex } from './regex-engine.ts';
import { PSEncoding, encodingMember } from './text-encoding.ts';
import { toPSString } from './to-string.ts';
import { typeByFullName, typeOf } from './types.ts';
import { EnumValue, PSHashtable, PSObject, TimeSpan } from './values.ts';

export interface PropertyEntry<T = unknown> {
  name: string;
  /** .NET type of the value, for Get-Member (`System.Int32`, `datetime`...). */
  typeName: string;
  get(target: T): unknown;
  set?(target: T, value: unknown): void;
}

function p<T>(name: string, typeName: string, get: (t: T) => unknown, set?: (t: T, v: unknown) => void): PropertyEntry<T> {
  return { name, typeName, get, set };
}

const CUMULATIVE_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

const dateProps: PropertyEntry<Date>[] = [
  p('Date', 'datetime', (d) => datePart(d)),
  p('Day', 'int', (d) => dateParts(d).day),
  p('DayOfWeek', 'System.DayOfWeek', (d) => DayOfWeekEnum.value(dateParts(d).dayOfWeek)),
  p('DayOfYear', 'int', (d) => {
    const { year, month, day } = dateParts(d);
    return CUMULATIVE_DAYS[month - 1] + day + (month > 2 && isLeapYear(year) ? 1 : 0);
  }),
  p('Hour', 'int', (d) => dateParts(d).hour),
  p('Kind', 'System.DateTimeKind', (d) => DateTimeKindEnum.value(['Unspecified', 'Utc', 'Local'].indexOf(dateKind(d)))),
  p('Millisecond', 'int', (d) => dateParts(d).millisecond),
  p('Minute', 'int', (d) => dateParts(d).minute),
  p('Month', 'int', (d) => dateParts(d).month),
  p('Second', 'int', (d) => dateParts(d).second),
  p('Ticks', 'long', (d) => dateTicks(d)),
  p('TimeOfDay', 'timespan', (d) => {
    const pp = dateParts(d);
    return new TimeSpan(((pp.hour * 60 + pp.minute) * 60 + pp.second) * 1000 + pp.millisecond);
  }),
  p('Year', 'int', (d) => dateParts(d).year),
  // PowerShell's DateTime ScriptProperty (types.ps1xml).
  p('DateTime', 'System.Object', (d) => formatDate(d, 'dddd, MMMM d, yyyy h:mm:ss tt')),
];

function part(t: TimeSpan, unitMs: number, modulo: number): number {
  return Math.trunc(t.totalMilliseconds / unitMs) % modulo;
}

const timeSpanProps: PropertyEntry<TimeSpan>[] = [
  p('Ticks', 'long', (t) => Math.round(t.totalMilliseconds * 10_000)),
  p('Days', 'int', (t) => Math.trunc(t.totalMilliseconds / 86_400_000)),
  p('Hours', 'int', (t) => part(t, 3_600_000, 24)),
  p('Milliseconds', 'int', (t) => Math.trunc(t.totalMilliseconds) % 1000),
  p('Minutes', 'int', (t) => part(t, 60_000, 60)),
  p('Seconds', 'int', (t) => part(t, 1000, 60)),
  p('TotalDays', 'double', (t) => t.totalMilliseconds / 86_400_000),
  p('TotalHours', 'double', (t) => t.totalMilliseconds / 3_600_000),
  p('TotalMilliseconds', 'double', (t) => t.totalMilliseconds),
  p('TotalMinutes', 'double', (t) => t.totalMilliseconds / 60_000),
  p('TotalSeconds', 'double', (t) => t.totalMilliseconds / 1000),
];

const stringProps: PropertyEntry<string>[] = [p('Length', 'int', (s) => s.length)];

const hashtableProps: PropertyEntry<PSHashtable>[] = [
  p('IsReadOnly', 'bool', () => false),
  p('IsFixedSize', 'bool', () => false),
  p('IsSynchronized', 'bool', () => false),
  p('Keys', 'System.Collections.ICollection', (h) => h.keys()),
  p('Values', 'System.Collections.ICollection', (h) => h.values()),
  p('SyncRoot', 'System.Object', (h) => h),
  p('Count', 'int', (h) => h.size),
];

const arrayProps: PropertyEntry<ArrayLike<unknown>>[] = [
  p('Length', 'int', (a) => a.length),
  p('LongLength', 'long', (a) => a.length),
  p('Rank', 'int', () => 1),
  p('SyncRoot', 'System.Object', (a) => a),
  p('IsReadOnly', 'bool', () => false),
  p('IsFixedSize', 'bool', () => true),
  p('IsSynchronized', 'bool', () => false),
  p('Count', 'int', (a) => a.length),
];

const listProps: PropertyEntry<PSList>[] = [
  p('Capacity', 'int', (l) => Math.max(4, l.length)),
  p('Count', 'int', (l) => l.length),
  p('IsFixedSize', 'bool', () => false),
  p('IsReadOnly', 'bool', () => false),
  p('IsSynchronized', 'bool', () => false),
  p('SyncRoot', 'System.Object', (l) => l),
];

const versionProps: PropertyEntry<PSVersion>[] = [
  p('Major', 'int', (v) => v.major),
  p('Minor', 'int', (v) => v.minor),
  p('Build', 'int', (v) => v.build),
  p('Revision', 'int', (v) => v.revision),
  p('MajorRevision', 'int16', (v) => (v.revision < 0 ? -1 : v.revision >> 16)),
  p('MinorRevision', 'int16', (v) => (v.revision < 0 ? -1 : v.revision & 0xffff)),
];

const typeProps: PropertyEntry<PSType>[] = [
  p('Name', 'string', (t) => t.name),
  p('FullName', 'string', (t) => t.fullName),
  p('Namespace', 'string', (t) => {
    const base = t.fullName.replace(/\[.*$/, '');
    return base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : null;
  }),
  p('BaseType', 'type', (t) => (t.fullName === 'System.Object' ? null : typeByFullName(t.baseTypeName ?? 'System.Object') ?? t.baseTypeName ?? null)),
  p('IsPublic', 'bool', () => true),
  p('IsSerializable', 'bool', () => true),
  p('IsEnum', 'bool', (t) => t.enumType !== undefined),
  p('IsArray', 'bool', (t) => t.fullName.endsWith('[]')),
  p('IsValueType', 'bool', (t) => t.isValueType === true),
  p('IsClass', 'bool', (t) => t.isValueType !== true),
  p('IsGenericType', 'bool', (t) => (t.typeArguments?.length ?? 0) > 0),
  p('GenericTypeArguments', 'type[]', (t) => t.typeArguments ?? []),
  p('UnderlyingSystemType', 'type', (t) => t),
  p('AssemblyQualifiedName', 'string', (t) => t.fullName),
];

const regexProps: PropertyEntry<NetRegex>[] = [
  p('Options', 'System.Text.RegularExpressions.RegexOptions', (r) => RegexOptionsEnum.value(r.options)),
  p('RightToLeft', 'bool', () => false),
];

/** System.Guid has no .NET properties; PowerShell's types.ps1xml adds `Guid` (its text), which its table shows. */
const guidProps: PropertyEntry<PSGuid>[] = [p('Guid', 'string', (g) => g.format() ?? '')];

const ipProps: PropertyEntry<PSIPAddress>[] = [
  p('AddressFamily', 'System.Net.Sockets.AddressFamily', (ip) => ip.family),
  p('IsIPv6LinkLocal', 'bool', (ip) => /^fe80:/i.test(ip.address)),
  p('IsIPv4MappedToIPv6', 'bool', (ip) => /^::ffff:/i.test(ip.address)),
  p('IPAddressToString', 'string', (ip) => ip.address),
];

const builderProps: PropertyEntry<PSStringBuilder>[] = [
  p('Capacity', 'int', (b) => Math.max(16, b.text.length)),
  p('MaxCapacity', 'int', () => 2147483647),
  p(
    'Length',
    'int',
    (b) => b.text.length,
    (b, v) => {
      const n = Number(v);
      b.text = n <= b.text.length ? b.text.slice(0, n) : b.text.padEnd(n, '\0');
    },
  ),
];

const referenceProps: PropertyEntry<PSReference>[] = [
  p(
    'Value',
    'System.Object',
    (r) => r.value,
    (r, v) => {
      r.value = v;
    },
  ),
];

const exceptionProps: PropertyEntry<PSException>[] = [
  p('ErrorRecord', 'System.Management.Automation.ErrorRecord', (e) => e.errorRecord ?? null),
  p('Message', 'string', (e) => e.message),
  p('Data', 'System.Collections.IDictionary', () => new PSHashtable()),
  p('InnerException', 'System.Exception', (e) => e.innerException ?? null),
  p('TargetSite', 'System.Reflection.MethodBase', () => null),
  p('StackTrace', 'string', () => null),
  p('HelpLink', 'string', () => null),
  p('Source', 'string', () => null),
  p('HResult', 'int', () => -2146233087),
];

function categoryInfo(r: ErrorRecord): PSObject {
  const target = r.targetObject;
  const info = PSObject.from(
    [
      ['Category', ErrorCategoryEnum.lookup(r.category) ? ErrorCategoryEnum.value(ErrorCategoryEnum.lookup(r.category)!.value) : r.category],
      ['Activity', r.activity ?? r.invocation?.commandName ?? ''],
      ['Reason', r.reason],
      ['TargetName', target === undefined || target === null ? '' : toPSString(target)],
      ['TargetType', target === undefined || target === null ? '' : typeOf(target).name],
    ],
    ['System.Management.Automation.ErrorCategoryInfo', 'System.Object'],
  );
  info.defineMethod({
    name: 'ToString',
    invoke: (o) => `${r.category}: (${toPSString(o.getProperty('TargetName'))}:${toPSString(o.getProperty('TargetType'))}) [${toPSString(o.getProperty('Activity'))}], ${r.reason}`,
  });
  return info;
}

function invocationInfo(r: ErrorRecord): PSObject | null {
  return r.invocation ? invocationInfoObject(r.invocation) : null;
}

const errorRecordProps: PropertyEntry<ErrorRecord>[] = [
  p('Exception', 'System.Exception', (r) => r.exception),
  p('TargetObject', 'System.Object', (r) => r.targetObject ?? null),
  p('CategoryInfo', 'System.Management.Automation.ErrorCategoryInfo', categoryInfo),
  p('FullyQualifiedErrorId', 'string', (r) => r.fullyQualifiedErrorId),
  p('ErrorDetails', 'System.Management.Automation.ErrorDetails', (r) =>
    r.detailsMessage === undefined ? null : PSObject.from([['Message', r.detailsMessage], ['RecommendedAction', r.recommendedAction ?? '']], ['System.Management.Automation.ErrorDetails', 'System.Object']),
  ),
  p('InvocationInfo', 'System.Management.Automation.InvocationInfo', invocationInfo),
  p('ScriptStackTrace', 'string', () => ''),
  p('PipelineIterationInfo', 'System.Collections.ObjectModel.ReadOnlyCollection[int]', () => []),
];

const inputEnumeratorProps = [...(inputEnumeratorProperties as PropertyEntry<never>[]), ...(arrayProps as PropertyEntry<never>[])];

const enumProps: PropertyEntry<EnumValue>[] = [p('value__', 'int', (e) => e.value)];

/** The adapted property table of a value (undefined for values without .NET properties, e.g. numbers). */
export function adaptedPropertyTable(value: unknown): PropertyEntry[] | undefined {
  let table: PropertyEntry<never>[] | undefined;
  if (typeof value === 'string') table = stringProps;
  else if (value instanceof Date) table = dateProps;
  else if (value instanceof TimeSpan) table = timeSpanProps;
  else if (value instanceof PSHashtable) table = hashtableProps;
  else if (value instanceof PSList) table = listProps;
  else if (value instanceof InputEnumerator) table = inputEnumeratorProps;
  else if (Array.isArray(value) || value instanceof Uint8Array) table = arrayProps;
  else if (value instanceof PSVersion) table = versionProps;
  else if (value instanceof EnumValue) table = enumProps;
  else if (value instanceof NetRegex) table = regexProps;
  else if (value instanceof PSIPAddress) table = ipProps;
  else if (value instanceof PSGuid) table = guidProps;
  else if (value instanceof PSStringBuilder) table = builderProps;
  else if (value instanceof PSReference) table = referenceProps;
  else if (value instanceof ErrorRecord) table = errorRecordProps;
  else if (value instanceof PSException) table = exceptionProps;
  else if (isPSType(value)) table = typeProps;
  else if (value instanceof PSEncoding) {
    return ['BodyName', 'EncodingName', 'HeaderName', 'WebName', 'WindowsCodePage', 'IsSingleByte', 'CodePage'].map((name) => ({
      name,
      typeName: 'System.Object',
      get: (e: unknown) => encodingMember(e as PSEncoding, name).value,
    }));
  }
  return table as PropertyEntry[] | undefined;
}

/** Finds an adapted property by name (case-insensitive). */
export function findAdaptedProperty(value: unknown, name: string): PropertyEntry | undefined {
  const lower = name.toLowerCase();
  return adaptedPropertyTable(value)?.find((e) => e.name.toLowerCase() === lower);
}
