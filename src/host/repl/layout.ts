// Lays out the live region of the prompt as rows of styled segments, hard-wrapped at the terminal
// width the way a terminal wraps typed text, and finds the cursor's cell. Pure: the ink view only
// maps styles to colours, so layout and colouring are tested without a terminal.
import { charCells } from '../../format/cell-width.ts';
import type { CompletionItem } from '../../completion/types.ts';
import type { HighlightKind, HighlightSpan } from './language.ts';

export type Style = HighlightKind | 'prompt' | 'prompt-error' | 'prediction' | 'list' | 'selected' | 'status' | 'more';

export interface Segment {
  text: string;
  style?: Style;
  /** The red mark under a parse error. */
  underline?: boolean;
}

export type Row = Segment[];

export interface Layout {
  rows: Row[];
  /** Cell of the terminal cursor, relative to the first row. */
  cursor: { x: number; y: number };
}

export interface InputView {
  prompt: string;
  continuation: string;
  text: string;
  cursor: number;
  spans?: readonly HighlightSpan[];
  /** Parse error ranges (marked red and underlined). */
  errors?: readonly { start: number; end: number }[];
  /** Draw the prompt's last non-blank character in the error colour (PSReadLine). */
  promptError?: boolean;
  suggestion?: string;
  /** Show `*` for each character (secrets). */
  mask?: boolean;
  width: number;
}

interface Cell {
  ch: string;
  w: number;
  style?: Style;
  underline?: boolean;
  /** Offset in the input text, for the cursor. */
  at?: number;
}

function styleAt(spans: readonly HighlightSpan[] | undefined): (i: number) => Style | undefined {
  if (!spans || spans.length === 0) return () => undefined;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let k = 0;
  return (i) => {
    while (k < sorted.length && sorted[k].end <= i) k++;
    // spans are visited in increasing i; fall back to a scan when called out of order
    const s = sorted[k] && sorted[k].start <= i && i < sorted[k].end ? sorted[k] : sorted.find((x) => x.start <= i && i < x.end);
    return s && s.kind !== 'text' ? s.kind : undefined;
  };
}

function displayChar(ch: string): string {
  return ch === '\t' ? ' ' : ch.charCodeAt(0) < 0x20 || ch === '\x7f' ? '?' : ch;
}

function promptCells(prompt: string, error: boolean): Cell[] {
  const chars = [...prompt];
  let mark = -1;
  if (error) for (let i = chars.length - 1; i >= 0; i--) if (chars[i].trim() !== '') {
    mark = i;
    break;
  }
  return chars.map((ch, i) => ({ ch: displayChar(ch), w: charCells(ch.codePointAt(0)!), style: i === mark ? 'prompt-error' : 'prompt' }));
}

/** Wraps cells into rows of at most `width` cells (`\n` cells break the row); the cursor is before cell `cursorIndex`. */
function wrap(cells: Cell[], width: number, cursorIndex: number): Layout {
  const rows: Cell[][] = [[]];
  let col = 0;
  let cursor: { x: number; y: number } | undefined;
  cells.forEach((c, i) => {
    if (c.ch === '\n') {
      if (i === cursorIndex) cursor = { x: col, y: rows.length - 1 };
      rows.push([]);
      col = 0;
      return;
    }
    if (col + c.w > width && col > 0) {
      rows.push([]);
      col = 0;
    }
    if (i === cursorIndex) cursor = { x: col, y: rows.length - 1 };
    rows[rows.length - 1].push(c);
    col += c.w;
  });
  if (!cursor) cursor = col >= width ? { x: 0, y: rows.length } : { x: col, y: rows.length - 1 };
  while (rows.length <= cursor.y) rows.push([]);
  return { rows: rows.map(group), cursor };
}

function group(cells: Cell[]): Row {
  const row: Row = [];
  for (const c of cells) {
    const last = row[row.length - 1];
    if (last && last.style === c.style && !!last.underline === !!c.underline) last.text += c.ch;
    else row.push({ text: c.ch, ...(c.style ? { style: c.style } : {}), ...(c.underline ? { underline: true } : {}) });
  }
  return row;
}

/** The prompt, the input (coloured, continuation prompts on later lines) and the grey suggestion. */
export function layoutInput(v: InputView): Layout {
  const width = Math.max(10, v.width);
  const cells: Cell[] = promptCells(v.prompt, !!v.promptError);
  const style = styleAt(v.spans);
  const inError = (i: number) => !!v.errors?.some((e) => (e.start <= i && i < e.end) || (e.start === e.end && i === Math.max(0, e.start - 1)));
  let i = 0;
  for (const ch of v.text) {
    if (ch === '\n') {
      cells.push({ ch, w: 0, at: i });
      for (const p of v.continuation) cells.push({ ch: p, w: charCells(p.codePointAt(0)!), style: 'prompt' });
    } else {
      const shown = v.mask ? '*' : displayChar(ch);
      const err = !v.mask && inError(i);
      const s = v.mask ? undefined : err ? 'error' : style(i);
      cells.push({ ch: shown, w: charCells(shown.codePointAt(0)!), at: i, ...(s ? { style: s } : {}), ...(err ? { underline: true } : {}) });
    }
    i += ch.length;
  }
  const afterText = cells.length;
  for (const ch of v.suggestion ?? '') if (ch !== '\n') cells.push({ ch: displayChar(ch), w: charCells(ch.codePointAt(0)!), style: 'prediction' });
  const at = v.cursor >= v.text.length ? afterText : cells.findIndex((c) => c.at === v.cursor);
  return wrap(cells, width, at < 0 ? afterText : at);
}

/** Completion candidates in columns under the prompt, the current one highlighted; at most `maxRows` rows. */
export function layoutList(items: readonly CompletionItem[], selected: number, width: number, maxRows: number): Row[] {
  if (items.length === 0 || maxRows <= 0) return [];
  const cellsOf = (s: string) => [...s].reduce((n, ch) => n + charCells(ch.codePointAt(0)!), 0);
  const colWidth = Math.min(width, Math.max(...items.map((it) => cellsOf(it.display))) + 2);
  const columns = Math.max(1, Math.floor(width / colWidth));
  const totalRows = Math.ceil(items.length / columns);
  const shownRows = Math.min(totalRows, totalRows > maxRows ? maxRows - 1 : maxRows);
  const selectedRow = Math.floor(Math.max(0, selected) / columns);
  const first = Math.min(Math.max(0, selectedRow - shownRows + 1), Math.max(0, totalRows - shownRows));
  const rows: Row[] = [];
  for (let r = first; r < first + shownRows; r++) {
    const row: Row = [];
    for (let c = 0; c < columns; c++) {
      const i = r * columns + c;
      if (i >= items.length) break;
      let text = items[i].display;
      if (cellsOf(text) > colWidth - 1) text = [...text].slice(0, Math.max(1, colWidth - 2)).join('') + '…';
      const pad = ' '.repeat(Math.max(0, colWidth - cellsOf(text)));
      row.push({ text, style: i === selected ? 'selected' : 'list' });
      if (c < columns - 1) row.push({ text: pad });
    }
    rows.push(row);
  }
  if (shownRows < totalRows) rows.push([{ text: `… ${items.length} possibilities, Tab for more`, style: 'more' }]);
  return rows;
}

/** Plain text of rows (tests, and the echo of an accepted line). */
export function rowsText(rows: readonly Row[]): string {
  return rows.map((r) => r.map((s) => s.text).join('')).join('\n');
}
