// The properties the formatter can see on any value: PSObject properties (falling back to a wrapped
// base value), and the .NET properties of the built-in value types (DateTime, TimeSpan, String,
// ErrorRecord). Hashtables are shown entry by entry as DictionaryEntry objects (Name, Key, Value).
import { PSHashtable, PSObject, TimeSpan } from '../runtime/values.ts';
import { ErrorRecord } from '../runtime/errors.ts';
import { PSGuid } from '../runtime/dotnet-values.ts';
import { categoryInfoMessage } from './error-category.ts';

export const DICTIONARY_ENTRY_TYPE = 'System.Collections.DictionaryEntry';

/** The entries of a hashtable as PowerShell enumerates them for display. */
export function dictionaryEntries(table: PSHashtable): PSObject[] {
  return table.entries().map(([key, value]) => {
    const entry = new PSObject([DICTIONARY_ENTRY_TYPE, 'System.ValueType', 'System.Object']);
    entry.defineProperty({ name: 'Name', kind: 'alias', referencedName: 'Key' });
    entry.setProperty('Key', key);
    entry.setProperty('Value', value);
    return entry;
  });
}

type Getter = (v: never) => unknown;

const TICKS_PER_MS = 10_000;

function dateProperties(): Record<string, Getter> {
  const startOfDay = (d: Date): Date => new Date(d.getFullYear(), d.getMonth(), d.getDate());
  return {
    Date: (d: Date) => startOfDay(d),
    Day: (d: Date) => d.getDate(),
    DayOfWeek: (d: Date) =>
      ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.getDay()],
    DayOfYear: (d: Date) => Math.round((startOfDay(d).getTime() - new Date(d.getFullYear(), 0, 1).getTime()) / 86_400_000) + 1,
    Hour: (d: Date) => d.getHours(),
    Kind: () => 'Local',
    Millisecond: (d: Date) => d.getMilliseconds(),
    Minute: (d: Date) => d.getMinutes(),
    Month: (d: Date) => d.getMonth() + 1,
    Second: (d: Date) => d.getSeconds(),
    Ticks: (d: Date) => BigInt(d.getTime() - d.getTimezoneOffset() * 60_000) * 10_000n + 621355968000000000n,
    TimeOfDay: (d: Date) => new TimeSpan(d.getTime() - startOfDay(d).getTime()),
    Year: (d: Date) => d.getFullYear(),
  };
}

function timeSpanProperties(): Record<string, Getter> {
  const whole = (t: TimeSpan, unit: number, modulo: number): number => Math.trunc(t.totalMilliseconds / unit) % modulo;
  return {
    Ticks: (t: TimeSpan) => Math.round(t.totalMilliseconds * TICKS_PER_MS),
    Days: (t: TimeSpan) => Math.trunc(t.totalMilliseconds / 86_400_000),
    Hours: (t: TimeSpan) => whole(t, 3_600_000, 24),
    Milliseconds: (t: TimeSpan) => whole(t, 1, 1000),
    Minutes: (t: TimeSpan) => whole(t, 60_000, 60),
    Seconds: (t: TimeSpan) => whole(t, 1000, 60),
    TotalDays: (t: TimeSpan) => t.totalMilliseconds / 86_400_000,
    TotalHours: (t: TimeSpan) => t.totalMilliseconds / 3_600_000,
    TotalMilliseconds: (t: TimeSpan) => t.totalMilliseconds,
    TotalMinutes: (t: TimeSpan) => t.totalMilliseconds / 60_000,
    TotalSeconds: (t: TimeSpan) => t.totalMilliseconds / 1000,
  };
}

function errorRecordProperties(): Record<string, Getter> {
  return {
    Exception: (e: ErrorRecord) => `${e.exception.typeName}: ${e.exception.message}`,
    TargetObject: (e: ErrorRecord) => e.targetObject,
    CategoryInfo: (e: ErrorRecord) => categoryInfoMessage(e, 'Core'),
    FullyQualifiedErrorId: (e: ErrorRecord) => e.fullyQualifiedErrorId,
    ErrorDetails: (e: ErrorRecord) => e.detailsMessage ?? null,
    InvocationInfo: (e: ErrorRecord) => (e.invocation ? 'System.Management.Automation.InvocationInfo' : null),
  };
}

const DATE = dateProperties();
const TIMESPAN = timeSpanProperties();
const ERROR_RECORD = errorRecordProperties();
const STRING: Record<string, Getter> = { Length: (s: string) => s.length };
/** types.ps1xml's `Guid` property: the table Out-Default shows for a System.Guid. */
const GUID: Record<string, Getter> = { Guid: (g: PSGuid) => g.format() };
const ARRAY: Record<string, Getter> = { Length: (a: unknown[]) => a.length, Count: (a: unknown[]) => a.length };

function builtinTable(value: unknown): Record<string, Getter> | undefined {
  if (value instanceof Date) return DATE;
  if (value instanceof TimeSpan) return TIMESPAN;
  if (value instanceof ErrorRecord) return ERROR_RECORD;
  if (typeof value === 'string') return STRING;
  if (value instanceof PSGuid) return GUID;
  if (Array.isArray(value) || value instanceof Uint8Array) return ARRAY;
  return undefined;
}

/** Property names in display order. */
export function propertyNames(value: unknown): string[] {
  if (value instanceof PSObject) {
    const own = value.propertyNames();
    if (own.length === 0 && value.baseObject !== undefined) return propertyNames(value.baseObject);
    return own;
  }
  return Object.keys(builtinTable(value) ?? {});
}

/** The properties Out-Default and Format-* show when none are named (DefaultDisplayPropertySet). */
export function defaultDisplayPropertyNames(value: unknown): string[] {
  if (value instanceof PSObject && value.defaultDisplayProperties && value.defaultDisplayProperties.length > 0) {
    return value.defaultDisplayProperties.filter((n) => hasProperty(value, n));
  }
  return propertyNames(value);
}

/** The property's real name (case as declared), or undefined when there is none. */
export function resolvePropertyName(value: unknown, name: string): string | undefined {
  const want = name.toLowerCase();
  return propertyNames(value).find((n) => n.toLowerCase() === want);
}

export function hasProperty(value: unknown, name: string): boolean {
  return resolvePropertyName(value, name) !== undefined;
}

/** A property's value; undefined when the property is missing or its getter throws. */
export function propertyValue(value: unknown, name: string): unknown {
  try {
    if (value instanceof PSObject) {
      if (value.hasProperty(name)) return value.getProperty(name);
      return value.baseObject !== undefined ? propertyValue(value.baseObject, name) : undefined;
    }
    const table = builtinTable(value);
    const real = resolvePropertyName(value, name);
    return table && real ? (table[real] as (v: unknown) => unknown)(value) : undefined;
  } catch {
    return undefined;
  }
}
