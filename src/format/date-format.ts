// en-US date and time strings as .NET's DateTime.ToString(format) produces them (local time).
// `G` (M/d/yyyy h:mm:ss tt) is what PowerShell shows for dates in tables and lists.

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const STANDARD: Record<string, string> = {
  d: 'M/d/yyyy',
  D: 'dddd, MMMM d, yyyy',
  f: 'dddd, MMMM d, yyyy h:mm tt',
  F: 'dddd, MMMM d, yyyy h:mm:ss tt',
  g: 'M/d/yyyy h:mm tt',
  G: 'M/d/yyyy h:mm:ss tt',
  m: 'MMMM d',
  M: 'MMMM d',
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
  t: 'h:mm tt',
  T: 'h:mm:ss tt',
  y: 'MMMM yyyy',
  Y: 'MMMM yyyy',
};

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function token(d: Date, letter: string, count: number): string {
  const hours = d.getHours();
  switch (letter) {
    case 'y':
      return count === 2 ? pad(d.getFullYear() % 100, 2) : pad(d.getFullYear(), count);
    case 'M':
      if (count >= 4) return MONTHS[d.getMonth()];
      if (count === 3) return MONTHS[d.getMonth()].slice(0, 3);
      return pad(d.getMonth() + 1, count);
    case 'd':
      if (count >= 4) return DAYS[d.getDay()];
      if (count === 3) return DAYS[d.getDay()].slice(0, 3);
      return pad(d.getDate(), count);
    case 'H':
      return pad(hours, Math.min(count, 2));
    case 'h':
      return pad(hours % 12 === 0 ? 12 : hours % 12, Math.min(count, 2));
    case 'm':
      return pad(d.getMinutes(), Math.min(count, 2));
    case 's':
      return pad(d.getSeconds(), Math.min(count, 2));
    case 'f':
    case 'F': {
      const digits = pad(d.getMilliseconds(), 3).padEnd(7, '0').slice(0, count);
      return letter === 'F' ? digits.replace(/0+$/, '') : digits;
    }
    case 't':
      return (hours < 12 ? 'AM' : 'PM').slice(0, count >= 2 ? 2 : 1);
    default:
      return letter.repeat(count);
  }
}

/** Applies a standard (`d`, `G`, `s` ...) or custom (`yyyy-MM-dd HH:mm`) .NET date format. */
export function formatDate(d: Date, format = 'G'): string {
  if (format === 'o' || format === 'O') return d.toISOString();
  if (format === 'u') return d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  const pattern = format.length === 1 ? (STANDARD[format] ?? format) : format;
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    if (c === "'" || c === '"') {
      const end = pattern.indexOf(c, i + 1);
      out += pattern.slice(i + 1, end < 0 ? pattern.length : end);
      i = end < 0 ? pattern.length : end + 1;
    } else if (c === '\\') {
      out += pattern[i + 1] ?? '';
      i += 2;
    } else if ('yMdHhmsfFt'.includes(c)) {
      let n = 1;
      while (pattern[i + n] === c) n++;
      out += token(d, c, n);
      i += n;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
