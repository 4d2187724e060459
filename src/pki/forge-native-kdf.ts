// Speeds up node-forge's password-based key derivation for PFX files, keeping its results byte for
// byte: forge runs both KDFs in JavaScript (~50 ms per OpenSSL 3 PFX, more for legacy files).
// - PBKDF2: forge only uses Node's native crypto when the PRF is named by a string, but its PBES2
//   code passes a message-digest object (HMAC-SHA-256 for OpenSSL 3 files). Those calls now go to
//   crypto.pbkdf2Sync, with the password as forge's native path reads it (a binary string).
// - The PKCS #12 KDF (RFC 7292 appendix B.2, for the MAC and the legacy 3DES/RC2 ciphers) is
//   re-implemented over Node's hash functions.
// Installed once, on first import of a module that reads or writes PFX files.
import forge from 'node-forge';
import { hash as oneShotHash, pbkdf2Sync } from 'node:crypto';

type Pbkdf2 = (password: string, salt: string, iterations: number, keyLength: number, md?: unknown, callback?: unknown) => string;
type Pkcs12Kdf = (password: string | null | undefined, salt: forge.util.ByteBuffer, id: number, iterations: number, length: number, md?: unknown) => forge.util.ByteBuffer;

const blockLengths: Record<string, number> = { sha1: 64, sha224: 64, sha256: 64, sha384: 128, sha512: 128 };
const marker = Symbol.for('emsh.pki.nativeKdf');

function digestName(md: unknown): string | undefined {
  const algorithm = typeof md === 'object' && md !== null ? (md as { algorithm?: unknown }).algorithm : undefined;
  return typeof algorithm === 'string' && algorithm in blockLengths ? algorithm : undefined;
}

/** Repeats `source` to fill a multiple of `blockLength` bytes (empty stays empty). */
function stretch(source: Buffer, blockLength: number): Buffer {
  const length = blockLength * Math.ceil(source.length / blockLength);
  const result = Buffer.alloc(length);
  for (let index = 0; index < length; index++) result[index] = source[index % source.length]!;
  return result;
}

/** RFC 7292 B.2 with Node's hashes; the password is BMPString with a terminating zero, as forge does. */
export function pkcs12Kdf(password: string | null | undefined, salt: Buffer, id: number, iterations: number, length: number, hash = 'sha1'): Buffer {
  if (!(iterations >= 1)) throw new Error('PKCS#12 key derivation iteration count must be >= 1.');
  const v = blockLengths[hash]!;
  const passwordBytes = password === null || password === undefined ? Buffer.alloc(0) : Buffer.from(`${password}\0`, 'utf16le').swap16();
  const diversifier = Buffer.alloc(v, id);
  let input = Buffer.concat([stretch(salt, v), stretch(passwordBytes, v)]);
  const output: Buffer[] = [];
  let produced = 0;
  while (produced < length) {
    let block = oneShotHash(hash, Buffer.concat([diversifier, input]), 'buffer');
    for (let round = 1; round < iterations; round++) block = oneShotHash(hash, block, 'buffer');
    output.push(block);
    produced += block.length;
    const b = stretch(block, v);
    const next = Buffer.alloc(input.length);
    for (let offset = 0; offset < input.length; offset += v) {
      let carry = 1;
      for (let index = v - 1; index >= 0; index--) {
        carry += input[offset + index]! + b[index]!;
        next[offset + index] = carry & 0xff;
        carry >>= 8;
      }
    }
    input = next;
  }
  return Buffer.concat(output).subarray(0, length);
}

export function installNativeKdf(): void {
  const pkcs5 = forge.pkcs5 as unknown as { pbkdf2: Pbkdf2 & { [marker]?: true } };
  const pbe = (forge as unknown as { pbe: { generatePkcs12Key: Pkcs12Kdf } }).pbe;
  const pkcs12 = forge.pkcs12 as unknown as { generateKey: Pkcs12Kdf };
  if (pkcs5.pbkdf2[marker]) return;

  const originalPbkdf2 = pkcs5.pbkdf2;
  const pbkdf2: Pbkdf2 & { [marker]?: true } = (password, salt, iterations, keyLength, md, callback) => {
    const hash = digestName(md);
    if (callback !== undefined || !hash) return originalPbkdf2(password, salt, iterations, keyLength, md, callback);
    return pbkdf2Sync(Buffer.from(password, 'latin1'), Buffer.from(salt, 'latin1'), iterations, keyLength, hash).toString('latin1');
  };
  pbkdf2[marker] = true;
  pkcs5.pbkdf2 = pbkdf2;

  const originalKdf = pbe.generatePkcs12Key;
  const kdf: Pkcs12Kdf = (password, salt, id, iterations, length, md) => {
    const hash = md === undefined || md === null ? 'sha1' : digestName(md);
    if (!hash) return originalKdf(password, salt, id, iterations, length, md);
    const key = pkcs12Kdf(password, Buffer.from(salt.bytes(), 'latin1'), id, iterations, length, hash);
    return forge.util.createBuffer(key.toString('latin1'));
  };
  pbe.generatePkcs12Key = kdf;
  pkcs12.generateKey = kdf;
}

installNativeKdf();
