// Committed documents are parsed once per change (document-cache.ts), yet every change made after
// a read, by this process, another DocumentStore or another process, is seen by the next read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CommittedDocumentCache } from '../../src/store/document-cache.ts';
import { DocumentStore } from '../../src/store/documents.ts';
import { counterSpec } from './fixtures/counter-document.ts';
import { runFixture, tempFolder } from './helpers.ts';

function openStore(root: string): DocumentStore {
  return new DocumentStore({ folder: root, lockFile: path.join(root, 'state.lock') });
}

test('readShared gives the same frozen document until the file changes, then a new one', (t) => {
  const root = tempFolder(t);
  const store = openStore(root);
  store.update(counterSpec, () => ({ schemaVersion: 2, count: 1 }));
  const first = store.readShared(counterSpec);
  assert.equal(store.readShared(counterSpec), first, 'unchanged file: not parsed again');
  assert.ok(Object.isFrozen(first));
  assert.throws(() => ((first as { count: number }).count = 5), TypeError);
  store.update(counterSpec, (doc) => ({ ...doc, count: doc.count + 1 }));
  const second = store.readShared(counterSpec);
  assert.notEqual(second, first);
  assert.equal(second.count, 2);
});

test('read returns a copy the caller may change without touching what the next read returns', (t) => {
  const root = tempFolder(t);
  const store = openStore(root);
  store.update(counterSpec, () => ({ schemaVersion: 2, count: 1, payload: 'a' }));
  const copy = store.read(counterSpec);
  copy.count = 99;
  copy.payload = 'changed';
  assert.deepEqual(store.read(counterSpec), { schemaVersion: 2, count: 1, payload: 'a' });
  assert.equal(store.readShared(counterSpec).count, 1);
});

test('a change committed by another process is seen by the next read', (t) => {
  const root = tempFolder(t);
  const store = openStore(root);
  store.update(counterSpec, () => ({ schemaVersion: 2, count: 1 }));
  assert.equal(store.read(counterSpec).count, 1);
  const child = runFixture('store-worker.ts', ['increment', root, '1']);
  assert.equal(child.status, 0, child.stderr);
  assert.equal(store.read(counterSpec).count, 2);
  assert.equal(store.readShared(counterSpec).count, 2);
});

test('an edit in place of the same size, with the old mtime put back, is still seen', (t) => {
  const root = tempFolder(t);
  const store = openStore(root);
  const file = store.pathOf(counterSpec);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ schemaVersion: 2, count: 1 }));
  const before = fs.statSync(file);
  assert.equal(store.read(counterSpec).count, 1);
  fs.writeFileSync(file, JSON.stringify({ schemaVersion: 2, count: 7 }));
  fs.utimesSync(file, before.atime, before.mtime);
  assert.equal(fs.statSync(file).size, before.size);
  assert.equal(fs.statSync(file).ino, before.ino);
  assert.equal(store.read(counterSpec).count, 7);
});

test('a removed document reads as the spec default again', (t) => {
  const root = tempFolder(t);
  const store = openStore(root);
  store.update(counterSpec, () => ({ schemaVersion: 2, count: 3 }));
  assert.equal(store.read(counterSpec).count, 3);
  fs.rmSync(store.pathOf(counterSpec));
  assert.deepEqual(store.read(counterSpec), { schemaVersion: 2, count: 0 });
});

test('a file that became unreadable is reported, not served from the cache', (t) => {
  const root = tempFolder(t);
  const store = openStore(root);
  store.update(counterSpec, () => ({ schemaVersion: 2, count: 3 }));
  assert.equal(store.read(counterSpec).count, 3);
  fs.writeFileSync(store.pathOf(counterSpec), '{ not json');
  assert.throws(() => store.read(counterSpec), (error: unknown) => (error as { errorId?: string }).errorId === 'StateDocumentUnreadable');
});

test('the cache parses once per distinct text; a settled file is trusted on its stat, a replaced one is read again', (t) => {
  const folder = tempFolder(t);
  const file = path.join(folder, 'doc.json');
  let parses = 0;
  const parse = (text: string): unknown => {
    parses += 1;
    return JSON.parse(text);
  };
  const young = new CommittedDocumentCache();
  fs.writeFileSync(file, '{"a":1}');
  const first = young.load(file, parse);
  assert.equal(young.load(file, parse), first);
  assert.equal(parses, 1, 'a young file is compared by its text, not parsed again');

  const settled = new CommittedDocumentCache({ settleMs: -1e12 });
  parses = 0;
  assert.deepEqual(settled.load(file, parse)?.document, { a: 1 });
  assert.deepEqual(settled.load(file, parse)?.document, { a: 1 });
  assert.equal(parses, 1);
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, '{"a":2}');
  fs.renameSync(temp, file);
  assert.deepEqual(settled.load(file, parse)?.document, { a: 2 }, 'a replaced file (new inode) is read again');
  fs.writeFileSync(file, '{"a":30}');
  assert.deepEqual(settled.load(file, parse)?.document, { a: 30 }, 'an edit in place changing the size is read again');
  assert.equal(parses, 3);
});
