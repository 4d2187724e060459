// Speeds up node-forge's PKCS #12 and PKCS #8 password-based encryption: forge only hands PBKDF2 to
// Node's native crypto when the PRF is named by a string, but its PBES2 code passes a message-digest
// object (HMAC-SHA-256 for OpenSSL 3 files), so every PFX read or written ran PBKDF2 in JavaScript
// (~50 ms for 2048 iterations). This wraps forge.pkcs5.pbkdf2 to use crypto.pbkdf2Sync for those
// calls, with the same byte semantics as forge's own native path (the password as a binary string).
// Installed once, on first import of a module that reads or writes PFX files.
import forge from 'node-forge';
import { pbkdf2Sync } from 'node:crypto';

type Pbkdf2 = (password: string, salt: string, iterations: number, keyLength: number, md?: unknown, callback?: unknown) => string;

const nativeDigests = new Set(['sha1', 'sha224', 'sha256', 'sha384', 'sha512']);
const marker = Symbol.for('emsh.pki.nativePbkdf2');

export function installNativePbkdf2(): void {
  const pkcs5 = forge.pkcs5 as unknown as { pbkdf2: Pbkdf2 & { [marker]?: true } };
  if (pkcs5.pbkdf2[marker]) return;
  const original = pkcs5.pbkdf2;
  const wrapped: Pbkdf2 & { [marker]?: true } = (password, salt, iterations, keyLength, md, callback) => {
    const algorithm = typeof md === 'object' && md !== null ? (md as { algorithm?: unknown }).algorithm : undefined;
    if (callback === undefined && typeof algorithm === 'string' && nativeDigests.has(algorithm)) {
      return pbkdf2Sync(Buffer.from(password, 'latin1'), Buffer.from(salt, 'latin1'), iterations, keyLength, algorithm).toString('latin1');
    }
    return original(password, salt, iterations, keyLength, md, callback);
  };
  wrapped[marker] = true;
  pkcs5.pbkdf2 = wrapped;
}

installNativePbkdf2();
