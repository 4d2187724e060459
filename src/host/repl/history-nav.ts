// Walking the history from the prompt: Up/Down (a prefix search when the user had typed something,
// as fish and zsh do; plain previous/next on an empty line, as PSReadLine), Ctrl+R/Ctrl+S
// incremental search, and the inline prediction shown in grey.

/** Index of the nearest entry before `from` (exclusive) that starts with `prefix` and differs from `current`. */
export function previousMatch(entries: readonly string[], from: number, prefix: string, current: string): number {
  const p = prefix.toLowerCase();
  for (let i = Math.min(from, entries.length) - 1; i >= 0; i--) {
    const e = entries[i];
    if (e !== current && e.toLowerCase().startsWith(p)) return i;
  }
  return -1;
}

/** Index of the nearest entry after `from` (exclusive) that starts with `prefix` and differs from `current`. */
export function nextMatch(entries: readonly string[], from: number, prefix: string, current: string): number {
  const p = prefix.toLowerCase();
  for (let i = from + 1; i < entries.length; i++) {
    const e = entries[i];
    if (e !== current && e.toLowerCase().startsWith(p)) return i;
  }
  return -1;
}

/** Incremental search: the entry index containing `query` (case-insensitive), searching from `from` inclusive. */
export function searchHistory(entries: readonly string[], query: string, from: number, direction: 'back' | 'fwd'): number {
  const q = query.toLowerCase();
  if (direction === 'back') {
    for (let i = Math.min(from, entries.length - 1); i >= 0; i--) if (entries[i].toLowerCase().includes(q)) return i;
  } else {
    for (let i = Math.max(from, 0); i < entries.length; i++) if (entries[i].toLowerCase().includes(q)) return i;
  }
  return -1;
}

/** The rest of the newest history entry that starts with `text` (case-insensitive), or undefined. */
export function predict(entries: readonly string[], text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const t = text.toLowerCase();
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e.length > text.length && e.toLowerCase().startsWith(t)) return e.slice(text.length);
  }
  return undefined;
}

/** The first word (with leading spaces) of a suggestion, for Ctrl+Right / Alt+F. */
export function firstWord(suggestion: string): string {
  const m = /^\s*[^\s]+/.exec(suggestion);
  return m ? m[0] : suggestion;
}
