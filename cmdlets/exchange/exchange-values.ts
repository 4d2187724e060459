// Values between the shell and the store. In: what a parameter received (a hashtable of Add/Remove,
// a TimeSpan, an enum value, a size object taken from another object) becomes the plain value the
// store's rules parse. Out: the store's plain JSON becomes what Exchange 2007 shows — sizes as
// `10MB` / `unlimited`, time spans as TimeSpan, dates as DateTime.
import { toPSString, timeSpanToString } from '../../src/runtime/to-string.ts';
import { EnumValue, PSHashtable, PSObject, TimeSpan, baseValue } from '../../src/runtime/values.ts';
import type { ByteSize, Unlimited } from '../../src/store/quantities.ts';
import { timeSpanSeconds } from '../../src/store/quantities.ts';

/** The exact size behind a size object written by this module (so piping it back loses nothing). */
const sizeBytes = new WeakMap<PSObject, ByteSize>();

/**
 * A parameter value as the store expects it: `@{Add=...; Remove=...}` becomes a Map (see
 * toMultiValuedUpdate), arrays are converted element by element, TimeSpans become `hh:mm:ss`,
 * enum values their names, size objects their bytes, other objects their text.
 */
export function toStoreInput(value: unknown): unknown {
  if (value instanceof PSObject && sizeBytes.has(value)) return sizeBytes.get(value);
  const v = baseValue(value);
  if (v instanceof PSHashtable) return new Map(v.entries().map(([key, item]) => [toPSString(key), toStoreInput(item)]));
  if (Array.isArray(v)) return v.map(toStoreInput);
  if (v instanceof EnumValue) return v.toString();
  if (v instanceof TimeSpan) return timeSpanToString(v);
  if (v instanceof PSObject) return toPSString(v);
  return v;
}

const UNITS: [string, number][] = [
  ['TB', 1024 ** 4],
  ['GB', 1024 ** 3],
  ['MB', 1024 ** 2],
  ['KB', 1024],
];

/** Exchange 2007's ByteQuantifiedSize text: `10MB`, `64KB`, `1.5GB`, `100B`. */
export function byteSizeText(bytes: number): string {
  for (const [unit, size] of UNITS) {
    if (bytes >= size) {
      const scaled = bytes / size;
      return `${Number.isInteger(scaled) ? scaled : Number(scaled.toFixed(2))}${unit}`;
    }
  }
  return `${bytes}B`;
}

/** A ByteQuantifiedSize: shows as `10MB`, with ToBytes(), ToKB(), ToMB(), ToGB() as in Exchange. */
export function byteQuantifiedSize(bytes: number): PSObject {
  const size = new PSObject(['Microsoft.Exchange.Data.ByteQuantifiedSize', 'System.ValueType', 'System.Object']);
  const methods: [string, number][] = [
    ['ToBytes', 1],
    ['ToKB', 1024],
    ['ToMB', 1024 ** 2],
    ['ToGB', 1024 ** 3],
    ['ToTB', 1024 ** 4],
  ];
  for (const [name, unit] of methods) {
    size.defineMethod({ name, invoke: () => Math.floor(bytes / unit), definition: `ulong ${name}()` });
  }
  size.defineMethod({ name: 'ToString', invoke: () => byteSizeText(bytes), definition: 'string ToString()' });
  sizeBytes.set(size, bytes);
  return size;
}

/** An Unlimited<ByteQuantifiedSize>: `unlimited` or the size, with IsUnlimited and Value. */
export function unlimitedByteSize(size: ByteSize): PSObject {
  const unlimited = size === 'Unlimited';
  const result = new PSObject(['Microsoft.Exchange.Data.Unlimited`1[[Microsoft.Exchange.Data.ByteQuantifiedSize]]', 'System.ValueType', 'System.Object']);
  result.setProperty('IsUnlimited', unlimited);
  result.setProperty('Value', unlimited ? null : byteQuantifiedSize(size));
  result.defineMethod({ name: 'ToString', invoke: () => (unlimited ? 'unlimited' : byteSizeText(size)), definition: 'string ToString()' });
  sizeBytes.set(result, size);
  return result;
}

/** An Unlimited<int> as Exchange 2007 shows it: the number, or `unlimited`. */
export function unlimitedCount(value: Unlimited<number>): number | string {
  return value === 'Unlimited' ? 'unlimited' : value;
}

/** An EnhancedTimeSpan from the store's `[d.]hh:mm:ss` text. */
export function timeSpan(text: string): TimeSpan {
  return new TimeSpan(Math.round(timeSpanSeconds(text) * 1000));
}

/** A DateTime from the store's ISO 8601 text (null stays null). */
export function dateTime(text: string | null | undefined): Date | null {
  return text ? new Date(text) : null;
}
