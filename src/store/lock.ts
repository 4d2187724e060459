// A cross-process lock file, because conf (and any read-modify-write of a JSON file) is not safe
// when two emsh processes write the same state.
//
// The lock is a file created with O_EXCL ('wx') holding `{ pid, acquiredAt, token }`. A lock whose
// process is dead, or which is older than `staleMs`, is taken over: it is renamed aside (atomic, so
// only one contender wins), and put back if what was moved turns out to be a fresh lock. Waiting is
// synchronous (Atomics.wait), because the documents above it are synchronous like conf; it is bounded
// by `timeoutMs`, after which a clear error names the holder. The lock is re-entrant within a process.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { threadId } from 'node:worker_threads';
import { StoreError } from './store-error.ts';

export interface LockOptions {
  /** How long to wait for another process before giving up (default 10 s). */
  timeoutMs?: number;
  /** A lock older than this is considered abandoned even if its pid is alive (default 60 s). */
  staleMs?: number;
  /** What the lock protects, for the error message (default "emsh state"). */
  subject?: string;
  /** Where the protected state is, for the error message (default: the lock file's folder). */
  target?: string;
}

/** The content of a lock file. */
export interface LockInfo {
  pid: number;
  /** The worker thread of `pid` holding it (0 = main thread). */
  threadId?: number;
  /** Milliseconds since the epoch. */
  acquiredAt: number;
  token: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_STALE_MS = 60_000;
/** A lock file with no readable content yet (its creator is between open and write) gets this long. */
const UNREADABLE_GRACE_MS = 2_000;

const held = new Map<string, { token: string; depth: number }>();

/** Runs `fn` holding the lock at `lockPath`; the lock is released when `fn` returns or throws. */
export function withLock<T>(lockPath: string, fn: () => T, options: LockOptions = {}): T {
  const key = path.resolve(lockPath);
  const mine = held.get(key);
  if (mine) {
    mine.depth++;
    try {
      return fn();
    } finally {
      mine.depth--;
    }
  }
  const token = acquire(key, options);
  held.set(key, { token, depth: 1 });
  try {
    return fn();
  } finally {
    held.delete(key);
    release(key, token);
  }
}

/** True when this process currently holds the lock at `lockPath`. */
export function holdsLock(lockPath: string): boolean {
  return held.has(path.resolve(lockPath));
}

/** Reads a lock file; undefined when it is missing or not (yet) readable. */
export function readLockInfo(lockPath: string): LockInfo | undefined {
  let text: string;
  try {
    text = fs.readFileSync(lockPath, 'utf8');
  } catch {
    return undefined;
  }
  return parseLockInfo(text);
}

function parseLockInfo(text: string): LockInfo | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockInfo>;
    if (typeof value.pid === 'number' && typeof value.acquiredAt === 'number' && typeof value.token === 'string') {
      return { pid: value.pid, threadId: typeof value.threadId === 'number' ? value.threadId : 0, acquiredAt: value.acquiredAt, token: value.token };
    }
  } catch {
    // fall through
  }
  return undefined;
}

function acquire(lockPath: string, options: LockOptions): string {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const token = randomBytes(12).toString('hex');
  const deadline = Date.now() + timeoutMs;
  let delay = 5;
  for (;;) {
    if (tryCreate(lockPath, token)) return token;
    const text = readText(lockPath);
    if (text === undefined) continue; // released meanwhile: try again at once
    const info = parseLockInfo(text);
    if (isStale(lockPath, info, staleMs)) {
      takeOver(lockPath, text);
      continue;
    }
    if (Date.now() >= deadline) throw lockedError(lockPath, info, options);
    sleepSync(Math.min(delay, Math.max(1, deadline - Date.now())));
    delay = Math.min(delay * 2, 100);
  }
}

function tryCreate(lockPath: string, token: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(lockPath, 'wx', 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'ENOENT') {
      fs.mkdirSync(path.dirname(lockPath), { recursive: true });
      return tryCreate(lockPath, token);
    }
    throw error;
  }
  try {
    const info: LockInfo = { pid: process.pid, threadId, acquiredAt: Date.now(), token };
    fs.writeSync(fd, JSON.stringify(info));
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

function readText(lockPath: string): string | undefined {
  try {
    return fs.readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isStale(lockPath: string, info: LockInfo | undefined, staleMs: number): boolean {
  if (!info) {
    try {
      return Date.now() - fs.statSync(lockPath).mtimeMs > UNREADABLE_GRACE_MS;
    } catch {
      return false;
    }
  }
  // Our own thread does not hold it (held locks never reach here): a leftover of this thread.
  if (info.pid === process.pid && info.threadId === threadId) return true;
  if (!processIsAlive(info.pid)) return true;
  return Date.now() - info.acquiredAt > staleMs;
}

/** True unless the process certainly does not exist (EPERM means it exists under another user). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function takeOver(lockPath: string, staleText: string): void {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else took it over
    throw error;
  }
  try {
    if (readText(aside) !== staleText) {
      // We moved a lock another process created after our check: put it back unless a third
      // process has created one since (link fails rather than overwrite).
      try {
        fs.linkSync(aside, lockPath);
      } catch {
        // lost: the other holder will notice its token is gone when it releases
      }
    }
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

function release(lockPath: string, token: string): void {
  const info = readLockInfo(lockPath);
  if (info?.token === token) fs.rmSync(lockPath, { force: true });
}

function lockedError(lockPath: string, info: LockInfo | undefined, options: LockOptions): StoreError {
  const subject = options.subject ?? 'emsh state';
  const target = options.target ?? path.dirname(lockPath);
  const holder = info ? `process ${info.pid}` : 'another process';
  return new StoreError(
    `The ${subject} at ${target} is locked by ${holder}; wait for it to finish and try again, ` +
      `or delete ${lockPath} if that process is no longer running.`,
    'StateLocked',
    'ResourceBusy',
    { targetObject: target },
  );
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the thread for `ms` milliseconds. */
export function sleepSync(ms: number): void {
  Atomics.wait(sleepCell, 0, 0, ms);
}
