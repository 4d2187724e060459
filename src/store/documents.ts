// JSON documents kept as conf stores, with a cross-process lock around every read-modify-write.
//
// Each document is one conf store (`cwd` + `configName`, `clearInvalidConfig: false`, no schema),
// written through `atomically` (temp file, fsync, rename), so a crash mid-write leaves the old file
// whole. Reads check the file on every access (document-cache.ts: a stat, parsing again only when
// the file changed), so another process sees a committed change on its next read. conf does not lock, so every change goes through `transaction`/`update`,
// which hold the store's lock file (lock.ts) from the read to the last write. A transaction stages
// its writes and commits them only when its function returns, so a mutation that throws (for
// example a validation error) changes nothing on disk.
//
// Every document has a `schemaVersion`; a document's spec brings older versions up to date with an
// idempotent `upgrade`, both when it is read and before it is written back. Documents never hold
// private key material (checked on every write): keys live in the key store (keys.ts).
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { writeFileAtomicSync } from './atomic-write.ts';
import { CommittedDocumentCache } from './document-cache.ts';
import { withLock } from './lock.ts';
import type { LockOptions } from './lock.ts';
import { StoreError } from './store-error.ts';

export interface VersionedDocument {
  schemaVersion: number;
}

/** What the store needs to know about one kind of document. */
export interface DocumentSpec<T extends VersionedDocument> {
  /** Path relative to the store folder, without `.json`, e.g. `organization/transport-config`. */
  readonly name: string;
  /** The version this code writes. */
  readonly schemaVersion: number;
  /** The document used when the file does not exist yet (not written by a plain read). */
  create(): T;
  /**
   * Brings a document of any version up to `schemaVersion` (files without a version count as 0).
   * Must be idempotent: upgrading a current document returns an equal document.
   */
  upgrade(raw: Record<string, unknown>): T;
}

/** Reads and staged writes inside one locked transaction. */
export interface Transaction {
  read<T extends VersionedDocument>(spec: DocumentSpec<T>): T;
  exists(spec: DocumentSpec<VersionedDocument>): boolean;
  /** Stages a write; it reaches the disk when the transaction's function returns. */
  write<T extends VersionedDocument>(spec: DocumentSpec<T>, document: T): void;
}

export interface DocumentStoreOptions {
  /** The folder document names are relative to (the state root). */
  folder: string;
  /** The lock file guarding every read-modify-write of these documents. */
  lockFile: string;
  lock?: LockOptions;
}

const PRIVATE_KEY_PEM = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;

export class DocumentStore {
  readonly folder: string;
  readonly lockFile: string;
  readonly #lockOptions: LockOptions;
  readonly #confs = new Map<string, Conf<Record<string, unknown>>>();
  readonly #committed = new CommittedDocumentCache();
  readonly #paths = new Map<string, string>();
  #active: StagedTransaction | undefined;

  constructor(options: DocumentStoreOptions) {
    this.folder = path.resolve(options.folder);
    this.lockFile = path.resolve(options.lockFile);
    this.#lockOptions = { target: this.folder, ...options.lock };
  }

  /** The file a document lives in. */
  pathOf(spec: DocumentSpec<VersionedDocument>): string {
    let file = this.#paths.get(spec.name);
    if (file === undefined) {
      file = path.join(this.folder, `${checkedName(spec.name)}.json`);
      this.#paths.set(spec.name, file);
    }
    return file;
  }

  exists(spec: DocumentSpec<VersionedDocument>): boolean {
    return fs.existsSync(this.pathOf(spec));
  }

  /** The committed document (upgraded in memory), or `spec.create()` when there is none yet. */
  read<T extends VersionedDocument>(spec: DocumentSpec<T>): T {
    if (this.#active) return this.#active.read(spec);
    return this.readCommitted(spec) ?? spec.create();
  }

  /** Locked read-modify-write of one document; returns what was written. */
  update<T extends VersionedDocument>(spec: DocumentSpec<T>, change: (document: T) => T): T {
    return this.transaction((tx) => {
      const next = change(tx.read(spec));
      tx.write(spec, next);
      return next;
    });
  }

  /**
   * Runs `fn` holding the lock; the documents it writes are committed when it returns, in the order
   * they were first written. A transaction started inside another joins it.
   */
  transaction<R>(fn: (tx: Transaction) => R): R {
    if (this.#active) return fn(this.#active);
    return withLock(
      this.lockFile,
      () => {
        const tx = new StagedTransaction(this);
        this.#active = tx;
        let result: R;
        try {
          result = fn(tx);
          if (typeof (result as { then?: unknown } | undefined)?.then === 'function') {
            throw new TypeError('A document transaction must be synchronous; do the asynchronous work before or after it');
          }
        } finally {
          this.#active = undefined;
        }
        tx.commit();
        return result;
      },
      this.#lockOptions,
    );
  }

  /**
   * The committed document for read-only use: the same frozen object until the file changes (so
   * callers may key derived values on it), `spec.create()` when there is none. Inside a
   * transaction, what the transaction sees.
   */
  readShared<T extends VersionedDocument>(spec: DocumentSpec<T>): Readonly<T> {
    if (this.#active) return this.#active.read(spec);
    return this.#loadCommitted(spec) ?? spec.create();
  }

  /** @internal The document on disk, upgraded; undefined when the file does not exist. */
  readCommitted<T extends VersionedDocument>(spec: DocumentSpec<T>): T | undefined {
    const document = this.#loadCommitted(spec);
    return document === undefined ? undefined : structuredClone(document);
  }

  #loadCommitted<T extends VersionedDocument>(spec: DocumentSpec<T>): T | undefined {
    const file = this.pathOf(spec);
    return this.#committed.load(file, (text) => {
      let raw: Record<string, unknown>;
      try {
        raw = JSON.parse(text) as Record<string, unknown>;
      } catch (error) {
        throw unreadable(file, error);
      }
      if (raw === null || typeof raw !== 'object' || Object.keys(raw).length === 0) return undefined;
      return upgraded(spec, raw, file);
    })?.document;
  }

  /** @internal Writes one document through conf (atomic). */
  writeCommitted<T extends VersionedDocument>(spec: DocumentSpec<T>, document: T): void {
    const file = this.pathOf(spec);
    const text = JSON.stringify(document);
    if (PRIVATE_KEY_PEM.test(text)) {
      throw new StoreError(
        `Private key material can't be stored in the emsh state document ${file}; ` +
          'save the key with the key store and keep only its key id.',
        'PrivateKeyInDocument',
        'SecurityError',
        { typeName: 'System.Security.SecurityException', targetObject: file },
      );
    }
    const value = JSON.parse(text) as Record<string, unknown>;
    this.#committed.forget(file);
    try {
      if (process.env.SNAP) {
        // conf falls back to a plain, non-atomic write when SNAP is set; keep the guarantee.
        fs.mkdirSync(path.dirname(file), { recursive: true });
        writeFileAtomicSync(file, JSON.stringify(value, undefined, '\t'));
      } else {
        this.#conf(file).store = value;
      }
    } catch (error) {
      throw new StoreError(
        `The emsh state document ${file} couldn't be written: ${messageOf(error)}.`,
        'StateWriteFailed',
        'WriteError',
        { targetObject: file },
      );
    }
  }

  #conf(file: string): Conf<Record<string, unknown>> {
    let conf = this.#confs.get(file);
    if (!conf) {
      conf = new Conf<Record<string, unknown>>({
        cwd: path.dirname(file),
        configName: path.basename(file, '.json'),
        fileExtension: 'json',
        clearInvalidConfig: false,
      });
      this.#confs.set(file, conf);
    }
    return conf;
  }
}

class StagedTransaction implements Transaction {
  readonly #staged = new Map<string, { spec: DocumentSpec<VersionedDocument>; document: VersionedDocument }>();
  constructor(private readonly store: DocumentStore) {}

  read<T extends VersionedDocument>(spec: DocumentSpec<T>): T {
    const staged = this.#staged.get(spec.name);
    if (staged) return structuredClone(staged.document) as T;
    return this.store.readCommitted(spec) ?? spec.create();
  }

  exists(spec: DocumentSpec<VersionedDocument>): boolean {
    return this.#staged.has(spec.name) || this.store.exists(spec);
  }

  write<T extends VersionedDocument>(spec: DocumentSpec<T>, document: T): void {
    const current = spec.upgrade(structuredClone(document) as unknown as Record<string, unknown>);
    current.schemaVersion = spec.schemaVersion;
    this.#staged.set(spec.name, { spec, document: current });
  }

  commit(): void {
    for (const { spec, document } of this.#staged.values()) this.store.writeCommitted(spec, document);
  }
}

function upgraded<T extends VersionedDocument>(spec: DocumentSpec<T>, raw: Record<string, unknown>, file: string): T {
  const version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  if (version > spec.schemaVersion) {
    throw new StoreError(
      `The emsh state document ${file} has schema version ${version}, but this emsh understands ` +
        `versions up to ${spec.schemaVersion}; use a newer emsh with this state root.`,
      'StateSchemaTooNew',
      'InvalidData',
      { typeName: 'System.IO.InvalidDataException', targetObject: file },
    );
  }
  const document = spec.upgrade({ ...raw, schemaVersion: version });
  document.schemaVersion = spec.schemaVersion;
  return document;
}

function checkedName(name: string): string {
  const parts = name.split('/');
  if (path.isAbsolute(name) || parts.some((part) => part === '' || part === '.' || part === '..')) {
    throw new TypeError(`Document name ${JSON.stringify(name)} must be a relative path inside the store`);
  }
  return path.join(...parts);
}

function unreadable(file: string, error: unknown): StoreError {
  return new StoreError(
    `The emsh state document ${file} can't be read: ${messageOf(error)}. Fix the file or restore it from a backup.`,
    'StateDocumentUnreadable',
    'ReadError',
    { typeName: 'System.IO.InvalidDataException', targetObject: file },
  );
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
}
