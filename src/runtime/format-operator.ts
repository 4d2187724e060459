// The -f operator (.NET composite formatting: `{index[,alignment][:format]}`, `{{` `}}`) and
// ToString(format) for numbers, dates, time spans, enums and GUIDs.
import { formatDate, formatTimeSpan } from './date-format.ts';
import { PSGuid } from './dotnet-values.ts';
import { formatNumber } from './number-format.ts';
import { RuntimeError, dotNetError } from './runtime-error.ts';
import { toPSString } from './to-string.ts';
import { typeOf } from './types.ts';
import { AutomationNull, EnumValue, PSHashtable, PSObject, TimeSpan } from './values.ts';

const BAD_FORMAT = 'Input string was not in a correct format.';

function formatException(message = BAD_FORMAT): Error {
  return dotNetError('System.FormatException', message);
}

/** Enum.ToString(format): G/F names, D decimal value, X eight hex digits. */
function formatEnum(v: EnumValue, format: string): string {
  switch (format) {
    case '':
    case 'G':
    case 'g':
    case 'F':
    case 'f':
      return v.toString();
    case 'D':
    case 'd':
      return String(v.value);
    case 'X':
    case 'x':
      return (v.value >>> 0).toString(16).toUpperCase().padStart(8, '0');
    default:
      throw formatException('Format String can be only "G", "g", "X", "x", "F", "f", "D" or "d".');
  }
}

/**
 * A value formatted as .NET's `IFormattable.ToString(format)` would (en-US culture). Without a format,
 * numbers use their round-trip text and dates the `G` pattern (`11/27/2026 3:04:05 PM`).
 */
export function formatValue(value: unknown, format?: string | null): string {
  let v = value === AutomationNull || value === undefined ? null : value;
  if (v instanceof PSObject && v.baseObject !== undefined) v = v.baseObject;
  const fmt = format ?? '';
  if (v === null) return '';
  if (typeof v === 'number' || typeof v === 'bigint') return formatNumber(v, fmt);
  if (v instanceof Date) return formatDate(v, fmt);
  if (v instanceof TimeSpan) return formatTimeSpan(v, fmt);
  if (v instanceof EnumValue) return formatEnum(v, fmt);
  if (v instanceof PSGuid) {
    const text = v.format(fmt);
    if (text === undefined) throw formatException('Format String can be only "D", "d", "N", "n", "P", "p", "B", "b", "X" or "x".');
    return text;
  }
  if (Array.isArray(v) || v instanceof Uint8Array || v instanceof PSHashtable) return typeOf(v).fullName;
  return toPSString(v);
}

function formatError(inner: string): RuntimeError {
  return new RuntimeError(`Error formatting a string: ${inner}.`, 'FormatError', 'System.Management.Automation.RuntimeException', 'InvalidOperation');
}

/**
 * `'{0,-10}|{1:N2}' -f $a, $b`: composite formatting. Errors are PowerShell's
 * `Error formatting a string: <.NET message>.` (ErrorId FormatError; the doubled period is PowerShell's).
 */
export function formatOperator(format: string, args: unknown[]): string {
  let out = '';
  const n = format.length;
  for (let i = 0; i < n; i++) {
    const c = format[i];
    if (c === '{') {
      if (format[i + 1] === '{') {
        out += '{';
        i++;
        continue;
      }
      const m = /^\{\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::([^}]*))?\}/.exec(format.slice(i));
      if (!m) throw formatError(BAD_FORMAT);
      const index = Number(m[1]);
      if (index >= args.length) {
        throw formatError('Index (zero based) must be greater than or equal to zero and less than the size of the argument list.');
      }
      let text: string;
      try {
        text = formatValue(args[index], m[3]);
      } catch (e) {
        if (e instanceof RuntimeError && e.typeName === 'System.FormatException') throw formatError(e.message);
        throw e;
      }
      const width = m[2] === undefined ? 0 : Number(m[2]);
      out += width >= 0 ? text.padStart(width) : text.padEnd(-width);
      i += m[0].length - 1;
    } else if (c === '}') {
      if (format[i + 1] !== '}') throw formatError(BAD_FORMAT);
      out += '}';
      i++;
    } else {
      out += c;
    }
  }
  return out;
}
