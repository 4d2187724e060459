// Offsets to line/column spans. Lines and columns are 1-based; endColumn is the column just past the last
// character (so `endColumn - column` is the length of a one-line span), like PowerShell's EndColumnNumber.
import type { Span } from './ast.ts';

export class LineTable {
  /** Offset of the first character of each line. */
  private readonly starts: number[] = [0];

  constructor(text: string) {
    const starts = this.starts;
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      return;
    }
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) starts.push(i + 1);
      else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) starts.push(i + 1);
    }
  }

  /** The line found last: spans are mostly asked for in text order, so it is usually right. */
  private hint = 0;

  private lineIndex(offset: number): number {
    const starts = this.starts;
    const hint = this.hint;
    if (starts[hint] <= offset && (hint + 1 >= starts.length || offset < starts[hint + 1])) return hint;
    if (hint + 2 < starts.length && starts[hint + 1] <= offset && offset < starts[hint + 2]) return (this.hint = hint + 1);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.hint = lo;
    return lo;
  }

  span(start: number, end: number): Span {
    // `| 0` keeps every field a small integer: one double-valued store would make V8 box all span fields.
    start |= 0;
    end |= 0;
    const line = this.lineIndex(start);
    const endLine = end === start ? line : this.lineIndex(end);
    return {
      start,
      end,
      line: line + 1,
      column: (start - this.starts[line] + 1) | 0,
      endLine: endLine + 1,
      endColumn: (end - this.starts[endLine] + 1) | 0,
    };
  }
}
