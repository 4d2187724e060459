// Get-Date (with -Format .NET format strings and -UFormat Unix-style ones, and -Year...-Millisecond
// replacing parts of the date) and Start-Sleep (a real timer, stopped by Ctrl+C).
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import { formatDate } from '../../src/runtime/date-format.ts';
import { DAY_NAMES, MONTH_NAMES, daysInMonth } from '../../src/runtime/datetime.ts';
import { PSException } from '../../src/runtime/errors.ts';
import { pipelineStopped } from '../../src/pipeline/run-pipeline.ts';

const utilityModule = 'Microsoft.PowerShell.Utility';

const pad = (n: number, w = 2, c = '0') => String(n).padStart(w, c);

function dayOfYear(d: Date): number {
  return Math.round((Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) - Date.UTC(d.getFullYear(), 0, 1)) / 86_400_000) + 1;
}

function isoWeek(d: Date): { year: number; week: number } {
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return { year: t.getUTCFullYear(), week: Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7) };
}

function offset(d: Date): string {
  const m = -d.getTimezoneOffset();
  return `${m >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(m) / 60))}`;
}

/** Get-Date -UFormat: the Unix date(1) specifiers PowerShell supports. */
export function uformat(d: Date, format: string): string {
  const h12 = d.getHours() % 12 || 12;
  const map: Record<string, () => string> = {
    a: () => DAY_NAMES[d.getDay()].slice(0, 3),
    A: () => DAY_NAMES[d.getDay()],
    b: () => MONTH_NAMES[d.getMonth()].slice(0, 3),
    B: () => MONTH_NAMES[d.getMonth()],
    c: () => `${DAY_NAMES[d.getDay()].slice(0, 3)} ${MONTH_NAMES[d.getMonth()].slice(0, 3)} ${pad(d.getDate(), 2, ' ')} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${d.getFullYear()}`,
    C: () => pad(Math.floor(d.getFullYear() / 100)),
    d: () => pad(d.getDate()),
    D: () => `${pad(d.getMonth() + 1)}/${pad(d.getDate())}/${pad(d.getFullYear() % 100)}`,
    e: () => pad(d.getDate(), 2, ' '),
    F: () => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    g: () => pad(isoWeek(d).year % 100),
    G: () => String(isoWeek(d).year),
    h: () => MONTH_NAMES[d.getMonth()].slice(0, 3),
    H: () => pad(d.getHours()),
    I: () => pad(h12),
    j: () => pad(dayOfYear(d), 3),
    k: () => pad(d.getHours(), 2, ' '),
    l: () => pad(h12, 2, ' '),
    m: () => pad(d.getMonth() + 1),
    M: () => pad(d.getMinutes()),
    n: () => '\n',
    p: () => (d.getHours() < 12 ? 'AM' : 'PM'),
    r: () => `${pad(h12)}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${d.getHours() < 12 ? 'AM' : 'PM'}`,
    R: () => `${pad(d.getHours())}:${pad(d.getMinutes())}`,
    s: () => String(Math.floor(d.getTime() / 1000)),
    S: () => pad(d.getSeconds()),
    t: () => '\t',
    T: () => `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`,
    u: () => String(d.getDay() || 7),
    U: () => pad(Math.floor((dayOfYear(d) - 1 - d.getDay() + 7) / 7)),
    V: () => pad(isoWeek(d).week),
    w: () => String(d.getDay()),
    W: () => pad(Math.floor((dayOfYear(d) - 1 - ((d.getDay() + 6) % 7) + 7) / 7)),
    x: () => `${pad(d.getMonth() + 1)}/${pad(d.getDate())}/${pad(d.getFullYear() % 100)}`,
    X: () => `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`,
    y: () => pad(d.getFullYear() % 100),
    Y: () => String(d.getFullYear()),
    Z: () => offset(d),
    '%': () => '%',
  };
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '%' && i + 1 < format.length && map[format[i + 1]]) {
      out += map[format[++i]]();
    } else out += c;
  }
  return out;
}

export const getDate = defineCmdlet({
  name: 'Get-Date',
  synopsis: 'Gets the current date and time.',
  description:
    'Writes the current date and time (or -Date), with -Year, -Month, -Day, -Hour, -Minute, -Second and -Millisecond replacing ' +
    'those parts. -Format writes a string in a .NET format (`yyyy-MM-dd`, `o`, `D`...), -UFormat in a Unix date format (`%Y-%m-%d`).',
  module: utilityModule,
  commandId: 'Microsoft.PowerShell.Commands.GetDateCommand',
  defaultParameterSet: 'net',
  parameters: {
    Date: { type: 'datetime', position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true, aliases: ['LastWriteTime'], description: 'The date to use instead of now.' },
    Year: { type: 'int', validateRange: [1, 9999], description: 'Replaces the year.' },
    Month: { type: 'int', validateRange: [1, 12], description: 'Replaces the month.' },
    Day: { type: 'int', validateRange: [1, 31], description: 'Replaces the day of the month.' },
    Hour: { type: 'int', validateRange: [0, 23], description: 'Replaces the hour.' },
    Minute: { type: 'int', validateRange: [0, 59], description: 'Replaces the minute.' },
    Second: { type: 'int', validateRange: [0, 59], description: 'Replaces the second.' },
    Millisecond: { type: 'int', validateRange: [0, 999], description: 'Replaces the millisecond.' },
    DisplayHint: { type: 'string', validateSet: ['Date', 'Time', 'DateTime'], description: 'Accepted for compatibility.' },
    Format: { type: 'string', sets: ['net'], description: 'A .NET date format; the result is a string.' },
    UFormat: { type: 'string', sets: ['UFormat'], description: 'A Unix date format (%Y, %m, %d, %H...); the result is a string.' },
  },
  examples: [
    { title: 'A date as text', code: "Get-Date -Date '2026-03-01 14:05:00' -Format 'yyyy-MM-dd HH:mm'", output: '2026-03-01 14:05' },
    { title: 'Unix format', code: "Get-Date -Date '2026-03-01' -UFormat '%Y%m%d'", output: '20260301' },
    { title: 'Change a part of a date', code: "(Get-Date -Date '2026-03-01' -Year 2030).Year", output: '2030' },
    { title: 'Now', code: '(Get-Date).Year -ge 2024', output: 'True' },
  ],
  process(p, ctx) {
    const base = p.Date ?? new Date();
    const d = new Date(base.getTime());
    if (p.Year !== undefined) d.setFullYear(p.Year);
    if (p.Month !== undefined) d.setMonth(p.Month - 1, Math.min(d.getDate(), daysInMonth(d.getFullYear(), p.Month)));
    if (p.Day !== undefined) {
      if (p.Day > daysInMonth(d.getFullYear(), d.getMonth() + 1)) {
        ctx.fail({
          message: 'Year, Month, and Day parameters describe an un-representable DateTime.',
          errorId: 'ArgumentOutOfRangeException',
          category: 'InvalidArgument',
          exceptionType: 'System.ArgumentOutOfRangeException',
        });
      }
      d.setDate(p.Day);
    }
    if (p.Hour !== undefined) d.setHours(p.Hour);
    if (p.Minute !== undefined) d.setMinutes(p.Minute);
    if (p.Second !== undefined) d.setSeconds(p.Second);
    if (p.Millisecond !== undefined) d.setMilliseconds(p.Millisecond);
    if (p.UFormat !== undefined) {
      ctx.write(uformat(d, p.UFormat), false);
      return;
    }
    if (p.Format !== undefined) {
      try {
        ctx.write(formatDate(d, p.Format), false);
      } catch (e) {
        if (!(e instanceof PSException)) throw e;
        ctx.fail({ message: e.message, errorId: 'System.FormatException', category: 'NotSpecified', exceptionType: e.typeName });
      }
      return;
    }
    ctx.write(d, false);
  },
});

export const startSleep = defineCmdlet({
  name: 'Start-Sleep',
  synopsis: 'Suspends the activity in a script or session for the specified period of time.',
  description: 'Waits for the given number of seconds (fractions allowed) or milliseconds. Ctrl+C ends the wait.',
  module: utilityModule,
  commandId: 'Microsoft.PowerShell.Commands.StartSleepCommand',
  aliases: ['sleep'],
  defaultParameterSet: 'Seconds',
  parameters: {
    Seconds: { type: 'double', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, sets: ['Seconds'], validateRange: [0, 2147483], description: 'How many seconds to wait.' },
    Milliseconds: { type: 'int', mandatory: true, valueFromPipelineByPropertyName: true, aliases: ['ms'], sets: ['Milliseconds'], validateRange: [0, 2147483647], description: 'How many milliseconds to wait.' },
  },
  examples: [{ title: 'Wait a moment', code: "Start-Sleep -Milliseconds 20\n'done'", output: 'done' }],
  process(p, ctx) {
    const ms = ctx.parameterSetName === 'Milliseconds' ? (p.Milliseconds ?? 0) : Math.round((p.Seconds ?? 0) * 1000);
    const signal = ctx.signal;
    if (signal.aborted) throw pipelineStopped();
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(pipelineStopped());
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  },
});

export const dateTimeCmdlets = [getDate, startSleep];
