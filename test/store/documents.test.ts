import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DocumentStore } from '../../src/store/documents.ts';
import type { DocumentSpec } from '../../src/store/documents.ts';
import { StoreError } from '../../src/store/store-error.ts';
import { counterSpec } from './fixtures/counter-document.ts';
import { runFixture, startFixture, tempFolder, waitForExit, waitForOutput } from './helpers.ts';

function openStore(root: string): DocumentStore {
  return new DocumentStore({ folder: root, lockFile: path.join(root, 'state.lock') });
}

test('read of a missing document returns the spec default and writes nothing', (t) => {
  const root = tempFolder(t);
  const store = openStore(root);
  assert.deepEqual(store.read(counterSpec), { schemaVersion: 2, count: 0 });
  assert.equal(fs.existsSync(store.pathOf(counterSpec)), false);
});

test('update writes the document with its schemaVersion and releases the lock', (t) => {
  const root = tempFolder(t);
  const store = openStore(root);
  const written = store.update(counterSpec, (doc) => ({ ...doc, count: doc.count + 3 }));
  assert.equal(written.count, 3);
  const onDisk = JSON.parse(fs.readFileSync(path.join(root, 'test', 'counter.json'), 'utf8'));
  assert.deepEqual(onDisk, { schemaVersion: 2, count: 3 });
  assert.equal(fs.existsSync(path.join(root, 'state.lock')), false);
});

test('an older document is upgraded on read and the upgrade is idempotent', (t) => {
  const root = tempFolder(t);
  const store = openStore(root);
  fs.mkdirSync(path.join(root, 'test'), { recursive: true });
  fs.writeFileSync(store.pathOf(counterSpec), JSON.stringify({ schemaVersion: 1, value: 7 }));
  assert.deepEqual(store.read(counterSpec), { schemaVersion: 2, count: 7 });
  const once = counterSpec.upgrade({ schemaVersion: 1, value: 7 });
  assert.deepEqual(counterSpec.upgrade({ ...once }), once);
  // A file without schemaVersion counts as version 0 and is upgraded too.
  fs.writeFileSync(store.pathOf(counterSpec), JSON.stringify({ value: 4 }));
  assert.deepEqual(store.read(counterSpec), { schemaVersion: 2, count: 4 });
  store.update(counterSpec, (doc) => doc);
  assert.deepEqual(JSON.parse(fs.readFileSync(store.pathOf(counterSpec), 'utf8')), { schemaVersion: 2, count: 4 });
});

test('a document from a newer emsh is refused, not overwritten', (t) => {
  const root = tempFolder(t);
  const store = openStore(root);
  fs.mkdirSync(path.join(root, 'test'), { recursive: true });
  const text = JSON.stringify({ schemaVersion: 9, count: 1 });
  fs.writeFileSync(store.pathOf(counterSpec), text);
  assert.throws(
    () => store.update(counterSpec, (doc) => ({ ...doc, count: 2 })),
    (error: unknown) => error instanceof StoreError && error.errorId === 'StateSchemaTooNew' && /schema version 9/.test(error.message),
  );
  assert.equal(fs.readFileSync(store.pathOf(counterSpec), 'utf8'), text);
});

test('a transaction that throws writes none of its documents', (t) => {
  const root = tempFolder(t);
  const store = openStore(root);
  const other: DocumentSpec<{ schemaVersion: number; name: string }> = {
    name: 'test/other',
    schemaVersion: 1,
    create: () => ({ schemaVersion: 1, name: 'none' }),
    upgrade: (raw) => raw as { schemaVersion: number; name: string },
  };
  store.update(counterSpec, () => ({ schemaVersion: 2, count: 1 }));
  assert.throws(() =>
    store.transaction((tx) => {
      tx.write(counterSpec, { schemaVersion: 2, count: 99 });
      tx.write(other, { schemaVersion: 1, name: 'staged' });
      assert.equal(tx.read(counterSpec).count, 99, 'reads inside the transaction see staged writes');
      throw new Error('validation failed');
    }),
  );
  assert.equal(store.read(counterSpec).count, 1);
  assert.equal(store.exists(other), false);
  assert.equal(fs.existsSync(path.join(root, 'state.lock')), false);
});

test('nested transactions join the outer one', (t) => {
  const root = tempFolder(t);
  const store = openStore(root);
  store.transaction(() => {
    store.update(counterSpec, (doc) => ({ ...doc, count: doc.count + 1 }));
    store.update(counterSpec, (doc) => ({ ...doc, count: doc.count + 1 }));
    assert.equal(store.read(counterSpec).count, 2);
    assert.equal(fs.existsSync(store.pathOf(counterSpec)), false, 'nothing is committed before the outer transaction ends');
  });
  assert.equal(store.read(counterSpec).count, 2);
});

test('private key material is never written into a document', (t) => {
  const root = tempFolder(t);
  const store = openStore(root);
  const leaky = { schemaVersion: 2, count: 1, payload: '-----BEGIN PRIVATE KEY-----\nMIIE...\n-----END PRIVATE KEY-----' };
  assert.throws(
    () => store.update(counterSpec, () => leaky),
    (error: unknown) => error instanceof StoreError && error.errorId === 'PrivateKeyInDocument',
  );
  assert.equal(store.exists(counterSpec), false);
});

test('an unreadable document gives a clear error and is left alone', (t) => {
  const root = tempFolder(t);
  const store = openStore(root);
  fs.mkdirSync(path.join(root, 'test'), { recursive: true });
  fs.writeFileSync(store.pathOf(counterSpec), '{ not json');
  assert.throws(
    () => store.read(counterSpec),
    (error: unknown) =>
      error instanceof StoreError && error.errorId === 'StateDocumentUnreadable' && error.message.includes('counter.json can\'t be read'),
  );
  assert.equal(fs.readFileSync(store.pathOf(counterSpec), 'utf8'), '{ not json');
});

test('document names must stay inside the store', (t) => {
  const root = tempFolder(t);
  const store = openStore(root);
  const escape: DocumentSpec<{ schemaVersion: number }> = { ...counterSpec, name: '../outside' } as never;
  assert.throws(() => store.pathOf(escape), TypeError);
});

test('a second process sees committed changes', (t) => {
  const root = tempFolder(t);
  const store = openStore(root);
  store.update(counterSpec, () => ({ schemaVersion: 2, count: 41 }));
  const first = runFixture('store-worker.ts', ['read', root]);
  assert.equal(first.status, 0, first.stderr);
  assert.equal(JSON.parse(first.stdout).count, 41);
  const child = runFixture('store-worker.ts', ['increment', root, '1']);
  assert.equal(child.status, 0, child.stderr);
  assert.equal(store.read(counterSpec).count, 42);
});

test('a process killed in the middle of writing leaves the old document whole', async (t) => {
  const root = tempFolder(t);
  const store = openStore(root);
  store.update(counterSpec, () => ({ schemaVersion: 2, count: 0, payload: 'x', length: 1 }));
  const folder = path.dirname(store.pathOf(counterSpec));
  const child = startFixture('store-worker.ts', ['write-large', root, '24']);
  t.after(() => child.kill('SIGKILL'));
  await waitForOutput(child, 'writing');
  // Kill the writer while a temporary file exists, i.e. between the start of a write and its rename.
  const deadline = Date.now() + 30_000;
  let sawTemporary = false;
  while (Date.now() < deadline) {
    if (fs.readdirSync(folder).some((name) => name.startsWith('counter.json.tmp-'))) {
      child.kill('SIGKILL');
      sawTemporary = true;
      break;
    }
  }
  assert.ok(sawTemporary, 'the writer was caught mid-write');
  assert.equal(await waitForExit(child), 'SIGKILL');
  const survivor = store.read(counterSpec);
  assert.equal(typeof survivor.count, 'number');
  assert.equal(survivor.payload?.length, survivor.length, 'the document on disk is whole');
  // The dead writer's lock is taken over, and the next update works on the surviving document.
  const next = store.update(counterSpec, (doc) => ({ schemaVersion: 2, count: doc.count + 1 }));
  assert.equal(next.count, survivor.count + 1);
});
