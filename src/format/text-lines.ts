// Breaking text into display lines, as PowerShell's formatter does for list values and wrapped table
// cells: honour embedded newlines, then word-wrap each line to a cell width (the en-US behaviour:
// words keep their trailing blank, words longer than a line are cut character by character).
import { cellWidth, charCells } from './cell-width.ts';

const SOFT_HYPHEN = '\u00ad';
const HARD_HYPHEN = '\u2011';
const NO_BREAK_SPACE = '\u00a0';

/** Splits on `\n` (a `\r` anywhere is dropped). */
export function splitLines(s: string): string[] {
  return s.replace(/\r/g, '').split('\n');
}

/** Table cells show only the first line of a multi-line value, followed by an ellipsis. */
export function truncateAtNewLine(s: string, ellipsis: string): string {
  const cut = s.search(/[\r\n]/);
  return cut < 0 ? s : s.slice(0, cut) + ellipsis;
}

interface Word {
  text: string;
  delimiter: string;
}

function words(line: string): Word[] {
  const out: Word[] = [];
  let current = '';
  for (const ch of line) {
    if (ch === ' ' || ch === '\t' || ch === SOFT_HYPHEN) {
      out.push({ text: current, delimiter: ch });
      current = '';
    } else if (ch === HARD_HYPHEN || ch === NO_BREAK_SPACE) {
      out.push({ text: current, delimiter: '' });
      current = '';
    } else {
      current += ch;
    }
  }
  out.push({ text: current, delimiter: '' });
  return out;
}

/**
 * Wraps `value` so the first line fits `firstWidth` cells and the others `followingWidth`.
 * Lines that already fit are kept as they are (including trailing blanks).
 */
export function wrapText(value: string, firstWidth: number, followingWidth: number): string[] {
  if (value === '') return [''];
  const result: string[] = [];
  for (const line of splitLines(value)) {
    if (cellWidth(line) <= firstWidth) {
      result.push(line);
      continue;
    }
    let lineWidth = firstWidth;
    let room = firstWidth;
    let onFirstLine = true;
    let current = '';
    const nextLine = (): void => {
      result.push(current);
      current = '';
      if (onFirstLine) {
        onFirstLine = false;
        lineWidth = followingWidth;
      }
      room = lineWidth;
    };
    for (const word of words(line)) {
      let text = word.text;
      if (word.delimiter === SOFT_HYPHEN) {
        if (cellWidth(text) + 1 === room) text += '-';
      } else {
        text += word.delimiter;
      }
      if (lineWidth === 0) {
        if (onFirstLine) {
          onFirstLine = false;
          lineWidth = followingWidth;
        }
        if (lineWidth === 0) break;
        room = lineWidth;
      }
      const textWidth = cellWidth(text);
      if (textWidth > lineWidth) {
        for (let ch of text) {
          let w = charCells(ch.codePointAt(0)!);
          if (w > lineWidth) {
            ch = '?';
            w = 1;
          }
          if (w > room) nextLine();
          current += ch;
          room -= w;
        }
      } else if (textWidth > room) {
        nextLine();
        current = text;
        room -= textWidth;
      } else {
        current += text;
        room -= textWidth;
      }
    }
    result.push(current);
  }
  return result;
}
