// Rendering one object as a list (PowerShell's ListWriter): `Label<pad> : value`, labels padded to the
// longest one (clipped if they would leave no room), continuation and wrapped lines indented by the
// label width plus three.
import { cellWidth, headCells, spaces } from './cell-width.ts';
import { splitLines, wrapText } from './text-lines.ts';

const SEPARATOR = ' : ';

export interface ListEntry {
  label: string;
  value: string;
}

/** The lines for one object; empty when the width leaves no room for anything. */
export function renderListEntries(entries: readonly ListEntry[], width: number): string[] {
  if (entries.length === 0 || width - SEPARATOR.length - 1 - 1 < 0) return [];
  const maxLabel = width - SEPARATOR.length - 1;
  const labelWidth = Math.min(maxLabel, Math.max(...entries.map((e) => cellWidth(e.label))));
  const indent = spaces(labelWidth + SEPARATOR.length);
  const fieldWidth = width - labelWidth - SEPARATOR.length;
  const out: string[] = [];
  for (const { label, value } of entries) {
    const labelCells = cellWidth(label);
    const padded = labelCells <= labelWidth ? label + spaces(labelWidth - labelCells) : headCells(label, labelWidth);
    splitLines(value).forEach((line, i) => {
      const prefix = i === 0 ? padded + SEPARATOR : indent;
      wrapText(line, fieldWidth, fieldWidth).forEach((piece, j) => {
        out.push((j === 0 ? prefix : indent) + piece);
      });
    });
  }
  return out;
}
