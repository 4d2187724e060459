// [datetime] and [timespan] support: DateTimeKind on JS Dates, wall-clock components and ticks,
// AddMonths with .NET's clamping, and parsing of date and time-span strings as the invariant culture
// (DateTime.Parse / TimeSpan.Parse) accepts them.
import { TimeSpan } from './values.ts';

export type DateKind = 'Local' | 'Utc' | 'Unspecified';

const KIND = Symbol('DateTimeKind');

/** Ticks (100 ns) between 0001-01-01 and 1970-01-01. */
export const EPOCH_TICKS = 621355968000000000n;
const MS_PER_DAY = 86_400_000;

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A Date's DateTimeKind; untagged Dates are Local (Get-Date, DateTime.Parse). */
export function dateKind(d: Date): DateKind {
  return (d as unknown as Record<symbol, DateKind | undefined>)[KIND] ?? 'Local';
}

export function withKind(d: Date, kind: DateKind): Date {
  if (kind !== 'Local') Object.defineProperty(d, KIND, { value: kind, enumerable: false, configurable: true });
  return d;
}

export interface DateParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  dayOfWeek: number; // 0 = Sunday
}

/** The wall-clock components: UTC fields for Utc dates, local fields otherwise. */
export function dateParts(d: Date): DateParts {
  if (dateKind(d) === 'Utc') {
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
      dayOfWeek: d.getUTCDay(),
    };
  }
  return {
    year: d.getFullYear(),
    month: d.getMonth() + 1,
    day: d.getDate(),
    hour: d.getHours(),
    minute: d.getMinutes(),
    second: d.getSeconds(),
    millisecond: d.getMilliseconds(),
    dayOfWeek: d.getDay(),
  };
}

/** Builds a Date from wall-clock components of the given kind. */
export function makeDate(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0, kind: DateKind = 'Local'): Date {
  let d: Date;
  if (kind === 'Utc') {
    d = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
    d.setUTCFullYear(year);
  } else {
    d = new Date(2000, month - 1, day, hour, minute, second, ms);
    d.setFullYear(year);
  }
  return withKind(d, kind);
}

/** Milliseconds of the wall clock since 0001-01-01, independent of time zone. */
function wallClockMs(d: Date): number {
  const p = dateParts(d);
  const utc = new Date(Date.UTC(2000, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond));
  utc.setUTCFullYear(p.year);
  return utc.getTime();
}

/** DateTime.Ticks (bigint: it exceeds 2^53). */
export function dateTicks(d: Date): bigint {
  return BigInt(wallClockMs(d)) * 10000n + EPOCH_TICKS;
}

/** A Date from ticks, read as a wall clock of the given kind. */
export function dateFromTicks(ticks: bigint | number, kind: DateKind = 'Local'): Date {
  const ms = Number((BigInt(ticks) - EPOCH_TICKS) / 10000n);
  const u = new Date(ms);
  return makeDate(u.getUTCFullYear(), u.getUTCMonth() + 1, u.getUTCDate(), u.getUTCHours(), u.getUTCMinutes(), u.getUTCSeconds(), u.getUTCMilliseconds(), kind);
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** DateTime.AddMonths: the day is clamped to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(d: Date, months: number): Date {
  const p = dateParts(d);
  const total = p.year * 12 + (p.month - 1) + Math.trunc(months);
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(p.day, daysInMonth(year, month));
  return makeDate(year, month, day, p.hour, p.minute, p.second, p.millisecond, dateKind(d));
}

/** Adds a duration in milliseconds keeping the wall clock arithmetic of .NET (no DST jumps). */
export function addMilliseconds(d: Date, ms: number): Date {
  const kind = dateKind(d);
  const wall = wallClockMs(d) + ms;
  const u = new Date(wall);
  return makeDate(u.getUTCFullYear(), u.getUTCMonth() + 1, u.getUTCDate(), u.getUTCHours(), u.getUTCMinutes(), u.getUTCSeconds(), u.getUTCMilliseconds(), kind);
}

/** The difference of two dates' wall clocks, as DateTime subtraction computes it. */
export function subtractDates(a: Date, b: Date): TimeSpan {
  return new TimeSpan(wallClockMs(a) - wallClockMs(b));
}

/** The date part (midnight) of a Date, same kind. */
export function datePart(d: Date): Date {
  const p = dateParts(d);
  return makeDate(p.year, p.month, p.day, 0, 0, 0, 0, dateKind(d));
}

export function toUniversalTime(d: Date): Date {
  if (dateKind(d) === 'Utc') return d;
  return withKind(new Date(d.getTime()), 'Utc');
}

/** DateTime.ToLocalTime: an Unspecified date is taken to be UTC, as in .NET. */
export function toLocalTime(d: Date): Date {
  const kind = dateKind(d);
  if (kind === 'Local') return d;
  if (kind === 'Unspecified') {
    const p = dateParts(d);
    return new Date(makeDate(p.year, p.month, p.day, p.hour, p.minute, p.second, p.millisecond, 'Utc').getTime());
  }
  return new Date(d.getTime());
}

// ---------------------------------------------------------------- parsing

function monthFromName(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTH_NAMES.findIndex((m) => m.toLowerCase() === w || m.slice(0, 3).toLowerCase() === w || (w === 'sept' && m === 'September'));
  return i < 0 ? undefined : i + 1;
}

function isDayName(word: string): boolean {
  const w = word.toLowerCase().replace(/[.,]$/, '');
  return DAY_NAMES.some((d) => d.toLowerCase() === w || d.slice(0, 3).toLowerCase() === w);
}

function expandYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n; // .NET's TwoDigitYearMax is 2029
}

interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

/**
 * DateTime.Parse with the invariant culture: ISO 8601 (`2026-11-27`, `2026-11-27T10:30:00Z`),
 * `MM/dd/yyyy [h:mm[:ss] [AM|PM]]`, `yyyy/MM/dd`, month names (`27 November 2026`, `Nov 27, 2026`,
 * with an optional day name), RFC 1123 (`Fri, 27 Nov 2026 10:00:00 GMT`), and a time alone (today).
 * A zone designator converts to local time. Returns undefined when the text is not a date.
 */
export function parseDateTime(text: string, now = new Date()): Date | undefined {
  let s = text.trim();
  if (!s) return undefined;
  let zoneMs: number | undefined;
  const zone = /\s*(Z|GMT|UTC|[+-]\d{2}:?\d{2})$/i.exec(s);
  if (zone && /\d/.test(s.slice(0, zone.index))) {
    s = s.slice(0, zone.index);
    const z = zone[1].toUpperCase();
    if (z === 'Z' || z === 'GMT' || z === 'UTC') zoneMs = 0;
    else {
      const sign = z.startsWith('-') ? -1 : 1;
      const digits = z.slice(1).replace(':', '');
      zoneMs = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
    }
  }
  let time: TimeOfDay | undefined;
  const t = /(?:^|[\sT])(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?\s*([AaPp][Mm]?)?$/.exec(s);
  if (t) {
    let hour = Number(t[1]);
    const ampm = t[5]?.toUpperCase();
    if (ampm) {
      if (hour < 1 || hour > 12) return undefined;
      if (ampm.startsWith('P') && hour < 12) hour += 12;
      if (ampm.startsWith('A') && hour === 12) hour = 0;
    }
    time = { hour, minute: Number(t[2]), second: Number(t[3] ?? 0), ms: t[4] ? Math.round(Number(`0.${t[4]}`) * 1000) : 0 };
    if (time.hour > 23 || time.minute > 59 || time.second > 59) return undefined;
    s = s.slice(0, t.index).trim();
  }
  let ymd: [number, number, number] | undefined;
  if (!s) {
    if (!time) return undefined;
    ymd = [now.getFullYear(), now.getMonth() + 1, now.getDate()];
  } else {
    ymd = parseDatePart(s);
  }
  if (!ymd) return undefined;
  const [year, month, day] = ymd;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || year < 1 || year > 9999) return undefined;
  const tod = time ?? { hour: 0, minute: 0, second: 0, ms: 0 };
  if (zoneMs !== undefined) {
    const utc = makeDate(year, month, day, tod.hour, tod.minute, tod.second, tod.ms, 'Utc');
    return new Date(utc.getTime() - zoneMs);
  }
  return makeDate(year, month, day, tod.hour, tod.minute, tod.second, tod.ms);
}

function parseDatePart(s: string): [number, number, number] | undefined {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s) ?? /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(s);
  if (m) return [expandYear(m[3]), Number(m[1]), Number(m[2])];
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (m) return [new Date().getFullYear(), Number(m[1]), Number(m[2])];
  const words = s
    .split(/[\s,-]+/)
    .filter((w) => w && !isDayName(w));
  if (words.length < 2 || words.length > 3) return undefined;
  const monthIndex = words.findIndex((w) => monthFromName(w) !== undefined);
  if (monthIndex < 0) return undefined;
  const month = monthFromName(words[monthIndex])!;
  const nums = words.filter((_, i) => i !== monthIndex);
  if (!nums.every((n) => /^\d+$/.test(n))) return undefined;
  if (nums.length === 1) {
    // `November 2026` (day 1) or `27 November` (this year)
    return nums[0].length === 4 ? [Number(nums[0]), month, 1] : [new Date().getFullYear(), month, Number(nums[0])];
  }
  // `27 Nov 2026`, `Nov 27 2026`, `2026 Nov 27`
  if (nums[0].length === 4) return [Number(nums[0]), month, Number(nums[1])];
  return [expandYear(nums[1]), month, Number(nums[0])];
}

/** TimeSpan.Parse: `[-][d.]hh:mm[:ss[.fffffff]]` or a whole number of days. */
export function parseTimeSpan(text: string): TimeSpan | undefined {
  const s = text.trim();
  let m = /^(-)?(\d+)$/.exec(s);
  if (m) return new TimeSpan((m[1] ? -1 : 1) * Number(m[2]) * MS_PER_DAY);
  m = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?$/.exec(s);
  if (!m) return undefined;
  const [, neg, days, h, min, sec, frac] = m;
  if (Number(h) > 23 || Number(min) > 59 || Number(sec ?? 0) > 59) return undefined;
  const ms = ((Number(days ?? 0) * 24 + Number(h)) * 60 + Number(min)) * 60_000 + Number(sec ?? 0) * 1000 + (frac ? Number(`0.${frac}`) * 1000 : 0);
  return new TimeSpan(neg ? -ms : ms);
}

export { MS_PER_DAY };
