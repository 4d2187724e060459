// A small cross-process lock: an exclusively created lock file holding the owner's pid.
// A lock whose owner no longer runs, or that is older than `staleMs`, is taken over.
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';

const sleepBuffer = new Int32Array(new SharedArrayBuffer(4));

function sleepSync(ms: number): void {
  Atomics.wait(sleepBuffer, 0, 0, ms);
}

function ownerIsGone(lockPath: string, staleMs: number): boolean {
  try {
    const age = Date.now() - statSync(lockPath).mtimeMs;
    if (age > staleMs) return true;
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    if (!Number.isInteger(pid) || pid <= 0) return age > 1000;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Runs `action` while holding `lockPath`; waits (synchronously, briefly) for another holder. */
export function withFileLockSync<T>(lockPath: string, action: () => T, staleMs = 10_000): T {
  const deadline = Date.now() + staleMs * 2;
  let fd: number | undefined;
  while (fd === undefined) {
    try {
      fd = openSync(lockPath, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (ownerIsGone(lockPath, staleMs) || Date.now() > deadline) {
        try {
          unlinkSync(lockPath);
        } catch {
          // another process removed it first
        }
        continue;
      }
      sleepSync(2);
    }
  }
  try {
    writeSync(fd, String(process.pid));
    return action();
  } finally {
    closeSync(fd);
    try {
      unlinkSync(lockPath);
    } catch {
      // already gone
    }
  }
}
