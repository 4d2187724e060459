// Spool files created ahead of need. Creating a file can be the slowest step of writing a message
// (ext4 without a journal skips every recently freed inode, a network share pays a round trip), and
// it does not depend on the message. So a session asks for one when its transaction starts (MAIL
// FROM), as Postfix's cleanup creates its queue file then, and the create overlaps the client's
// RCPT and DATA; the message is then written into it and renamed into place (writeFileAtomic's
// `prepared`). Files not used are removed when the service stops; a folder left by a process that
// died is emptied when the next service starts (clearSpoolReserve).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { join } from 'node:path';
import type { PreparedTemporary } from '../store/atomic-write.ts';

export function spoolReserveDirectory(stateDir: string): string {
  return join(stateDir, 'tmp');
}

/** Removes what earlier processes reserved and never used (only while no service runs on stateDir). */
export function clearSpoolReserve(stateDir: string): Promise<void> {
  return fs.promises.rm(spoolReserveDirectory(stateDir), { recursive: true, force: true });
}

export class SpoolReserve {
  readonly #folder: string;
  readonly #ready: PreparedTemporary[] = [];
  #creating = 0;
  #closed = false;

  /** `limit`: at most this many files ready or being created (one per concurrent transaction is enough). */
  constructor(stateDir: string, private readonly limit = 8) {
    this.#folder = spoolReserveDirectory(stateDir);
  }

  /** Starts creating one more file unless `limit` are ready or on their way; never fails (take() then returns none). */
  prepare(): void {
    if (this.#closed || this.#ready.length + this.#creating >= this.limit) return;
    this.#creating++;
    const path = join(this.#folder, `${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    let folderMade = false;
    const opened = (error: NodeJS.ErrnoException | null, fd: number): void => {
      if (error?.code === 'ENOENT' && !folderMade) {
        folderMade = true;
        fs.mkdir(this.#folder, { recursive: true, mode: 0o700 }, (folderError) => (folderError ? opened(folderError, -1) : fs.open(path, 'wx', 0o600, opened)));
        return;
      }
      this.#creating--;
      if (error) return;
      if (this.#closed) return discard({ fd, path });
      this.#ready.push({ fd, path });
    };
    fs.open(path, 'wx', 0o600, opened);
  }

  /** A prepared empty file (mode 0600, open for writing), or undefined when none is ready yet. */
  take(): PreparedTemporary | undefined {
    return this.#ready.pop();
  }

  /** How many files are ready (tests). */
  get readyCount(): number {
    return this.#ready.length;
  }

  /** Closes and removes the files not used; files still being created are removed when they arrive. */
  close(): void {
    this.#closed = true;
    for (const file of this.#ready.splice(0)) discard(file);
  }
}

function discard(file: PreparedTemporary): void {
  try {
    fs.closeSync(file.fd);
  } finally {
    fs.rmSync(file.path, { force: true });
  }
}
