// Exchange's quantity types as plain JSON: ByteQuantifiedSize as a number of bytes, Unlimited<T> as
// the string 'Unlimited', EnhancedTimeSpan as .NET TimeSpan text (`7.00:00:00`, `00:10:00`).
import { invalidValue } from './store-error.ts';

export type Unlimited<T> = T | 'Unlimited';
export type ByteSize = Unlimited<number>;

const UNITS: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

export interface RangeOptions {
  min?: number;
  max?: number;
  /** Whether 'Unlimited' is accepted. */
  unlimited?: boolean;
}

/** Bytes from `10485760`, `10MB`, `10 MB`, `10 MB (10,485,760 bytes)`, `1.5GB`, or `Unlimited`. */
export function parseByteSize(value: unknown, property: string, options: RangeOptions = {}): ByteSize {
  if (isUnlimited(value) && options.unlimited) return 'Unlimited';
  let bytes = NaN;
  if (typeof value === 'number' || typeof value === 'bigint') bytes = Number(value);
  else if (typeof value === 'string') {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB)?\s*(?:\(\s*[\d,]+\s*bytes\s*\))?\s*$/i.exec(value);
    if (match) bytes = Math.round(Number(match[1]) * UNITS[(match[2] ?? 'B').toUpperCase()]!);
  }
  if (!Number.isSafeInteger(bytes) || !inRange(bytes, options)) {
    throw invalidValue(
      `"${String(value)}" isn't a valid size for ${property}; specify a number of bytes or a value such as 10MB` +
        `${rangeText(options, 'bytes')}${options.unlimited ? ', or Unlimited' : ''}.`,
      'InvalidByteQuantifiedSize',
      value,
    );
  }
  return bytes;
}

/** A whole number, or 'Unlimited' when allowed. */
export function parseCount(value: unknown, property: string, options: RangeOptions = {}): Unlimited<number> {
  if (isUnlimited(value) && options.unlimited) return 'Unlimited';
  const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : typeof value === 'number' ? value : NaN;
  if (!Number.isSafeInteger(number) || !inRange(number, options)) {
    throw invalidValue(
      `"${String(value)}" isn't a valid value for ${property}; specify a whole number${rangeText(options, '')}` +
        `${options.unlimited ? ', or Unlimited' : ''}.`,
      'InvalidNumber',
      value,
    );
  }
  return number;
}

/** Canonical TimeSpan text (`[d.]hh:mm:ss`) from the same text forms .NET accepts for TimeSpan. */
export function parseTimeSpan(value: unknown, property: string, options: { minSeconds?: number; maxSeconds?: number } = {}): string {
  const seconds = typeof value === 'string' ? timeSpanSeconds(value) : NaN;
  const min = options.minSeconds ?? 0;
  const max = options.maxSeconds ?? Infinity;
  if (!Number.isFinite(seconds) || seconds < min || seconds > max) {
    throw invalidValue(
      `"${String(value)}" isn't a valid time span for ${property}; use the form d.hh:mm:ss, such as 00:05:00 for five minutes.`,
      'InvalidTimeSpan',
      value,
    );
  }
  return formatTimeSpan(seconds);
}

/** Seconds in a TimeSpan text (`1.02:03:04`, `00:10:00`, `00:00:05.5`); NaN when malformed. */
export function timeSpanSeconds(text: string): number {
  const match = /^\s*(?:(\d+)\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?\s*$/.exec(text);
  if (!match) return NaN;
  const [, days = '0', hours, minutes, secs = '0', fraction = '0'] = match;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(secs) > 59) return NaN;
  return Number(days) * 86400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(secs) + Number(`0.${fraction}`);
}

export function formatTimeSpan(totalSeconds: number): string {
  const whole = Math.floor(totalSeconds);
  const days = Math.floor(whole / 86400);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(Math.floor((whole % 86400) / 3600))}:${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}`;
  const fraction = totalSeconds - whole;
  const fractionText = fraction > 0 ? '.' + fraction.toFixed(7).slice(2) : '';
  return days > 0 ? `${days}.${time}${fractionText}` : `${time}${fractionText}`;
}

/** Exchange's display of a ByteQuantifiedSize: `10 MB (10,485,760 bytes)`, `Unlimited`. */
export function describeByteSize(size: ByteSize): string {
  if (size === 'Unlimited') return 'Unlimited';
  const unit = ['TB', 'GB', 'MB', 'KB'].find((name) => size >= UNITS[name]!) ?? 'B';
  const scaled = Number((size / UNITS[unit]!).toFixed(3));
  return `${scaled} ${unit} (${size.toLocaleString('en-US')} bytes)`;
}

function isUnlimited(value: unknown): boolean {
  return typeof value === 'string' && value.trim().toLowerCase() === 'unlimited';
}

function inRange(value: number, options: RangeOptions): boolean {
  return value >= (options.min ?? 0) && value <= (options.max ?? Number.MAX_SAFE_INTEGER);
}

function rangeText(options: RangeOptions, unit: string): string {
  if (options.max === undefined) return '';
  const suffix = unit ? ` ${unit}` : '';
  return ` from ${options.min ?? 0} through ${options.max}${suffix}`;
}
