// .NET format strings for calculated properties' `FormatString` (`N2`, `{0:N0} MB`, `yyyy-MM-dd`),
// en-US culture. A small subset: standard numeric formats C D E F G N P R X, simple custom numeric
// patterns (`0.00`, `#,##0`), date formats, and composite `{0[,align][:format]}` strings.
import { formatDate } from './date-format.ts';
import { numberToString } from '../runtime/to-string.ts';

function group(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function fixed(n: number, decimals: number, grouping: boolean): string {
  const s = Math.abs(n).toFixed(decimals);
  const [int, frac] = s.split('.');
  const body = (grouping ? group(int) : int) + (frac !== undefined ? `.${frac}` : '');
  return (n < 0 && Number(s) !== 0 ? '-' : '') + body;
}

function customNumber(n: number, pattern: string): string {
  const match = /^([^0#,.%]*)([0#,]*)(?:\.([0#]*))?(%?)(.*)$/.exec(pattern);
  if (!match) return numberToString(n);
  const [, prefix, intPart, fracPart = '', percent, suffix] = match;
  const value = percent ? n * 100 : n;
  const maxDecimals = fracPart.length;
  const minDecimals = (fracPart.match(/0/g) ?? []).length;
  let s = fixed(value, maxDecimals, intPart.includes(','));
  if (maxDecimals > minDecimals && s.includes('.')) {
    s = s.replace(new RegExp(`0{0,${maxDecimals - minDecimals}}$`), '').replace(/\.$/, '');
  }
  const minInt = (intPart.match(/0/g) ?? []).length;
  const neg = s.startsWith('-');
  let [int, frac] = (neg ? s.slice(1) : s).split('.');
  if (minInt === 0 && int === '0') int = '';
  else int = int.padStart(minInt, '0');
  s = (neg ? '-' : '') + int + (frac !== undefined ? `.${frac}` : '');
  return prefix + s + percent + suffix;
}

/** Formats a number with a standard or custom .NET numeric format string. */
export function formatNumber(n: number | bigint, format: string): string {
  const std = /^([CcDdEeFfGgNnPpRrXx])(\d{0,2})$/.exec(format);
  const num = typeof n === 'bigint' ? Number(n) : n;
  if (!std) return customNumber(num, format);
  const letter = std[1].toUpperCase();
  const precision = std[2] === '' ? undefined : Number(std[2]);
  switch (letter) {
    case 'C':
      return (num < 0 ? '-$' : '$') + fixed(Math.abs(num), precision ?? 2, true);
    case 'D': {
      const digits = (typeof n === 'bigint' ? n : BigInt(Math.trunc(num))).toString().replace('-', '');
      return (num < 0 ? '-' : '') + digits.padStart(precision ?? 0, '0');
    }
    case 'E': {
      const [mantissa, exp] = num.toExponential(precision ?? 6).split('e');
      const sign = exp.startsWith('-') ? '-' : '+';
      const e = `${sign}${exp.replace(/^[+-]/, '').padStart(3, '0')}`;
      return `${mantissa}${std[1] === 'e' ? 'e' : 'E'}${e}`;
    }
    case 'F':
      return fixed(num, precision ?? 2, false);
    case 'N':
      return fixed(num, precision ?? 2, true);
    case 'P':
      return `${fixed(num * 100, precision ?? 2, true)} %`;
    case 'X': {
      const hex = (typeof n === 'bigint' ? n : BigInt(Math.trunc(num))).toString(16);
      const padded = hex.padStart(precision ?? 0, '0');
      return std[1] === 'X' ? padded.toUpperCase() : padded;
    }
    default:
      return numberToString(n);
  }
}

/** Applies a format directive to one value (no composite handling). */
export function formatValue(value: unknown, format: string, fallback: (v: unknown) => string): string {
  if (format === '') return fallback(value);
  if (typeof value === 'number' || typeof value === 'bigint') return formatNumber(value, format);
  if (value instanceof Date) return formatDate(value, format);
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
