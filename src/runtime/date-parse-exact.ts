// DateTime.ParseExact with custom and standard format strings (en-US names).
import { DAY_NAMES, MONTH_NAMES, makeDate, daysInMonth } from './datetime.ts';

const STANDARD: Record<string, string> = {
  d: 'M/d/yyyy',
  D: 'dddd, MMMM d, yyyy',
  g: 'M/d/yyyy h:mm tt',
  G: 'M/d/yyyy h:mm:ss tt',
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
  u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
  t: 'h:mm tt',
  T: 'h:mm:ss tt',
  o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
};

type Field = 'year' | 'year2' | 'month' | 'monthName' | 'day' | 'dayName' | 'hour' | 'hour12' | 'minute' | 'second' | 'fraction' | 'ampm' | 'zone';

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** Parses `text` exactly as `format` describes it; undefined when it does not match. */
export function parseExactDate(text: string, format: string): Date | undefined {
  const fmt = format.length === 1 ? STANDARD[format] ?? format : format;
  const fields: Field[] = [];
  let re = '';
  for (let i = 0; i < fmt.length; ) {
    const c = fmt[i];
    let n = 1;
    while (fmt[i + n] === c) n++;
    const add = (field: Field, pattern: string) => {
      fields.push(field);
      re += `(${pattern})`;
    };
    switch (c) {
      case 'y':
        if (n <= 2) add('year2', n === 1 ? '\\d{1,2}' : '\\d{2}');
        else add('year', `\\d{${n}}`);
        break;
      case 'M':
        if (n <= 2) add('month', n === 1 ? '\\d{1,2}' : '\\d{2}');
        else add('monthName', '[A-Za-z]+');
        break;
      case 'd':
        if (n <= 2) add('day', n === 1 ? '\\d{1,2}' : '\\d{2}');
        else add('dayName', '[A-Za-z]+');
        break;
      case 'H':
        add('hour', n === 1 ? '\\d{1,2}' : '\\d{2}');
        break;
      case 'h':
        add('hour12', n === 1 ? '\\d{1,2}' : '\\d{2}');
        break;
      case 'm':
        add('minute', n === 1 ? '\\d{1,2}' : '\\d{2}');
        break;
      case 's':
        add('second', n === 1 ? '\\d{1,2}' : '\\d{2}');
        break;
      case 'f':
      case 'F':
        add('fraction', c === 'f' ? `\\d{${n}}` : `\\d{0,${n}}`);
        break;
      case 't':
        add('ampm', n === 1 ? '[AaPp]' : '[AaPp][Mm]');
        break;
      case 'z':
      case 'K':
        add('zone', 'Z|[+-]\\d{1,2}(?::?\\d{2})?');
        break;
      case "'":
      case '"': {
        const end = fmt.indexOf(c, i + 1);
        const stop = end < 0 ? fmt.length : end;
        re += escape(fmt.slice(i + 1, stop));
        i = stop + 1;
        continue;
      }
      case '\\':
        re += escape(fmt[i + 1] ?? '');
        i += 2;
        continue;
      case '%':
        i++;
        continue;
      default:
        re += escape(c.repeat(n));
    }
    i += n;
  }
  const m = new RegExp(`^${re}$`).exec(text.trim());
  if (!m) return undefined;
  const now = new Date();
  let year = now.getFullYear();
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  let pm: boolean | undefined;
  let zone: number | undefined;
  let hasDate = false;
  fields.forEach((f, idx) => {
    const v = m[idx + 1];
    switch (f) {
      case 'year':
        year = Number(v);
        hasDate = true;
        break;
      case 'year2':
        year = Number(v) < 30 ? 2000 + Number(v) : 1900 + Number(v);
        hasDate = true;
        break;
      case 'month':
        month = Number(v);
        hasDate = true;
        break;
      case 'monthName':
        month = MONTH_NAMES.findIndex((name) => name.toLowerCase() === v.toLowerCase() || name.slice(0, 3).toLowerCase() === v.toLowerCase()) + 1;
        hasDate = true;
        break;
      case 'day':
        day = Number(v);
        hasDate = true;
        break;
      case 'dayName':
        if (!DAY_NAMES.some((name) => name.toLowerCase() === v.toLowerCase() || name.slice(0, 3).toLowerCase() === v.toLowerCase())) month = 0;
        break;
      case 'hour':
        hour = Number(v);
        break;
      case 'hour12':
        hour = Number(v) % 12;
        break;
      case 'minute':
        minute = Number(v);
        break;
      case 'second':
        second = Number(v);
        break;
      case 'fraction':
        ms = v ? Math.round(Number(`0.${v}`) * 1000) : 0;
        break;
      case 'ampm':
        pm = v.toUpperCase().startsWith('P');
        break;
      case 'zone':
        if (v === 'Z') zone = 0;
        else {
          const z = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(v)!;
          zone = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? 0));
        }
        break;
    }
  });
  if (!hasDate) {
    month = now.getMonth() + 1;
    day = now.getDate();
  }
  if (pm) hour += 12;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  if (zone !== undefined) {
    const utc = makeDate(year, month, day, hour, minute, second, ms, 'Utc');
    return new Date(utc.getTime() - zone * 60_000);
  }
  return makeDate(year, month, day, hour, minute, second, ms);
}
