// Command history shared by every shell of a state root: an append-only file (`<root>/history`),
// written with O_APPEND one entry per write so concurrent shells never tear each other's entries,
// and re-read from the last known offset to pick up what other shells added.
//
// File format (PSReadLine's): one entry per line; a multi-line entry has a backtick before each
// embedded newline. In memory the history keeps no duplicates (a repeated command moves to the end)
// and at most `max` entries. Lines matching PSReadLine's sensitive filter stay in memory only.
import { appendFileSync, closeSync, fstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';

/** PSReadLine's default sensitive-history pattern. */
export const SENSITIVE_PATTERN = /password|asplaintext|token|apikey|secret/i;

export function isSensitive(entry: string): boolean {
  return SENSITIVE_PATTERN.test(entry);
}

/** The file form of an entry, newline-terminated. */
export function encodeEntry(entry: string): string {
  return `${entry.replace(/\r\n?/g, '\n').replace(/\n/g, '`\n')}\n`;
}

/**
 * Decodes complete entries from file text. Returns the entries and how many characters were
 * consumed: a trailing partial line, or an entry whose continuation has not arrived, is left.
 */
export function decodeEntries(text: string): { entries: string[]; consumed: number } {
  const entries: string[] = [];
  let consumed = 0;
  let current: string[] = [];
  let pos = 0;
  for (;;) {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) break;
    let line = text.slice(pos, nl);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    pos = nl + 1;
    if (line.endsWith('`')) {
      current.push(line.slice(0, -1));
      continue;
    }
    current.push(line);
    const entry = current.join('\n');
    current = [];
    consumed = pos;
    if (entry.trim() !== '') entries.push(entry);
  }
  return { entries, consumed };
}

export interface HistoryStoreOptions {
  /** The history file; undefined keeps history in memory only. */
  file?: string;
  /** $MaximumHistoryCount (PSReadLine's MaximumHistoryCount default 4096). */
  max?: number;
}

export class HistoryStore {
  readonly file: string | undefined;
  readonly max: number;
  private list: string[] = [];
  /** Bytes of the file already read. */
  private offset = 0;
  /** Entries this store appended that the next read will meet again. */
  private readonly ownPending: string[] = [];

  constructor(options: HistoryStoreOptions = {}) {
    this.file = options.file;
    this.max = options.max ?? 4096;
  }

  /** Oldest first. */
  get entries(): readonly string[] {
    return this.list;
  }

  /** Reads the whole file (call once at start). */
  load(): void {
    this.list = [];
    this.offset = 0;
    this.ownPending.length = 0;
    this.refresh();
  }

  /** Reads what other shells appended since the last read; returns the new entries. */
  refresh(): string[] {
    if (!this.file) return [];
    let fd: number;
    try {
      fd = openSync(this.file, 'r');
    } catch {
      return [];
    }
    try {
      const size = fstatSync(fd).size;
      if (size < this.offset) {
        this.offset = 0; // truncated or replaced: read it all again
        this.ownPending.length = 0;
      }
      if (size === this.offset) return [];
      const buf = Buffer.alloc(size - this.offset);
      let got = 0;
      while (got < buf.length) {
        const n = readSync(fd, buf, got, buf.length - got, this.offset + got);
        if (n === 0) break;
        got += n;
      }
      const text = buf.subarray(0, got).toString('utf8');
      const { entries, consumed } = decodeEntries(text);
      this.offset += Buffer.byteLength(text.slice(0, consumed), 'utf8');
      const fresh: string[] = [];
      for (const e of entries) {
        const mine = this.ownPending.indexOf(e);
        if (mine >= 0) {
          this.ownPending.splice(mine, 1);
          continue;
        }
        this.remember(e);
        fresh.push(e);
      }
      return fresh;
    } finally {
      closeSync(fd);
    }
  }

  /** Adds an entry typed in this shell; returns whether it went to the file. */
  add(entry: string): boolean {
    const text = entry.replace(/\r\n?/g, '\n');
    if (text.trim() === '') return false;
    this.refresh();
    this.remember(text);
    if (!this.file || isSensitive(text)) return false;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      appendFileSync(this.file, encodeEntry(text), { mode: 0o600 });
      this.ownPending.push(text);
      return true;
    } catch {
      return false; // a read-only state root must not break the shell
    }
  }

  private remember(entry: string): void {
    const i = this.list.lastIndexOf(entry);
    if (i >= 0) this.list.splice(i, 1);
    this.list.push(entry);
    if (this.list.length > this.max) this.list.splice(0, this.list.length - this.max);
  }
}
