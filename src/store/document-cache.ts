// The committed documents a process has read, so a read that finds the file unchanged costs one
// stat instead of a read, a JSON parse and an upgrade (the transport reads the certificate store
// and its configuration on every SMTP session).
//
// A file counts as unchanged when its inode, size, mtime and ctime are those seen before. Every
// write replaces the file by a rename (a new inode), and an edit in place changes the times; the one
// way to fool the stat is a second write within the same timestamp tick that reuses the inode freed
// by the first and has the same size. As git does for its index ("racy clean"), the stat is trusted
// only for a file whose mtime was already `settleMs` in the past when it was read; a younger file
// has its text read and compared on every read, which still skips the parse when nothing changed.
import fs from 'node:fs';

/** Longer than any file-system timestamp granularity (ext4 uses the kernel tick, ~4 ms). */
const defaultSettleMs = 1000;

export interface CachedDocument<T> {
  /** The parsed, upgraded document; undefined for a file that holds no document (`{}`). */
  readonly document: T | undefined;
}

interface Entry {
  signature: string;
  /** The stat may be trusted alone (see the header). */
  settled: boolean;
  text: string;
  cached: CachedDocument<unknown>;
}

function signatureOf(stats: fs.Stats): string {
  return `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}

export class CommittedDocumentCache {
  readonly #entries = new Map<string, Entry>();
  readonly #settleMs: number;

  constructor(options: { settleMs?: number } = {}) {
    this.#settleMs = options.settleMs ?? defaultSettleMs;
  }

  /**
   * The document in `file` as `parse` makes it from the file's text, parsed again only when the
   * text changed; undefined when the file does not exist. The same object is returned until the
   * file changes: callers must not modify it (it is frozen).
   */
  load<T>(file: string, parse: (text: string) => T | undefined): CachedDocument<T> | undefined {
    const stats = fs.statSync(file, { throwIfNoEntry: false });
    if (!stats) {
      this.#entries.delete(file);
      return undefined;
    }
    const signature = signatureOf(stats);
    const entry = this.#entries.get(file);
    if (entry?.settled && entry.signature === signature) return entry.cached as CachedDocument<T>;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.#entries.delete(file);
      return undefined;
    }
    // The stat was taken before the read, so the text is at least as new as the signature.
    const settled = Date.now() - Math.max(stats.mtimeMs, stats.ctimeMs) > this.#settleMs;
    if (entry && entry.text === text) {
      entry.signature = signature;
      entry.settled = settled;
      return entry.cached as CachedDocument<T>;
    }
    const cached: CachedDocument<T> = Object.freeze({ document: deepFreeze(parse(text)) });
    this.#entries.set(file, { signature, settled, text, cached });
    return cached;
  }

  /** Forgets a file this process has just written (its next read goes to the disk). */
  forget(file: string): void {
    this.#entries.delete(file);
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
