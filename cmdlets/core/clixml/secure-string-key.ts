// Where a SecureString goes when Export-Clixml writes it: Windows protects it with DPAPI (the user's
// key), so the file holds only ciphertext, readable back by the same user on the same machine. Here
// the key is a random AES-256 key kept in the state root (`secrets/clixml.key`, mode 0600 in a 0700
// folder), created on first use; <SS> holds the hex of version byte 1, the 12-byte IV, the GCM tag and
// the UTF-16LE text encrypted. Another state root's key cannot read it, as another user's DPAPI cannot.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecureStringKeyError extends Error {}

export function secureStringKeyPath(stateRoot: string): string {
  return path.join(stateRoot, 'secrets', 'clixml.key');
}

/** The state root's key, created (0600) when `create` and none exists yet. */
function loadKey(stateRoot: string, create: boolean): Buffer | undefined {
  const file = secureStringKeyPath(stateRoot);
  try {
    return fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || !create) return undefined;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  try {
    fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (e) {
    // Another shell created it first: use theirs.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file);
    throw e;
  }
}

export function protectText(stateRoot: string, plain: string): string {
  const key = loadKey(stateRoot, true)!;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(Buffer.from(plain, 'utf16le')), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]).toString('hex');
}

/** The text, or SecureStringKeyError with DPAPI's message when this state root's key cannot read it. */
export function unprotectText(stateRoot: string, hex: string): string {
  const bytes = Buffer.from(hex.trim(), 'hex');
  const key = loadKey(stateRoot, false);
  if (!key || bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== VERSION) throw new SecureStringKeyError('Key not valid for use in specified state.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(1, 1 + IV_BYTES));
    decipher.setAuthTag(bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf16le');
  } catch {
    throw new SecureStringKeyError('Key not valid for use in specified state.');
  }
}
