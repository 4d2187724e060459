// How one value looks inside a table cell or after `Name : ` in a list (PSObjectHelper.SmartToString):
// collections as `{a, b, c...}` cut at $FormatEnumerationLimit, everything else by its .NET
// ToString() in en-US culture (dates `11/27/2026 6:10:17 PM`, booleans `True`).
import { formatDate } from '../runtime/date-format.ts';
import { toPSString } from '../runtime/to-string.ts';
import { PSHashtable, PSObject } from '../runtime/values.ts';
import { ellipsisFor, DEFAULT_ENUMERATION_LIMIT } from './options.ts';
import type { Dialect } from './options.ts';
import { fullTypeName } from './type-info.ts';

export interface DisplayOptions {
  enumerationLimit?: number;
  dialect?: Dialect;
  /** PowerShell 7 tables show fractional numbers with two decimals (`F` format). */
  formatFloat?: boolean;
}

/** .NET's ToString() for a value, en-US culture (not PowerShell's invariant [string] conversion). */
export function dotNetToString(value: unknown): string {
  // Where ToString() and PowerShell's [string] differ: culture-formatted dates and type names for
  // collections; the rest (numbers, booleans, TimeSpans, enums...) is the same text.
  if (value instanceof Date) return formatDate(value, 'G');
  if (Array.isArray(value) || value instanceof Uint8Array || value instanceof PSHashtable) return fullTypeName(value);
  if (value instanceof PSObject && value.baseObject !== undefined && value.baseObject !== null) {
    return dotNetToString(value.baseObject);
  }
  return toPSString(value);
}

const DISPLAY_NAME_PATTERNS = [/^name$/i, /^id$/i, /^key$/i, /key$/i, /name$/i, /id$/i];

/** An object's display name: its Name, Id or Key property (or one ending so), if any. */
export function displayNameProperty(obj: PSObject): string | undefined {
  const names = obj.propertyNames();
  for (const pattern of DISPLAY_NAME_PATTERNS) {
    const hit = names.find((n) => pattern.test(n));
    if (hit) return hit;
  }
  return undefined;
}

function isCustomObject(obj: PSObject): boolean {
  return obj.typeName === 'System.Management.Automation.PSCustomObject';
}

/** How an element of a collection is named inside `{...}`. */
export function collectionItemName(item: unknown): string {
  if (item === null || item === undefined) return '$null';
  if (item instanceof PSObject && item.baseObject === undefined && !isCustomObject(item) && !item.getMethod('ToString')) {
    const nameProp = displayNameProperty(item);
    if (nameProp !== undefined) return dotNetToString(item.getProperty(nameProp));
  }
  return dotNetToString(item);
}

function enumerableItems(value: unknown): Iterable<unknown> | undefined {
  if (Array.isArray(value) || value instanceof Uint8Array || value instanceof Set) return value as Iterable<unknown>;
  if (value instanceof PSHashtable) return value.keys();
  return undefined;
}

/** The text of a value in a table cell or list entry. */
export function displayString(value: unknown, opts: DisplayOptions = {}): string {
  const base = value instanceof PSObject && value.baseObject !== undefined ? value.baseObject : value;
  const items = enumerableItems(base);
  if (items) {
    const limit = opts.enumerationLimit ?? DEFAULT_ENUMERATION_LIMIT;
    const parts: string[] = [];
    let truncated = false;
    for (const item of items) {
      if (limit >= 0 && parts.length === limit) {
        truncated = true;
        break;
      }
      parts.push(collectionItemName(item));
    }
    return `{${parts.join(', ')}${truncated ? ellipsisFor(opts.dialect ?? 'Desktop') : ''}}`;
  }
  if (opts.formatFloat && typeof base === 'number' && Number.isFinite(base) && !Number.isInteger(base)) {
    return base.toFixed(2);
  }
  return dotNetToString(value);
}
