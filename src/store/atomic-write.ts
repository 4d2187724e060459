// Writes a file so that a crash at any moment leaves either the old file or the new one, whole:
// write a temporary file in the same folder, fsync it, rename it over the target, fsync the folder.
import fs from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface AtomicWriteOptions {
  /** File mode of the new file (e.g. 0o600 for private keys); applied before any data is written. */
  mode?: number;
  /** fsync the data before the rename (default true). */
  syncData?: boolean;
  /** fsync the folder after the rename, so that the rename survives a crash too (default: as syncData). */
  syncFolder?: boolean;
  /** Create the folder and its parents first (default false). */
  createFolder?: boolean;
}

/** An empty temporary file created ahead of need (src/transport/spool-reserve.ts), open for writing. */
export interface PreparedTemporary {
  fd: number;
  path: string;
}

function temporarySibling(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

const syncsData = (options: AtomicWriteOptions): boolean => options.syncData ?? true;
const syncsFolder = (options: AtomicWriteOptions): boolean => options.syncFolder ?? syncsData(options);

export function writeFileAtomicSync(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const folder = path.dirname(file);
  if (options.createFolder) fs.mkdirSync(folder, { recursive: true });
  const temp = temporarySibling(file);
  const fd = fs.openSync(temp, 'wx', options.mode ?? 0o666);
  try {
    try {
      if (options.mode !== undefined && process.platform !== 'win32') fs.fchmodSync(fd, options.mode);
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let offset = 0;
      while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
      if (syncsData(options)) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  if (syncsFolder(options)) syncFolder(folder);
}

/** Above this size the data is written off the event loop too. */
const smallFileBytes = 64 * 1024;

function openFile(file: string, mode: number): Promise<number> {
  return new Promise((resolve, reject) => fs.open(file, 'wx', mode, (error, fd) => (error ? reject(error) : resolve(fd))));
}

/** In the thread pool: creating a file can wait for the journal while other files are fsynced. */
async function openTemporary(temp: string, folder: string, options: AtomicWriteOptions): Promise<number> {
  try {
    return await openFile(temp, options.mode ?? 0o666);
  } catch (error) {
    if (!options.createFolder || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(folder, { recursive: true });
    return openFile(temp, options.mode ?? 0o666);
  }
}

async function writeAll(fd: number, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    if (bytes.length <= smallFileBytes) {
      offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    } else {
      offset += await new Promise<number>((resolve, reject) => fs.write(fd, bytes, offset, bytes.length - offset, null, (error, written) => (error ? reject(error) : resolve(written))));
    }
  }
}

/**
 * The same without blocking the event loop on the disk (the transport writes messages while it
 * serves sessions): creating the file, the fsync and large writes run in the thread pool. Writing
 * a small file, closing and renaming are quick system calls that cost less made directly than as
 * thread-pool round trips; the folder is created only when the open finds it missing. With
 * `prepared`, a temporary file created earlier on the same file system (in any folder) is filled
 * and renamed instead, so the create is not on this write's path.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}, prepared?: PreparedTemporary): Promise<void> {
  if (prepared) {
    try {
      return await fillAndRename(prepared.fd, prepared.path, file, data, options);
    } catch (error) {
      // Another file system (a linked folder): write it the ordinary way.
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    }
  }
  const temp = temporarySibling(file);
  return fillAndRename(await openTemporary(temp, path.dirname(file), options), temp, file, data, options);
}

async function fillAndRename(fd: number, temp: string, file: string, data: string | Uint8Array, options: AtomicWriteOptions): Promise<void> {
  const folder = path.dirname(file);
  try {
    try {
      if (options.mode !== undefined && process.platform !== 'win32') fs.fchmodSync(fd, options.mode);
      await writeAll(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      if (syncsData(options)) await new Promise<void>((resolve, reject) => fs.fsync(fd, (error) => (error ? reject(error) : resolve())));
    } finally {
      fs.closeSync(fd);
    }
    renameCreatingFolder(temp, file, options);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  if (syncsFolder(options)) syncFolder(folder);
}

/** A prepared temporary file lives elsewhere: the target folder may not exist yet. */
function renameCreatingFolder(temp: string, file: string, options: AtomicWriteOptions): void {
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    if (!options.createFolder || (error as NodeJS.ErrnoException).code !== 'ENOENT' || !fs.existsSync(temp)) throw error;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.renameSync(temp, file);
  }
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
