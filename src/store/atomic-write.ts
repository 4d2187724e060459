// Writes a file so that a crash at any moment leaves either the old file or the new one, whole:
// write a temporary file in the same folder, fsync it, rename it over the target, fsync the folder.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface AtomicWriteOptions {
  /** File mode of the new file (e.g. 0o600 for private keys); applied before any data is written. */
  mode?: number;
}

export function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const folder = path.dirname(file);
  const temp = path.join(folder, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', options.mode ?? 0o666);
  try {
    try {
      if (options.mode !== undefined && process.platform !== 'win32') fs.fchmodSync(fd, options.mode);
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let offset = 0;
      while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(folder);
}

/** Makes a rename in `folder` durable (best effort: not possible on Windows). */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // some file systems refuse fsync on a directory; the rename itself is still atomic
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
