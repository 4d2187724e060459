import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { KeyStore } from '../../src/store/keys.ts';
import { StoreError } from '../../src/store/store-error.ts';
import { tempFolder } from './helpers.ts';

const pem = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const posix = process.platform !== 'win32';

test('saveKey writes a 0600 file in a 0700 folder and loadKey reads it back', (t) => {
  const root = tempFolder(t);
  const keys = new KeyStore(path.join(root, 'keys'));
  const keyId = keys.saveKey(pem, { exportable: true });
  assert.match(keyId, /^[0-9a-f]{32}$/);
  const loaded = keys.loadKey(keyId);
  assert.equal(loaded.pem.trim(), pem.trim());
  assert.equal(loaded.exportable, true);
  assert.equal(loaded.keyId, keyId);
  if (posix) {
    assert.equal(fs.statSync(keys.folder).mode & 0o777, 0o700);
    assert.equal(fs.statSync(keys.keyPath(keyId)).mode & 0o777, 0o600);
    assert.equal(fs.statSync(path.join(keys.folder, `${keyId}.json`)).mode & 0o777, 0o600);
  }
  assert.deepEqual(fs.readdirSync(keys.folder).sort(), [`${keyId}.json`, `${keyId}.pem`], 'no temporary files are left');
});

test('a key imported as non-exportable stays non-exportable', (t) => {
  const keys = new KeyStore(path.join(tempFolder(t), 'keys'));
  const keyId = keys.saveKey(pem, { exportable: false });
  assert.equal(keys.keyMetadata(keyId).exportable, false);
  assert.deepEqual(keys.listKeyIds(), [keyId]);
});

test('the key folder is tightened to 0700 even when it already existed', { skip: !posix }, (t) => {
  const folder = path.join(tempFolder(t), 'keys');
  fs.mkdirSync(folder, { mode: 0o755 });
  fs.chmodSync(folder, 0o755);
  new KeyStore(folder).saveKey(pem, { exportable: false });
  assert.equal(fs.statSync(folder).mode & 0o777, 0o700);
});

test('deleteKey removes both files; loading a deleted or unknown key fails clearly', (t) => {
  const keys = new KeyStore(path.join(tempFolder(t), 'keys'));
  const keyId = keys.saveKey(pem, { exportable: false });
  assert.equal(keys.deleteKey(keyId), true);
  assert.equal(keys.deleteKey(keyId), false);
  assert.equal(keys.hasKey(keyId), false);
  assert.deepEqual(fs.readdirSync(keys.folder), []);
  assert.throws(
    () => keys.loadKey(keyId),
    (error: unknown) => error instanceof StoreError && error.errorId === 'PrivateKeyNotFound' && error.category === 'ObjectNotFound',
  );
  assert.throws(() => keys.loadKey('../../etc/passwd'), StoreError, 'key ids cannot name other paths');
});

test('saveKey refuses text that is not a PEM private key', (t) => {
  const keys = new KeyStore(path.join(tempFolder(t), 'keys'));
  assert.throws(
    () => keys.saveKey('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----', { exportable: true }),
    (error: unknown) => error instanceof StoreError && error.errorId === 'InvalidPrivateKey',
  );
  assert.equal(fs.existsSync(keys.folder), false);
});
