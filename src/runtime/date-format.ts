// .NET DateTime and TimeSpan format strings: standard (d D f F g G M O R s t T u U Y) and custom
// (dd MMM yyyy HH:mm:ss.fff tt zzz K, 'literals', \escapes). Culture: en-US as Windows PowerShell 5.1
// on .NET Framework shows it (`d` → `11/27/2026`, `G` → `11/27/2026 3:04:05 PM`).
import { DAY_NAMES, MONTH_NAMES, dateKind, dateParts, toUniversalTime } from './datetime.ts';
import { dotNetError } from './runtime-error.ts';
import type { TimeSpan } from './values.ts';

const STANDARD: Record<string, string> = {
  d: 'M/d/yyyy',
  D: 'dddd, MMMM d, yyyy',
  f: 'dddd, MMMM d, yyyy h:mm tt',
  F: 'dddd, MMMM d, yyyy h:mm:ss tt',
  g: 'M/d/yyyy h:mm tt',
  G: 'M/d/yyyy h:mm:ss tt',
  m: 'MMMM dd',
  M: 'MMMM dd',
  o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  r: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  R: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
  t: 'h:mm tt',
  T: 'h:mm:ss tt',
  u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
  U: 'dddd, MMMM d, yyyy h:mm:ss tt',
  y: 'MMMM, yyyy',
  Y: 'MMMM, yyyy',
};

function pad(n: number, width: number): string {
  return String(Math.abs(n)).padStart(width, '0');
}

function offsetText(d: Date, width: 1 | 2 | 3): string {
  const minutes = dateKind(d) === 'Utc' ? 0 : -d.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const h = Math.floor(Math.abs(minutes) / 60);
  const m = Math.abs(minutes) % 60;
  if (width === 1) return `${sign}${h}`;
  if (width === 2) return `${sign}${pad(h, 2)}`;
  return `${sign}${pad(h, 2)}:${pad(m, 2)}`;
}

function formatError(): Error {
  return dotNetError('System.FormatException', 'Input string was not in a correct format.');
}

/** Formats a Date with a .NET standard or custom date/time format. */
export function formatDate(date: Date, format?: string | null): string {
  let fmt = format || 'G';
  let d = date;
  if (fmt.length === 1) {
    if (!(fmt in STANDARD)) throw formatError();
    if (fmt === 'U') d = toUniversalTime(date);
    fmt = STANDARD[fmt];
  }
  return customDate(d, fmt);
}

/**
 * What a quoted literal (`'at'`, `"h"`), an escape (`\:`) or a `%` (a lone custom specifier: `%d`)
 * at `fmt[i]` stands for, and where the format goes on; undefined for anything else.
 */
function literalAt(fmt: string, i: number): { text: string; next: number } | undefined {
  const c = fmt[i];
  if (c === "'" || c === '"') {
    const end = fmt.indexOf(c, i + 1);
    if (end < 0) throw formatError();
    return { text: fmt.slice(i + 1, end), next: end + 1 };
  }
  if (c === '\\') return { text: fmt[i + 1] ?? '', next: i + 2 };
  if (c === '%') return { text: '', next: i + 1 };
  return undefined;
}

function runLength(fmt: string, i: number): number {
  let n = 1;
  while (fmt[i + n] === fmt[i]) n++;
  return n;
}

function customDate(d: Date, fmt: string): string {
  const p = dateParts(d);
  let out = '';
  for (let i = 0; i < fmt.length; ) {
    const literal = literalAt(fmt, i);
    if (literal) {
      out += literal.text;
      i = literal.next;
      continue;
    }
    const c = fmt[i];
    const n = runLength(fmt, i);
    switch (c) {
      case 'd':
        out += n === 1 ? String(p.day) : n === 2 ? pad(p.day, 2) : n === 3 ? DAY_NAMES[p.dayOfWeek].slice(0, 3) : DAY_NAMES[p.dayOfWeek];
        break;
      case 'M':
        out += n === 1 ? String(p.month) : n === 2 ? pad(p.month, 2) : n === 3 ? MONTH_NAMES[p.month - 1].slice(0, 3) : MONTH_NAMES[p.month - 1];
        break;
      case 'y':
        out += n === 1 ? String(p.year % 100) : n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case 'h':
        out += n === 1 ? String(p.hour % 12 || 12) : pad(p.hour % 12 || 12, 2);
        break;
      case 'H':
        out += n === 1 ? String(p.hour) : pad(p.hour, 2);
        break;
      case 'm':
        out += n === 1 ? String(p.minute) : pad(p.minute, 2);
        break;
      case 's':
        out += n === 1 ? String(p.second) : pad(p.second, 2);
        break;
      case 'f':
      case 'F': {
        if (n > 7) throw formatError();
        const frac = pad(p.millisecond, 3).padEnd(7, '0').slice(0, n);
        out += c === 'f' ? frac : frac.replace(/0+$/, '');
        if (c === 'F' && out.endsWith('.') && !frac.replace(/0+$/, '')) out = out.slice(0, -1);
        break;
      }
      case 't':
        out += n === 1 ? (p.hour < 12 ? 'A' : 'P') : p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'z':
        out += offsetText(d, Math.min(n, 3) as 1 | 2 | 3);
        break;
      case 'K':
        out += dateKind(d) === 'Utc' ? 'Z' : dateKind(d) === 'Local' ? offsetText(d, 3) : '';
        break;
      case 'g':
        out += 'A.D.';
        break;
      case ':':
        out += ':';
        break;
      case '/':
        out += '/';
        break;
      default:
        out += c;
        i++;
        continue;
    }
    i += n;
  }
  return out;
}

/**
 * TimeSpan.ToString(format): `c`/`t`/`T` (`[-][d.]hh:mm:ss[.fffffff]`), `g` (`[-][d:]h:mm:ss[.FFFFFFF]`),
 * `G` (`[-]d:hh:mm:ss.fffffff`), and custom (`hh\:mm\:ss`, `dd`, `fff`...).
 */
export function formatTimeSpan(t: TimeSpan, format?: string | null): string {
  const neg = t.totalMilliseconds < 0;
  let ms = Math.abs(t.totalMilliseconds);
  const days = Math.floor(ms / 86_400_000);
  ms -= days * 86_400_000;
  const hours = Math.floor(ms / 3_600_000);
  ms -= hours * 3_600_000;
  const minutes = Math.floor(ms / 60_000);
  ms -= minutes * 60_000;
  const seconds = Math.floor(ms / 1000);
  const fraction = pad(Math.round((ms - seconds * 1000) * 10_000), 7);
  const sign = neg ? '-' : '';
  const fmt = format || 'c';
  if (fmt === 'c' || fmt === 't' || fmt === 'T') {
    return `${sign}${days ? `${days}.` : ''}${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}${fraction !== '0000000' ? `.${fraction}` : ''}`;
  }
  if (fmt === 'g') {
    const frac = fraction.replace(/0+$/, '');
    return `${sign}${days ? `${days}:` : ''}${hours}:${pad(minutes, 2)}:${pad(seconds, 2)}${frac ? `.${frac}` : ''}`;
  }
  if (fmt === 'G') return `${sign}${days}:${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${fraction}`;
  if (fmt.length === 1) throw formatError();
  let out = '';
  for (let i = 0; i < fmt.length; ) {
    const literal = literalAt(fmt, i);
    if (literal) {
      out += literal.text;
      i = literal.next;
      continue;
    }
    const c = fmt[i];
    const n = runLength(fmt, i);
    switch (c) {
      case 'd':
        out += pad(days, n);
        break;
      case 'h':
        out += n === 1 ? String(hours) : pad(hours, 2);
        break;
      case 'm':
        out += n === 1 ? String(minutes) : pad(minutes, 2);
        break;
      case 's':
        out += n === 1 ? String(seconds) : pad(seconds, 2);
        break;
      case 'f':
        out += fraction.slice(0, n);
        break;
      case 'F':
        out += fraction.slice(0, n).replace(/0+$/, '');
        break;
      default:
        // .NET rejects unescaped literal characters in TimeSpan formats.
        throw formatError();
    }
    i += n;
  }
  return out;
}
