// The edit buffer of the prompt: text (possibly several lines) and a cursor, with pure editing
// operations. Word moves use PSReadLine's default word delimiters; Ctrl+W kills back to whitespace
// as in bash (unix-word-rubout).

export interface EditBuffer {
  readonly text: string;
  /** UTF-16 offset, never inside a surrogate pair. */
  readonly cursor: number;
}

export const WORD_DELIMITERS = ";:,.[]{}()/\\|!?^&*-=+'\"\u2013\u2014\u2015";

export const empty: EditBuffer = { text: '', cursor: 0 };

export function of(text: string, cursor = text.length): EditBuffer {
  return { text, cursor: Math.max(0, Math.min(cursor, text.length)) };
}

function isWordChar(ch: string): boolean {
  return !/\s/.test(ch) && !WORD_DELIMITERS.includes(ch);
}

/** The offset one code point before `i`. */
export function prevIndex(text: string, i: number): number {
  if (i <= 0) return 0;
  const c = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? i - 2 : i - 1;
}

/** The offset one code point after `i`. */
export function nextIndex(text: string, i: number): number {
  if (i >= text.length) return text.length;
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? i + 2 : i + 1;
}

export function insert(b: EditBuffer, s: string): EditBuffer {
  return { text: b.text.slice(0, b.cursor) + s + b.text.slice(b.cursor), cursor: b.cursor + s.length };
}

export function backspace(b: EditBuffer): EditBuffer {
  if (b.cursor === 0) return b;
  const p = prevIndex(b.text, b.cursor);
  return { text: b.text.slice(0, p) + b.text.slice(b.cursor), cursor: p };
}

export function deleteForward(b: EditBuffer): EditBuffer {
  if (b.cursor >= b.text.length) return b;
  return { text: b.text.slice(0, b.cursor) + b.text.slice(nextIndex(b.text, b.cursor)), cursor: b.cursor };
}

export function left(b: EditBuffer): EditBuffer {
  return { text: b.text, cursor: prevIndex(b.text, b.cursor) };
}

export function right(b: EditBuffer): EditBuffer {
  return { text: b.text, cursor: nextIndex(b.text, b.cursor) };
}

export function lineStart(b: EditBuffer): number {
  return b.text.lastIndexOf('\n', b.cursor - 1) + 1;
}

export function lineEnd(b: EditBuffer): number {
  const i = b.text.indexOf('\n', b.cursor);
  return i < 0 ? b.text.length : i;
}

/** Home / Ctrl+A: the start of the current line (of a multi-line input). */
export function home(b: EditBuffer): EditBuffer {
  return { text: b.text, cursor: lineStart(b) };
}

/** End / Ctrl+E: the end of the current line. */
export function end(b: EditBuffer): EditBuffer {
  return { text: b.text, cursor: lineEnd(b) };
}

/** Ctrl+Left: the start of the word before the cursor. */
export function wordLeft(b: EditBuffer): EditBuffer {
  let i = b.cursor;
  while (i > 0 && !isWordChar(b.text[i - 1])) i--;
  while (i > 0 && isWordChar(b.text[i - 1])) i--;
  return { text: b.text, cursor: i };
}

/** Ctrl+Right: the end of the word after the cursor. */
export function wordRight(b: EditBuffer): EditBuffer {
  return { text: b.text, cursor: wordEndFrom(b.text, b.cursor) };
}

export function wordEndFrom(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isWordChar(text[i])) i++;
  while (i < text.length && isWordChar(text[i])) i++;
  return i;
}

export interface Kill {
  buffer: EditBuffer;
  killed: string;
}

function cut(b: EditBuffer, from: number, to: number, cursor: number): Kill {
  return { buffer: { text: b.text.slice(0, from) + b.text.slice(to), cursor }, killed: b.text.slice(from, to) };
}

/** Ctrl+K: kill to the end of the line (at a line end, the line break). */
export function killToEnd(b: EditBuffer): Kill {
  const e = lineEnd(b);
  return cut(b, b.cursor, e === b.cursor && e < b.text.length ? e + 1 : e, b.cursor);
}

/** Ctrl+U: kill to the start of the line. */
export function killToStart(b: EditBuffer): Kill {
  const s = lineStart(b);
  return cut(b, s, b.cursor, s);
}

/** Ctrl+W: kill back to the previous whitespace. */
export function killWhitespaceWord(b: EditBuffer): Kill {
  let i = b.cursor;
  while (i > 0 && /\s/.test(b.text[i - 1])) i--;
  while (i > 0 && !/\s/.test(b.text[i - 1])) i--;
  return cut(b, i, b.cursor, i);
}

/** Alt+Backspace: kill back to the start of the word (delimiter-aware). */
export function killWordLeft(b: EditBuffer): Kill {
  const target = wordLeft(b).cursor;
  return cut(b, target, b.cursor, target);
}

/** Alt+D: kill to the end of the next word. */
export function killWordRight(b: EditBuffer): Kill {
  return cut(b, b.cursor, wordEndFrom(b.text, b.cursor), b.cursor);
}

/** The 0-based line and column (in UTF-16 units) of the cursor. */
export function position(b: EditBuffer): { line: number; column: number } {
  const before = b.text.slice(0, b.cursor);
  const line = before.split('\n').length - 1;
  return { line, column: b.cursor - (before.lastIndexOf('\n') + 1) };
}

export function lineCount(b: EditBuffer): number {
  return b.text.split('\n').length;
}

/** Moves the cursor to another line, keeping the column where the line is long enough. */
export function moveLine(b: EditBuffer, delta: number): EditBuffer {
  const lines = b.text.split('\n');
  const { line, column } = position(b);
  const target = line + delta;
  if (target < 0 || target >= lines.length) return b;
  let offset = 0;
  for (let i = 0; i < target; i++) offset += lines[i].length + 1;
  return { text: b.text, cursor: offset + Math.min(column, lines[target].length) };
}
