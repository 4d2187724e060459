// Finds what is being completed: scans the input up to the cursor with a small tolerant tokenizer
// (quotes, backtick escapes, comments, nesting of (), {}, $( ), @( ), statement and pipe separators)
// and returns the word at the cursor together with the command element it belongs to.
// It works on incomplete text, which is what a person has typed when they press Tab.

export interface WordToken {
  /** The source text of the token. */
  text: string;
  start: number;
  end: number;
}

export interface WordContext {
  /** The word being completed (may be empty), as typed (quotes included). */
  word: WordToken;
  /** The tokens of the current command before the word (the command name first). */
  before: WordToken[];
  /** The word sits inside a comment or after a non-command construct: nothing to complete. */
  inComment: boolean;
}

const SEPARATORS = new Set(['|', ';', '\n', '{', '}', '(', ')']);

/** Analyses `text` up to `cursor`. */
export function wordContext(text: string, cursor: number): WordContext {
  const head = text.slice(0, cursor);
  // A stack of command element lists; `(`, `{`, `$(`, `@(` open a nested list.
  const stack: WordToken[][] = [[]];
  let current: WordToken | undefined;
  let inComment = false;
  // Open groups waiting for their `)`/`}`: the `$(`/`@(` token they started, or undefined.
  const pendingGroups: (WordToken | undefined)[] = [];
  const flush = () => {
    if (current) stack[stack.length - 1].push(current);
    current = undefined;
  };
  const extend = (start: number, end: number) => {
    if (current) {
      current.end = end;
      current.text = head.slice(current.start, end);
    } else current = { text: head.slice(start, end), start, end };
  };
  let i = 0;
  while (i < head.length) {
    const ch = head[i];
    if (ch === '#' && !current && !(i > 0 && head[i - 1] === '<')) {
      const nl = head.indexOf('\n', i);
      if (nl < 0) {
        inComment = true;
        break;
      }
      i = nl;
      continue;
    }
    if (ch === '<' && head[i + 1] === '#') {
      const close = head.indexOf('#>', i + 2);
      if (close < 0) {
        inComment = true;
        break;
      }
      i = close + 2;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      flush();
      i++;
      continue;
    }
    if (ch === '`') {
      extend(i, Math.min(i + 2, head.length));
      i += 2;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const close = findStringEnd(head, i);
      extend(i, close);
      i = close;
      continue;
    }
    if ((ch === '$' || ch === '@') && head[i + 1] === '(') {
      // A subexpression: its own commands; the whole group is one argument of the outer command.
      extend(i, i + 2);
      stack.push([]);
      pendingGroups.push(current!);
      current = undefined;
      i += 2;
      continue;
    }
    if (SEPARATORS.has(ch) || (ch === '&' && head[i + 1] === '&') || (ch === '|' && head[i + 1] === '|')) {
      flush();
      if (ch === '(' || ch === '{') {
        // `(`/`{` after a word joins it (`$x.Method(`, `@{`), otherwise it starts a group.
        stack.push([]);
        pendingGroups.push(undefined);
      } else if (ch === ')' || ch === '}') {
        if (stack.length > 1) {
          stack.pop();
          const group = pendingGroups.pop();
          if (group) {
            current = group;
            extend(group.start, i + 1);
          } else current = { text: head.slice(i, i + 1), start: i, end: i + 1 };
          i++;
          continue;
        }
        stack[0] = [];
      } else {
        // `|`, `;`, newline, `&&`, `||`: a new command at this level.
        stack[stack.length - 1] = [];
        if (head[i + 1] === ch) i++;
      }
      i++;
      continue;
    }
    if (ch === '=' && !current && /^[=\s]/.test(head[i + 1] ?? ' ')) {
      // An assignment: the right-hand side is a new command position.
      stack[stack.length - 1] = [];
      i++;
      continue;
    }
    extend(i, i + 1);
    i++;
  }
  const list = stack[stack.length - 1];
  const word = current ?? { text: '', start: cursor, end: cursor };
  // `&` and `.` (call / dot-source) before a command name do not count as the command.
  const before = list.filter((t, idx) => !(idx === 0 && (t.text === '&' || t.text === '.')));
  if (current && current.end !== cursor) return { word: { text: '', start: cursor, end: cursor }, before: [...before, current], inComment };
  return { word, before, inComment };
}

/** The offset after the closing quote of the string starting at `start` (or the end of text). */
function findStringEnd(text: string, start: number): number {
  const q = text[start];
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (q === '"' && ch === '`') {
      i += 2;
      continue;
    }
    if (ch === q) {
      if (text[i + 1] === q) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return text.length;
}

/** A word with its quotes removed, and the quote it started with (for quoting completions back). */
export function unquote(word: string): { value: string; quote: '' | "'" | '"' } {
  const q = word[0];
  if (q === "'" || q === '"') {
    let body = word.slice(1);
    if (body.endsWith(q)) body = body.slice(0, -1);
    return { value: q === "'" ? body.replace(/''/g, "'") : body.replace(/`(.)/g, '$1'), quote: q };
  }
  return { value: word.replace(/`(.)/g, '$1'), quote: '' };
}

/** Quotes a completion value when it needs it, keeping the user's quote if they typed one. */
export function quoteValue(value: string, quote: '' | "'" | '"'): string {
  if (quote === '"') return `"${value.replace(/[`"$]/g, '`$&')}"`;
  if (quote === "'" || /[\s'"`$&@(){};,|<>#]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return value;
}
