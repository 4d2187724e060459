// InvocationInfo.PositionMessage: `At line:1 char:5` (or `At C:\script.ps1:3 char:5`), the source
// line after `+ `, and `+ ` plus `~` under the failing span (at least one). Tabs become four spaces;
// lines longer than 69 characters are windowed around the error with up to 12 characters of context
// before it and `... `/` ...` markers (`… `/` …` in PowerShell 7). (PositionUtilities.VerboseMessage)
import type { InvocationInfo } from '../runtime/errors.ts';
import type { Dialect } from './options.ts';

const MAX_LINE = 69;

/** The text of 1-based line `n` of `source`, without its line break or trailing blanks. */
export function sourceLine(source: string, n: number): string {
  const lines = source.split('\n');
  return (lines[n - 1] ?? '').trimEnd();
}

function expandTabs(line: string, start: number, length: number): { line: string; start: number; length: number } {
  if (!line.includes('\t')) return { line, start, length };
  const before = line.slice(0, start).replace(/\t/g, '    ');
  const error = line.slice(start, start + length).replace(/\t/g, '    ');
  const after = line.slice(start + length).replace(/\t/g, '    ');
  return { line: before + error + after, start: before.length, length: error.length };
}

/** The two `+ ` lines: the (windowed) source line and the squiggle under the error. */
export function markedSourceLines(line: string, startColumn: number, errorLength: number, dialect: Dialect): [string, string] {
  let { line: text, start, length } = expandTabs(line, startColumn - 1, errorLength);
  let prefixDots = false;
  let suffixDots = false;
  if (text.length > MAX_LINE) {
    const totalPrefix = start;
    let prefix = Math.min(totalPrefix, 12);
    const totalSuffix = text.length - length - start;
    let suffix = Math.min(totalSuffix, 8);
    let candidate = prefix + length + suffix;
    if (candidate >= MAX_LINE) {
      if (prefix + length >= MAX_LINE) length = MAX_LINE - prefix;
      suffixDots = true;
    } else {
      const prefixAvailable = totalPrefix - prefix;
      if (prefixAvailable > 0) {
        prefix += Math.min(prefixAvailable, MAX_LINE - candidate);
        candidate = prefix + length + suffix;
      }
      if (candidate < MAX_LINE && totalSuffix > 0) suffix += Math.min(totalSuffix, MAX_LINE - candidate);
      suffixDots = suffix < totalSuffix;
    }
    prefixDots = prefix < totalPrefix;
    const from = Math.max(start - prefix, 0);
    text = text.slice(from, from + MAX_LINE);
    start = Math.min(start, prefix);
    length = Math.min(length, MAX_LINE - start);
  }
  const mark = dialect === 'Core' ? '\u2026' : '...';
  const code = `+ ${prefixDots ? `${mark} ` : ''}${text}${suffixDots ? ` ${mark}` : ''}`;
  const squiggle = `+ ${' '.repeat(start + (prefixDots ? mark.length + 1 : 0))}${'~'.repeat(length > 0 ? length : 1)}`;
  return [code, squiggle];
}

/** The full position message, or '' when the invocation has no source position. */
export function positionMessage(invocation: InvocationInfo | undefined, dialect: Dialect): string {
  const span = invocation?.span;
  if (!invocation || !span || invocation.source === undefined) return '';
  const where = invocation.scriptName ?? 'line';
  const header = `At ${where}:${span.line} char:${span.column}`;
  const line = sourceLine(invocation.source, span.line);
  if (line === '') return `${header}\n+ `;
  const length = span.line === span.endLine ? span.endColumn - span.column : line.length - span.column + 1;
  const [code, squiggle] = markedSourceLines(line, span.column, length, dialect);
  return `${header}\n${code}\n${squiggle}`;
}
