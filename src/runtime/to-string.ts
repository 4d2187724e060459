// PowerShell's conversion of a value to [string] (LanguagePrimitives.ConvertTo<string>, invariant culture):
// what `"$x"`, `[string]$x` and `-join` produce. Display formatting (src/format) builds on this.
import { formatTimeSpan } from './date-format.ts';
import { EnumValue, PSHashtable, PSObject, SecureString, TimeSpan } from './values.ts';

/** `$OFS`, the separator used when an array becomes a string. */
export let outputFieldSeparator = ' ';
export function setOutputFieldSeparator(ofs: string): void {
  outputFieldSeparator = ofs;
}

function pad(n: number, width = 2): string {
  return String(Math.trunc(Math.abs(n))).padStart(width, '0');
}

/** Invariant-culture DateTime.ToString(): `MM/dd/yyyy HH:mm:ss`. */
export function dateToInvariantString(d: Date): string {
  return `${pad(d.getMonth() + 1)}/${pad(d.getDate())}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** TimeSpan.ToString(): `[-][d.]hh:mm:ss[.fffffff]` (the `c` format). */
export function timeSpanToString(t: TimeSpan): string {
  return formatTimeSpan(t, 'c');
}

/** Formats a number as .NET's default ToString() does (round-trip, `E+` exponents). */
export function numberToString(n: number | bigint): string {
  if (typeof n === 'bigint') return n.toString();
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (Object.is(n, -0)) return '0';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-4) && !Number.isInteger(n)) {
    return n.toExponential().replace(/e([+-])(\d)$/, 'E$10$2').replace('e', 'E');
  }
  if (abs >= 1e21) return n.toExponential().replace('e', 'E');
  let s = String(n);
  // .NET prints at most 15 significant digits for doubles by default (PowerShell 5.1 behaviour).
  if (!Number.isInteger(n) && s.replace(/^-?0?\.?0*/, '').replace('.', '').length > 15) {
    s = String(Number(n.toPrecision(15)));
  }
  return s;
}

/** Converts any value to a string as PowerShell does. */
export function toPSString(value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return value;
    case 'boolean':
      return value ? 'True' : 'False';
    case 'number':
    case 'bigint':
      return numberToString(value);
    case 'symbol':
      return '';
    case 'function':
      return 'System.Object';
  }
  if (Array.isArray(value)) return value.map(toPSString).join(outputFieldSeparator);
  if (value instanceof Uint8Array) return Array.from(value).join(outputFieldSeparator);
  if (value instanceof Date) return dateToInvariantString(value);
  if (value instanceof TimeSpan) return timeSpanToString(value);
  if (value instanceof EnumValue) return value.toString();
  if (value instanceof SecureString) return 'System.Security.SecureString';
  if (value instanceof PSHashtable) return value.ordered ? 'System.Collections.Specialized.OrderedDictionary' : 'System.Collections.Hashtable';
  if (value instanceof PSObject) return psObjectToString(value);
  const custom = (value as { toString?: () => string }).toString;
  if (typeof custom === 'function' && custom !== Object.prototype.toString) return custom.call(value);
  return 'System.Object';
}

function psObjectToString(obj: PSObject): string {
  if (obj.baseObject !== undefined) return toPSString(obj.baseObject);
  const toStringMethod = obj.getMethod('ToString');
  if (toStringMethod) return String(toStringMethod.invoke(obj, []));
  if (obj.typeNames[0] === 'System.Management.Automation.PSCustomObject') {
    const parts = obj.propertyNames().map((n) => `${n}=${toPSString(obj.getProperty(n))}`);
    return `@{${parts.join('; ')}}`;
  }
  return obj.typeName;
}
