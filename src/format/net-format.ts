// Calculated properties' `FormatString` (`N2`, `{0:N0} MB`, `yyyy-MM-dd`): a plain format for the
// value, or a composite `{0[,align][:format]}` string. The numbers and dates themselves are formatted
// by the runtime's .NET formatters (src/runtime/number-format.ts, date-format.ts), as `-f` does.
import { formatDate } from '../runtime/date-format.ts';
import { formatNumber } from '../runtime/number-format.ts';

/**
 * Applies a format directive to one value (no composite handling). A directive .NET would refuse
 * (`D` for a fraction, an unknown date letter) leaves the value as `fallback` shows it: a bad
 * FormatString must not stop a table half-way.
 */
export function formatValue(value: unknown, format: string, fallback: (v: unknown) => string): string {
  if (format === '') return fallback(value);
  try {
    if (typeof value === 'number' || typeof value === 'bigint') return formatNumber(value, format);
    if (value instanceof Date) return formatDate(value, format);
  } catch {
    // fall through to the plain text
  }
  return fallback(value);
}

/**
 * A FormatString as PowerShell applies it: composite when it contains `{0` or `}`
 * (`{0:N2} MB`, `{0,-10}`), else a plain format for the value (`N2`).
 */
export function applyFormatString(value: unknown, formatString: string, fallback: (v: unknown) => string): string {
  if (!formatString.includes('{0') && !formatString.includes('}')) return formatValue(value, formatString, fallback);
  return formatString.replace(/\{\{|\}\}|\{(\d+)(?:,(-?\d+))?(?::([^}]*))?\}/g, (whole, index, align, fmt) => {
    if (whole === '{{') return '{';
    if (whole === '}}') return '}';
    const text = index === '0' ? formatValue(value, fmt ?? '', fallback) : '';
    if (align === undefined) return text;
    const w = Number(align);
    return w < 0 ? text.padEnd(-w) : text.padStart(w);
  });
}
