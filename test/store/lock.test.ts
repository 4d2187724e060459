import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DocumentStore } from '../../src/store/documents.ts';
import { holdsLock, readLockInfo, withLock } from '../../src/store/lock.ts';
import { StoreError } from '../../src/store/store-error.ts';
import { counterSpec } from './fixtures/counter-document.ts';
import { startFixture, tempFolder, waitForExit, waitForOutput } from './helpers.ts';

test('concurrent read-modify-writes from three processes lose no update', async (t) => {
  const root = tempFolder(t);
  const store = new DocumentStore({ folder: root, lockFile: path.join(root, 'state.lock') });
  const children = [startFixture('store-worker.ts', ['increment', root, '30']), startFixture('store-worker.ts', ['increment', root, '30'])];
  for (let i = 0; i < 30; i++) store.update(counterSpec, (doc) => ({ ...doc, count: doc.count + 1 }));
  const codes = await Promise.all(children.map(waitForExit));
  assert.deepEqual(codes, [0, 0]);
  assert.equal(store.read(counterSpec).count, 90);
});

test('a lock held by a live process times out with a message naming that process', async (t) => {
  const root = tempFolder(t);
  const child = startFixture('store-worker.ts', ['hold', root, '0']);
  t.after(() => child.kill('SIGKILL'));
  await waitForOutput(child, 'locked');
  const store = new DocumentStore({ folder: root, lockFile: path.join(root, 'state.lock'), lock: { timeoutMs: 300 } });
  const started = Date.now();
  assert.throws(
    () => store.update(counterSpec, (doc) => ({ ...doc, count: 1 })),
    (error: unknown) =>
      error instanceof StoreError &&
      error.errorId === 'StateLocked' &&
      error.category === 'ResourceBusy' &&
      error.message.startsWith(`The emsh state at ${root} is locked by process ${child.pid}; `),
  );
  assert.ok(Date.now() - started >= 250, 'it waited before giving up');
  // Once the holder dies, its lock is stale and is taken over.
  child.kill('SIGKILL');
  await waitForExit(child);
  assert.equal(store.update(counterSpec, (doc) => ({ ...doc, count: doc.count + 1 })).count, 1);
  assert.equal(fs.existsSync(path.join(root, 'state.lock')), false);
});

test('a waiting process gets the lock when the holder releases it', async (t) => {
  const root = tempFolder(t);
  const child = startFixture('store-worker.ts', ['hold', root, '400']);
  t.after(() => child.kill('SIGKILL'));
  await waitForOutput(child, 'locked');
  const store = new DocumentStore({ folder: root, lockFile: path.join(root, 'state.lock') });
  const after = store.update(counterSpec, (doc) => ({ ...doc, count: doc.count + 10 }));
  assert.equal(after.count, 11, 'the holder incremented first, then this process');
  assert.equal(await waitForExit(child), 0);
});

test('a lock older than staleMs is taken over even when its pid is alive', (t) => {
  const root = tempFolder(t);
  const lockFile = path.join(root, 'state.lock');
  fs.writeFileSync(lockFile, JSON.stringify({ pid: process.ppid, acquiredAt: Date.now() - 10 * 60_000, token: 'old' }));
  const result = withLock(lockFile, () => readLockInfo(lockFile), { staleMs: 60_000, timeoutMs: 500 });
  assert.equal(result?.pid, process.pid);
  assert.notEqual(result?.token, 'old');
  assert.equal(fs.existsSync(lockFile), false);
  assert.deepEqual(fs.readdirSync(root), [], 'no renamed-aside lock is left behind');
});

test('a fresh lock of a live process is respected', (t) => {
  const root = tempFolder(t);
  const lockFile = path.join(root, 'state.lock');
  fs.writeFileSync(lockFile, JSON.stringify({ pid: process.ppid, acquiredAt: Date.now(), token: 'theirs' }));
  assert.throws(() => withLock(lockFile, () => 1, { timeoutMs: 100, subject: 'emsh lab registry', target: '/x/registry.json' }), {
    message: `The emsh lab registry at /x/registry.json is locked by process ${process.ppid}; wait for it to finish and try again, or delete ${lockFile} if that process is no longer running.`,
  });
  assert.equal(readLockInfo(lockFile)?.token, 'theirs', 'the other lock is untouched');
});

test('the lock is re-entrant within a process and released at the outermost exit', (t) => {
  const root = tempFolder(t);
  const lockFile = path.join(root, 'nested', 'state.lock');
  withLock(lockFile, () => {
    withLock(lockFile, () => assert.ok(holdsLock(lockFile)));
    assert.ok(holdsLock(lockFile));
    assert.equal(readLockInfo(lockFile)?.pid, process.pid);
  });
  assert.equal(holdsLock(lockFile), false);
  assert.equal(fs.existsSync(lockFile), false);
});

test('a lock of another thread of this process is respected; a leftover of this thread is not', (t) => {
  const root = tempFolder(t);
  const lockFile = path.join(root, 'state.lock');
  fs.writeFileSync(lockFile, JSON.stringify({ pid: process.pid, threadId: 999, acquiredAt: Date.now(), token: 'worker' }));
  assert.throws(() => withLock(lockFile, () => 1, { timeoutMs: 100 }), new RegExp(`locked by process ${process.pid};`));
  fs.writeFileSync(lockFile, JSON.stringify({ pid: process.pid, threadId: 0, acquiredAt: Date.now(), token: 'leftover' }));
  assert.equal(withLock(lockFile, () => 2, { timeoutMs: 100 }), 2);
});
