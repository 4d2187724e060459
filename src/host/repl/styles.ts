// Colours of the prompt, PSReadLine's defaults (Cmdlets.cs): Command Yellow, Parameter DarkGray,
// String DarkCyan, Variable Green, Keyword Green, Comment DarkGreen, Operator DarkGray, Number White,
// Member Gray, Type Gray, Error Red; the inline prediction dim grey. With NO_COLOR rows are plain
// text (the cursor and the completion selection still show, by inverse video, which is not colour).
import type { Row, Style } from './layout.ts';

const SGR: Record<Style, string> = {
  command: '93',
  parameter: '90',
  string: '36',
  variable: '92',
  keyword: '92',
  comment: '32',
  operator: '90',
  number: '97',
  member: '37',
  type: '37',
  text: '',
  error: '91',
  prompt: '',
  'prompt-error': '91',
  prediction: '38;5;244',
  list: '',
  selected: '7',
  status: '',
  more: '90',
};

/** A row as terminal text: SGR colours when `color`, else plain (inverse video kept for the selection). */
export function rowAnsi(row: Row, color: boolean): string {
  let out = '';
  for (const seg of row) {
    let codes = seg.style ? SGR[seg.style] : '';
    if (!color) codes = seg.style === 'selected' ? '7' : '';
    if (color && seg.underline) codes = codes ? `${codes};4` : '4';
    out += codes ? `\x1b[${codes}m${seg.text}\x1b[0m` : seg.text;
  }
  return out;
}

/** ConsoleColor names (Write-Host -ForegroundColor) as SGR codes. */
const CONSOLE: Record<string, number> = {
  black: 30,
  darkblue: 34,
  darkgreen: 32,
  darkcyan: 36,
  darkred: 31,
  darkmagenta: 35,
  darkyellow: 33,
  gray: 37,
  darkgray: 90,
  blue: 94,
  green: 92,
  cyan: 96,
  red: 91,
  magenta: 95,
  yellow: 93,
  white: 97,
};

export function consoleColorSgr(name: string | undefined, background = false): string | undefined {
  if (!name) return undefined;
  const code = CONSOLE[name.toLowerCase()];
  return code === undefined ? undefined : String(background ? code + 10 : code);
}

/** Wraps text in the colours of Write-Host -ForegroundColor/-BackgroundColor. */
export function colorize(text: string, foreground?: string, background?: string): string {
  const codes = [consoleColorSgr(foreground), consoleColorSgr(background, true)].filter(Boolean);
  if (codes.length === 0 || text === '') return text;
  return text
    .split('\n')
    .map((line) => (line ? `\x1b[${codes.join(';')}m${line}\x1b[0m` : line))
    .join('\n');
}

export function colorEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NO_COLOR === undefined || env.NO_COLOR === '';
}
