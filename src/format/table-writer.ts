// Rendering table rows once column widths are known (PowerShell's TableWriter): one blank between
// columns, values padded by alignment, the last column never padded, values cut with an ellipsis when
// too wide (the tail for right-aligned columns), header labels wrapping onto extra lines when their
// column is narrower than the label, `-Wrap` rows spreading over several lines.
import { cellWidth, headCells, spaces, tailCells } from './cell-width.ts';
import { truncateAtNewLine, wrapText } from './text-lines.ts';
import type { Alignment } from './property-spec.ts';

export interface TableLayout {
  /** Final widths; -1 (or 0) marks a hidden column. */
  widths: number[];
  alignments: Alignment[];
  ellipsis: string;
}

/** One cell, padded or truncated to `width` (TableWriter.GenerateRowField). */
export function renderCell(value: string, width: number, alignment: Alignment, pad: boolean, ellipsis: string): string {
  let s = truncateAtNewLine(value, ellipsis);
  const len = cellWidth(s);
  if (len < width) {
    const free = width - len;
    if (alignment === 'right') s = spaces(free) + s;
    else if (alignment === 'center') s = spaces(Math.floor(free / 2)) + s + (pad ? spaces(free - Math.floor(free / 2)) : '');
    else if (pad) s += spaces(free);
  } else if (len > width) {
    const room = width - cellWidth(ellipsis);
    if (room > 0) s = alignment === 'right' ? ellipsis + tailCells(s, room) : headCells(s, room) + ellipsis;
    else s = alignment === 'right' ? tailCells(s, width) : headCells(s, width);
  }
  // A double-cell character cut in half leaves the value one cell short.
  if (cellWidth(s) !== width) {
    if (alignment === 'right') s = ' ' + s;
    else if (pad) s += ' ';
  }
  return s;
}

/** A row on one line: embedded newlines and long values are cut. */
export function renderSingleLineRow(values: readonly string[], layout: TableLayout, alignments?: readonly Alignment[]): string {
  const { widths, ellipsis } = layout;
  let line = '';
  for (let k = 0; k < widths.length; k++) {
    if (widths[k] <= 0) continue;
    if (k > 0) line += ' ';
    const pad = k !== widths.length - 1;
    line += renderCell(values[k] ?? '', widths[k], alignments?.[k] ?? layout.alignments[k], pad, ellipsis);
  }
  return line;
}

function cellLines(value: string, width: number, alignment: Alignment, pad: boolean, ellipsis: string): string[] {
  const lines = wrapText(value, width, width);
  if (!pad && alignment === 'left') return lines;
  return lines.map((l) => (cellWidth(l) < width ? renderCell(l, width, alignment, pad, ellipsis) : l));
}

/** A row spread over as many lines as its tallest cell needs (headers, and rows with -Wrap). */
export function renderMultiLineRow(values: readonly string[], layout: TableLayout, alignments?: readonly Alignment[]): string[] {
  const { widths, ellipsis } = layout;
  const visible = widths.map((w, k) => (w > 0 ? k : -1)).filter((k) => k >= 0);
  if (visible.length === 0) return [];
  const columns = visible.map((k, i) => {
    const last = i === visible.length - 1;
    const lines = cellLines(values[k] ?? '', widths[k], alignments?.[k] ?? layout.alignments[k], !last, ellipsis);
    return i > 0 ? lines.map((l) => ' ' + l) : lines;
  });
  const height = Math.max(...columns.map((c) => c.length));
  const lastWithContent = Array.from({ length: height }, (_, row) => {
    let last = 0;
    columns.forEach((c, i) => {
      if (c.length > row) last = i;
    });
    return last;
  });
  columns.forEach((lines, i) => {
    const filler = i < columns.length - 1 ? spaces(widths[visible[i]] + (i > 0 ? 1 : 0)) : '';
    for (let row = lines.length; row < height; row++) lines.push(i > lastWithContent[row] ? '' : filler);
  });
  const out: string[] = [];
  for (let row = 0; row < height; row++) {
    let line = '';
    columns.forEach((lines, i) => {
      line += i === lastWithContent[row] && height > 1 ? lines[row].trimEnd() : lines[row];
    });
    out.push(line);
  }
  return out;
}

/** The header: labels (wrapped when the column is narrower), then dashes as long as each label. */
export function renderHeader(labels: readonly string[], layout: TableLayout): string[] {
  const lines = renderMultiLineRow(labels, layout);
  const dashes = layout.widths.map((w, k) => {
    if (w <= 0) return '';
    const label = labels[k] ?? '';
    return '-'.repeat(label === '' ? w : Math.min(w, cellWidth(label)));
  });
  lines.push(renderSingleLineRow(dashes, layout));
  return lines;
}
