// Private keys, kept out of the JSON documents: one PEM file per key (mode 0600) in a folder of
// mode 0700 under the state root, with a small metadata file beside it carrying the exportable
// flag. Both files are written atomically, the metadata last: a key exists once its metadata does.
// A key imported from a PFX is saved with `exportable: false`, as Exchange does.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeFileAtomicSync } from './atomic-write.ts';
import { StoreError } from './store-error.ts';

export interface KeyMetadata {
  keyId: string;
  /** Whether Export-ExchangeCertificate may write this key out (PFX). */
  exportable: boolean;
  /** ISO 8601. */
  createdAt: string;
}

export interface StoredKey extends KeyMetadata {
  /** The private key, PEM (PKCS#1 or PKCS#8, possibly encrypted). */
  pem: string;
}

const KEY_ID = /^[0-9a-f]{32}$/;
const PRIVATE_KEY_PEM = /^-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----[\s\S]+-----END ([A-Z0-9]+ )*PRIVATE KEY-----\s*$/;
const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;

export class KeyStore {
  readonly folder: string;

  constructor(folder: string) {
    this.folder = path.resolve(folder);
  }

  /** Saves a private key and returns its new key id. */
  saveKey(pem: string, options: { exportable: boolean }): string {
    const text = pem.trim() + '\n';
    if (!PRIVATE_KEY_PEM.test(text)) {
      throw new StoreError(
        'The key to save is not a PEM private key; expected text starting with "-----BEGIN PRIVATE KEY-----".',
        'InvalidPrivateKey',
        'InvalidArgument',
        { typeName: 'System.ArgumentException' },
      );
    }
    this.#ensureFolder();
    const keyId = randomBytes(16).toString('hex');
    const metadata: KeyMetadata = { keyId, exportable: options.exportable, createdAt: new Date().toISOString() };
    writeFileAtomicSync(this.keyPath(keyId), text, { mode: FILE_MODE });
    writeFileAtomicSync(this.#metadataPath(keyId), JSON.stringify(metadata, undefined, '\t') + '\n', { mode: FILE_MODE });
    return keyId;
  }

  /** The key and its metadata; throws when there is no such key. */
  loadKey(keyId: string): StoredKey {
    const metadata = this.keyMetadata(keyId);
    return { ...metadata, pem: fs.readFileSync(this.keyPath(keyId), 'utf8') };
  }

  keyMetadata(keyId: string): KeyMetadata {
    const file = this.#metadataPath(keyId);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw keyNotFound(keyId);
      throw error;
    }
    const value = JSON.parse(text) as KeyMetadata;
    return { keyId, exportable: value.exportable === true, createdAt: String(value.createdAt) };
  }

  hasKey(keyId: string): boolean {
    return KEY_ID.test(keyId) && fs.existsSync(this.#metadataPath(keyId));
  }

  /** The PEM file of a key (for tools that want a path, such as a TLS server). */
  keyPath(keyId: string): string {
    if (!KEY_ID.test(keyId)) throw keyNotFound(keyId);
    return path.join(this.folder, `${keyId}.pem`);
  }

  /** Deletes a key; false when there was none. */
  deleteKey(keyId: string): boolean {
    if (!this.hasKey(keyId)) return false;
    fs.rmSync(this.#metadataPath(keyId), { force: true });
    fs.rmSync(this.keyPath(keyId), { force: true });
    return true;
  }

  /** Ids of all stored keys. */
  listKeyIds(): string[] {
    if (!fs.existsSync(this.folder)) return [];
    return fs
      .readdirSync(this.folder)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .filter((id) => KEY_ID.test(id))
      .sort();
  }

  #metadataPath(keyId: string): string {
    if (!KEY_ID.test(keyId)) throw keyNotFound(keyId);
    return path.join(this.folder, `${keyId}.json`);
  }

  #ensureFolder(): void {
    fs.mkdirSync(this.folder, { recursive: true, mode: FOLDER_MODE });
    if (process.platform !== 'win32') fs.chmodSync(this.folder, FOLDER_MODE);
  }
}

function keyNotFound(keyId: string): StoreError {
  return new StoreError(
    `The private key '${keyId}' was not found in the emsh key store.`,
    'PrivateKeyNotFound',
    'ObjectNotFound',
    { typeName: 'System.IO.FileNotFoundException', targetObject: keyId },
  );
}
